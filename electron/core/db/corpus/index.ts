// The corpus store's data modules, one per table family, over one connection:
// a transaction of any of them covers them all.
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';
import { AttachmentText } from './attachment-text';
import { CorpusAttachments } from './attachments';
import { RecordProblems } from './record-problems';
import { CorpusRecords } from './records';
import { RecordVersions } from './record-versions';
import { SearchIndexEntries } from './search-index';
import { SheetSections } from './sheet-sections';
import { SyncStateTable } from './sync-state';

export interface CorpusData {
  readonly records: CorpusRecords;
  readonly attachments: CorpusAttachments;
  /** The text of PDF attachments, page by page, and its extraction state. */
  readonly attachmentText: AttachmentText;
  readonly syncState: SyncStateTable;
  readonly sheetSections: SheetSections;
  readonly searchIndex: SearchIndexEntries;
  readonly recordProblems: RecordProblems;
  readonly recordVersions: RecordVersions;
  /** `fn` as one synchronous transaction on the corpus store (a savepoint when one is already open). */
  transaction<Args extends unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result;
}

export function createCorpusData(store: Store<CorpusDatabase>): CorpusData {
  return {
    records: new CorpusRecords(store),
    attachments: new CorpusAttachments(store),
    attachmentText: new AttachmentText(store),
    syncState: new SyncStateTable(store),
    sheetSections: new SheetSections(store),
    searchIndex: new SearchIndexEntries(store),
    recordProblems: new RecordProblems(store),
    recordVersions: new RecordVersions(store),
    transaction: (fn) => store.sqlite.transaction(fn),
  };
}
