// Two versions of a law compared article by article (a country sheet section
// by section): each inserted, deleted or changed article with its words;
// runs of unchanged articles folded to one line that opens them.
import { Fragment, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VersionDiff as Diff } from '../../../../shared/history';
import { WordDiff } from './WordDiff';

type Unit = Diff['units'][number];

/** A unit's words without its heading, which its title already shows (kept where the heading itself changed). */
function bodyParts(unit: Unit): Unit['parts'] {
  const [first, ...rest] = unit.parts;
  if (!first || !unit.heading || !first.text.startsWith(unit.heading) || (unit.status === 'changed' && first.op !== 'equal')) return unit.parts;
  const text = first.text.slice(unit.heading.length).replace(/^\s+/, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}

/** Consecutive unchanged units as one fold, the others one by one. */
function groups(units: readonly Unit[]): Array<{ kind: 'fold'; units: Unit[] } | { kind: 'unit'; unit: Unit }> {
  const out: Array<{ kind: 'fold'; units: Unit[] } | { kind: 'unit'; unit: Unit }> = [];
  for (const unit of units) {
    const last = out.at(-1);
    if (unit.status === 'unchanged' && last?.kind === 'fold') last.units.push(unit);
    else out.push(unit.status === 'unchanged' ? { kind: 'fold', units: [unit] } : { kind: 'unit', unit });
  }
  return out;
}

function Fold({ units, unitName }: { units: Unit[]; unitName: (unit: Unit) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="diff-fold">
      <Button className="button button-quiet" onPress={() => setOpen(!open)} aria-expanded={open} data-testid="diff-fold">
        {t(open ? 'history.hideUnchanged' : 'history.showUnchanged', { count: units.length, names: units.map(unitName).join(', ') })}
      </Button>
      {open && (
        <ul className="plain-list">
          {units.map((unit) => (
            <li key={unit.key} className="diff-unit">
              <h4>{unitName(unit)}</h4>
              <p>{bodyParts(unit).map((part) => part.text).join('')}</p>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function VersionDiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  const unitName = (unit: Unit) => unit.heading || unit.key || t('history.preamble');
  return (
    <div className="version-diff" data-testid="version-diff">
      <p className="muted" data-testid="diff-counts">
        {t('history.counts', diff.counts)}
      </p>
      <ul className="plain-list stack">
        {groups(diff.units).map((group, index) =>
          group.kind === 'fold' ? (
            <Fold key={`fold-${index}`} units={group.units} unitName={unitName} />
          ) : (
            <Fragment key={group.unit.key}>
              <li className={`diff-unit diff-${group.unit.status}`} data-testid="diff-unit" data-status={group.unit.status}>
                <h4>
                  {unitName(group.unit)} <span className="badge">{t(`history.status.${group.unit.status}`)}</span>
                </h4>
                <WordDiff parts={bodyParts(group.unit)} />
              </li>
            </Fragment>
          ),
        )}
      </ul>
    </div>
  );
}
