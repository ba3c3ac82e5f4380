// SIGKILL `ewsi sync` 30 times while it bootstraps from the portal's snapshot:
// while the snapshot downloads, while it is loaded (or, for a prebuilt corpus,
// decompressed and checked) beside the library, while it is swapped in, and
// while the feed goes on from its version. Half the runs begin with an empty
// store, half with a library from another portal; in alternate groups of four
// runs the portal offers its prebuilt corpus too (the client then takes that),
// else only the JSON Lines file. Every
// time the store must be sound and either the old one (empty, or the other
// portal's copy) or the new portal's corpus at the store's cursor (the
// snapshot's version or later, whole pages only); the side file is gone once
// the stores open, and the next sync completes to the new portal's content.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { loadSampleCorpus } from '../../../server/sample/load';
import { Random } from '../../../server/sample/random';
import type { PrebuiltSnapshotInfo, SnapshotInfo } from '../../../shared/snapshot';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { buildPrebuilt } from '../../support/snapshot';
import { FAST_PULL, integrityCheck, localContent, serverContent, syncDataFolder, waitForCursor } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

const KILLS = 30;
/** Feed pages of 20: a snapshot is asked for past 100 versions, and loaded 100 records per transaction. */
const PAGE = 20;
const SIDE_FILE = 'corpus.next.sqlite';
/** Documents published after the snapshot: the feed goes on from its version for two pages. */
const AFTER_SNAPSHOT = 2 * PAGE;

function cursorOf(dataDir: string): number {
  const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
  try {
    if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get()) return 0;
    const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get() as { value: string } | undefined;
    return Number(row?.value ?? 0);
  } finally {
    sqlite.close();
  }
}

/** The portal's content as it stood at `cursor`: after the snapshot only new documents were published. */
function contentAt(content: Map<string, unknown>, cursor: number): Map<string, unknown> {
  return new Map([...content].filter(([, record]) => (record as { version: number }).version <= cursor));
}

describe('a first sync from the snapshot killed with SIGKILL', () => {
  let portalA: TestPortal;
  let portalB: TestPortal;
  let contentA: Map<string, unknown>;
  let contentB: Map<string, unknown>;
  let snapshot: SnapshotInfo;
  let prebuilt: PrebuiltSnapshotInfo;
  let template: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    [portalA, portalB] = await Promise.all([startTestPortal(testEngines()[0]!), startTestPortal(testEngines()[0]!)]);
    await loadSampleCorpus(portalA.portal.content, portalA.portal.attachments, { documents: 30 });
    await loadSampleCorpus(portalB.portal.content, portalB.portal.attachments, { documents: 300 });
    snapshot = (await (await portalB.editor('POST', '/api/v1/editor/snapshots')).json()) as SnapshotInfo;
    prebuilt = await buildPrebuilt(portalB);
    expect(prebuilt.version).toBe(snapshot.version);
    const after = Array.from({ length: AFTER_SNAPSHOT }, (_, index) => JSON.stringify({ op: 'upsert', type: 'document', record: sampleDocument(`after-snapshot-${index}`) }));
    expect((await portalB.editor('POST', '/api/v1/editor/import', after.join('\n'), { 'content-type': 'application/x-ndjson' })).status).toBe(200);
    [contentA, contentB] = await Promise.all([serverContent(portalA.url), serverContent(portalB.url)]);
    template = makeTempDir('ewsi-snapshot-crash-template-');
    await syncDataFolder(template.dir, portalA.url, PAGE);
    expect(localContent(template.dir)).toEqual(contentA);
  }, 180_000);
  afterAll(async () => {
    template?.cleanup();
    await portalA?.close();
    await portalB?.close();
  });

  it(`leaves the old store or the new one, ${KILLS} times in a row`, { timeout: 900_000 }, async () => {
    const random = new Random(20261203);
    const snapshotVersions = [...contentAt(contentB, snapshot.version).values()].map((record) => (record as { version: number }).version).sort((a, b) => a - b);
    const outcomes = { keptOld: 0, killedWhileLoading: 0, atSnapshot: 0, pastSnapshot: 0, prebuiltRuns: 0, prebuiltKilledWhileLoading: 0, prebuiltSwappedIn: 0, hotJournal: 0 };
    // The portal lists its prebuilt corpus while its manifest is in its folder.
    const manifest = path.join(portalB.portal.snapshots.prebuilt.dir, `${prebuilt.sha256}.json`);
    const hidden = path.join(template.dir, 'prebuilt-manifest.json');
    fs.renameSync(manifest, hidden);
    for (let run = 0; run < KILLS; run += 1) {
      const temp = makeTempDir('ewsi-snapshot-crash-');
      const offersPrebuilt = Math.floor(run / 4) % 2 === 1;
      if (offersPrebuilt) {
        fs.renameSync(hidden, manifest);
        outcomes.prebuiltRuns += 1;
      }
      try {
        const fromA = run % 2 === 1;
        if (fromA) for (const file of ['corpus.sqlite', 'user.sqlite']) fs.copyFileSync(path.join(template.dir, file), path.join(temp.dir, file));
        const old = fromA ? contentA : new Map<string, unknown>();
        const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', 'sync', '--server', portalB.url, '--data', temp.dir, '--page-size', String(PAGE)], { cwd: REPO_ROOT, stdio: 'ignore' });
        const exit = new Promise((resolve) => child.once('exit', resolve));
        const moment = run % 4;
        if (moment === 0) {
          // Anywhere: starting, asking, downloading, loading, swapping or following the feed.
          await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, random.int(800, 4000)))]);
        } else if (moment === 1) {
          // Part of the way through the load beside the library (its cursor moves one transaction at a time).
          const target = snapshotVersions[random.int(0, snapshotVersions.length - 1)]!;
          await waitForCursor(path.join(temp.dir, SIDE_FILE), target, exit);
        } else if (moment === 2) {
          // The whole snapshot is in the side file: the swap is under way or about to be.
          await waitForCursor(path.join(temp.dir, SIDE_FILE), snapshot.version, exit);
        } else {
          // Swapped in: the feed goes on from the snapshot's version.
          await waitForCursor(path.join(temp.dir, 'corpus.sqlite'), snapshot.version, exit);
        }
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 25)));
        const sideFileThere = fs.existsSync(path.join(temp.dir, SIDE_FILE));
        child.kill('SIGKILL');
        await exit;

        // Killed before the stores were first created: the old (empty) store, with nothing written yet.
        const created = fs.existsSync(path.join(temp.dir, 'corpus.sqlite'));
        // Killed while a prebuilt corpus was copied into the empty library (rollback-journal mode, db/side-corpus.ts):
        // the journal is hot, and SQLite rolls it back at the next read-write open, as the app's next start does.
        // A read-only connection may not roll it back, so the file is opened once the app's way before it is read.
        if (fs.existsSync(path.join(temp.dir, 'corpus.sqlite-journal'))) {
          outcomes.hotJournal += 1;
          const reopened = new Database(path.join(temp.dir, 'corpus.sqlite'));
          reopened.prepare('SELECT count(*) FROM sqlite_master').get();
          reopened.close();
        }
        if (!created) expect(fromA, `run ${run}: the library from A is gone`).toBe(false);
        if (created) expect(integrityCheck(temp.dir), `run ${run}`).toBe('ok');
        const local = created ? localContent(temp.dir) : new Map<string, unknown>();
        const cursor = created ? cursorOf(temp.dir) : 0;
        if (isDeepStrictEqual(local, old)) {
          outcomes.keptOld += 1;
          if (sideFileThere) outcomes.killedWhileLoading += 1;
          if (sideFileThere && offersPrebuilt) outcomes.prebuiltKilledWhileLoading += 1;
        } else {
          expect(cursor, `run ${run}: neither the old store nor the snapshot's`).toBeGreaterThanOrEqual(snapshot.version);
          expect(local, `run ${run}: not the portal's corpus at ${cursor}`).toEqual(contentAt(contentB, cursor));
          outcomes[cursor === snapshot.version ? 'atSnapshot' : 'pastSnapshot'] += 1;
          if (offersPrebuilt) outcomes.prebuiltSwappedIn += 1;
        }

        // The stores open: an unfinished side file is gone; the next sync (resuming a partial download) completes.
        const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: { ...FAST_PULL, pageLimit: PAGE } } });
        try {
          expect(fs.existsSync(path.join(temp.dir, SIDE_FILE)), `run ${run}`).toBe(false);
          const next = await core.sync.run(portalB.url);
          // A sync that began again from a snapshot took the one offered: the prebuilt corpus whenever it was listed.
          if (next.snapshot && 'format' in next.snapshot) expect(next.snapshot.format, `run ${run}`).toBe(offersPrebuilt ? 'sqlite' : 'jsonl');
        } finally {
          await core.close();
        }
        expect(localContent(temp.dir), `run ${run} after resuming`).toEqual(contentB);
      } finally {
        if (offersPrebuilt) fs.renameSync(manifest, hidden);
        temp.cleanup();
      }
    }
    console.log(`snapshot bootstrap killed ${KILLS} times (${outcomes.prebuiltRuns} with the prebuilt corpus offered: killed while it was checked or swapped in ${outcomes.prebuiltKilledWhileLoading}, after it was swapped in ${outcomes.prebuiltSwappedIn}; killed while copied into the empty library, leaving a hot journal, ${outcomes.hotJournal}): kept the old store ${outcomes.keptOld} (${outcomes.killedWhileLoading} with the load under way), at the snapshot ${outcomes.atSnapshot}, past it ${outcomes.pastSnapshot}`);
    expect(outcomes.killedWhileLoading).toBeGreaterThanOrEqual(KILLS / 6);
    expect(outcomes.prebuiltKilledWhileLoading).toBeGreaterThanOrEqual(1);
    expect(outcomes.prebuiltSwappedIn).toBeGreaterThanOrEqual(1);
    expect(outcomes.atSnapshot + outcomes.pastSnapshot).toBeGreaterThanOrEqual(KILLS / 6);
  });
});
