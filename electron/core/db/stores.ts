import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely';
import { corpusMigrations, userMigrations } from './migrations';
import type { CorpusDatabase, UserDatabase } from './schema';

export interface Store<T> {
  readonly db: Kysely<T>;
  readonly sqlite: Database.Database;
  readonly file: string;
  /** Name of the newest applied migration ('' for none). */
  readonly schemaVersion: string;
  close(): Promise<void>;
}

export interface Stores {
  readonly dataDir: string;
  readonly corpus: Store<CorpusDatabase>;
  readonly user: Store<UserDatabase>;
  close(): Promise<void>;
}

interface OpenStoreOptions {
  file: string;
  migrations: Record<string, Migration>;
  /** Where to write a backup (SQLite backup API) before pending migrations run; none when unset. */
  backupDir?: string;
}

/**
 * Creates the file readable and writable by its owner only (or tightens an
 * older one): the stores hold the user's notes and the corpus they read.
 * SQLite gives its -wal and -shm files the database file's permissions.
 */
function ownerOnlyFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.chmodSync(file, 0o600);
  }
}

async function openStore<T>({ file, migrations, backupDir }: OpenStoreOptions): Promise<Store<T>> {
  const existedBefore = fs.existsSync(file) && fs.statSync(file).size > 0;
  ownerOnlyFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // A 32 MB page cache and checkpoints every ~40 MB of WAL: a large sync writes
  // each page about once instead of re-checkpointing the same B-tree pages.
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const known = await migrator.getMigrations();
    const pending = known.filter((migration) => migration.executedAt === undefined);
    if (pending.length > 0 && existedBefore && backupDir) {
      fs.mkdirSync(backupDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await sqlite.backup(path.join(backupDir, `${path.basename(file, '.sqlite')}-${stamp}-before-${pending[0]!.name}.sqlite`));
    }
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error');
      throw new Error(`Migrating ${file} failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`, { cause: error });
    }
    const names = Object.keys(migrations).sort();
    const schemaVersion = names.at(-1) ?? '';
    return { db, sqlite, file, schemaVersion, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export const CORPUS_FILE = 'corpus.sqlite';
export const USER_FILE = 'user.sqlite';
/** Where a resync, or the first copy from another portal, is built beside the library (db/side-corpus.ts). */
export const SIDE_CORPUS_FILE = 'corpus.next.sqlite';

/** Opens (creating and migrating as needed) a corpus store at `file`. */
export function openCorpusStore(file: string): Promise<Store<CorpusDatabase>> {
  return openStore<CorpusDatabase>({ file, migrations: corpusMigrations });
}

/** Deletes a side corpus and its WAL files: an unfinished copy (the process stopped while building it) is never resumed. */
export function removeSideCorpusFiles(dataDir: string): void {
  const file = path.join(dataDir, SIDE_CORPUS_FILE);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Opens (creating and migrating as needed) the two local stores in `dataDir`. */
export async function openStores(dataDir: string): Promise<Stores> {
  fs.mkdirSync(dataDir, { recursive: true });
  const user = await openStore<UserDatabase>({
    file: path.join(dataDir, USER_FILE),
    migrations: userMigrations,
    backupDir: path.join(dataDir, 'backups'),
  });
  let corpus: Store<CorpusDatabase>;
  try {
    removeSideCorpusFiles(dataDir);
    corpus = await openCorpusStore(path.join(dataDir, CORPUS_FILE));
  } catch (error) {
    await user.close();
    throw error;
  }
  return {
    dataDir,
    corpus,
    user,
    close: async () => {
      await corpus.close();
      await user.close();
    },
  };
}
