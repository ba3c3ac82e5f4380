// The member's passphrase: a wrong one is refused with a clear message, a
// third device joins with the right one, changing it re-wraps the key without
// re-encrypting any item (every device keeps reading) and the old one stops
// working; a blob moved by the portal to another item is refused, not stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import type { MemberSyncStatus } from '../../../shared/member-sync';
import { MEMBER } from '../../support/community';
import { itemChanges, putItem } from '../../support/member-store';
import { annotate, startDevice, startMemberPortal, type Device, type MemberPortal } from '../../support/member-sync';

const FIRST = 'first passphrase of Ana';
const SECOND = 'second passphrase, longer';

describe('the member sync passphrase', () => {
  let portal: MemberPortal;
  const devices: Device[] = [];
  const device = async () => {
    const started = await startDevice(portal.url);
    devices.push(started);
    return started;
  };
  const notes = async (on: Device) => (await on.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations.map((a) => a.note).sort();
  const boxes = async () => (await portal.db.selectFrom('member_items').select(['item_id', 'version', 'box']).orderBy('item_id').execute()).filter((row) => row.box !== null);

  beforeAll(async () => {
    portal = await startMemberPortal();
  });
  afterAll(async () => {
    for (const started of devices) await started.close();
    await portal?.close();
  });

  it('refuses a wrong passphrase and lets a third device join with the right one', async () => {
    const office = await device();
    const laptop = await device();
    const portalHasKey = async (on: Device) => (await on.call<MemberSyncStatus>('memberSync.status')).portalHasKey;
    // Before any computer turns sync on, the interface is told this one would be the first (choose a passphrase)…
    await expect.poll(() => portalHasKey(laptop), { timeout: 10_000, interval: 200 }).toBe(false);
    await office.call('memberSync.enable', { passphrase: FIRST, deviceName: 'Office' });
    // …and once another has, that it joins (type it), though it had been told "no key yet" before.
    expect(await portalHasKey(office)).toBe(true);
    await expect.poll(() => portalHasKey(laptop), { timeout: 15_000, interval: 500 }).toBe(true);
    await annotate(office, 'Language courses open doors', 'Evening classes in Graz');
    await office.core.memberSync.sync();
    await laptop.call('memberSync.enable', { passphrase: FIRST, deviceName: 'Laptop' });
    await laptop.core.memberSync.sync();
    const tablet = await device();
    expect(await tablet.failure('memberSync.enable', { passphrase: 'first passphrase of Ann', deviceName: 'Tablet' })).toEqual({ code: 'wrong_passphrase', message: expect.stringMatching(/does not open your synced notes/) });
    await tablet.call('memberSync.enable', { passphrase: FIRST, deviceName: 'Tablet' });
    await tablet.core.memberSync.sync();
    expect(await notes(tablet)).toEqual(['Evening classes in Graz']);
    expect((await tablet.call<MemberSyncStatus>('memberSync.status')).devices.map((d) => d.name).sort()).toEqual(['Laptop', 'Office', 'Tablet']);
  });

  it('changes the passphrase by re-wrapping the key: no item is re-encrypted, every device reads on, the old passphrase fails', async () => {
    const [office, laptop, tablet] = devices as [Device, Device, Device];
    const before = await boxes();
    expect(await laptop.failure('memberSync.changePassphrase', { current: 'not it at all', next: SECOND })).toMatchObject({ code: 'wrong_passphrase' });
    await laptop.call('memberSync.changePassphrase', { current: FIRST, next: SECOND });
    expect(await boxes()).toEqual(before);
    const keyring = await portal.db.selectFrom('member_keyrings').select(['version']).executeTakeFirstOrThrow();
    expect(Number(keyring.version)).toBe(2);

    await annotate(tablet, 'Employers value local experience', 'Internships with local firms');
    await tablet.core.memberSync.sync();
    for (const reader of [office, laptop]) {
      await reader.core.memberSync.sync();
      expect(await notes(reader)).toEqual(['Evening classes in Graz', 'Internships with local firms']);
    }
    const newcomer = await device();
    expect(await newcomer.failure('memberSync.enable', { passphrase: FIRST, deviceName: 'Phone' })).toMatchObject({ code: 'wrong_passphrase' });
    await newcomer.call('memberSync.enable', { passphrase: SECOND, deviceName: 'Phone' });
    await newcomer.core.memberSync.sync();
    expect(await notes(newcomer)).toEqual(['Evening classes in Graz', 'Internships with local firms']);
  });

  it('refuses a blob the portal moved to another item, reports it and keeps what is stored', async () => {
    const [office] = devices as [Device];
    const signIn = await fetch(`${portal.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MEMBER.email, password: MEMBER.password }) });
    const { token } = (await signIn.json()) as { token: string };
    const annotations = (await itemChanges(portal.url, token)).items.filter((item) => item.kind === 'annotation' && !item.deleted);
    const [first, second] = annotations as [(typeof annotations)[0], (typeof annotations)[0]];
    // A portal (or anyone with the session) writes the first item's sealed box under the second item's id.
    expect((await putItem(portal.url, token, second.itemId, { deleted: false, kind: 'annotation', baseVersion: second.version, box: first.box })).status).toBe(200);
    await office.core.memberSync.sync();
    const status = await office.call<MemberSyncStatus>('memberSync.status');
    expect(status.lastError).toMatchObject({ code: 'invalid_item', message: expect.stringMatching(/could not be read and were skipped/) });
    expect(await notes(office)).toEqual(['Evening classes in Graz', 'Internships with local firms']);
  });
});
