// The Reader's versions of a law or a country sheet: "as in force on…" (a
// version by its date, its text shown beside the current one) and "compare
// with…" (two versions, article by article). Opened from a link with
// ?from=N&to=M (the Home screen's amendment alerts) it shows that diff.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '../../../../shared/history';
import { useApi } from '../../app/core';
import { useLoad } from '../../app/use-load';
import { formatDate } from '../../ui/format';
import { sanitizeHtml } from '../../ui/sanitize';
import { VersionDiffView } from './VersionDiff';

type Target = { type: 'document' | 'country-sheet'; id: string };

const numberParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

export function VersionPicker({ target, revision, params }: { target: Target; revision: number; params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const versions = useLoad(`${target.type}/${target.id}@${revision}`, () => api['history.versions']({ target }));
  const [reading, setReading] = useState<number | null>(null);
  const [onDate, setOnDate] = useState('');
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(() => {
    const from = numberParam(params.get('from'));
    const to = numberParam(params.get('to'));
    return from !== null && to !== null ? { from, to } : null;
  });
  const text = useLoad(`${target.id}@${reading}`, () => api['history.text']({ target, at: { number: reading ?? 1 } }), { enabled: reading !== null });
  const diff = useLoad(`${target.id}:${compare?.from}-${compare?.to}`, () => api['history.diff']({ target, from: { number: compare?.from ?? 1 }, to: { number: compare?.to ?? 1 } }), { enabled: compare !== null });
  if (versions.status !== 'ready' || versions.value.versions.length < 2) return null;
  const list = versions.value.versions;
  const current = list.find((version) => version.current) ?? list.at(-1)!;
  /** The version in force on a date, as the core resolves it (the latest in force on or before it). */
  const readOn = async (date: string) => {
    setOnDate(date);
    setDateProblem(null);
    if (!date) return;
    try {
      const found = await api['history.text']({ target, at: { onDate: date } });
      setReading(found.info.current ? null : found.info.number);
    } catch {
      setDateProblem(t('history.noVersionOn', { date: formatDate(date, i18n.language) }));
    }
  };
  const label = (version: VersionInfo) =>
    t(version.current ? 'history.versionCurrent' : 'history.version', { number: version.number, date: version.inForceFrom ? formatDate(version.inForceFrom, i18n.language) : '' });

  return (
    <section className="card version-picker stack" aria-labelledby="versions-title" data-testid="version-picker">
      <h2 id="versions-title">{t('history.title', { count: list.length })}</h2>
      <div className="version-controls">
        <label className="field">
          <span>{t('history.asInForce')}</span>
          <select
            className="input"
            value={reading ?? current.number}
            onChange={(event) => {
              const number = Number(event.target.value);
              setOnDate('');
              setReading(number === current.number ? null : number);
            }}
            data-testid="version-select"
          >
            {list.map((version) => (
              <option key={version.version} value={version.number}>
                {label(version)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('history.onDate')}</span>
          <input type="date" className="input" value={onDate} onChange={(event) => void readOn(event.target.value)} data-testid="version-date" />
        </label>
        <label className="field">
          <span>{t('history.compareWith')}</span>
          <select
            className="input"
            value={compare?.from ?? ''}
            onChange={(event) => setCompare(event.target.value ? { from: Number(event.target.value), to: reading ?? current.number } : null)}
            data-testid="compare-select"
          >
            <option value="">{t('history.noCompare')}</option>
            {list
              .filter((version) => version.number !== (reading ?? current.number))
              .map((version) => (
                <option key={version.version} value={version.number}>
                  {label(version)}
                </option>
              ))}
          </select>
        </label>
      </div>
      {dateProblem && (
        <p role="alert" className="error">
          {dateProblem}
        </p>
      )}
      {list.filter((version) => version.changeNote).length > 0 && (
        <details>
          <summary>{t('history.changeNotes')}</summary>
          <ul className="plain-list">
            {list
              .filter((version) => version.changeNote)
              .map((version) => (
                <li key={version.version}>
                  <strong>{label(version)}</strong>: {version.changeNote}
                </li>
              ))}
          </ul>
        </details>
      )}
      {reading !== null && text.status === 'ready' && (
        <div className="old-version" data-testid="old-version">
          <p className="notice">
            {t('history.reading', { number: text.value.info.number, date: text.value.info.inForceFrom ? formatDate(text.value.info.inForceFrom, i18n.language) : '' })}{' '}
            <Button className="button button-quiet" onPress={() => setReading(null)}>
              {t('history.backToCurrent')}
            </Button>
          </p>
          {text.value.body && <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(text.value.body) }} />}
          {text.value.sections.map((section) => (
            <section key={section.key}>
              <h3>{section.title}</h3>
              <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(section.body) }} />
            </section>
          ))}
        </div>
      )}
      {compare && (
        <div className="stack">
          <h3>{t('history.comparing', { from: compare.from, to: compare.to })}</h3>
          {diff.status === 'ready' && <VersionDiffView diff={diff.value} />}
          {diff.status === 'failed' && (
            <p role="alert" className="error">
              {t('history.diffFailed', { message: diff.message })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
