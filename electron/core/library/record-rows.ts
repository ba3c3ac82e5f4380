// Reading records rows back as list items: the pieces every list shares.
import type { RecordListItem } from '../../../shared/library';
import type { ListRow } from '../db/corpus/records';
import type { UnseenLookup } from '../changes/unseen-changes';
import { shorten } from '../../../shared/text';
import { plainText } from './plain-text';

/** Characters of summary a list item carries: two or three lines of a list row. */
export const SUMMARY_LENGTH = 240;

/** ",DE,FR," → ["DE", "FR"] (the list-column format of shared/record-facets.ts). */
export const splitListColumn = (value: string): string[] => (value ? value.slice(1, -1).split(',') : []);

/** `unseen`: what the user has not seen yet of each record. */
export function toListItem(row: ListRow, unseen: Pick<UnseenLookup, 'changeOf'>): RecordListItem {
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
    unseenChange: unseen.changeOf(row.type, row.id),
  };
}
