// Reading records rows back as list items: the pieces every list shares.
import type { ContentType } from '../../../shared/content';
import type { RecordListItem } from '../../../shared/library';
import { plainText, shorten } from './plain-text';

/** Characters of summary a list item carries: two or three lines of a list row. */
export const SUMMARY_LENGTH = 240;

/**
 * The field each type's list summary comes from, extracted by SQLite (and cut
 * short there) so a window of rows never parses whole records in JavaScript.
 */
export const SUMMARY_SOURCE_SQL = `substr(CASE type
    WHEN 'document' THEN json_extract(data, '$.summary')
    WHEN 'good-practice' THEN json_extract(data, '$.summary')
    WHEN 'link' THEN json_extract(data, '$.description')
    WHEN 'funding' THEN json_extract(data, '$.description')
    WHEN 'forum' THEN json_extract(data, '$.description')
    WHEN 'news' THEN json_extract(data, '$.body')
    WHEN 'event' THEN json_extract(data, '$.body')
    WHEN 'forum-post' THEN json_extract(data, '$.body')
    WHEN 'partner-request' THEN json_extract(data, '$.projectIdea')
    WHEN 'country-sheet' THEN json_extract(data, '$.sections[0].body')
    ELSE '' END, 1, 4000)`;

/** Columns a list item is built from. */
export const LIST_COLUMNS_SQL = `rowid, type, id, version, title, date, language, countries, themes, kind, ${SUMMARY_SOURCE_SQL} AS summary_source`;

export interface ListRow {
  rowid: number;
  type: ContentType;
  id: string;
  version: number;
  title: string;
  date: string;
  language: string;
  countries: string;
  themes: string;
  kind: string;
  summary_source: string | null;
}

/** ",DE,FR," → ["DE", "FR"] (the list-column format of shared/record-facets.ts). */
export const splitListColumn = (value: string): string[] => (value ? value.slice(1, -1).split(',') : []);

/** `changedSince`: the version above which records changed in the last sync; null when none did. */
export function toListItem(row: ListRow, changedSince: number | null): RecordListItem {
  return {
    type: row.type,
    id: row.id,
    title: row.title,
    date: row.date,
    language: row.language,
    countries: splitListColumn(row.countries),
    themes: splitListColumn(row.themes),
    ...(row.kind ? { kind: row.kind } : {}),
    summary: shorten(plainText(row.summary_source ?? ''), SUMMARY_LENGTH),
    changedInLastSync: changedSince !== null && row.version > changedSince,
  };
}
