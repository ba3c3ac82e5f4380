// Backup and restore of the user's own data (settings, saved searches,
// annotations, collections, the outbox…) as one SQLite file. A backup is a
// consistent copy made with SQLite's backup API.
//
// A restore treats the file as input from outside (someone else's, or changed
// since it was saved): it is opened read-only with its schema untrusted; its
// history is checked; a scratch store is made by the app's own migrations up
// to the backup's schema and filled with the backup's rows, read by the
// columns the app declares from its plain tables only; the file's own
// triggers, views and generated columns are never evaluated, and the
// integrity check (which would compute them) runs only when the file's schema
// is exactly the app's. The scratch store is brought to the current schema,
// every row is checked with the contract's schemas (restored-rows.ts), and the
// live store's rows are replaced in one transaction: either all of the checked
// backup is in, or nothing changed. The SQLite work is in db/user/; here are
// the checks, in the words a person can act on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../../../shared/sync';
import type { RestoreResult } from '../../../shared/user-data';
import { userMigrations } from '../db/migrations';
import { BackupFile, isDamage, isPlainTable, RestoreScratch, userTables, type SchemaObject, type SqlRow, type UserStoreBackup } from '../db/user/backup';
import { RestoredRows } from './restored-rows';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export class BackupError extends Error {}

/** A backup as bytes, with a file name that says what and when. */
export async function userDataBackup(store: UserStoreBackup, now = new Date()): Promise<{ fileName: string; bytes: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-backup-'));
  try {
    const file = path.join(dir, 'backup.sqlite');
    await store.writeTo(file);
    return { fileName: `ewsi-user-data-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.sqlite`, bytes: fs.readFileSync(file) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The migrations a backup has, checked: all known to this version, and the first ones of its list in order. */
function checkedHistory(applied: string[] | undefined): string[] {
  if (applied === undefined) throw new BackupError('This file is not an EWSI Desktop backup (it has no schema history).');
  const known = Object.keys(userMigrations).sort();
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length) throw new BackupError(`This backup comes from a newer version of EWSI Desktop (schema ${unknown.sort().at(-1)}); update the app to restore it.`);
  if (!applied.includes(known[0]!)) throw new BackupError('This file is not an EWSI Desktop user-data backup.');
  const sorted = [...applied].sort();
  if (sorted.some((name, i) => name !== known[i])) throw new BackupError('This backup has a schema history this app never writes (migrations missing in between).');
  return sorted;
}

type Ignored = RestoreResult['ignored'];
const KINDS = new Set(['table', 'index', 'trigger', 'view']);
/** SQLite's own objects and the migrator's are not part of the comparison: none of them is read as user data. */
const compared = (object: SchemaObject) => !object.name.startsWith('sqlite_') && !object.name.startsWith('kysely_');

/** What the backup's schema has that the app's (at the same migrations) does not: extra or changed objects, extra or computed columns. */
function foreignObjects(file: BackupFile, scratch: RestoreScratch): Ignored {
  const ours = scratch.schemaObjects().filter(compared);
  const ignored: Ignored = [];
  for (const object of file.schemaObjects().filter(compared)) {
    const same = ours.find((candidate) => candidate.type === object.type && candidate.name === object.name);
    if (same?.sql === object.sql) continue;
    const kind = KINDS.has(object.type) ? (object.type as Ignored[number]['kind']) : 'table';
    if (!same || kind !== 'table' || !isPlainTable(ours, object.name) || !isPlainTable([object], object.name)) {
      ignored.push({ kind, name: object.name });
      continue;
    }
    const declared = new Map(scratch.columns(object.name).map((column) => [column.name, column.hidden]));
    const columns = file.columns(object.name).filter((column) => declared.get(column.name) !== column.hidden);
    if (columns.length === 0) ignored.push({ kind: 'table', name: object.name });
    for (const column of columns) ignored.push({ kind: 'column', name: `${object.name}.${column.name}` });
  }
  return ignored;
}

type Refused = RestoreResult['refused'];

function refuse(refused: Refused, table: string, reason: string, count = 1): void {
  const same = refused.find((entry) => entry.table === table && entry.reason === reason);
  if (same) same.count += count;
  else refused.push({ table, reason, count });
}

/** Copies the backup's rows into the scratch store: only tables and columns the app declares, stored columns only. */
function copyRows(file: BackupFile, scratch: RestoreScratch, refused: Refused): void {
  const theirs = file.schemaObjects();
  const tables = scratch.schemaObjects();
  scratch.fill((insert) => {
    for (const table of userTables(tables)) {
      if (!isPlainTable(theirs, table)) continue;
      const declared = scratch.columns(table).filter((column) => column.hidden === 0).map((column) => column.name);
      const stored = new Map(file.columns(table).map((column) => [column.name, column.hidden]));
      const unreadable = declared.find((column) => stored.get(column) !== 0);
      if (unreadable !== undefined) {
        const rows = file.rowCount(table);
        const why = stored.has(unreadable) ? `its column ${unreadable} is computed in this file, not stored` : `it has no column ${unreadable}`;
        if (rows > 0) refuse(refused, table, `The table ${table} is not the app's: ${why}.`, rows);
        continue;
      }
      for (const row of file.rows(table, declared)) {
        const refusal = insert(table, row);
        if (refusal) refuse(refused, table, refusal);
      }
    }
  });
}

/** A failure of SQLite's reading the file, in words: damage, or a schema it cannot parse. */
function unreadable(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  if (isDamage(error)) return new BackupError(`The backup is damaged (${error.message}).`);
  return new BackupError(`The backup cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}

/** Reads and checks the backup into a scratch store at the current schema. */
async function scratchFrom(bytes: Buffer, dir: string): Promise<{ scratch: RestoreScratch; refused: Refused; ignored: Ignored }> {
  if (bytes.length < 100 || !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new BackupError('This file is not an EWSI Desktop backup (not an SQLite database).');
  const backupFile = path.join(dir, 'backup.sqlite');
  fs.writeFileSync(backupFile, bytes, { mode: 0o600 });
  let file: BackupFile | undefined;
  let scratch: RestoreScratch | undefined;
  try {
    file = new BackupFile(backupFile);
    const applied = checkedHistory(file.appliedMigrations());
    scratch = await RestoreScratch.create(path.join(dir, 'restore.sqlite'), userMigrations, applied);
    const ignored = foreignObjects(file, scratch);
    if (ignored.length === 0) {
      const integrity = file.integrity();
      if (integrity !== 'ok') throw new BackupError(`The backup is damaged (${integrity}).`);
    }
    const refused: Refused = [];
    copyRows(file, scratch, refused);
    try {
      await scratch.migrate(userMigrations);
    } catch (error) {
      throw new BackupError(`The backup could not be brought to this version's schema: ${String(error)}`);
    }
    return { scratch, refused, ignored };
  } catch (error) {
    await scratch?.close();
    throw unreadable(error);
  } finally {
    file?.close();
  }
}

/**
 * Replaces all user data with the backup's checked rows. `current` is the
 * settings in use: the portal address and update channel stay, and the
 * backup's are proposed when they differ.
 */
export async function restoreUserData(store: UserStoreBackup, bytes: Buffer, current: Settings): Promise<RestoreResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-restore-'));
  try {
    const { scratch, refused, ignored } = await scratchFrom(bytes, dir);
    try {
      const checks = new RestoredRows(current);
      const accepted = new Map<string, SqlRow[]>();
      for (const { table, columns } of store.tables()) {
        const rows: SqlRow[] = [];
        for (const row of scratch.rows(table, columns)) {
          const verdict = checks.check(table, row);
          if ('row' in verdict) rows.push(verdict.row);
          else refuse(refused, table, verdict.refused);
        }
        accepted.set(table, rows);
      }
      const fromBackup = Object.fromEntries([...accepted].map(([table, rows]) => [table, rows.length]));
      if (accepted.get('settings')?.length === 0) accepted.set('settings', [checks.settingsWhenAbsent(new Date().toISOString())]);
      for (const orphan of store.replaceAll(accepted)) {
        refuse(refused, orphan.table, `Each refers to a row of ${orphan.parent} that is not in the backup.`, orphan.count);
        fromBackup[orphan.table]! -= orphan.count;
      }
      return { restored: fromBackup, refused, ignored, outboxToConfirm: checks.outboxToConfirm, settingsToConfirm: checks.settingsToConfirm() };
    } finally {
      await scratch.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
