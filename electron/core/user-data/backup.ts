// Backup and restore of the user's own data (settings, saved searches,
// annotations, collections, the outbox…) as one SQLite file. A backup is a
// consistent copy made with SQLite's backup API. A restore checks the file,
// brings a copy of it to the current schema with the same migrations the app
// runs, then replaces every user table's rows in one transaction on the live
// store: either all of the backup is in, or nothing changed. The SQLite work is
// in db/user/backup.ts; here are the checks, in the words a person can act on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userMigrations } from '../db/migrations';
import { BackupProbe, migrateUserFile, type UserStoreBackup } from '../db/user/backup';

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

/** Checks a backup file and migrates it (a copy) to the current schema. Throws BackupError with a reason a person can act on. */
async function preparedCopy(bytes: Buffer, dir: string): Promise<string> {
  if (bytes.length < 100 || !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new BackupError('This file is not an EWSI Desktop backup (not an SQLite database).');
  const file = path.join(dir, 'restore.sqlite');
  fs.writeFileSync(file, bytes);
  const probe = new BackupProbe(file);
  try {
    const integrity = probe.integrity();
    if (integrity !== 'ok') throw new BackupError(`The backup is damaged (${integrity}).`);
    if (!probe.hasSchemaHistory()) throw new BackupError('This file is not an EWSI Desktop backup (it has no schema history).');
    const applied = probe.appliedMigrations();
    const unknown = applied.filter((name) => !(name in userMigrations));
    if (unknown.length) throw new BackupError(`This backup comes from a newer version of EWSI Desktop (schema ${unknown.sort().at(-1)}); update the app to restore it.`);
    if (!applied.includes(Object.keys(userMigrations).sort()[0]!)) throw new BackupError('This file is not an EWSI Desktop user-data backup.');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup cannot be read: ${(error as Error).message}`);
  } finally {
    probe.close();
  }
  const error = await migrateUserFile(file);
  if (error) throw new BackupError(`The backup could not be brought to this version's schema: ${String(error)}`);
  return file;
}

/** Replaces all user data with the backup's. Returns the rows restored per table. */
export async function restoreUserData(store: UserStoreBackup, bytes: Buffer): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-restore-'));
  try {
    return store.replaceAllFrom(await preparedCopy(bytes, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
