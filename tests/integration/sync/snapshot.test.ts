// A first sync from the portal's snapshot, on SQLite and PostgreSQL portals: a
// portal without one is synced by the feed; with one, a
// new client's first sync downloads and loads it (its progress says so), ends
// with exactly the store a sync by the feed builds, and then takes a change
// published after the snapshot's version through the feed. A snapshot whose
// bytes do not hash to its address, or that holds a record the schemas refuse,
// is refused: the feed is used and nothing of the snapshot is stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { MAX_SNAPSHOT_LINE_BYTES } from '../../../electron/core/portal/snapshot';
import { loadSampleCorpus } from '../../../server/sample/load';
import type { SnapshotInfo } from '../../../shared/snapshot';
import type { SyncProgress } from '../../../shared/sync';
import { testEngines } from '../../support/databases';
import { startFaultProxy } from '../../support/fault-proxy';
import { readFeed, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { corpusDump, plantSnapshot } from '../../support/snapshot';
import { FAST_PULL, localContent, serverContent } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

/** Small pages, so that the sample's feed is long enough (over five pages) for a snapshot to be asked for. */
const PAGE = 10;

async function syncOnce(dataDir: string, url: string, pull: Record<string, number> = {}) {
  const phases: SyncProgress['phase'][] = [];
  const core = await createCore({
    dataDir,
    appVersion: '0.0.0-test',
    sync: { pull: { ...FAST_PULL, pageLimit: PAGE, ...pull } },
    emit: (name, payload) => {
      if (name === 'sync.progress') phases.push((payload as SyncProgress).phase);
    },
  });
  try {
    const result = await core.sync.run(url);
    return { result, phases: [...new Set(phases)] };
  } finally {
    await core.close();
  }
}

/** Never asks for a snapshot: a sync by the feed alone. */
const FEED_ONLY = { snapshotAfterPages: Number.MAX_SAFE_INTEGER };

for (const engine of testEngines()) {
  describe(`a first sync from the snapshot (${engine.name} portal)`, () => {
    let portal: TestPortal;
    let snapshot: SnapshotInfo;
    let withoutSnapshot: Awaited<ReturnType<typeof syncOnce>>;
    const temp = makeTempDir('ewsi-snapshot-sync-');

    beforeAll(async () => {
      portal = await startTestPortal(engine);
      await loadSampleCorpus(portal.portal.content, portal.portal.attachments, { documents: 50 });
      // A delete and a hidden record: neither may be in the snapshot.
      const { changes } = await readFeed(portal.url, 0, 1000);
      const documents = changes.filter((change) => change.type === 'document' && change.op === 'upsert');
      expect((await portal.editor('DELETE', `/api/v1/editor/document/${documents[0]!.id}`)).status).toBe(200);
      expect((await portal.editor('POST', `/api/v1/editor/document/${documents[1]!.id}/hide`)).status).toBe(200);
      // Before any snapshot is built: the portal answers 404 and the first sync walks the feed.
      expect((await fetch(`${portal.url}/api/v1/snapshot`)).status).toBe(404);
      withoutSnapshot = await syncOnce(path.join(temp.dir, 'without-snapshot'), portal.url);
      const built = await portal.editor('POST', '/api/v1/editor/snapshots');
      expect(built.status).toBe(200);
      snapshot = (await built.json()) as SnapshotInfo;
      expect(await (await fetch(`${portal.url}/api/v1/snapshot`)).json()).toEqual({ ...snapshot, prebuilt: [] });
    }, 120_000);
    afterAll(async () => {
      await portal?.close();
      temp.cleanup();
    });

    it('syncs by the feed from a portal that has no snapshot', async () => {
      expect(withoutSnapshot.phases).not.toContain('snapshot-download');
      expect(withoutSnapshot.result.snapshot).toBeNull();
      expect(withoutSnapshot.result.pages).toBeGreaterThan(5);
      expect(localContent(path.join(temp.dir, 'without-snapshot'))).toEqual(await serverContent(portal.url));
    });

    it('builds a snapshot of every visible record at the latest version, and serves it with Range', async () => {
      const { changes, cursor } = await readFeed(portal.url, 0, 1000);
      expect(snapshot.version).toBe(cursor);
      expect(snapshot.records).toBe(changes.filter((change) => change.op === 'upsert').length);
      const tail = await fetch(`${portal.url}${snapshot.url}`, { headers: { range: 'bytes=100-' } });
      expect(tail.status).toBe(206);
      expect(tail.headers.get('content-range')).toBe(`bytes 100-${snapshot.size - 1}/${snapshot.size}`);
      expect((await tail.arrayBuffer()).byteLength).toBe(snapshot.size - 100);
      // Nothing changed since: building again gives the same snapshot.
      expect(await (await portal.editor('POST', '/api/v1/editor/snapshots')).json()).toEqual(snapshot);
    });

    it("loads the snapshot into a new client's store, equal to the store the feed builds, then follows the feed", async () => {
      const fromSnapshot = path.join(temp.dir, 'from-snapshot');
      const byFeed = path.join(temp.dir, 'by-feed');
      const first = await syncOnce(fromSnapshot, portal.url);
      expect(first.phases.slice(0, 3)).toEqual(['snapshot-download', 'snapshot-load', 'pulling']);
      expect(first.result.snapshot).toEqual({ format: 'jsonl', version: snapshot.version, records: snapshot.records });
      const feed = await syncOnce(byFeed, portal.url, FEED_ONLY);
      expect(feed.phases).not.toContain('snapshot-load');
      expect(feed.result.snapshot).toBeNull();
      expect(corpusDump(fromSnapshot)).toEqual(corpusDump(byFeed));
      expect(localContent(fromSnapshot)).toEqual(await serverContent(portal.url));
      // The downloaded file is not kept once loaded, nor the side file.
      expect(fs.readdirSync(path.join(fromSnapshot, 'snapshot'))).toEqual([]);
      expect(fs.existsSync(path.join(fromSnapshot, 'corpus.next.sqlite'))).toBe(false);

      // A change after the snapshot's version arrives through the feed.
      expect((await portal.editor('PUT', '/api/v1/editor/document/after-the-snapshot', sampleDocument('after-the-snapshot'))).status).toBe(200);
      const next = await syncOnce(fromSnapshot, portal.url);
      expect(next.phases).not.toContain('snapshot-download');
      expect(next.result).toMatchObject({ upserts: 1, snapshot: null });
      await syncOnce(byFeed, portal.url, FEED_ONLY);
      expect(localContent(fromSnapshot).get('document/after-the-snapshot')).toMatchObject({ title: 'Report after-the-snapshot' });
      expect(corpusDump(fromSnapshot)).toEqual(corpusDump(byFeed));
    });

    it('resumes a snapshot download a stopped sync left half-done, with Range from where it stopped', async () => {
      // What a sync killed during the download leaves: the first 4 KiB in the partial file.
      const dataDir = path.join(temp.dir, 'resumed');
      fs.mkdirSync(path.join(dataDir, 'snapshot'), { recursive: true });
      const bytes = fs.readFileSync(portal.portal.snapshots.pathOf(snapshot.sha256));
      fs.writeFileSync(path.join(dataDir, 'snapshot', `${snapshot.sha256}.jsonl.gz.part`), bytes.subarray(0, 4096));
      const proxy = await startFaultProxy(portal.url);
      try {
        const { result } = await syncOnce(dataDir, proxy.url);
        expect(result.snapshot).toEqual({ format: 'jsonl', version: snapshot.version, records: snapshot.records });
        const fileRequests = proxy.log.filter((request) => request.path === snapshot.url);
        expect(fileRequests.map((request) => [request.headers.range, request.headers['if-range']])).toEqual([['bytes=4096-', `"${snapshot.sha256}"`]]);
        expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
      } finally {
        await proxy.close();
      }
    });

    it('refuses a snapshot whose bytes are not the ones its hash names, and syncs by the feed', async () => {
      const file = portal.portal.snapshots.pathOf(snapshot.sha256);
      const original = fs.readFileSync(file);
      const tampered = Buffer.from(original);
      tampered[tampered.length - 10]! ^= 0xff;
      fs.writeFileSync(file, tampered);
      try {
        const dataDir = path.join(temp.dir, 'wrong-hash');
        const { result, phases } = await syncOnce(dataDir, portal.url);
        expect(phases).toContain('snapshot-download');
        expect(phases).not.toContain('snapshot-load');
        expect(result.snapshot).toEqual({ refused: expect.stringMatching(/did not download.*sha256 is [0-9a-f]{64}, expected/) });
        expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
        expect(fs.readdirSync(path.join(dataDir, 'snapshot'))).toEqual([]);
      } finally {
        fs.writeFileSync(file, original);
      }
    });

    it('refuses a snapshot holding a record the schemas refuse, storing none of it, and syncs by the feed', async () => {
      const { changes, cursor } = await readFeed(portal.url, 0, 1000);
      const upserts = changes.filter((change) => change.op === 'upsert');
      const lines = upserts.map((change) => JSON.stringify(change));
      // The last record of the file: every page before it would have been valid.
      const bad = { ...upserts.at(-1)!, record: { ...upserts.at(-1)!.record, language: 'not a language' } };
      lines[lines.length - 1] = JSON.stringify(bad);
      await plantSnapshot(portal, cursor, lines);
      try {
        const dataDir = path.join(temp.dir, 'bad-record');
        const { result, phases } = await syncOnce(dataDir, portal.url);
        expect(phases).toContain('snapshot-load');
        expect(result.snapshot).toEqual({ refused: expect.stringMatching(new RegExp(`snapshot was refused: Invalid ${bad.type} ${bad.id}.*language`)) });
        expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
        expect(fs.existsSync(path.join(dataDir, 'corpus.next.sqlite'))).toBe(false);
      } finally {
        await portal.db.deleteFrom('snapshots').execute();
        snapshot = (await (await portal.editor('POST', '/api/v1/editor/snapshots')).json()) as SnapshotInfo;
      }
    });

    it('stops reading a snapshot at a line longer than any record may be (a gzip bomb), and syncs by the feed', async () => {
      const { cursor } = await readFeed(portal.url, 0, 1000);
      await plantSnapshot(portal, cursor, [`{"op":"upsert","pad":"${'x'.repeat(MAX_SNAPSHOT_LINE_BYTES)}"}`], 1);
      try {
        const dataDir = path.join(temp.dir, 'endless-line');
        const { result } = await syncOnce(dataDir, portal.url);
        expect(result.snapshot).toEqual({ refused: expect.stringContaining(`A line of the snapshot is longer than ${MAX_SNAPSHOT_LINE_BYTES} bytes`) });
        expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
      } finally {
        await portal.db.deleteFrom('snapshots').execute();
        snapshot = (await (await portal.editor('POST', '/api/v1/editor/snapshots')).json()) as SnapshotInfo;
      }
    });

    it('resyncs by the feed when the resync signal finds a bad snapshot, and from the snapshot when it is good', async () => {
      const dataDir = path.join(temp.dir, 'resync');
      await syncOnce(dataDir, portal.url, FEED_ONLY);
      const before = corpusDump(dataDir);
      // A delete the client has not seen, purged: its cursor is behind the horizon and the portal asks for a resync.
      const { changes, cursor } = await readFeed(portal.url, 0, 1000);
      const victim = changes.find((change) => change.type === 'document' && change.op === 'upsert')!;
      expect((await portal.editor('DELETE', `/api/v1/editor/document/${victim.id}`)).status).toBe(200);
      expect((await portal.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: cursor + 1 })).status).toBe(200);
      // A snapshot of the right version whose header announces a record it does not hold.
      const current = await readFeed(portal.url, 0, 1000);
      const upserts = current.changes.filter((change) => change.op === 'upsert');
      await plantSnapshot(portal, current.cursor, upserts.map((change) => JSON.stringify(change)), upserts.length + 1);
      const core = await createCore({ dataDir, appVersion: '0.0.0-test', sync: { pull: { ...FAST_PULL, pageLimit: PAGE } } });
      try {
        const result = await core.sync.run(portal.url);
        expect(result.resynced).toBe(true);
        expect(result.snapshot).toEqual({ refused: expect.stringContaining('announces') });
      } finally {
        await core.close();
      }
      expect(before.records).not.toHaveLength(0);
      expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
      expect(localContent(dataDir).has(`document/${victim.id}`)).toBe(false);

      // With a good snapshot, the next resync signal is answered from it.
      const second = (await readFeed(portal.url, 0, 1000)).changes.find((change) => change.type === 'document' && change.op === 'upsert')!;
      expect((await portal.editor('DELETE', `/api/v1/editor/document/${second.id}`)).status).toBe(200);
      const latest = (await readFeed(portal.url, 0, 1000)).cursor;
      expect((await portal.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: latest })).status).toBe(200);
      await portal.db.deleteFrom('snapshots').execute();
      snapshot = (await (await portal.editor('POST', '/api/v1/editor/snapshots')).json()) as SnapshotInfo;
      const resync = await syncOnce(dataDir, portal.url);
      expect(resync.result).toMatchObject({ resynced: true, snapshot: { version: snapshot.version, records: snapshot.records } });
      expect(resync.phases).toContain('snapshot-load');
      expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
    });
  });
}
