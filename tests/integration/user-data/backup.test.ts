// Backup and restore of the user's own data through the app contract, on real
// SQLite files: a restore into a fresh data folder reproduces every row, and a
// bad file is refused with a reason while the data stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { userMigrations } from '../../../electron/core/db/migrations';
import { makeTempDir } from '../../support/temp-dir';

const temp = makeTempDir('ewsi-backup-');
afterAll(() => temp.cleanup());

async function openCore(name: string): Promise<Core> {
  return createCore({ dataDir: path.join(temp.dir, name), appVersion: '0.0.0-test' });
}

/**
 * Every row of every user table, in a stable order: what "all user data" means.
 * Full-text indexes (virtual tables and their shadow tables) are derived from
 * those rows, so they are compared by what they find, not by their pages.
 */
function allUserRows(core: Core): Record<string, unknown[]> {
  const sqlite = core.stores.user.sqlite;
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  const virtual = rows.filter((row) => /^CREATE VIRTUAL TABLE/i.test(row.sql)).map((row) => row.name);
  // Member sync's journal is this computer's record against the portal, kept by a restore (the rows restored are journalled as edits).
  const tables = rows.map((row) => row.name).filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)) && !name.startsWith('member_sync_'));
  const notesIndex = sqlite.prepare("SELECT a.id FROM annotation_notes JOIN annotations a ON a.rowid = annotation_notes.rowid WHERE annotation_notes MATCH 'integration' ORDER BY a.id").pluck().all();
  return { ...Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()])), 'annotation_notes MATCH integration': notesIndex };
}

function fillUserData(core: Core): void {
  const sqlite = core.stores.user.sqlite;
  const now = '2026-11-30T10:00:00.000Z';
  sqlite.prepare("INSERT INTO annotations (id, target_type, target_id, target_version, selector, note, color, tags, orphaned, created_at, updated_at) VALUES ('a1', 'document', 'doc-1', 3, ?, 'Art. 5 – « intégration »', 'green', '[\"law\",\"de\"]', 0, ?, ?)").run(JSON.stringify({ type: 'TextQuoteSelector', exact: 'Ausländer', prefix: 'die ', suffix: ' in' }), now, now);
  sqlite.prepare("INSERT INTO annotations (id, target_type, target_id, target_version, selector, note, created_at, updated_at, orphaned) VALUES ('a2', 'country-sheet', 'cs-DE', 1, '{}', '', ?, ?, 1)").run(now, now);
  sqlite.prepare("INSERT INTO collections (id, name, note, created_at, updated_at) VALUES ('c1', 'Family reunification', 'for the 2027 report', ?, ?)").run(now, now);
  sqlite.prepare("INSERT INTO collection_items (collection_id, item_type, item_id, note, added_at) VALUES ('c1', 'document', 'doc-1', 'key case', ?), ('c1', 'good-practice', 'gp-7', '', ?)").run(now, now);
}

describe('user data backup and restore', () => {
  it('restores into a fresh data folder every row of every user table', async () => {
    const source = await openCore('source');
    fillUserData(source);
    await source.handlers['settings.update']({ serverUrl: 'https://portal.example.eu', syncIntervalMinutes: 30, interfaceLanguage: 'de', theme: 'dark' });
    await source.handlers['savedSearches.save']({ name: 'Housing in Germany', query: 'housing country:DE' });
    const sourceSettings = await source.handlers['settings.get']({});
    const backup = await source.handlers['userData.backup']({});
    expect(backup.fileName).toMatch(/^ewsi-user-data-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.sqlite$/);
    expect(Buffer.from(backup.base64, 'base64').length).toBe(backup.bytes);
    const expected = allUserRows(source);
    await source.close();

    const fresh = await openCore('fresh');
    try {
      await fresh.handlers['savedSearches.save']({ name: 'to be replaced', query: 'x' });
      const { restored, refused, ignored, settingsToConfirm } = await fresh.handlers['userData.restore']({ base64: backup.base64 });
      expect(restored).toMatchObject({ annotations: 2, collections: 1, collection_items: 2, saved_searches: 1, settings: 1 });
      expect({ refused, ignored }).toEqual({ refused: [], ignored: [] });
      // The portal address is the one thing not taken over unasked: it is proposed, and applied when confirmed.
      expect(settingsToConfirm).toEqual({ serverUrl: { current: null, backup: 'https://portal.example.eu' } });
      expect({ ...allUserRows(fresh), settings: undefined }).toEqual({ ...expected, settings: undefined });
      const journalled = fresh.stores.user.sqlite.prepare("SELECT kind || ':' || local_id FROM member_sync_items WHERE dirty = 1 AND kind IN ('annotation', 'collection') ORDER BY 1").pluck().all();
      expect(journalled).toEqual(['annotation:a1', 'annotation:a2', 'collection:c1']);
      await fresh.handlers['settings.update']({ serverUrl: settingsToConfirm.serverUrl!.backup });
      expect(await fresh.handlers['settings.get']({})).toEqual(sourceSettings);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const core = await openCore('refusals');
    try {
      fillUserData(core);
      const before = allUserRows(core);
      const refusal = (bytes: Buffer) => core.dispatch('userData.restore', { base64: bytes.toString('base64') });
      expect(await refusal(Buffer.from('not a database at all, but long enough to look like one maybe'.repeat(4)))).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/not an EWSI Desktop backup/) } });
      // The corpus store is SQLite with a schema history, but not user data.
      await core.stores.corpus.sqlite.backup(path.join(temp.dir, 'corpus-copy.sqlite'));
      expect(await refusal(fs.readFileSync(path.join(temp.dir, 'corpus-copy.sqlite')))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/newer version|not an EWSI Desktop user-data backup/) } });
      // A backup from a newer app version.
      const newer = path.join(temp.dir, 'newer.sqlite');
      await core.stores.user.sqlite.backup(newer);
      const sqlite = new Database(newer);
      sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-0001-future', '2099-01-01T00:00:00Z')").run();
      sqlite.close();
      expect(await refusal(fs.readFileSync(newer))).toMatchObject({ ok: false, error: { message: expect.stringContaining('newer version of EWSI Desktop (schema 2099-01-01-0001-future)') } });
      // A damaged file: a valid header, then garbage pages.
      const damaged = fs.readFileSync(newer);
      damaged.fill(0x5a, 4096, Math.min(damaged.length, 12288));
      expect(await refusal(damaged)).toMatchObject({ ok: false });
      expect(allUserRows(core)).toEqual(before);
    } finally {
      await core.close();
    }
  });

  it('brings a backup made by an older version up to the current schema', async () => {
    const file = path.join(temp.dir, 'old.sqlite');
    const sqlite = new Database(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const names = Object.keys(userMigrations).sort();
    const older = Object.fromEntries(names.slice(0, 2).map((name) => [name, userMigrations[name]!]));
    expect((await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest()).error).toBeUndefined();
    sqlite.prepare("INSERT INTO collections (id, name, note, created_at, updated_at) VALUES ('old', 'From the old app', '', '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:00.000Z')").run();
    await db.destroy();

    const core = await openCore('from-old');
    try {
      const { restored } = await core.handlers['userData.restore']({ base64: fs.readFileSync(file).toString('base64') });
      expect(restored.collections).toBe(1);
      expect(allUserRows(core).collections).toEqual([{ id: 'old', name: 'From the old app', note: '', created_at: '2025-01-01T09:00:00.000Z', updated_at: '2025-01-01T09:00:00.000Z' }]);
      expect(await core.handlers['savedSearches.list']({})).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
