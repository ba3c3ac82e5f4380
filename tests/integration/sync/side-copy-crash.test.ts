// SIGKILL `ewsi sync --server <another portal>` while the new copy is built
// beside the library, or while it is swapped in: every time the library must be
// sound and exactly one whole copy (the old portal's or the new one's, never a
// mix or an empty store), the unfinished side file is discarded when the stores
// next open, and the next sync completes to the new portal's content.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { loadSampleCorpus } from '../../../server/sample/load';
import { Random } from '../../../server/sample/random';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { FAST_PULL, integrityCheck, localContent, serverContent, syncDataFolder, waitForCursor } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

const KILLS = 16;
const PAGE = 20;
const SIDE_FILE = 'corpus.next.sqlite';

describe('a switch of portal killed with SIGKILL', () => {
  let portalA: TestPortal;
  let portalB: TestPortal;
  let contentA: Map<string, unknown>;
  let contentB: Map<string, unknown>;
  let template: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    [portalA, portalB] = await Promise.all([startTestPortal(testEngines()[0]!), startTestPortal(testEngines()[0]!)]);
    await loadSampleCorpus(portalA.portal.content, portalA.portal.attachments, { documents: 40 });
    await loadSampleCorpus(portalB.portal.content, portalB.portal.attachments, { documents: 120 });
    [contentA, contentB] = await Promise.all([serverContent(portalA.url), serverContent(portalB.url)]);
    // One library synced from A, copied into each run's folder (closed stores: everything is in the two files).
    template = makeTempDir('ewsi-side-crash-template-');
    await syncDataFolder(template.dir, portalA.url);
    expect(localContent(template.dir)).toEqual(contentA);
  }, 120_000);
  afterAll(async () => {
    template?.cleanup();
    await portalA?.close();
    await portalB?.close();
  });

  it(`keeps one whole copy, ${KILLS} times in a row`, { timeout: 600_000 }, async () => {
    const random = new Random(20140701);
    const versionsB = [...contentB.values()].map((record) => (record as { version: number }).version).sort((a, b) => a - b);
    const latestB = versionsB.at(-1)!;
    const outcomes = { keptA: 0, becameB: 0, killedWhileBuilding: 0 };
    for (let run = 0; run < KILLS; run += 1) {
      const temp = makeTempDir('ewsi-side-crash-');
      try {
        for (const file of ['corpus.sqlite', 'user.sqlite']) fs.copyFileSync(path.join(template.dir, file), path.join(temp.dir, file));
        const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', 'sync', '--server', portalB.url, '--data', temp.dir, '--page-size', String(PAGE)], { cwd: REPO_ROOT, stdio: 'ignore' });
        const exit = new Promise((resolve) => child.once('exit', resolve));
        // Even runs: a random number of pages into the side copy. Odd runs: its last page is in, the swap is near.
        const target = run % 2 === 0 ? versionsB[random.int(1, Math.floor(versionsB.length / PAGE)) * PAGE - 1]! : latestB;
        await waitForCursor(path.join(temp.dir, SIDE_FILE), target, exit);
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 25)));
        const sideFileThere = fs.existsSync(path.join(temp.dir, SIDE_FILE));
        child.kill('SIGKILL');
        await exit;

        expect(integrityCheck(temp.dir), `run ${run}`).toBe('ok');
        const local = localContent(temp.dir);
        const keptA = isDeepStrictEqual(local, contentA);
        if (!keptA) expect(local, `run ${run}: neither A's copy nor B's`).toEqual(contentB);
        outcomes[keptA ? 'keptA' : 'becameB'] += 1;
        if (keptA && sideFileThere) outcomes.killedWhileBuilding += 1;

        // The stores open: an unfinished side file is gone; the next sync completes to B's content.
        const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL } });
        try {
          expect(fs.existsSync(path.join(temp.dir, SIDE_FILE)), `run ${run}`).toBe(false);
          await core.sync.run(portalB.url);
        } finally {
          await core.close();
        }
        expect(localContent(temp.dir), `run ${run} after resuming`).toEqual(contentB);
      } finally {
        temp.cleanup();
      }
    }
    console.log(`side copy killed ${KILLS} times: kept A ${outcomes.keptA} (${outcomes.killedWhileBuilding} with the copy under way), became B ${outcomes.becameB}`);
    expect(outcomes.killedWhileBuilding).toBeGreaterThanOrEqual(KILLS / 4);
  });
});
