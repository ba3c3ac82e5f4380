// A record as the corpus stores it: a row with its facets in columns and the
// record as JSON, and the text of its full-text index entry under the same rowid.
import type { TypedRecord } from '../../../shared/content';
import { listColumn, recordFacets } from '../../../shared/record-facets';
import type { CorpusData } from '../db/corpus';
import type { RecordRow } from '../db/corpus/records';
import { searchText, type SearchText } from '../search/search-text';

export interface IndexedRecord {
  row: RecordRow;
  text: SearchText;
}

export function toIndexedRecord(typed: TypedRecord): IndexedRecord {
  const { type, record } = typed;
  const facets = recordFacets(type, record);
  return {
    row: {
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
      data: JSON.stringify(record),
    },
    text: searchText(typed, facets.title),
  };
}

/** Only the index entry's text (rebuilding the index leaves the rows as they are). */
export function indexText(typed: TypedRecord): SearchText {
  return searchText(typed, recordFacets(typed.type, typed.record).title);
}

/** Writes a record's row and its index entry (replacing an older entry); returns the rowid. */
export function writeIndexedRecord(data: Pick<CorpusData, 'records' | 'searchIndex'>, indexed: IndexedRecord): number {
  const rowid = data.records.upsert(indexed.row);
  data.searchIndex.replace(rowid, indexed.text);
  return rowid;
}
