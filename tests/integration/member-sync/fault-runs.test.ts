// 200 seeded runs of member sync through the loopback fault proxy, which
// drops requests (before and after the portal saw them), duplicates them,
// delays them and answers 5xx/429 in place of the portal. In each run both
// devices make a few random edits, then sync at the same time until they
// agree: nothing is lost (every edit is on both, a note edited on both is a
// conflict with both texts), nothing is duplicated (on the devices or the
// portal), and both converge. The runs share the two devices and the portal,
// so the whole sequence (edits and faults, each drawn from its run's seed) is
// deterministic, and a failure names its seed and what differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Collection } from '../../../shared/annotations';
import type { MemberSyncConflict, MemberSyncStatus } from '../../../shared/member-sync';
import type { SavedSearch } from '../../../shared/search';
import { randomFaultPlan, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { annotate, DOCUMENT_ID, startDevice, startMemberPortal, type Device, type MemberPortal } from '../../support/member-sync';
import { seededRandom as mulberry32 } from '../../../server/sample/random';

const RUNS = 200;
const PHRASES = ['Mentoring helps newcomers', 'Language courses open doors', 'Employers value local experience'];
const FAULTS = { pass: 10, 'drop-before': 1, 'drop-after': 1, duplicate: 1, delay: 1, status: 1 } as const;

/** What a device holds, in a form two devices can be compared by. */
async function snapshot(device: Device) {
  const annotations = (await device.call<{ annotations: Annotation[] }>('annotations.list', { limit: 500 })).annotations;
  const collections = await device.call<Collection[]>('collections.list');
  const searches = await device.call<SavedSearch[]>('savedSearches.list');
  return {
    annotations: Object.fromEntries(annotations.map((a) => [a.id, { note: a.note, tags: a.tags, color: a.color, quote: a.quote.exact }])),
    collections: Object.fromEntries(collections.map((c) => [c.name, { note: c.note, items: c.items.map((item) => `${item.type}/${item.id}:${item.note}`) }])),
    searches: Object.fromEntries(searches.map((s) => [s.name, s.query])),
  };
}

describe('member sync through a faulty network', () => {
  let portal: MemberPortal;
  let proxy: FaultProxy;
  let devices: [Device, Device];

  beforeAll(async () => {
    portal = await startMemberPortal();
    proxy = await startFaultProxy(portal.url);
    devices = [await startDevice(portal.url, proxy.url), await startDevice(portal.url, proxy.url)];
    await devices[0].call('memberSync.enable', { passphrase: 'faulty network passphrase', deviceName: 'A' });
    await devices[1].call('memberSync.enable', { passphrase: 'faulty network passphrase', deviceName: 'B' });
  });
  afterAll(async () => {
    for (const device of devices ?? []) await device.close();
    await proxy?.close();
    await portal?.close();
  });

  /** Both sync at once, round after round, until neither has anything to push and both hold the same. */
  async function converge(seed: number): Promise<void> {
    for (let round = 0; round < 60; round++) {
      await Promise.all(devices.map((device) => device.core.memberSync.sync()));
      const statuses = await Promise.all(devices.map((device) => device.call<MemberSyncStatus>('memberSync.status')));
      const idle = statuses.every((status) => Object.values(status.pending).every((n) => n === 0));
      if (idle) {
        // One more quiet round each, so each has pulled the other's last writes.
        await Promise.all(devices.map((device) => device.core.memberSync.sync()));
        const [a, b] = await Promise.all(devices.map(snapshot));
        const again = await Promise.all(devices.map((device) => device.call<MemberSyncStatus>('memberSync.status')));
        if (JSON.stringify(a) === JSON.stringify(b) && again.every((status) => Object.values(status.pending).every((n) => n === 0))) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [a, b] = await Promise.all(devices.map(snapshot));
    const statuses = await Promise.all(devices.map((device) => device.call<MemberSyncStatus>('memberSync.status')));
    const differing = (['annotations', 'collections', 'searches'] as const).flatMap((part) =>
      [...new Set([...Object.keys(a![part]), ...Object.keys(b![part])])].filter((key) => JSON.stringify(a![part][key]) !== JSON.stringify(b![part][key])).map((key) => `${part} ${key}: ${JSON.stringify(a![part][key])} / ${JSON.stringify(b![part][key])}`),
    );
    throw new Error(`seed ${seed}: the devices did not converge: ${differing.join('; ')}; pending ${JSON.stringify(statuses.map((s) => [s.pending, s.lastError]))}`);
  }

  it(`loses and duplicates nothing and converges in ${RUNS} seeded runs`, async () => {
    const deleted = new Set<string>();
    const created = new Map<string, string>();
    for (let seed = 1; seed <= RUNS; seed++) {
      proxy.plan = () => ({ kind: 'pass' });
      const random = mulberry32(seed);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const before = await snapshot(devices[0]);
      /** The last note each device wrote on an annotation in this run. */
      const notesWritten = new Map<string, Map<number, string>>();
      const collectionNotes = new Map<string, Map<number, string>>();
      const edits = 1 + Math.floor(random() * 4);
      for (let edit = 0; edit < edits; edit++) {
        const side = random() < 0.5 ? 0 : 1;
        const device = devices[side];
        const live = Object.keys(before.annotations).filter((id) => !deleted.has(id));
        const liveCollections = Object.keys(before.collections).filter((name) => !deleted.has(name));
        const action = random();
        const text = `run ${seed} edit ${edit} on ${side ? 'B' : 'A'}`;
        if (action < 0.3 || live.length === 0) {
          const annotation = await annotate(device, pick(PHRASES), text, [`tag-${seed}`]);
          created.set(annotation.id, text);
          notesWritten.set(annotation.id, new Map([[side, text]]));
        } else if (action < 0.55) {
          const id = pick(live);
          await device.call('annotations.update', { id, note: text });
          notesWritten.set(id, (notesWritten.get(id) ?? new Map<number, string>()).set(side, text));
        } else if (action < 0.65) {
          const id = pick(live);
          await device.call('annotations.delete', { id });
          deleted.add(id);
        } else if (action < 0.78 || liveCollections.length === 0) {
          const name = `collection ${seed}-${edit}`;
          await device.call('collections.addItems', { name, items: [{ type: 'document', id: DOCUMENT_ID, note: text }], create: true });
          created.set(name, text);
        } else if (action < 0.9) {
          const name = pick(liveCollections);
          await device.call('collections.setNote', { name, note: text });
          collectionNotes.set(name, (collectionNotes.get(name) ?? new Map<number, string>()).set(side, text));
        } else {
          const name = `search ${seed}-${edit}`;
          await device.call('savedSearches.save', { name, query: `mentoring ${seed}` });
          created.set(name, `mentoring ${seed}`);
        }
      }
      // Odd runs send each duplicate at the same time as its original: a retry racing the request it repeats.
      proxy.plan = randomFaultPlan(seed, FAULTS, { delayMs: [0, 15], statusChoices: [500, 503, 429], concurrentDuplicates: seed % 2 === 1 });
      await converge(seed);
      proxy.plan = () => ({ kind: 'pass' });

      const [state] = await Promise.all(devices.map(snapshot));
      // Nothing lost: every item made and not deleted is there; nothing deleted came back.
      for (const [key, value] of created) {
        const present = key in state!.annotations || key in state!.collections || key in state!.searches;
        expect(present, `seed ${seed}: ${key}`).toBe(!deleted.has(key));
        if (key in state!.searches) expect(state!.searches[key]).toBe(value);
      }
      const conflicts = await devices[0].call<MemberSyncConflict[]>('memberSync.conflicts');
      expect(await devices[1].call<MemberSyncConflict[]>('memberSync.conflicts')).toHaveLength(conflicts.length);
      for (const [id, bySide] of notesWritten) {
        if (deleted.has(id)) continue;
        const texts = [...bySide.values()];
        if (texts.length === 1) expect(state!.annotations[id]?.note, `seed ${seed}: note of ${id}`).toBe(texts[0]);
        else {
          // Edited on both in one run: both texts wait for the member.
          const conflict = conflicts.find((c) => c.kind === 'annotation' && c.field === 'note' && c.versions.some((v) => texts.includes(v.text)));
          expect(conflict?.versions.map((v) => v.text), `seed ${seed}: conflict of ${id}`).toEqual(expect.arrayContaining(texts));
        }
      }
      for (const [name, bySide] of collectionNotes) {
        const texts = [...bySide.values()];
        if (texts.length === 1 && !conflicts.some((c) => c.title === name)) expect(state!.collections[name]?.note, `seed ${seed}: note of ${name}`).toBe(texts[0]);
      }
      // Nothing duplicated: the portal holds one live item per local one (plus the settings and two devices).
      const live = await portal.db.selectFrom('member_items').select(['kind']).where('deleted', '=', 0).execute();
      const count = (kind: string) => live.filter((row) => row.kind === kind).length;
      expect([count('annotation'), count('collection'), count('saved-search'), count('device')], `seed ${seed}`).toEqual([
        Object.keys(state!.annotations).length,
        Object.keys(state!.collections).length,
        Object.keys(state!.searches).length,
        2,
      ]);
      // The member merges what conflicted; that, too, reaches both.
      for (const conflict of conflicts) await devices[seed % 2 === 0 ? 0 : 1].call('memberSync.resolveConflict', { itemId: conflict.itemId, field: conflict.field, text: conflict.versions.map((v) => v.text).join(' + ') });
      if (conflicts.length > 0) {
        await converge(seed);
        expect(await devices[0].call('memberSync.conflicts')).toEqual([]);
        expect(await devices[1].call('memberSync.conflicts')).toEqual([]);
      }
    }
    expect(proxy.log.filter((entry) => entry.fault !== 'pass').length).toBeGreaterThan(RUNS);
  }, 300_000);
});
