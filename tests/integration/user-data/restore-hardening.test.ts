// A backup file is input from outside: someone else's file, or one changed
// after it was saved. On real SQLite files and a real portal: the file's own
// schema objects (a generated column, a trigger, a view) are never evaluated,
// every row is validated and a bad one refused with its reason while the rest
// is restored, a failed restore leaves the data as it was, restored outbox
// items are never sent before the member confirms them, and a different portal
// address or update channel is proposed, not applied.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { userMigrations } from '../../../electron/core/db/migrations';
import { BackupFile } from '../../../electron/core/db/user/backup';
import type { MethodResult } from '../../../shared/contract';
import { MEMBER, startCommunityPortal } from '../../support/community';
import { readFeed, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

const temp = makeTempDir('ewsi-restore-hardening-');
let portal: TestPortal;
let cores = 0;

beforeAll(async () => {
  portal = await startCommunityPortal(['thread-a']);
});
afterAll(async () => {
  await portal?.close();
  temp.cleanup();
});

const FAST = { baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 5000, maxRetryAfterMs: 20 };

async function openCore(): Promise<Core> {
  cores += 1;
  return createCore({ dataDir: path.join(temp.dir, `core-${cores}`), appVersion: '0.0.0-test', outbox: { push: FAST } });
}

type RestoreResult = MethodResult<'userData.restore'>;

async function restore(core: Core, file: string): Promise<RestoreResult> {
  return core.handlers['userData.restore']({ base64: fs.readFileSync(file).toString('base64') });
}

/** A backup of a core holding a bit of everything, written to `name` for the test to change. */
async function sourceBackup(name: string, settings: { serverUrl?: string | null; updateChannel?: 'stable' | 'beta'; allowInsecurePortal?: boolean } = {}): Promise<string> {
  const source = await openCore();
  try {
    await source.handlers['settings.update']({
      serverUrl: settings.serverUrl ?? portal.url,
      updateChannel: settings.updateChannel ?? 'stable',
      allowInsecurePortal: settings.allowInsecurePortal ?? false,
      theme: 'dark',
    });
    await source.handlers['savedSearches.save']({ name: 'Housing', query: 'housing' });
    await source.handlers['collections.create']({ name: 'Reading list', note: '' });
    await source.handlers['outbox.composeReply']({ threadId: 'thread-a', body: 'Written by whoever made this backup', language: 'en' });
    const backup = await source.handlers['userData.backup']({});
    const file = path.join(temp.dir, name);
    fs.writeFileSync(file, Buffer.from(backup.base64, 'base64'));
    return file;
  } finally {
    await source.close();
  }
}

/** Opens the backup file to change it as a hostile author would (SQLite's defensive mode off). */
function craft(file: string, change: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(file);
  sqlite.unsafeMode(true);
  sqlite.pragma('foreign_keys = OFF');
  try {
    change(sqlite);
  } finally {
    sqlite.close();
  }
}

const reply = (core: Core) => core.outbox.store.rows().filter((row) => row.kind === 'forum.reply');

describe('restoring a backup someone else may have made', () => {
  it('never evaluates the file’s own generated column, trigger or view, and says it ignored them', async () => {
    const file = await sourceBackup('crafted-schema.sqlite');
    craft(file, (sqlite) => {
      // Each would fail (malformed JSON) if SQLite ever computed it: a virtual column is computed when read or checked.
      sqlite.exec(`ALTER TABLE outbox ADD COLUMN crafted INTEGER GENERATED ALWAYS AS (json(payload || ',')) VIRTUAL`);
      sqlite.exec(`CREATE VIEW crafted_view AS SELECT json(payload || ',') AS boom FROM outbox`);
      // A trigger that would point the restored settings at another portal the moment anything touched the outbox.
      sqlite.exec(`CREATE TRIGGER crafted_trigger AFTER UPDATE ON outbox BEGIN UPDATE settings SET value = json_set(value, '$.serverUrl', 'https://attacker.example'); END`);
    });
    const core = await openCore();
    try {
      await core.handlers['settings.update']({ serverUrl: portal.url });
      const result = await restore(core, file);
      expect(result.restored).toMatchObject({ outbox: 1, saved_searches: 1, collections: 1, settings: 1 });
      expect(result.ignored).toEqual(expect.arrayContaining([
        { kind: 'column', name: 'outbox.crafted' },
        { kind: 'view', name: 'crafted_view' },
        { kind: 'trigger', name: 'crafted_trigger' },
      ]));
      expect(result.refused).toEqual([]);
      expect(core.stores.user.sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'crafted%'").all()).toEqual([]);
      expect((await core.handlers['settings.get']({})).serverUrl).toBe(portal.url);
    } finally {
      await core.close();
    }
  });

  it('never runs a trigger of an older backup while bringing it to the current schema', async () => {
    // A backup of the schema before outbox lanes: bringing it up to date updates every outbox row.
    const file = path.join(temp.dir, 'older-with-trigger.sqlite');
    const sqlite = new Database(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const older = Object.fromEntries(Object.keys(userMigrations).sort().slice(0, 3).map((name) => [name, userMigrations[name]!]));
    expect((await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest()).error).toBeUndefined();
    const at = '2026-11-30T10:00:00.000Z';
    sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('settings', ?, ?)").run(JSON.stringify({ serverUrl: portal.url, theme: 'dark' }), at);
    sqlite.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, state, created_at, updated_at) VALUES ('outbox-old', 'forum.reply', '0b8a6a3e-9d1c-4c52-8a55-2a4f5e0e8c11', ?, 'queued', ?, ?)").run(JSON.stringify({ threadId: 'thread-a', body: 'From the old app', language: 'en' }), at, at);
    sqlite.exec(`CREATE TRIGGER crafted_trigger AFTER UPDATE ON outbox BEGIN UPDATE settings SET value = json_set(value, '$.serverUrl', 'https://attacker.example'); END`);
    await db.destroy();

    const core = await openCore();
    try {
      await core.handlers['settings.update']({ serverUrl: portal.url });
      const result = await restore(core, file);
      expect(result.ignored).toEqual([{ kind: 'trigger', name: 'crafted_trigger' }]);
      expect(result.settingsToConfirm).toEqual({});
      expect(await core.handlers['settings.get']({})).toMatchObject({ serverUrl: portal.url, theme: 'dark' });
      expect(reply(core)).toMatchObject([{ id: 'outbox-old', lane: 'thread:thread-a', state: 'restored' }]);
    } finally {
      await core.close();
    }
  });

  it('copies only the columns the app declares, and refuses a table whose declared column is computed', async () => {
    const file = await sourceBackup('computed-declared-column.sqlite');
    craft(file, (sqlite) => {
      sqlite.exec('DROP TABLE saved_searches');
      sqlite.exec(`CREATE TABLE saved_searches (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, query TEXT GENERATED ALWAYS AS ('housing ' || name) VIRTUAL, seen_version INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)`);
      sqlite.exec("INSERT INTO saved_searches (id, name, created_at) VALUES ('s1', 'Computed', '2026-11-30T10:00:00.000Z')");
    });
    const core = await openCore();
    try {
      const result = await restore(core, file);
      expect(result.refused).toEqual([{ table: 'saved_searches', count: 1, reason: expect.stringContaining('query') }]);
      expect(result.restored).toMatchObject({ saved_searches: 0, collections: 1, outbox: 1 });
      expect(await core.handlers['savedSearches.list']({})).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('refuses rows whose JSON is broken or fails the schemas, restores the rest, and reports each reason', async () => {
    const file = await sourceBackup('bad-rows.sqlite');
    craft(file, (sqlite) => {
      const at = '2026-11-30T10:00:00.000Z';
      sqlite.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, state, created_at, updated_at, lane, seq) VALUES ('outbox-broken', 'forum.reply', 'f1d7c0de-0000-4000-8000-000000000001', '{\"threadId\": \"thread-a\", ', 'queued', ?, ?, 'thread:thread-a', 50)").run(at, at);
      sqlite.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, state, created_at, updated_at, lane, seq) VALUES ('outbox-extra-field', 'forum.reply', 'f1d7c0de-0000-4000-8000-000000000002', ?, 'queued', ?, ?, 'thread:thread-a', 51)").run(JSON.stringify({ threadId: 'thread-a', body: 'Hi', language: 'en', authorId: 'someone-else' }), at, at);
      sqlite.prepare("INSERT INTO annotations (id, target_type, target_id, target_version, selector, tags, created_at, updated_at) VALUES ('a-bad-tags', 'document', 'doc-1', 1, '{}', '[\"law\"', ?, ?)").run(at, at);
      sqlite.prepare("INSERT INTO collection_items (collection_id, item_type, item_id, note, added_at) VALUES ('no-such-collection', 'document', 'doc-1', '', ?)").run(at);
      // A setting this version cannot accept keeps the value in use; the others are restored.
      sqlite.exec(`UPDATE settings SET value = json_set(value, '$.theme', 'neon', '$.interfaceLanguage', 'fr')`);
    });
    const core = await openCore();
    try {
      await core.handlers['savedSearches.save']({ name: 'Mine, replaced by the backup', query: 'x' });
      const result = await restore(core, file);
      expect(result.restored).toMatchObject({ outbox: 1, saved_searches: 1, collections: 1, annotations: 0, collection_items: 0 });
      const reasons = result.refused.map((refusal) => `${refusal.table} ×${refusal.count}: ${refusal.reason}`);
      expect(reasons).toHaveLength(4);
      expect(reasons).toEqual(expect.arrayContaining([
        expect.stringMatching(/^annotations ×1: tags: is not valid JSON/),
        expect.stringMatching(/^collection_items ×1: .*collections/),
        expect.stringMatching(/^outbox ×1: payload: is not valid JSON/),
        expect.stringMatching(/^outbox ×1: payload: .*authorId/),
      ]));
      expect(reply(core).map((row) => row.id)).toHaveLength(1);
      expect((await core.handlers['savedSearches.list']({})).map((search) => search.name)).toEqual(['Housing']);
      expect(await core.handlers['settings.get']({})).toMatchObject({ theme: 'system', interfaceLanguage: 'fr' });
    } finally {
      await core.close();
    }
  });

  it('leaves everything as it was when the backup turns out damaged while it is read', async () => {
    const file = await sourceBackup('damaged.sqlite');
    // A schema changed outside the app, so the integrity check (which would compute its objects) is skipped …
    craft(file, (sqlite) => sqlite.exec(`CREATE VIEW crafted_view AS SELECT 1`));
    // … and the outbox table's page is then overwritten with garbage.
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const probe = new Database(file, { readonly: true });
    const rootPage = (probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'").get() as { rootpage: number }).rootpage;
    probe.close();
    bytes.fill(0x5a, (rootPage - 1) * pageSize + 8, rootPage * pageSize);
    fs.writeFileSync(file, bytes);

    const core = await openCore();
    try {
      await core.handlers['savedSearches.save']({ name: 'Kept', query: 'kept' });
      const envelope = await core.dispatch('userData.restore', { base64: bytes.toString('base64') });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/damaged/) } });
      expect((await core.handlers['savedSearches.list']({})).map((search) => search.name)).toEqual(['Kept']);
    } finally {
      await core.close();
    }
  });

  it('keeps restored outbox items from the portal until the member confirms each one', async () => {
    const file = await sourceBackup('outbox.sqlite');
    const core = await openCore();
    try {
      await core.handlers['auth.signIn']({ serverUrl: portal.url, email: MEMBER.email, password: MEMBER.password });
      const since = (await readFeed(portal.url)).cursor;
      const result = await restore(core, file);
      expect(result.outboxToConfirm).toBe(1);
      const [item] = (await core.handlers['outbox.list']({ includeSynced: true })).items;
      expect(item).toMatchObject({ state: 'restored', editable: false, payload: { body: 'Written by whoever made this backup' } });
      expect((await core.handlers['outbox.status']({})).counts).toMatchObject({ restored: 1, queued: 0 });

      // A reply composed after the restore, in the same thread, waits behind the restored one: the thread keeps its order.
      await core.handlers['outbox.composeReply']({ threadId: 'thread-a', body: 'My own reply', language: 'en' });
      expect(await core.outbox.push()).toMatchObject({ sent: 0 });
      expect((await readFeed(portal.url, since)).changes.filter((change) => change.type === 'forum-post')).toEqual([]);
      expect(core.outbox.store.require(item!.id).attempts).toBe(0);

      expect(await core.handlers['outbox.confirmRestored']({ id: item!.id })).toMatchObject({ state: 'queued', editable: true });
      expect(await core.outbox.push()).toMatchObject({ sent: 2, remaining: 0 });
      const posts = (await readFeed(portal.url, since)).changes.filter((change) => change.op === 'upsert' && change.type === 'forum-post');
      expect(posts.map((post) => post.record?.body)).toEqual(['Written by whoever made this backup', 'My own reply']);
      expect(posts[0]!.record?.authorName).toBe(MEMBER.displayName);
    } finally {
      await core.close();
    }
  });

  it('discards a restored outbox item on request, and never confirms one twice', async () => {
    const file = await sourceBackup('outbox-discard.sqlite');
    const core = await openCore();
    try {
      await restore(core, file);
      const [item] = (await core.handlers['outbox.list']({ includeSynced: true })).items;
      expect(await core.handlers['outbox.cancel']({ id: item!.id })).toMatchObject({ state: 'cancelled' });
      expect(await core.dispatch('outbox.confirmRestored', { id: item!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const composed = await core.handlers['outbox.composeReply']({ threadId: 'thread-a', body: 'Not restored', language: 'en' });
      expect(await core.dispatch('outbox.confirmRestored', { id: composed.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await core.close();
    }
  });

  it('proposes the backup’s portal address and update channel instead of applying them', async () => {
    const file = await sourceBackup('other-portal.sqlite', { serverUrl: 'https://other-portal.example.eu', updateChannel: 'beta' });
    const core = await openCore();
    try {
      await core.handlers['settings.update']({ serverUrl: portal.url, updateChannel: 'stable', theme: 'light' });
      const result = await restore(core, file);
      expect(result.settingsToConfirm).toEqual({
        serverUrl: { current: portal.url, backup: 'https://other-portal.example.eu' },
        updateChannel: { current: 'stable', backup: 'beta' },
      });
      // Everything else of the backup's settings is restored.
      expect(await core.handlers['settings.get']({})).toMatchObject({ serverUrl: portal.url, updateChannel: 'stable', theme: 'dark' });
      // Confirmed by the member: one contract call.
      await core.handlers['settings.update']({ serverUrl: 'https://other-portal.example.eu', updateChannel: 'beta' });
      expect(await core.handlers['settings.get']({})).toMatchObject({ serverUrl: 'https://other-portal.example.eu', updateChannel: 'beta' });
    } finally {
      await core.close();
    }
  });

  it('never restores the permission to use a portal in clear', async () => {
    const file = await sourceBackup('insecure-portal.sqlite', { serverUrl: 'http://portal.example.eu', allowInsecurePortal: true });
    const core = await openCore();
    try {
      await core.handlers['settings.update']({ serverUrl: portal.url });
      const result = await restore(core, file);
      expect(result.settingsToConfirm.serverUrl).toEqual({ current: portal.url, backup: 'http://portal.example.eu' });
      expect(await core.handlers['settings.get']({})).toMatchObject({ serverUrl: portal.url, allowInsecurePortal: false });
      // Switching to the backup's portal in clear still needs the permission, granted here and now.
      await expect(core.handlers['settings.update']({ serverUrl: 'http://portal.example.eu' })).rejects.toThrow(/insecure/i);
    } finally {
      await core.close();
    }
  });

  it('opens the file read-only, with the schema untrusted and SQLite’s defensive mode on', async () => {
    const file = await sourceBackup('pragmas.sqlite');
    const backup = new BackupFile(file);
    try {
      expect(backup.safeguards()).toEqual({ readonly: true, trustedSchema: false, queryOnly: true, cellSizeCheck: true, defensive: true });
    } finally {
      backup.close();
    }
  });
});
