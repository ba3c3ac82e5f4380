// A first sync from the portal's prebuilt corpus: the desktop's own builder
// (ewsi build-snapshot) makes it, the portal lists and serves it, and a new
// client at the same schema level downloads it, checks it and swaps it in,
// ending with exactly the store a sync by the feed builds (index included),
// then follows the feed. Every way of tampering with the file (its bytes, an
// extra trigger or view, another schema level, a damaged page, a record its
// schema refuses, an index entry that is not the record's text, a wrong
// version, a gzip bomb) is refused with a sentence saying so, and the client
// falls back to the JSON Lines snapshot, storing nothing of the refused file.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { checkPrebuiltStructure, corpusSchemaLevel } from '../../../electron/core/db/prebuilt-corpus';
import { openSideCorpus } from '../../../electron/core/db/side-corpus';
import { openCorpusStore, openStores } from '../../../electron/core/db/stores';
import { checkPrebuiltRecords } from '../../../electron/core/sync/prebuilt-check';
import { loadSampleCorpus } from '../../../server/sample/load';
import type { PrebuiltSnapshotInfo, SnapshotListing } from '../../../shared/snapshot';
import type { SyncProgress } from '../../../shared/sync';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { buildPrebuilt, corpusDump, plantPrebuilt, restorePrebuilt, tamper, unpackPrebuilt } from '../../support/snapshot';
import { FAST_PULL, localContent, serverContent } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

/** Small pages, so that the sample's feed is long enough for a snapshot to be asked for. */
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

/** The records the search index finds for a word: FTS5's own inverted index, not the stored text. */
function matches(dataDir: string, word: string): number[] {
  const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
  try {
    return (sqlite.prepare('SELECT r.version FROM search_index s JOIN records r ON r.rowid = s.rowid WHERE search_index MATCH ? ORDER BY r.version').all(word) as Array<{ version: number }>).map((row) => row.version);
  } finally {
    sqlite.close();
  }
}

describe('a first sync from the portal’s prebuilt corpus', () => {
  let portal: TestPortal;
  let prebuilt: PrebuiltSnapshotInfo;
  let database: string;
  const temp = makeTempDir('ewsi-snapshot-prebuilt-');

  beforeAll(async () => {
    portal = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(portal.portal.content, portal.portal.attachments, { documents: 50 });
    expect((await portal.editor('POST', '/api/v1/editor/snapshots')).status).toBe(200);
    prebuilt = await buildPrebuilt(portal);
    database = unpackPrebuilt(portal, prebuilt, path.join(temp.dir, 'prebuilt.sqlite'));
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
    temp.cleanup();
  });

  it("is listed at the client's schema level and served with Range", async () => {
    const listing = (await (await fetch(`${portal.url}/api/v1/snapshot`)).json()) as SnapshotListing;
    expect(listing.prebuilt).toEqual([prebuilt]);
    expect(prebuilt).toMatchObject({ format: 'ewsi-corpus-sqlite', schema: corpusSchemaLevel(), version: listing.version, records: listing.records });
    const tail = await fetch(`${portal.url}${prebuilt.url}`, { headers: { range: 'bytes=100-' } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(prebuilt.size - 100);
  });

  it('gives a new client the store the feed builds, searchable, then the feed follows', async () => {
    const fromPrebuilt = path.join(temp.dir, 'from-prebuilt');
    const byFeed = path.join(temp.dir, 'by-feed');
    const first = await syncOnce(fromPrebuilt, portal.url);
    expect(first.phases.slice(0, 3)).toEqual(['snapshot-download', 'snapshot-load', 'pulling']);
    expect(first.result.snapshot).toMatchObject({ format: 'sqlite', version: prebuilt.version, records: prebuilt.records });
    // Inflated as it downloaded: nothing was left to decompress after.
    expect(first.result.snapshot).toMatchObject({ checkMs: { move_inflated: expect.any(Number) } });
    expect(first.result.snapshot).not.toMatchObject({ checkMs: { decompress: expect.anything() } });
    await syncOnce(byFeed, portal.url, { snapshotAfterPages: Number.MAX_SAFE_INTEGER });
    expect(corpusDump(fromPrebuilt)).toEqual(corpusDump(byFeed));
    for (const word of ['integration', 'migrants', 'sprachkurs']) expect(matches(fromPrebuilt, word), word).toEqual(matches(byFeed, word));
    expect(matches(fromPrebuilt, 'integration').length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(fromPrebuilt, 'snapshot'))).toEqual([]);
    expect(fs.existsSync(path.join(fromPrebuilt, 'corpus.next.sqlite'))).toBe(false);

    expect((await portal.editor('PUT', '/api/v1/editor/document/after-the-prebuilt', sampleDocument('after-the-prebuilt'))).status).toBe(200);
    const next = await syncOnce(fromPrebuilt, portal.url);
    expect(next.result).toMatchObject({ upserts: 1, snapshot: null });
    await syncOnce(byFeed, portal.url, { snapshotAfterPages: Number.MAX_SAFE_INTEGER });
    expect(corpusDump(fromPrebuilt)).toEqual(corpusDump(byFeed));
  });

  it('resumes a broken download of the prebuilt corpus and inflates it after, to the same store', async () => {
    const resumed = path.join(temp.dir, 'resumed');
    const byFeed = path.join(temp.dir, 'resumed-by-feed');
    const gz = fs.readFileSync(path.join(portal.portal.snapshots.prebuilt.dir, `${prebuilt.sha256}.sqlite.gz`));
    fs.mkdirSync(path.join(resumed, 'snapshot'), { recursive: true });
    fs.writeFileSync(path.join(resumed, 'snapshot', `${prebuilt.sha256}.sqlite.gz.part`), gz.subarray(0, Math.floor(gz.length / 2)));
    // What a sync stopped mid-inflation leaves: removed, never taken.
    fs.writeFileSync(path.join(resumed, 'snapshot', 'inflating-0.sqlite'), 'half a file');
    const first = await syncOnce(resumed, portal.url);
    expect(first.result.snapshot).toMatchObject({ format: 'sqlite', version: prebuilt.version, checkMs: { decompress: expect.any(Number) } });
    await syncOnce(byFeed, portal.url, { snapshotAfterPages: Number.MAX_SAFE_INTEGER });
    expect(corpusDump(resumed)).toEqual(corpusDump(byFeed));
    expect(fs.readdirSync(path.join(resumed, 'snapshot'))).toEqual([]);
  });

  it('does not take a prebuilt corpus of another schema level', async () => {
    plantPrebuilt(portal, database, prebuilt, { schema: '2026-01-01-0001-an-older-release' });
    try {
      const dataDir = path.join(temp.dir, 'other-level');
      const { result } = await syncOnce(dataDir, portal.url);
      expect(result.snapshot).toEqual({ format: 'jsonl', version: expect.any(Number), records: expect.any(Number) });
      expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
    } finally {
      restorePrebuilt(portal, prebuilt);
    }
  });

  const damagedPage = (file: string) => {
    const out = path.join(temp.dir, 'damaged.sqlite');
    fs.copyFileSync(file, out);
    const sqlite = new Database(out, { readonly: true });
    const { rootpage } = sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'records_list_title'").get() as { rootpage: number };
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    sqlite.close();
    const fd = fs.openSync(out, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x55), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    return out;
  };
  const cases: Array<{ name: string; file: () => string; overrides?: Partial<PrebuiltSnapshotInfo>; refusal: RegExp }> = [
    { name: 'an extra trigger', file: () => tamper(database, path.join(temp.dir, 't1.sqlite'), 'CREATE TRIGGER wipe AFTER INSERT ON records BEGIN DELETE FROM records; END;'), refusal: /has a trigger wipe that this app's schema does not have/ },
    { name: 'an extra view', file: () => tamper(database, path.join(temp.dir, 't2.sqlite'), 'CREATE VIEW everything AS SELECT * FROM records;'), refusal: /has a view everything/ },
    { name: 'a table defined otherwise', file: () => tamper(database, path.join(temp.dir, 't3.sqlite'), 'DROP INDEX records_list_title; CREATE INDEX records_list_title ON records (title);'), refusal: /index records_list_title is not defined as this app defines it/ },
    { name: 'another schema level than it claims', file: () => tamper(database, path.join(temp.dir, 't4.sqlite'), `DELETE FROM kysely_migration WHERE name = '${corpusSchemaLevel()}';`), refusal: /is at schema level .*, this app at/ },
    { name: 'a damaged page', file: () => damagedPage(database), refusal: /damaged|cannot be read/ },
    { name: 'a record its schema refuses', file: () => tamper(database, path.join(temp.dir, 't5.sqlite'), "UPDATE records SET data = json_set(data, '$.language', 'not a language') WHERE rowid = (SELECT max(rowid) FROM records);"), refusal: /holds an invalid record: Invalid .*language/ },
    { name: 'an index entry that is not its record’s text', file: () => tamper(database, path.join(temp.dir, 't6.sqlite'), "UPDATE search_index SET body = body || ' contraband' WHERE rowid = (SELECT min(rowid) FROM records);"), refusal: /search index entry of .* is not its record's text/ },
    { name: 'a version other than announced', file: () => tamper(database, path.join(temp.dir, 't7.sqlite'), "UPDATE sync_state SET value = '1' WHERE key = 'cursor';"), refusal: /stands at cursor 1, the portal announced version/ },
    { name: 'a kept version’s block that is not its text’s', file: () => tamper(database, path.join(temp.dir, 't8.sqlite'), "UPDATE history_blocks SET text = text || ' contraband' WHERE id = (SELECT min(id) FROM history_blocks);"), refusal: /history block \d+ does not hash to its text/ },
    { name: 'a kept version’s block counted otherwise than used', file: () => tamper(database, path.join(temp.dir, 't9.sqlite'), 'UPDATE history_blocks SET refs = refs + 1 WHERE id = (SELECT max(id) FROM history_blocks);'), refusal: /history block \d+ is counted \d+ times, used \d+/ },
    { name: 'more content than announced (a gzip bomb)', file: () => database, overrides: { databaseSize: 8192 }, refusal: /larger than the 8192 bytes announced: decompression stopped/ },
  ];
  for (const { name, file, overrides, refusal } of cases) {
    it(`refuses a prebuilt corpus with ${name}, and loads the JSON Lines snapshot instead`, async () => {
      plantPrebuilt(portal, file(), prebuilt, overrides);
      try {
        const dataDir = path.join(temp.dir, name.replace(/\W+/g, '-'));
        const { result } = await syncOnce(dataDir, portal.url);
        expect(result.snapshot).toMatchObject({ format: 'jsonl', prebuiltRefused: expect.stringMatching(refusal) });
        expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
        expect(fs.readdirSync(path.join(dataDir, 'snapshot'))).toEqual([]);
        expect(fs.existsSync(path.join(dataDir, 'corpus.next.sqlite'))).toBe(false);
      } finally {
        restorePrebuilt(portal, prebuilt);
      }
    });
  }

  it("checks every record's list columns and schema even when its JSON and index text are only sampled", async () => {
    const lying = tamper(database, path.join(temp.dir, 'columns.sqlite'), "UPDATE records SET countries = '|XX|' WHERE rowid = (SELECT max(rowid) FROM records);");
    const invalid = tamper(database, path.join(temp.dir, 'schema.sqlite'), "UPDATE records SET data = json_set(data, '$.updatedAt', 'yesterday') WHERE rowid = (SELECT max(rowid) FROM records);");
    const checkWithSampleOfOne = async (file: string) => {
      await checkPrebuiltStructure(file);
      const store = await openCorpusStore(file);
      try {
        return checkPrebuiltRecords(store, { version: prebuilt.version, records: prebuilt.records, sample: 1 });
      } finally {
        await store.close();
      }
    };
    await expect(checkWithSampleOfOne(lying)).rejects.toThrow(/stores a countries its record does not give/);
    await expect(checkWithSampleOfOne(invalid)).rejects.toThrow(/holds an invalid record: Invalid .*updatedAt/);
    const untouched = path.join(temp.dir, 'untouched.sqlite');
    fs.copyFileSync(database, untouched);
    expect(await checkWithSampleOfOne(untouched)).toEqual({ problems: 0 });
  });

  it('refuses bytes that are not the ones its hash names (changed after the portal checked them)', async () => {
    const file = portal.portal.snapshots.prebuilt.pathOf(prebuilt.sha256);
    const original = fs.readFileSync(file);
    const changed = Buffer.from(original);
    changed[changed.length - 20]! ^= 0xff;
    fs.writeFileSync(file, changed);
    try {
      const dataDir = path.join(temp.dir, 'changed-bytes');
      const { result } = await syncOnce(dataDir, portal.url);
      expect(result.snapshot).toMatchObject({ format: 'jsonl', prebuiltRefused: expect.stringMatching(/prebuilt corpus did not download.*sha256 is [0-9a-f]{64}, expected/) });
      expect(localContent(dataDir)).toEqual(await serverContent(portal.url));
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('swaps a checked corpus into an empty library writing its pages once, not through the WAL and again at its checkpoint', async () => {
    const stores = await openStores(path.join(temp.dir, 'swap-bytes'));
    try {
      const side = await openSideCorpus(stores.corpus, {
        prebuilt: { compressed: portal.portal.snapshots.prebuilt.pathOf(prebuilt.sha256), databaseSize: prebuilt.databaseSize, check: (reader) => void checkPrebuiltRecords(reader, { version: prebuilt.version, records: prebuilt.records }) },
      });
      // Bytes this process hands to write(2) (Linux): the copy's pages, and nothing else runs meanwhile.
      const before = writtenBytes();
      await side.swapIn();
      const written = writtenBytes() - before;
      expect(written).toBeGreaterThan(prebuilt.databaseSize * 0.9);
      expect(written).toBeLessThan(prebuilt.databaseSize * 1.5);
      expect(stores.corpus.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect((stores.corpus.sqlite.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(prebuilt.records);
      expect(fs.existsSync(`${stores.corpus.file}-journal`)).toBe(false);
    } finally {
      await stores.close();
    }
  });
});

/** wchar of /proc/self/io: every byte this process has written through write(2) and its kin. */
function writtenBytes(): number {
  return Number(/^wchar: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? Number.NaN);
}
