// The read side of the synced corpus that the interface's screens use; each
// part reads the corpus through its data modules, knows what the last sync
// brought from the corpus writer's change window (Home), and what the user has
// not seen yet from the change tracker (every mark on a record or section).
import type { SavedSearch } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import type { CorpusWriter } from '../corpus/corpus-writer';
import type { CorpusData } from '../db/corpus';
import type { UnseenLookup } from '../changes/unseen-changes';
import { AttachmentReader } from './attachment-reader';
import { CountrySheets } from './country-sheets';
import { FundingList } from './funding-list';
import { HomeSummaryBuilder } from './home-summary';
import { RecordList } from './record-list';
import { RecordReader } from './record-reader';

export interface Library {
  records: RecordList;
  reader: RecordReader;
  attachments: AttachmentReader;
  countrySheets: CountrySheets;
  funding: FundingList;
  home: HomeSummaryBuilder;
}

/** What the library reads besides the corpus tables. */
export interface LibrarySources {
  /** The data folder, where downloaded attachments live. */
  dataDir: string;
  syncStatus: () => SyncStatus;
  savedSearches: () => SavedSearch[];
  /** What the user has not seen yet (the change tracker). */
  unseen: UnseenLookup;
}

export function createLibrary(corpus: Pick<CorpusData, 'records' | 'attachments' | 'sheetSections'>, writer: CorpusWriter, { dataDir, ...sources }: LibrarySources): Library {
  const { unseen } = sources;
  const funding = new FundingList(corpus.records, unseen);
  return {
    records: new RecordList(corpus.records, () => writer.generation, unseen),
    reader: new RecordReader(corpus, dataDir, unseen),
    attachments: new AttachmentReader(corpus.attachments, dataDir),
    countrySheets: new CountrySheets(corpus, unseen),
    funding,
    home: new HomeSummaryBuilder(corpus.records, { ...sources, lastChanges: () => writer.lastChanges(), funding }),
  };
}
