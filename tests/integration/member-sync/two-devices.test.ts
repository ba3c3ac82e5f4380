// Member sync between two data folders signed in as one member, against a real
// portal on 127.0.0.1: edits made on both while the portal is stopped are on
// both after both sync, a note edited on both keeps both texts for merging,
// and the portal's database and log hold none of the words written.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Collection } from '../../../shared/annotations';
import type { MemberSyncConflict, MemberSyncStatus } from '../../../shared/member-sync';
import type { SavedSearch } from '../../../shared/search';
import { annotate, startDevice, startMemberPortal, type Device, type MemberPortal } from '../../support/member-sync';

const PASSPHRASE = 'lighthouse orchard 42';

describe('member sync between two devices', () => {
  let portal: MemberPortal;
  let office: Device;
  let laptop: Device;
  /** Every string written on a device: none may reach the portal in clear. */
  const written: string[] = [];
  /** The quotes annotated: the document's own text, which the portal publishes, but never in the member's store or the log. */
  const quotes = ['Mentoring helps newcomers', 'Language courses open doors', 'Employers value local experience'];

  const syncBoth = async () => {
    for (let round = 0; round < 2; round++) for (const device of [office, laptop]) await device.core.memberSync.sync();
  };

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

  it('enables on the first device, and joins the second with the same passphrase', async () => {
    const first = await office.call<MemberSyncStatus>('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Office desktop' });
    expect(first).toMatchObject({ enabled: true, signedIn: true, memberName: 'Ana Silva', thisDevice: { name: 'Office desktop' } });
    expect(await laptop.failure('memberSync.enable', { passphrase: 'not the passphrase', deviceName: 'Laptop' })).toEqual({
      code: 'wrong_passphrase',
      message: expect.stringMatching(/does not open your synced notes/),
    });
    expect((await laptop.call<MemberSyncStatus>('memberSync.status')).enabled).toBe(false);
    expect((await laptop.call<MemberSyncStatus>('memberSync.enable', { passphrase: PASSPHRASE, deviceName: 'Laptop' })).enabled).toBe(true);
    await syncBoth();
    const devices = (await office.call<MemberSyncStatus>('memberSync.status')).devices;
    expect(devices.map((device) => device.name).sort()).toEqual(['Laptop', 'Office desktop']);
  });

  let shared: { id: string };
  it('merges what both made while the portal was stopped', async () => {
    shared = await annotate(office, 'Mentoring helps newcomers', 'Ask the mentors in Lyon', ['mentoring']);
    await syncBoth();
    expect((await laptop.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations.map((a) => a.note)).toEqual(['Ask the mentors in Lyon']);

    await portal.stop();
    // Office: an annotation, a collection with an item and notes, a saved search, a setting, and its side of the shared note.
    const officeNote = await annotate(office, 'Language courses open doors', 'Courses in the evening', ['language', 'evening-classes']);
    await office.call('collections.create', { name: 'Employment mission', note: 'For the Lisbon trip' });
    await office.call('collections.addItems', { name: 'Employment mission', items: [{ type: 'document', id: 'report-sync', note: 'Read before the meeting' }] });
    await office.call<SavedSearch>('savedSearches.save', { name: 'Mentoring in France', query: 'mentoring france' });
    await office.call('settings.update', { theme: 'dark' });
    await office.call('annotations.update', { id: shared.id, note: 'Ask the mentors in Lyon and in Porto' });
    // Laptop: the same kinds, and its own side of the same note.
    const laptopNote = await annotate(laptop, 'Employers value local experience', 'Local internships first', ['internships']);
    await laptop.call('collections.create', { name: 'Field visits', note: 'Visits planned in spring' });
    await laptop.call<SavedSearch>('savedSearches.save', { name: 'Internships Germany', query: 'internship germany' });
    await laptop.call('annotations.update', { id: shared.id, note: 'Ask the mentors in Lyon, and call Marta' });
    written.push(
      'Ask the mentors in Lyon',
      'Ask the mentors in Lyon and in Porto',
      'Ask the mentors in Lyon, and call Marta',
      'Courses in the evening',
      'evening-classes',
      'Local internships first',
      'internships',
      'mentoring',
      'Employment mission',
      'For the Lisbon trip',
      'Read before the meeting',
      'Field visits',
      'Visits planned in spring',
      'Mentoring in France',
      'mentoring france',
      'Internships Germany',
      'internship germany',
    );
    expect((await office.call<MemberSyncStatus>('memberSync.status')).pending).toMatchObject({ annotation: 2, collection: 1, 'saved-search': 1, settings: 1 });
    // Offline, a sync fails and loses nothing.
    await office.core.memberSync.sync();
    expect((await office.call<MemberSyncStatus>('memberSync.status')).lastError).toMatchObject({ code: 'portal_unreachable' });

    await portal.start();
    await syncBoth();
    for (const device of [office, laptop]) {
      const annotations = (await device.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations;
      expect(annotations.map((a) => a.id).sort()).toEqual([shared.id, officeNote.id, laptopNote.id].sort());
      expect(annotations.find((a) => a.id === officeNote.id)).toMatchObject({ note: 'Courses in the evening', tags: ['language', 'evening-classes'], quote: { exact: 'Language courses open doors' } });
      const collections = await device.call<Collection[]>('collections.list');
      expect(collections.map((c) => [c.name, c.note])).toEqual([
        ['Employment mission', 'For the Lisbon trip'],
        ['Field visits', 'Visits planned in spring'],
      ]);
      expect(collections[0]!.items).toMatchObject([{ type: 'document', id: 'report-sync', note: 'Read before the meeting' }]);
      expect((await device.call<SavedSearch[]>('savedSearches.list')).map((s) => [s.name, s.query])).toEqual([
        ['Internships Germany', 'internship germany'],
        ['Mentoring in France', 'mentoring france'],
      ]);
      expect(device.core.settings.get().theme).toBe('dark');
      const status = await device.call<MemberSyncStatus>('memberSync.status');
      expect(status).toMatchObject({ lastError: null, pending: { annotation: 0, collection: 0, 'saved-search': 0, settings: 0 }, conflicts: 1 });
      // The note edited on both: both texts, for the member to merge, with the quote as its title.
      const conflicts = await device.call<MemberSyncConflict[]>('memberSync.conflicts');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ kind: 'annotation', title: 'Mentoring helps newcomers', field: 'note' });
      expect(conflicts[0]!.versions.map((v) => v.text).sort()).toEqual(['Ask the mentors in Lyon and in Porto', 'Ask the mentors in Lyon, and call Marta']);
      expect(conflicts[0]!.versions.map((v) => v.deviceName).sort()).toEqual(['Laptop', 'Office desktop']);
    }
  });

  it('syncs the merged text to both and clears the conflict everywhere', async () => {
    const [conflict] = await laptop.call<MemberSyncConflict[]>('memberSync.conflicts');
    const merged = 'Ask the mentors in Lyon and in Porto, and call Marta';
    written.push(merged);
    expect(await laptop.call('memberSync.resolveConflict', { itemId: conflict!.itemId, field: 'note', text: merged })).toEqual({ remaining: 0 });
    await syncBoth();
    for (const device of [office, laptop]) {
      expect(await device.call('memberSync.conflicts')).toEqual([]);
      const annotation = (await device.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations.find((a) => a.id === shared.id);
      expect(annotation?.note).toBe(merged);
    }
  });

  it('deletes by tombstone on every device', async () => {
    await laptop.call('collections.delete', { name: 'Field visits' });
    await syncBoth();
    expect((await office.call<Collection[]>('collections.list')).map((c) => c.name)).toEqual(['Employment mission']);
  });

  it('gives one of two collections and saved searches made with one name on two devices a new name, the same on both', async () => {
    await office.call('collections.create', { name: 'Same name', note: 'made in the office' });
    await laptop.call('collections.create', { name: 'Same name', note: 'made on the laptop' });
    await office.call('savedSearches.save', { name: 'Twin search', query: 'office query' });
    await laptop.call('savedSearches.save', { name: 'Twin search', query: 'laptop query' });
    written.push('Same name', 'made in the office', 'made on the laptop', 'Twin search', 'office query', 'laptop query');
    await syncBoth();
    const [onOffice, onLaptop] = await Promise.all([office, laptop].map((device) => device.call<Collection[]>('collections.list')));
    const named = (collections: Collection[]) => collections.filter((c) => c.name.startsWith('Same name')).map((c) => [c.name, c.note]);
    expect(named(onOffice!)).toEqual(named(onLaptop!));
    expect(named(onOffice!).map(([name]) => name)).toEqual(['Same name', 'Same name (2)']);
    const searches = await Promise.all([office, laptop].map(async (device) => (await device.call<SavedSearch[]>('savedSearches.list')).filter((s) => s.name.startsWith('Twin search')).map((s) => [s.name, s.query])));
    expect(searches[0]).toEqual(searches[1]);
    expect(searches[0]!.map(([name]) => name)).toEqual(['Twin search', 'Twin search (2)']);
  });

  it('leaves no plaintext of any note, tag, name or quote in the portal database or its log', async () => {
    const files = (await portal.databaseFiles()).filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file).toString('latin1'));
    // The search finds text where it is in clear: the document's title, which the portal publishes.
    expect(files.some((bytes) => bytes.includes('Integration report'))).toBe(true);
    const log = portal.lines.join('\n');
    expect(log).toContain('/api/v1/me/items');
    const found = written.filter((text) => files.some((bytes) => bytes.includes(text)) || log.includes(text));
    expect(found).toEqual([]);
    const store = JSON.stringify([
      await portal.db.selectFrom('member_items').selectAll().execute(),
      await portal.db.selectFrom('member_keyrings').selectAll().execute(),
      await portal.db.selectFrom('idempotency_keys').selectAll().execute(),
    ]);
    expect(store).toContain('aes-256-gcm');
    expect(quotes.filter((quote) => store.includes(quote) || log.includes(quote))).toEqual([]);
  });
});
