// A prebuilt corpus: the corpus.sqlite a sync builds, compacted into one file a
// portal can serve (`ewsi build-snapshot`), and the checks a client runs on such
// a file from the network before anything else of it is read. This module is
// the SQLite side of both: writing the compact file, and opening a received one
// defensively (no WAL, read-only, trusted_schema off), comparing its whole
// schema with the one this build's own migrations make, its migration level,
// the search index's configuration, SQLite's quick_check and the kept versions'
// blocks (in a thread of its own, beside the records' check) and FTS5's
// integrity-check. The records' own check (their schemas, their derivations)
// is in sync/prebuilt-check.ts, over the rows read here.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { z } from 'zod';
import { HASH_BYTES } from '../corpus/record-history';
import { corpusMigrations } from './migrations';
import type { CorpusDatabase } from './schema';
import type { Store } from './stores';

/** A received corpus file is not a corpus this client would have built: refused whole. */
export class InvalidPrebuiltCorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPrebuiltCorpusError';
  }
}

/** The corpus schema's level: the newest corpus migration of this build. A prebuilt file is taken only at exactly this level. */
export function corpusSchemaLevel(): string {
  return Object.keys(corpusMigrations).sort().at(-1) ?? '';
}

/** The sync_state keys a prebuilt file holds: where its corpus stands, nothing of the builder's own syncs. */
export const PREBUILT_SYNC_KEYS = ['cursor', 'latest'] as const;

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** How often the kept versions use each history block: [block id, uses]. */
const BLOCK_USES_QUERY = 'SELECT b.value AS id, count(*) AS uses FROM record_versions v, json_each(v.blocks) f, json_each(f.value) b GROUP BY b.value';

const SCHEMA_QUERY = 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name';
// The FTS5 tables' configuration (the ranking weights live there): part of what the schema means.
const FTS_CONFIG_QUERIES = ['SELECT k, v FROM search_index_config ORDER BY k', 'SELECT k, v FROM attachment_pages_index_config ORDER BY k'];

interface ReferenceCorpus {
  schema: SchemaRow[];
  migrations: string[];
  ftsConfig: unknown[][];
}

let reference: Promise<ReferenceCorpus> | undefined;

/** The schema a fresh, empty corpus of this build has: its own migrations run on an in-memory database (once per process). */
function referenceCorpus(): Promise<ReferenceCorpus> {
  reference ??= (async () => {
    const sqlite = new Database(':memory:');
    const db = new Kysely<CorpusDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => corpusMigrations } });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return readShape(sqlite);
    } finally {
      await db.destroy();
    }
  })();
  return reference;
}

function readShape(sqlite: Database.Database): ReferenceCorpus {
  return {
    schema: sqlite.prepare(SCHEMA_QUERY).all() as SchemaRow[],
    migrations: (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((row) => row.name),
    ftsConfig: FTS_CONFIG_QUERIES.map((query) => sqlite.prepare(query).raw().all()),
  };
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What the first 100 bytes must say before SQLite is let near the file: an
 * SQLite 3 database in rollback mode (a WAL-mode file would make SQLite look for
 * a -wal file beside it), whose pages are exactly the file's length.
 */
export function checkDatabaseHeader(file: string): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    if (fs.readSync(fd, header, 0, 100, 0) < 100) throw new InvalidPrebuiltCorpusError('The corpus file is shorter than an SQLite header');
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) throw new InvalidPrebuiltCorpusError('The corpus file is not an SQLite database');
  if (header[18] !== 1 || header[19] !== 1) throw new InvalidPrebuiltCorpusError('The corpus file is not a plain rollback-journal database (it is in WAL mode or of an unknown format version)');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || pages * pageSize !== size) {
    throw new InvalidPrebuiltCorpusError(`The corpus file's header announces ${pages} pages of ${pageSize} bytes, the file has ${size} bytes`);
  }
}

/** SQLite's settings for a file nobody here wrote: nothing in its schema may run a function it names, and damaged cells are caught. */
function defensive(sqlite: Database.Database): void {
  sqlite.unsafeMode(false);
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('cell_size_check = ON');
  sqlite.pragma('mmap_size = 0');
}

/** Milliseconds each structural check took, for the benchmark and the docs. */
export type CheckTimings = Record<string, number>;

const timed = <T>(timings: CheckTimings, name: string, run: () => T): T => {
  const started = performance.now();
  try {
    return run();
  } finally {
    timings[name] = Math.round((performance.now() - started) * 10) / 10;
  }
};

/**
 * The checks of a received file's shape before its rows are read: its header,
 * then, read-only and defensively, its schema against this build's, its
 * migration level and the index configuration. Throws InvalidPrebuiltCorpusError saying what differs.
 */
export async function checkPrebuiltShape(file: string): Promise<CheckTimings> {
  const timings: CheckTimings = {};
  timed(timings, 'header', () => checkDatabaseHeader(file));
  const expected = await referenceCorpus();
  const sqlite = openPrebuiltReader(file);
  try {
    const shape = timed(timings, 'schema', () => {
      try {
        return readShape(sqlite);
      } catch (error) {
        throw new InvalidPrebuiltCorpusError(`The corpus file's schema cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    if (shape.migrations.join('\n') !== expected.migrations.join('\n')) {
      throw new InvalidPrebuiltCorpusError(`The corpus file is at schema level ${shape.migrations.at(-1) ?? '(none)'}, this app at ${expected.migrations.at(-1) ?? '(none)'}`);
    }
    const describe = (row: SchemaRow) => `${row.type} ${row.name}`;
    const wanted = new Map(expected.schema.map((row) => [describe(row), row]));
    for (const row of shape.schema) {
      const own = wanted.get(describe(row));
      if (!own) throw new InvalidPrebuiltCorpusError(`The corpus file has a ${describe(row)} that this app's schema does not have`);
      if (own.tbl_name !== row.tbl_name || own.sql !== row.sql) throw new InvalidPrebuiltCorpusError(`The corpus file's ${describe(row)} is not defined as this app defines it`);
      wanted.delete(describe(row));
    }
    const missing = [...wanted.keys()];
    if (missing.length > 0) throw new InvalidPrebuiltCorpusError(`The corpus file lacks ${missing.join(', ')}`);
    if (JSON.stringify(shape.ftsConfig) !== JSON.stringify(expected.ftsConfig)) throw new InvalidPrebuiltCorpusError("The corpus file's search index is configured otherwise than this app's");
    return timings;
  } finally {
    sqlite.close();
  }
}

/** A received file opened read-only and defensively (its shape checked first): what its checks read it through. */
export function openPrebuiltReader(file: string): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  defensive(sqlite);
  return sqlite;
}

// quick_check runs in a thread of its own, on its own read-only connection, while the records are checked: it
// reads every page in C and the records' check is JavaScript, so on two cores the two take the time of the longer.
// The kept versions' blocks are checked there after it (every block hashes to its text and is counted as often as
// versions use it): plain SQL and hashing, which evens out the two threads' shares of the work.
// The thread's code is a few lines of plain JavaScript needing only the SQLite driver, whose path it is given.
const STRUCTURE_CHECK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require(workerData.driver);
const started = performance.now();
let sqlite;
function blocksRefusal() {
  const uses = new Map(sqlite.prepare(${JSON.stringify(BLOCK_USES_QUERY)}).raw().all());
  let blocks = 0;
  for (const [id, hash, text, refs] of sqlite.prepare('SELECT id, hash, text, refs FROM history_blocks').raw().iterate()) {
    blocks += 1;
    if (!createHash('sha256').update(text).digest().subarray(0, workerData.hashBytes).equals(hash)) return "The corpus file's history block " + id + ' does not hash to its text';
    const used = uses.get(id) ?? 0;
    if (used !== refs) return "The corpus file's history block " + id + ' is counted ' + refs + ' times, used ' + used;
  }
  if (blocks !== uses.size) return "The corpus file's kept versions use blocks it does not hold";
  return undefined;
}
try {
  sqlite = new Database(workerData.file, { readonly: true, fileMustExist: true });
  sqlite.unsafeMode(false);
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('cell_size_check = ON');
  sqlite.pragma('mmap_size = 0');
  const problems = sqlite.pragma('quick_check', { simple: false }).map((row) => String(row.quick_check));
  const quickCheckMs = performance.now() - started;
  const refusal = problems.length === 1 && problems[0] === 'ok' ? blocksRefusal() : undefined;
  parentPort.postMessage({ problems, ms: quickCheckMs, blocksMs: performance.now() - started - quickCheckMs, ...(refusal ? { refusal } : {}) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  if (sqlite) sqlite.close();
}
`;

const structureCheckAnswer = z.union([
  z.object({ problems: z.array(z.string()), ms: z.number(), blocksMs: z.number(), refusal: z.string().optional() }),
  z.object({ error: z.string() }),
]);

/**
 * SQLite's quick_check of the file, then the check of its history blocks, in a worker thread (its shape checked
 * first). Resolves with the milliseconds each took in its thread; rejects with InvalidPrebuiltCorpusError when
 * the file is damaged or its blocks are wrong. Never rejects otherwise for the file's sake.
 */
export function checkStructureInThread(file: string): Promise<{ quick_check: number; history_blocks: number }> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const thread = new Worker(STRUCTURE_CHECK_THREAD, { eval: true, workerData: { driver, file, hashBytes: HASH_BYTES } });
    let answered = false;
    thread.once('message', (message: unknown) => {
      answered = true;
      const answer = structureCheckAnswer.safeParse(message);
      const tenths = (ms: number) => Math.round(ms * 10) / 10;
      if (!answer.success) reject(new Error('The structure check thread answered something else than its problems'));
      else if ('error' in answer.data) reject(new InvalidPrebuiltCorpusError(`The corpus file cannot be read: ${answer.data.error}`));
      else if (answer.data.problems.length !== 1 || answer.data.problems[0] !== 'ok') reject(new InvalidPrebuiltCorpusError(`The corpus file is damaged: ${answer.data.problems.slice(0, 3).join('; ')}`));
      else if (answer.data.refusal) reject(new InvalidPrebuiltCorpusError(answer.data.refusal));
      else resolve({ quick_check: tenths(answer.data.ms), history_blocks: tenths(answer.data.blocksMs) });
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (!answered) reject(new Error(`The structure check thread stopped (exit code ${code}) before answering`));
    });
  });
}

/** All the structural checks of a received file: its shape, then quick_check. Throws InvalidPrebuiltCorpusError saying what differs. */
export async function checkPrebuiltStructure(file: string): Promise<CheckTimings> {
  const timings = await checkPrebuiltShape(file);
  Object.assign(timings, await checkStructureInThread(file));
  return timings;
}

/** A record's stored row with its index entry, as the check of the records reads them. */
export interface PrebuiltRecordRow {
  rowid: number;
  type: string;
  id: string;
  version: number;
  updated_at: string;
  title: string;
  language: string;
  countries: string;
  themes: string;
  kind: string;
  parent_id: string;
  date: string;
  data: string;
}

/** What the records' check reads a received file through: its own read-only connection, nothing written. */
export type PrebuiltReader = Pick<Store<CorpusDatabase>, 'sqlite'>;

/** Reads of an opened prebuilt corpus that only the check needs (the data modules have no reason to offer them). */
export function prebuiltCorpusRows(store: PrebuiltReader) {
  const { sqlite } = store;
  defensive(sqlite);
  const indexEntry = sqlite.prepare('SELECT title, summary, body FROM search_index WHERE rowid = ?');
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    /** Every record, in rowid order. */
    records: () =>
      sqlite.prepare('SELECT rowid, type, id, version, updated_at, title, language, countries, themes, kind, parent_id, date, data FROM records ORDER BY rowid').iterate() as IterableIterator<PrebuiltRecordRow>,
    /** One record's index entry (undefined: none). */
    indexEntry: (rowid: number) => indexEntry.get(rowid) as { title: string; summary: string; body: string } | undefined,
    /** Records without an index entry (the entries' docsize rows share their rowids). */
    unindexed: () => (sqlite.prepare('SELECT count(*) AS n FROM records r WHERE NOT EXISTS (SELECT 1 FROM search_index_docsize d WHERE d.id = r.rowid)').get() as { n: number }).n,
    counts: () => ({ records: count('records'), index: count('search_index'), attachmentText: count('attachment_text'), attachmentPages: count('attachment_pages'), present: count('attachments WHERE present <> 0') }),
    syncState: () => sqlite.prepare('SELECT key, value FROM sync_state ORDER BY key').all() as Array<{ key: string; value: string }>,
    attachments: () => sqlite.prepare('SELECT sha256, size, mime_type, file_name FROM attachments ORDER BY sha256').all() as Array<{ sha256: string; size: number; mime_type: string; file_name: string }>,
    references: () => sqlite.prepare('SELECT type, id, sha256 FROM record_attachments ORDER BY type, id, sha256').all() as Array<{ type: string; id: string; sha256: string }>,
    sections: () => sqlite.prepare('SELECT sheet_id, section, changed_version, previous_title, previous_body FROM country_sheet_sections ORDER BY sheet_id, section').all() as Array<{ sheet_id: string; section: string; changed_version: number; previous_title: string | null; previous_body: string | null }>,
    problems: () => sqlite.prepare('SELECT type, id FROM record_problems ORDER BY type, id').all() as Array<{ type: string; id: string }>,
    versions: () => sqlite.prepare('SELECT type, id, version FROM record_versions ORDER BY type, id, version').all() as Array<{ type: string; id: string; version: number }>,
    /** FTS5's integrity-check of the search index against its text: it tokenizes every entry again, as costly as building it. */
    ftsIntegrity: () => {
      try {
        sqlite.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run();
      } catch (error) {
        throw new InvalidPrebuiltCorpusError(`The corpus file's search index does not match its text: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/**
 * Writes the corpus at `store` as a compact prebuilt file at `out` (VACUUM INTO:
 * no free pages, no WAL), keeping of sync_state only where the corpus stands.
 * The builder's own store is a throwaway copy: nothing else of it is kept.
 */
export function writePrebuiltCorpus(store: Store<CorpusDatabase>, out: string): { version: number; records: number; databaseSize: number } {
  const { sqlite } = store;
  const counts = prebuiltCorpusRows(store).counts();
  if (counts.attachmentText > 0 || counts.attachmentPages > 0) throw new Error('The corpus to build a snapshot from holds extracted PDF text: build it without attachments');
  const keep = PREBUILT_SYNC_KEYS.map((key) => `'${key}'`).join(', ');
  sqlite.exec(`DELETE FROM sync_state WHERE key NOT IN (${keep}); UPDATE attachments SET present = 0`);
  const cursor = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get() as { value: string } | undefined;
  const version = Number(cursor?.value ?? 0);
  sqlite.prepare("UPDATE sync_state SET value = ? WHERE key = 'latest'").run(String(version));
  fs.rmSync(out, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(out);
  // VACUUM INTO keeps the source's WAL mode in the header: the file travels in rollback mode.
  const copy = new Database(out);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { version, records: counts.records, databaseSize: fs.statSync(out).size };
}
