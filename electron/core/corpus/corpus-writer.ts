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
  private readonly applyInTransaction: (page: ChangesPage, serverUrl: string, at: string) => { upserts: number; deletes: number; changedRowids: number[] };

  constructor(private readonly sqlite: Database.Database) {
    this.indexStatements = { upsert: sqlite.prepare(UPSERT_RECORD_SQL), deleteIndex: sqlite.prepare(DELETE_INDEX_SQL), insertIndex: sqlite.prepare(INSERT_INDEX_SQL) };
    this.deleteRecord = sqlite.prepare('DELETE FROM records WHERE type = ? AND id = ? RETURNING rowid');
    this.deleteRefs = sqlite.prepare('DELETE FROM record_attachments WHERE type = ? AND id = ?');
    this.insertRef = sqlite.prepare('INSERT OR IGNORE INTO record_attachments (type, id, sha256) VALUES (?, ?, ?)');
    this.insertAttachment = sqlite.prepare('INSERT OR IGNORE INTO attachments (sha256, size, mime_type, file_name, present) VALUES (?, ?, ?, ?, 0)');
    this.setState = sqlite.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.getState = sqlite.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.applyInTransaction = sqlite.transaction((page: ChangesPage, serverUrl: string, at: string) => {
      let upserts = 0;
      let deletes = 0;
      const changedRowids: number[] = [];
      for (const change of page.changes) {
        if (change.op === 'upsert') {
          changedRowids.push(writeIndexedRow(this.indexStatements, toRecordRow(change.type, change.record)));
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
    this.setState.run('last_sync_at', at);
  }

  /** Drops the synced corpus for a resync from 0; attachment files stay (they are content-addressed). */
  resetCorpus(): void {
    this.sqlite.transaction(() => {
      this.sqlite.prepare('DELETE FROM records').run();
      this.sqlite.prepare('DELETE FROM search_index').run();
      this.sqlite.prepare('DELETE FROM record_attachments').run();
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
