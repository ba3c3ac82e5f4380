// home.summary: what the Home screen shows in one call.
import type Database from 'better-sqlite3';
import type { HomeSummary } from '../../../shared/library';
import type { SavedSearch } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import type { LastChangesWindow } from '../corpus/corpus-writer';
import type { FundingList } from './funding-list';
import { LIST_COLUMNS_SQL, toListItem, type ListRow } from './record-rows';

export interface HomeSources {
  syncStatus: () => SyncStatus;
  lastChanges: () => LastChangesWindow | null;
  funding: FundingList;
  savedSearches: () => SavedSearch[];
}

export class HomeSummaryBuilder {
  private readonly changedCounts: Database.Statement<[number], { type: string; n: number }>;
  private readonly newest: Database.Statement<[number, number], ListRow>;

  constructor(
    sqlite: Database.Database,
    private readonly sources: HomeSources,
  ) {
    this.changedCounts = sqlite.prepare('SELECT type, count(*) AS n FROM records WHERE version > ? GROUP BY type');
    this.newest = sqlite.prepare(`SELECT ${LIST_COLUMNS_SQL} FROM records WHERE version > ? ORDER BY version DESC LIMIT ?`);
  }

  summary(request: { asOf?: string; newestLimit: number; deadlineLimit: number }): HomeSummary {
    const status = this.sources.syncStatus();
    const window = this.sources.lastChanges();
    const asOf = request.asOf ?? new Date().toISOString().slice(0, 10);
    return {
      sync: { serverUrl: status.serverUrl, running: status.running, online: status.online, lastSyncAt: status.lastSyncAt, lastError: status.lastError },
      lastChanges: window && {
        at: window.at,
        sinceVersion: window.sinceVersion,
        // From version 0 (a first sync or a resync) everything changed: the status's cached counts say how much.
        counts: window.sinceVersion === 0 ? status.counts : Object.fromEntries(this.changedCounts.all(window.sinceVersion).map((row) => [row.type, row.n])),
        newest: this.newest.all(window.sinceVersion, request.newestLimit).map((row) => toListItem(row, window.sinceVersion)),
      },
      upcomingDeadlines:
        request.deadlineLimit === 0 ? [] : this.sources.funding.list({ asOf, openOnly: true, deadlineFrom: asOf, funderTypes: [], countries: [], offset: 0, limit: request.deadlineLimit }).items,
      savedSearches: this.sources.savedSearches().filter((search) => search.newMatches > 0),
    };
  }
}
