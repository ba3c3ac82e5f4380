// Legislation and country sheets through time: the versions the library kept
// (db/corpus/record-versions.ts), one version's text, the version in force on
// a date, and two versions compared article by article (shared/version-diff.ts).
import { ContractError } from '../../../shared/contract';
import type { ContentRecord, ContentType, TypedRecord } from '../../../shared/content';
import { keepsHistory, type VersionDiff, type VersionInfo, type VersionRef } from '../../../shared/history';
import { articlesOf, diffUnits, sectionsOf, type TextUnit } from '../../../shared/version-diff';
import type { CorpusData } from '../db/corpus';
import { readVersion, versionFacts } from '../corpus/record-history';

/** A record, history or version that is not in the library: `not_found` across the contract, with the reason. */
export class HistoryError extends ContractError {
  constructor(
    readonly reason: 'not_found' | 'no_history' | 'no_version',
    message: string,
  ) {
    super('not_found', message);
  }
}

type HistoryType = 'document' | 'country-sheet';

/** A version's text units: a document's articles, a sheet's sections. */
export function unitsOf(typed: TypedRecord): TextUnit[] {
  if (typed.type === 'document') return articlesOf(typed.record.body);
  if (typed.type === 'country-sheet') return sectionsOf(typed.record.sections);
  return [];
}

const titleOf = (typed: TypedRecord) => ('title' in typed.record && typeof typed.record.title === 'string' ? typed.record.title : typed.record.id);

export class HistoryService {
  constructor(private readonly corpus: Pick<CorpusData, 'records' | 'recordVersions'>) {}

  private current(type: ContentType, id: string): TypedRecord {
    const document = type === 'document' ? this.corpus.records.get('document', id) : undefined;
    const sheet = type === 'country-sheet' ? this.corpus.records.get('country-sheet', id) : undefined;
    const typed: TypedRecord | undefined = document ? { type: 'document', record: document.record } : sheet ? { type: 'country-sheet', record: sheet.record } : undefined;
    if (!typed) {
      if (type !== 'document' && type !== 'country-sheet' && this.corpus.records.exists(type, id)) throw new HistoryError('no_history', `A ${type} has no versions: only legislation and country sheets keep a history.`);
      throw new HistoryError('not_found', `There is no ${type} ${id} in the library.`);
    }
    if (!keepsHistory(type, typed.record)) throw new HistoryError('no_history', `${titleOf(typed)} has no versions: only legislation and country sheets keep a history.`);
    return typed;
  }

  /** The kept versions, oldest first; a record synced before histories were kept has its current version alone. */
  versions(type: ContentType, id: string): { title: string; versions: VersionInfo[] } {
    const current = this.current(type, id);
    const kept = this.corpus.recordVersions.list(type, id);
    const rows = kept.some((row) => row.version === current.record.version)
      ? kept
      : [...kept, { version: current.record.version, ...versionFacts(current), updatedAt: current.record.updatedAt }];
    const versions = rows.map((row, index) => ({
      version: row.version,
      number: row.number ?? index + 1,
      inForceFrom: row.inForceFrom,
      changeNote: row.changeNote,
      updatedAt: row.updatedAt,
      current: row.version === current.record.version,
    }));
    return { title: titleOf(current), versions };
  }

  /** Which kept version a reference names: its number, or the latest in force on a date. */
  resolve(type: ContentType, id: string, ref: VersionRef): VersionInfo {
    const { title, versions } = this.versions(type, id);
    const found = 'number' in ref
      ? versions.find((version) => version.number === ref.number)
      : versions.filter((version) => (version.inForceFrom ?? version.updatedAt.slice(0, 10)) <= ref.onDate).at(-1);
    if (!found) {
      const which = 'number' in ref ? `no version ${ref.number}` : `no version in force on ${ref.onDate}`;
      throw new HistoryError('no_version', `${title} has ${which}; the library keeps ${versions.map((version) => version.number).join(', ')}.`);
    }
    return found;
  }

  /** The record as it was at a kept version. */
  recordAt<T extends HistoryType>(type: T, id: string, version: number): ContentRecord<T> {
    const stored = this.corpus.records.get(type, id);
    if (stored && stored.record.version === version) return stored.record;
    const kept = readVersion(this.corpus.recordVersions, type, id, version);
    if (!kept) throw new HistoryError('no_version', `The library does not keep version ${version} of ${type} ${id}.`);
    return kept;
  }

  typedAt(type: ContentType, id: string, version: number): TypedRecord {
    if (type === 'document') return { type, record: this.recordAt('document', id, version) };
    if (type === 'country-sheet') return { type, record: this.recordAt('country-sheet', id, version) };
    throw new HistoryError('no_history', `A ${type} has no versions: only legislation and country sheets keep a history.`);
  }

  /** One version's text. */
  text(type: ContentType, id: string, ref: VersionRef) {
    const info = this.resolve(type, id, ref);
    const typed = this.typedAt(type, id, info.version);
    return {
      info,
      title: titleOf(typed),
      body: typed.type === 'document' ? typed.record.body : '',
      sections: typed.type === 'country-sheet' ? typed.record.sections.map((section) => ({ key: section.key, title: section.title, body: section.body })) : [],
    };
  }

  /** Two versions compared article by article (section by section), word by word. */
  diff(type: ContentType, id: string, from: VersionRef, to: VersionRef): VersionDiff {
    const older = this.resolve(type, id, from);
    const newer = this.resolve(type, id, to);
    const before = this.typedAt(type, id, older.version);
    const after = this.typedAt(type, id, newer.version);
    const units = diffUnits(unitsOf(before), unitsOf(after));
    const counts = { inserted: 0, deleted: 0, changed: 0, unchanged: 0 };
    for (const unit of units) counts[unit.status] += 1;
    return { title: titleOf(after), from: older, to: newer, units, counts };
  }
}
