// Applies change-feed pages to the local corpus with prepared statements, one
// transaction per page together with the new cursor: a crash at any instant
// leaves either the whole page or nothing.
import type Database from 'better-sqlite3';
import type { ContentType } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import { listColumn, recordFacets } from '../../../shared/record-facets';
import type { CorpusDatabase } from '../db/schema';
import { searchText } from '../search/search-text';

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

// sync_state keys of the change window. A sync's first non-empty page records
// the cursor it started from (in that page's transaction, so an interrupted
// sync keeps it and the next completed one covers both); markSynced publishes it.
const PENDING_CHANGES_FROM = 'pending_changes_from';
const LAST_CHANGES_FROM = 'last_changes_from';
const LAST_CHANGES_AT = 'last_changes_at';

interface SheetSection {
  key: string;
  title: string;
  body: string;
  programmeKind?: string | null;
}

const sameSection = (a: SheetSection, b: SheetSection) => a.title === b.title && a.body === b.body && (a.programmeKind ?? null) === (b.programmeKind ?? null);

export interface AttachmentRow {
  sha256: string;
  size: number;
  mime_type: string;
  file_name: string;
  present: number;
}

/** A record row plus the three fields of its full-text index entry. */
export interface IndexedRecordRow extends RecordRow {
  search_title: string;
  search_summary: string;
  search_body: string;
}

/** A row of the records table as written (SQLite assigns the rowid). */
export type RecordRow = Omit<CorpusDatabase['records'], 'rowid'>;

/** The row a record is stored as: its facets in columns, the record itself as JSON, and its searchable text. */
export function toRecordRow(type: ContentType, record: Record<string, unknown>): IndexedRecordRow {
  const facets = recordFacets(type, record);
  const text = searchText(type, record, facets.title);
  return {
    search_title: text.title,
    search_summary: text.summary,
    search_body: text.body,
    type,
    id: String(record.id),
    version: Number(record.version),
    updated_at: String(record.updatedAt),
    title: facets.title,
    language: facets.language,
    countries: listColumn(facets.countries),
    themes: listColumn(facets.themes),
    kind: facets.kind,
    parent_id: facets.parentId,
    date: facets.date,
    data: JSON.stringify(record),
  };
}

/** Upserts a record; RETURNING gives the rowid its index entry shares. */
export const UPSERT_RECORD_SQL = `INSERT INTO records (type, id, version, updated_at, title, language, countries, themes, kind, parent_id, date, data)
  VALUES (@type, @id, @version, @updated_at, @title, @language, @countries, @themes, @kind, @parent_id, @date, @data)
  ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, title = excluded.title,
    language = excluded.language, countries = excluded.countries, themes = excluded.themes, kind = excluded.kind,
    parent_id = excluded.parent_id, date = excluded.date, data = excluded.data
  RETURNING rowid`;
export const DELETE_INDEX_SQL = 'DELETE FROM search_index WHERE rowid = ?';
export const INSERT_INDEX_SQL = 'INSERT INTO search_index (rowid, title, summary, body) VALUES (?, ?, ?, ?)';

/** Writes one record row and its index entry (replacing an older entry) with prepared statements; returns the rowid. */
export function writeIndexedRow(statements: { upsert: Database.Statement; deleteIndex: Database.Statement; insertIndex: Database.Statement }, row: IndexedRecordRow): number {
  const { search_title, search_summary, search_body, ...recordRow } = row;
  const { rowid } = statements.upsert.get(recordRow) as { rowid: number };
  statements.deleteIndex.run(rowid);
  statements.insertIndex.run(rowid, search_title, search_summary, search_body);
  return rowid;
}

/** What an applied page changed: the pages' changes and the rowids they wrote or removed. */
export interface CorpusListener {
  applied(page: ChangesPage, changedRowids: number[]): void;
  reset(): void;
}

export class CorpusWriter {
  /** Bumped by every change to the corpus, so caches built from it know when to rebuild. */
  generation = 0;
  /** Told after each applied page and each reset, to keep in-memory indexes in step. */
  readonly listeners: CorpusListener[] = [];
  private readonly indexStatements: { upsert: Database.Statement; deleteIndex: Database.Statement; insertIndex: Database.Statement };
  private readonly deleteRecord: Database.Statement;
  private readonly deleteRefs: Database.Statement;
  private readonly insertRef: Database.Statement;
  private readonly insertAttachment: Database.Statement;
  private readonly setState: Database.Statement;
  private readonly getState: Database.Statement<[string], { value: string }>;
  private readonly deleteState: Database.Statement;
  private readonly sheetStatements: { previousData: Database.Statement<[string], { data: string }>; tracked: Database.Statement<[string, string], { changed_version: number }>; markChanged: Database.Statement; touch: Database.Statement; forget: Database.Statement };
  private readonly markSyncedInTransaction: (at: string) => void;
  private readonly applyInTransaction: (page: ChangesPage, serverUrl: string, at: string) => { upserts: number; deletes: number; changedRowids: number[] };

  constructor(private readonly sqlite: Database.Database) {
    this.indexStatements = { upsert: sqlite.prepare(UPSERT_RECORD_SQL), deleteIndex: sqlite.prepare(DELETE_INDEX_SQL), insertIndex: sqlite.prepare(INSERT_INDEX_SQL) };
    this.deleteRecord = sqlite.prepare('DELETE FROM records WHERE type = ? AND id = ? RETURNING rowid');
    this.deleteRefs = sqlite.prepare('DELETE FROM record_attachments WHERE type = ? AND id = ?');
    this.insertRef = sqlite.prepare('INSERT OR IGNORE INTO record_attachments (type, id, sha256) VALUES (?, ?, ?)');
    this.insertAttachment = sqlite.prepare('INSERT OR IGNORE INTO attachments (sha256, size, mime_type, file_name, present) VALUES (?, ?, ?, ?, 0)');
    this.setState = sqlite.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.getState = sqlite.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.deleteState = sqlite.prepare('DELETE FROM sync_state WHERE key = ?');
    this.sheetStatements = {
      previousData: sqlite.prepare("SELECT data FROM records WHERE type = 'country-sheet' AND id = ?"),
      tracked: sqlite.prepare('SELECT changed_version FROM country_sheet_sections WHERE sheet_id = ? AND section = ?'),
      markChanged: sqlite.prepare(`INSERT INTO country_sheet_sections (sheet_id, section, changed_version, previous_title, previous_body) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (sheet_id, section) DO UPDATE SET changed_version = excluded.changed_version, previous_title = excluded.previous_title, previous_body = excluded.previous_body`),
      touch: sqlite.prepare('UPDATE country_sheet_sections SET changed_version = ? WHERE sheet_id = ? AND section = ?'),
      forget: sqlite.prepare('DELETE FROM country_sheet_sections WHERE sheet_id = ?'),
    };
    this.markSyncedInTransaction = sqlite.transaction((at: string) => {
      this.setState.run('last_sync_at', at);
      const pending = this.getState.get(PENDING_CHANGES_FROM);
      if (!pending) return;
      this.setState.run(LAST_CHANGES_FROM, pending.value);
      this.setState.run(LAST_CHANGES_AT, at);
      this.deleteState.run(PENDING_CHANGES_FROM);
    });
    this.applyInTransaction = sqlite.transaction((page: ChangesPage, serverUrl: string, at: string) => {
      let upserts = 0;
      let deletes = 0;
      const changedRowids: number[] = [];
      let windowStart = Number(this.getState.get(PENDING_CHANGES_FROM)?.value ?? NaN);
      if (Number.isNaN(windowStart) && page.changes.length > 0) {
        windowStart = Number(this.getState.get('cursor')?.value ?? 0);
        this.setState.run(PENDING_CHANGES_FROM, String(windowStart));
      }
      for (const change of page.changes) {
        if (change.op === 'upsert') {
          const previousSheet = change.type === 'country-sheet' ? this.sheetStatements.previousData.get(change.id) : undefined;
          changedRowids.push(writeIndexedRow(this.indexStatements, toRecordRow(change.type, change.record)));
          if (change.type === 'country-sheet') this.trackSheetSections(change.id, change.record, previousSheet?.data, windowStart);
          this.deleteRefs.run(change.type, change.id);
          const attachments = (change.record as { attachments?: Array<{ sha256: string; size: number; mimeType: string; fileName: string }> }).attachments ?? [];
          for (const attachment of attachments) {
            this.insertAttachment.run(attachment.sha256, attachment.size, attachment.mimeType, attachment.fileName);
            this.insertRef.run(change.type, change.id, attachment.sha256);
          }
          upserts += 1;
        } else {
          const removed = this.deleteRecord.get(change.type, change.id) as { rowid: number } | undefined;
          if (removed) {
            this.indexStatements.deleteIndex.run(removed.rowid);
            changedRowids.push(removed.rowid);
          }
          this.deleteRefs.run(change.type, change.id);
          if (change.type === 'country-sheet') this.sheetStatements.forget.run(change.id);
          deletes += 1;
        }
      }
      this.setState.run('cursor', String(page.cursor));
      this.setState.run('latest', String(page.latest));
      this.setState.run('server_url', serverUrl);
      this.setState.run('last_page_at', at);
      return { upserts, deletes, changedRowids };
    });
  }

  /**
   * Remembers, for each section of a sheet whose text changed, the version it
   * changed at and its text before. Within one sync window the text from before
   * the window's first change is kept, so the interface shows what the whole sync changed.
   */
  private trackSheetSections(sheetId: string, sheet: Record<string, unknown>, previousData: string | undefined, windowStart: number): void {
    const version = Number(sheet.version);
    const before = new Map<string, SheetSection>();
    if (previousData) for (const section of (JSON.parse(previousData) as { sections: SheetSection[] }).sections) before.set(section.key, section);
    for (const section of sheet.sections as SheetSection[]) {
      const previous = before.get(section.key);
      if (previous && sameSection(previous, section)) continue;
      const tracked = this.sheetStatements.tracked.get(sheetId, section.key);
      if (tracked && tracked.changed_version > windowStart) this.sheetStatements.touch.run(version, sheetId, section.key);
      else this.sheetStatements.markChanged.run(sheetId, section.key, version, previous?.title ?? null, previous?.body ?? null);
    }
  }

  /** Applies a validated page and its cursor atomically. */
  applyPage(page: ChangesPage, serverUrl: string, at = new Date().toISOString()): { upserts: number; deletes: number } {
    const { upserts, deletes, changedRowids } = this.applyInTransaction(page, serverUrl, at);
    if (upserts + deletes > 0) {
      this.generation += 1;
      for (const listener of this.listeners) listener.applied(page, changedRowids);
    }
    return { upserts, deletes };
  }

  /**
   * Rebuilds the full-text index from the records when the two disagree (a
   * store synced before the index existed, or an interrupted rebuild).
   */
  ensureSearchIndex(): boolean {
    const count = (sql: string) => (this.sqlite.prepare(sql).get() as { n: number }).n;
    if (count('SELECT count(*) AS n FROM records') === count('SELECT count(*) AS n FROM search_index')) return false;
    const insert = this.sqlite.prepare(INSERT_INDEX_SQL);
    // Read in batches: better-sqlite3 cannot write while a read is still iterating on the same connection.
    const batch = this.sqlite.prepare('SELECT rowid, type, data FROM records WHERE rowid > ? ORDER BY rowid LIMIT 1000');
    this.sqlite.transaction(() => {
      this.sqlite.prepare('DELETE FROM search_index').run();
      let after = 0;
      for (;;) {
        const rows = batch.all(after) as Array<{ rowid: number; type: ContentType; data: string }>;
        if (rows.length === 0) break;
        for (const row of rows) {
          const indexed = toRecordRow(row.type, JSON.parse(row.data) as Record<string, unknown>);
          insert.run(row.rowid, indexed.search_title, indexed.search_summary, indexed.search_body);
        }
        after = rows.at(-1)!.rowid;
      }
    })();
    this.generation += 1;
    for (const listener of this.listeners) listener.reset();
    return true;
  }

  /** Marks a completed sync (all pages up to the server's latest applied). */
  markSynced(at = new Date().toISOString()): void {
    this.markSyncedInTransaction(at);
  }

  /** The last completed sync that brought changes; null before the first. */
  lastChanges(): LastChangesWindow | null {
    const since = this.getState.get(LAST_CHANGES_FROM);
    const at = this.getState.get(LAST_CHANGES_AT);
    return since && at ? { sinceVersion: Number(since.value), at: at.value } : null;
  }

  /** Drops the synced corpus for a resync from 0; attachment files stay (they are content-addressed). */
  resetCorpus(): void {
    this.sqlite.transaction(() => {
      this.sqlite.prepare('DELETE FROM records').run();
      this.sqlite.prepare('DELETE FROM search_index').run();
      this.sqlite.prepare('DELETE FROM record_attachments').run();
      this.sqlite.prepare('DELETE FROM country_sheet_sections').run();
      // Everything the resync brings counts as changed, whatever the window said before.
      this.setState.run(PENDING_CHANGES_FROM, '0');
      this.setState.run('cursor', '0');
      this.setState.run('latest', '0');
    })();
    this.generation += 1;
    for (const listener of this.listeners) listener.reset();
  }

  state(): SyncState {
    const value = (key: string) => this.getState.get(key)?.value ?? null;
    return {
      cursor: Number(value('cursor') ?? 0),
      latest: Number(value('latest') ?? 0),
      serverUrl: value('server_url'),
      lastSyncAt: value('last_sync_at'),
    };
  }
}
