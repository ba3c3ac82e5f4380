// SIGKILL the syncing process at random moments: every time the store must be
// sound, hold whole pages only, and the next sync must finish to exactly the
// server's content.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../../electron/core/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { FAST_PULL, integrityCheck, localContent, serverContent, waitForCursor } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';
import { Random } from '../../../server/sample/random';

const KILLS = 50;
const PAGE = 50;


/** The CLI in one Node process (tsx as a loader, not its wrapper process), so SIGKILL hits the syncing process itself. */
function syncProcess(url: string, dataDir: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', 'sync', '--server', url, '--data', dataDir, '--page-size', String(PAGE)], { cwd: REPO_ROOT, stdio: 'ignore' });
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('sync killed with SIGKILL', () => {
  let server: TestPortal;
  let expected: Map<string, unknown>;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 500 });
    expected = await serverContent(server.url);
  });
  afterAll(() => server?.close());

  it(`leaves a sound store of whole pages, ${KILLS} times in a row`, { timeout: 600_000 }, async () => {
    const random = new Random(20090420);
    const pages = Math.ceil(expected.size / PAGE);
    // The feed's versions in order: a law's superseded versions leave gaps, so a page ends at every PAGE-th version present.
    const versions = [...expected.values()].map((record) => (record as { version: number }).version).sort((a, b) => a - b);
    const boundaries = new Set(versions.filter((_, i) => (i + 1) % PAGE === 0 || i === versions.length - 1));
    let killedMidSync = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const temp = makeTempDir('ewsi-crash-');
      try {
        const child = syncProcess(server.url, temp.dir);
        const exit = exited(child);
        // Kill once a random number of pages is in (so the moment is mid-sync whatever the machine's load),
        // then after a further random 0–25 ms: inside a transaction, between pages, or during a fetch.
        const targetVersion = versions[random.int(1, pages - 1) * PAGE - 1]!;
        await waitForCursor(path.join(temp.dir, 'corpus.sqlite'), targetVersion, exit);
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 25)));
        child.kill('SIGKILL');
        await exit;

        if (fs.existsSync(path.join(temp.dir, 'corpus.sqlite'))) {
          expect(integrityCheck(temp.dir), `run ${run}`).toBe('ok');
          const local = localContent(temp.dir);
          const cursor = Math.max(0, ...[...local.values()].map((record) => (record as { version: number }).version));
          // Whole pages only: exactly the records up to the last applied version, each identical to the server's.
          const prefix = new Map([...expected].filter(([, record]) => (record as { version: number }).version <= cursor));
          expect(local, `run ${run}`).toEqual(prefix);
          expect(cursor === 0 || boundaries.has(cursor), `run ${run}: cursor ${cursor} is not a page boundary`).toBe(true);
          if (local.size > 0 && local.size < expected.size) killedMidSync += 1;
        }

        // The next sync, on the same folder, completes to exactly the server's content.
        const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL } });
        try {
          await core.sync.run(server.url);
        } finally {
          await core.close();
        }
        expect(localContent(temp.dir), `run ${run} after resuming`).toEqual(expected);
      } finally {
        temp.cleanup();
      }
    }
    expect(killedMidSync).toBeGreaterThanOrEqual(KILLS * 0.8);
  });
});
