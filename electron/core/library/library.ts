// The read side of the synced corpus that the interface's screens use; each
// part reads the corpus through its data modules and knows "changed in the
// last sync" from the corpus writer's change window.
import type { SavedSearch } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import type { CorpusWriter } from '../corpus/corpus-writer';
import type { CorpusData } from '../db/corpus';
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
}

export function createLibrary(corpus: Pick<CorpusData, 'records' | 'attachments' | 'sheetSections'>, writer: CorpusWriter, { dataDir, ...sources }: LibrarySources): Library {
  const changedSince = () => writer.lastChanges()?.sinceVersion ?? null;
  const funding = new FundingList(corpus.records, changedSince);
  return {
    records: new RecordList(corpus.records, () => writer.generation, changedSince),
    reader: new RecordReader(corpus, dataDir, changedSince),
    attachments: new AttachmentReader(corpus.attachments, dataDir),
    countrySheets: new CountrySheets(corpus, changedSince),
    funding,
    home: new HomeSummaryBuilder(corpus.records, { ...sources, lastChanges: () => writer.lastChanges(), funding }),
  };
}
