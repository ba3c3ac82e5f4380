// The sync_state table: where the sync stands (cursor, the server's latest
// version, the portal, when it last ran) and the window of the last sync that
// brought changes. Every key it holds is named here.
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';

export interface SyncState {
  cursor: number;
  serverUrl: string | null;
  lastSyncAt: string | null;
  latest: number;
}

/** The last sync that brought changes: records (and country-sheet sections) above `sinceVersion` changed in it or since. */
export interface LastChangesWindow {
  sinceVersion: number;
  at: string;
}

const CURSOR = 'cursor';
const LATEST = 'latest';
const SERVER_URL = 'server_url';
const LAST_SYNC_AT = 'last_sync_at';
const LAST_PAGE_AT = 'last_page_at';
// The change window. A sync's first non-empty page records the cursor it
// started from (in that page's transaction, so an interrupted sync keeps it and
// the next completed one covers both); markSynced publishes it.
const PENDING_CHANGES_FROM = 'pending_changes_from';
const LAST_CHANGES_FROM = 'last_changes_from';
const LAST_CHANGES_AT = 'last_changes_at';

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  return {
    get: prepareQuery(sqlite, (args: { key: string }) => db.selectFrom('sync_state').select('value').where('key', '=', args.key)),
    set: prepareQuery(sqlite, (args: { key: string; value: string }) =>
      db
        .insertInto('sync_state')
        .values({ key: args.key, value: args.value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    ),
    remove: prepareQuery(sqlite, (args: { key: string }) => db.deleteFrom('sync_state').where('key', '=', args.key)),
  };
}

export class SyncStateTable {
  private readonly queries: ReturnType<typeof prepare>;
  private readonly publishWindow: (at: string) => void;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
    this.publishWindow = store.sqlite.transaction((at: string) => {
      this.set(LAST_SYNC_AT, at);
      const pending = this.value(PENDING_CHANGES_FROM);
      if (pending === null) return;
      this.set(LAST_CHANGES_FROM, pending);
      this.set(LAST_CHANGES_AT, at);
      this.queries.remove.run({ key: PENDING_CHANGES_FROM });
    });
  }

  private value(key: string): string | null {
    return this.queries.get.get({ key })?.value ?? null;
  }

  private set(key: string, value: string): void {
    this.queries.set.run({ key, value });
  }

  state(): SyncState {
    return {
      cursor: Number(this.value(CURSOR) ?? 0),
      latest: Number(this.value(LATEST) ?? 0),
      serverUrl: this.value(SERVER_URL),
      lastSyncAt: this.value(LAST_SYNC_AT),
    };
  }

  /**
   * The cursor the current (possibly interrupted) sync started from: called for
   * a page that brings changes, it opens the window at the stored cursor if none is open.
   */
  changeWindowStart(): number {
    const pending = this.value(PENDING_CHANGES_FROM);
    if (pending !== null) return Number(pending);
    const start = Number(this.value(CURSOR) ?? 0);
    this.set(PENDING_CHANGES_FROM, String(start));
    return start;
  }

  /** Where an applied page leaves the sync. */
  pageApplied(page: { cursor: number; latest: number; serverUrl: string; at: string }): void {
    this.set(CURSOR, String(page.cursor));
    this.set(LATEST, String(page.latest));
    this.set(SERVER_URL, page.serverUrl);
    this.set(LAST_PAGE_AT, page.at);
  }

  /** A completed sync: publishes the change window it (and any interrupted sync before it) opened. */
  markSynced(at: string): void {
    this.publishWindow(at);
  }

  /** The last completed sync that brought changes; null before the first. */
  lastChanges(): LastChangesWindow | null {
    const since = this.value(LAST_CHANGES_FROM);
    const at = this.value(LAST_CHANGES_AT);
    return since !== null && at !== null ? { sinceVersion: Number(since), at } : null;
  }

  /** Back to version 0 for a resync; everything it brings counts as changed, whatever the window said before. */
  restart(): void {
    this.set(PENDING_CHANGES_FROM, '0');
    this.set(CURSOR, '0');
    this.set(LATEST, '0');
  }
}
