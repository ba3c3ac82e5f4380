// The read side of the synced corpus that the interface's screens use; each
// part reads corpus.sqlite with prepared statements and knows "changed in the
// last sync" from the corpus writer's change window.
import type { SavedSearch } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import type { CorpusWriter } from '../corpus/corpus-writer';
import type { Stores } from '../db/stores';
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

export function createLibrary(stores: Stores, writer: CorpusWriter, sources: { syncStatus: () => SyncStatus; savedSearches: () => SavedSearch[] }): Library {
  const sqlite = stores.corpus.sqlite;
  const changedSince = () => writer.lastChanges()?.sinceVersion ?? null;
  const funding = new FundingList(sqlite, changedSince);
  return {
    records: new RecordList(sqlite, () => writer.generation, changedSince),
    reader: new RecordReader(sqlite, stores.dataDir, changedSince),
    attachments: new AttachmentReader(sqlite, stores.dataDir),
    countrySheets: new CountrySheets(sqlite, changedSince),
    funding,
    home: new HomeSummaryBuilder(sqlite, { ...sources, lastChanges: () => writer.lastChanges(), funding }),
  };
}
