// home.summary: what the Home screen shows in one call.
import type { ParsedArgs } from '../../../shared/contract';
import type { HomeSummary } from '../../../shared/library';
import type { SavedSearch } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import type { CorpusRecords } from '../db/corpus/records';
import type { LastChangesWindow } from '../db/corpus/sync-state';
import type { UnseenLookup } from '../changes/unseen-changes';
import type { FundingList } from './funding-list';
import { toListItem } from './record-rows';

export interface HomeSources {
  syncStatus: () => SyncStatus;
  lastChanges: () => LastChangesWindow | null;
  funding: FundingList;
  savedSearches: () => SavedSearch[];
  unseen: Pick<UnseenLookup, 'changeOf' | 'counts'>;
}

export class HomeSummaryBuilder {
  constructor(
    private readonly records: CorpusRecords,
    private readonly sources: HomeSources,
  ) {}

  summary(request: ParsedArgs<'home.summary'>): HomeSummary {
    const status = this.sources.syncStatus();
    const window = this.sources.lastChanges();
    const asOf = request.asOf ?? new Date().toISOString().slice(0, 10);
    return {
      sync: { serverUrl: status.serverUrl, running: status.running, online: status.online, lastSyncAt: status.lastSyncAt, lastError: status.lastError },
      lastChanges: window && {
        at: window.at,
        sinceVersion: window.sinceVersion,
        // From version 0 (a first sync or a resync) everything changed: the status's cached counts say how much.
        counts: window.sinceVersion === 0 ? status.counts : this.records.changedCountsByType(window.sinceVersion),
        newest: this.records.newestSince(window.sinceVersion, request.newestLimit).map((row) => toListItem(row, this.sources.unseen)),
      },
      upcomingDeadlines:
        request.deadlineLimit === 0 ? [] : this.sources.funding.list({ asOf, openOnly: true, deadlineFrom: asOf, funderTypes: [], countries: [], offset: 0, limit: request.deadlineLimit }).items,
      savedSearches: this.sources.savedSearches().filter((search) => search.newMatches > 0),
      unseen: this.sources.unseen.counts(),
    };
  }
}
