// `ewsi history`, `ewsi diff` and `ewsi annotate`: a law's versions, two of
// them compared, and a note made on a quoted passage, from a terminal, so that
// histories and annotations can be scripted and tested outside the interface.
import type { AnnotationTarget } from '../../../shared/annotations';
import type { VersionDiff, VersionInfo, VersionRef } from '../../../shared/history';
import type { Core } from '../core';

export class HistoryUsageError extends Error {}

/** "3" is version 3; "2022-01-01" the version in force that day. */
export function parseVersionRef(text: string | undefined, flag: string): VersionRef {
  if (text === undefined) throw new HistoryUsageError(`ewsi diff needs ${flag} V (a version number, or a date YYYY-MM-DD for the version in force that day)`);
  if (/^\d+$/.test(text) && Number(text) > 0) return { number: Number(text) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return { onDate: text };
  throw new HistoryUsageError(`${flag} must be a version number or a date YYYY-MM-DD, not "${text}"`);
}

const describeVersion = (version: VersionInfo) =>
  `version ${version.number}${version.inForceFrom ? `, in force from ${version.inForceFrom}` : ''}${version.current ? ' (current)' : ''}`;

export async function historyLines(core: Core, target: { type: 'document' | 'country-sheet'; id: string }): Promise<{ json: unknown; lines: string[] }> {
  const history = await core.handlers['history.versions']({ target });
  const lines = [`${history.title}: ${history.versions.length} version${history.versions.length === 1 ? '' : 's'} kept`];
  for (const version of history.versions) lines.push(`  ${describeVersion(version)}${version.changeNote ? `\n      ${version.changeNote}` : ''}`);
  return { json: history, lines };
}

const SIGNS = { inserted: '+', deleted: '-', changed: '~', unchanged: '=' } as const;

/** The diff as text: each changed article with its words as [-deleted-]{+inserted+}; unchanged articles folded to one line. */
export function diffLines(diff: VersionDiff): string[] {
  const lines = [
    `${diff.title}: ${describeVersion(diff.from)} → ${describeVersion(diff.to)}`,
    `${diff.counts.inserted} inserted, ${diff.counts.deleted} deleted, ${diff.counts.changed} changed, ${diff.counts.unchanged} unchanged`,
  ];
  for (const unit of diff.units) {
    const name = unit.heading || (unit.key ? unit.key : 'Before the first article');
    lines.push(`${SIGNS[unit.status]} ${name} (${unit.status})`);
    if (unit.status === 'changed') lines.push(`    ${unit.parts.map((part) => (part.op === 'insert' ? `{+${part.text}+}` : part.op === 'delete' ? `[-${part.text}-]` : part.text)).join('')}`);
    else if (unit.status !== 'unchanged') lines.push(`    ${unit.parts.map((part) => part.text).join('')}`);
  }
  return lines;
}

/** Creates a note on the one place `quote` occurs in the target's current text. */
export async function annotateQuote(core: Core, target: AnnotationTarget, quote: string, note: string) {
  const view = await core.handlers['annotations.forTarget']({ target });
  if (view.text === null) throw new HistoryUsageError(`There is no ${target.type} ${target.id} in the library (sync first, or check the id)`);
  const start = view.text.indexOf(quote);
  if (start === -1) throw new HistoryUsageError(`The quote does not occur in the text of ${target.type} ${target.id}${target.key ? ` (${target.key})` : ''}: quote the words as the text has them`);
  if (view.text.indexOf(quote, start + 1) !== -1) throw new HistoryUsageError(`The quote occurs more than once in ${target.type} ${target.id}: quote more words, so that it names one place`);
  return core.handlers['annotations.create']({ target, start, end: start + quote.length, exact: quote, note, color: 'yellow', tags: [] });
}
