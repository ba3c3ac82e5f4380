// Backup and restore of the user's own data (settings, saved searches,
// annotations, collections, the outbox…) as one SQLite file. A backup is a
// consistent copy made with SQLite's backup API. A restore checks the file,
// brings a copy of it to the current schema with the same migrations the app
// runs, then replaces every user table's rows in one transaction on the live
// store: either all of the backup is in, or nothing changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely';
import { userMigrations } from '../db/migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export class BackupError extends Error {}

/**
 * The user tables (everything but SQLite's and the migrator's own, and the
 * full-text indexes: virtual tables and their shadow tables are derived from
 * the others, and their triggers rebuild them as rows are restored).
 */
function userTables(sqlite: Database.Database, schema = 'main'): string[] {
  const rows = sqlite
    .prepare(`SELECT name, sql FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`)
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = rows.filter((row) => /^CREATE VIRTUAL TABLE/i.test(row.sql ?? '')).map((row) => row.name);
  return rows.map((row) => row.name).filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)));
}

const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent copy of the user store to `file`. */
export async function backupUserStore(sqlite: Database.Database, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sqlite.backup(file);
}

/** A backup as bytes, with a file name that says what and when. */
export async function userDataBackup(sqlite: Database.Database, now = new Date()): Promise<{ fileName: string; bytes: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-backup-'));
  try {
    const file = path.join(dir, 'backup.sqlite');
    await backupUserStore(sqlite, file);
    return { fileName: `ewsi-user-data-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.sqlite`, bytes: fs.readFileSync(file) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks a backup file and migrates it (a copy) to the current schema. Throws BackupError with a reason a person can act on. */
async function preparedCopy(bytes: Buffer, dir: string): Promise<string> {
  if (bytes.length < 100 || !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new BackupError('This file is not an EWSI Desktop backup (not an SQLite database).');
  const file = path.join(dir, 'restore.sqlite');
  fs.writeFileSync(file, bytes);
  const probe = new Database(file, { readonly: true });
  try {
    const integrity = probe.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`The backup is damaged (${String(integrity)}).`);
    const hasMigrations = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasMigrations) throw new BackupError('This file is not an EWSI Desktop backup (it has no schema history).');
    const applied = probe.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
    const unknown = applied.filter((name) => !(name in userMigrations));
    if (unknown.length) throw new BackupError(`This backup comes from a newer version of EWSI Desktop (schema ${unknown.sort().at(-1)}); update the app to restore it.`);
    if (!applied.includes(Object.keys(userMigrations).sort()[0]!)) throw new BackupError('This file is not an EWSI Desktop user-data backup.');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup cannot be read: ${(error as Error).message}`);
  } finally {
    probe.close();
  }
  const sqlite = new Database(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => userMigrations } }).migrateToLatest();
    if (error) throw new BackupError(`The backup could not be brought to this version's schema: ${String(error)}`);
  } finally {
    await db.destroy();
  }
  return file;
}

/** Replaces all user data with the backup's. Returns the rows restored per table. */
export async function restoreUserData(sqlite: Database.Database, bytes: Buffer): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-restore-'));
  try {
    const file = await preparedCopy(bytes, dir);
    sqlite.prepare('ATTACH DATABASE ? AS restored').run(file);
    try {
      const tables = userTables(sqlite);
      const restoredTables = new Set(userTables(sqlite, 'restored'));
      const counts: Record<string, number> = {};
      sqlite.transaction(() => {
        // Foreign keys are checked at commit, so tables can be filled in any order.
        sqlite.pragma('defer_foreign_keys = ON');
        for (const table of tables) sqlite.prepare(`DELETE FROM main.${quoteName(table)}`).run();
        for (const table of tables) {
          if (!restoredTables.has(table)) continue;
          const columns = (sqlite.prepare(`PRAGMA main.table_info(${quoteName(table)})`).all() as Array<{ name: string }>).map((column) => quoteName(column.name)).join(', ');
          counts[table] = sqlite.prepare(`INSERT INTO main.${quoteName(table)} (${columns}) SELECT ${columns} FROM restored.${quoteName(table)}`).run().changes;
        }
      })();
      return counts;
    } finally {
      sqlite.prepare('DETACH DATABASE restored').run();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
