// A record as the corpus stores it: a row with its facets in columns and the
// record as JSON, and the text of its full-text index entry under the same rowid.
import type { TypedRecord } from '../../../shared/content';
import { listColumn, recordFacets, type RecordFacets } from '../../../shared/record-facets';
import type { CorpusData } from '../db/corpus';
import type { RecordRow } from '../db/corpus/records';
import { searchText, type SearchText } from '../search/search-text';

export interface IndexedRecord {
  row: RecordRow;
  text: SearchText;
}

/** The two derivations of a stored record, replaceable so that a test can make one fail. */
export interface RecordDerivations {
  facets(typed: TypedRecord): RecordFacets;
  text(typed: TypedRecord, title: string): SearchText;
}

export const recordDerivations: RecordDerivations = {
  facets: (typed) => recordFacets(typed.type, typed.record),
  text: (typed, title) => searchText(typed, title),
};

/** An indexed record, and what could not be derived of it (empty when everything was). */
export interface DerivedRecord {
  indexed: IndexedRecord;
  problems: string[];
}

const reasonOf = (stage: string, error: unknown) => `${stage}: ${error instanceof Error ? error.message : String(error)}`;

/**
 * Derives a record's facets and index text, each on its own: a derivation that
 * throws is replaced by the least that is certain (the record's own title and
 * language, an index of the title alone), so one record no derivation expected
 * is stored and found by its title rather than stopping the sync.
 */
export function deriveIndexedRecord(typed: TypedRecord, derivations: RecordDerivations = recordDerivations): DerivedRecord {
  const { columns, facets, problems } = deriveRecordColumns(typed, derivations);
  let text: SearchText;
  try {
    text = derivations.text(typed, facets.title);
  } catch (error) {
    problems.push(reasonOf('index text', error));
    text = { title: facets.title, summary: '', body: '' };
  }
  return { indexed: { row: { ...columns, data: JSON.stringify(typed.record) }, text }, problems };
}

/** A record's row without its JSON: the columns lists and filters read (cheap: no index text). */
export function deriveRecordColumns(typed: TypedRecord, derivations: RecordDerivations = recordDerivations): { columns: Omit<RecordRow, 'data'>; facets: RecordFacets; problems: string[] } {
  const { type, record } = typed;
  const problems: string[] = [];
  let facets: RecordFacets;
  try {
    facets = derivations.facets(typed);
  } catch (error) {
    problems.push(reasonOf('facets', error));
    const title = 'title' in record && typeof record.title === 'string' ? record.title : record.id;
    facets = { title, language: record.language, countries: [], themes: [], kind: '', parentId: '', date: '' };
  }
  const columns = {
    type,
    id: record.id,
    version: record.version,
    updated_at: record.updatedAt,
    title: facets.title,
    language: facets.language,
    countries: listColumn(facets.countries),
    themes: listColumn(facets.themes),
    kind: facets.kind,
    parent_id: facets.parentId,
    date: facets.date,
  };
  return { columns, facets, problems };
}

/** Only the index entry's text (rebuilding the index leaves the rows as they are); the title alone when the text cannot be derived. */
export function indexText(typed: TypedRecord, derivations: RecordDerivations = recordDerivations): SearchText {
  return deriveIndexedRecord(typed, derivations).indexed.text;
}

/** Writes a record's row and its index entry (replacing an older entry); returns the rowid. */
export function writeIndexedRecord(data: Pick<CorpusData, 'records' | 'searchIndex'>, indexed: IndexedRecord): number {
  const rowid = data.records.upsert(indexed.row);
  data.searchIndex.replace(rowid, indexed.text);
  return rowid;
}
