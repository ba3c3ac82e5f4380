// What member sync keeps on this computer: every edit journalled in its own
// transaction (another connection sees it at once, as a crash would leave
// it), data made before sync was enabled sent too, the key kept like the
// session token (an owner-only file, never in the user store), disabling
// forgetting the key but no data, and the refusals when not signed in or off.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { MEMBER_KEY_FILE } from '../../../electron/core/outbox/token-store';
import type { Annotation } from '../../../shared/annotations';
import type { MemberSyncStatus } from '../../../shared/member-sync';
import { annotate, FAST_MEMBER_SYNC, startDevice, startMemberPortal, type Device, type MemberPortal } from '../../support/member-sync';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'journal test passphrase';

function journal(dataDir: string): Array<{ kind: string; local_id: string; dirty: number }> {
  const sqlite = new Database(path.join(dataDir, 'user.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare('SELECT kind, local_id, dirty FROM member_sync_items ORDER BY kind, local_id').all() as Array<{ kind: string; local_id: string; dirty: number }>;
  } finally {
    sqlite.close();
  }
}

describe('member sync on this computer', () => {
  let portal: MemberPortal;
  let office: Device;
  let laptop: Device;
  beforeAll(async () => {
    portal = await startMemberPortal();
    office = await startDevice(portal.url);
    laptop = await startDevice(portal.url);
  });
  afterAll(async () => {
    await office?.close();
    await laptop?.close();
    await portal?.close();
  });

  it('refuses to enable when nobody is signed in, and to sync when it is off', async () => {
    const temp = makeTempDir('ewsi-member-sync-signed-out-');
    const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', memberSync: FAST_MEMBER_SYNC });
    try {
      expect(await core.dispatch('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Kiosk' })).toEqual({ ok: false, error: { code: 'not_signed_in', message: expect.stringMatching(/^Sign in to the portal first/) } });
      expect(await core.dispatch('memberSync.syncNow', {})).toMatchObject({ ok: false, error: { code: 'not_enabled' } });
      expect(await core.dispatch('memberSync.status', {})).toMatchObject({ ok: true, value: { enabled: false, signedIn: false, thisDevice: null, devices: [] } });
    } finally {
      await core.close();
      temp.cleanup();
    }
  });

  it('journals each edit in its own transaction and sends what was made before sync was enabled', async () => {
    const before = await annotate(office, 'Mentoring helps newcomers', 'Made before enabling');
    expect(journal(office.dataDir)).toContainEqual({ kind: 'annotation', local_id: before.id, dirty: 1 });
    await office.call('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Office' });
    await office.core.memberSync.sync();
    // Made while the core runs, read by another connection before anything else happens: already journalled.
    const after = await annotate(office, 'Employers value local experience', 'Made after enabling');
    expect(journal(office.dataDir)).toContainEqual({ kind: 'annotation', local_id: after.id, dirty: 1 });
    expect((await office.call<MemberSyncStatus>('memberSync.status')).pending.annotation).toBe(1);

    await laptop.call('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Laptop' });
    await office.core.memberSync.sync();
    await laptop.core.memberSync.sync();
    expect((await laptop.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations.map((a) => a.note).sort()).toEqual(['Made after enabling', 'Made before enabling']);
  });

  it('reads the feed again from 0 when the portal is behind its cursor (a store reset or restored), losing and duplicating nothing', async () => {
    const sqlite = new Database(path.join(office.dataDir, 'user.sqlite'));
    try {
      sqlite.prepare("UPDATE member_sync_state SET value = '999999' WHERE key = 'cursor'").run();
    } finally {
      sqlite.close();
    }
    const edited = await annotate(office, 'Language courses open doors', 'Made after the reset');
    await office.core.memberSync.sync();
    expect(await office.call<MemberSyncStatus>('memberSync.status')).toMatchObject({ lastError: null, pending: { annotation: 0 } });
    await laptop.core.memberSync.sync();
    const notes = (await laptop.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations.map((a) => a.note).sort();
    expect(notes).toEqual(['Made after enabling', 'Made after the reset', 'Made before enabling']);
    expect(await portal.db.selectFrom('member_items').select('kind').where('deleted', '=', 0).where('kind', '=', 'annotation').execute()).toHaveLength(3);
    await office.call('annotations.delete', { id: edited.id });
    await office.core.memberSync.sync();
  });

  it('keeps the key like the session token, and disabling forgets it but keeps the data', async () => {
    const keyFile = path.join(office.dataDir, MEMBER_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const { key } = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { key: string };
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const store = ['user.sqlite', 'user.sqlite-wal'].map((file) => path.join(office.dataDir, file)).filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file).toString('latin1'));
    expect(store.some((bytes) => bytes.includes(key))).toBe(false);

    expect(await office.call<MemberSyncStatus>('memberSync.disable')).toMatchObject({ enabled: false });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect((await office.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations).toHaveLength(2);
    expect(await office.failure('memberSync.syncNow')).toMatchObject({ code: 'not_enabled' });
    // Enabling again joins with the passphrase, and nothing is sent twice.
    await office.call('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Office' });
    await office.core.memberSync.sync();
    const live = await portal.db.selectFrom('member_items').select('kind').where('deleted', '=', 0).where('kind', '=', 'annotation').execute();
    expect(live).toHaveLength(2);
  });
});
