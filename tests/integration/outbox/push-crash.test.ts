// SIGKILL `ewsi push` at random moments: after each kill every item is either
// delivered once or not at all (queued), never twice; after a restart the push
// completes with every item delivered exactly once, in lane order.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import type { OutboxRow } from '../../../electron/core/outbox/outbox-store';
import { Random } from '../../../server/sample/random';
import { FORUM_ID, MEMBER, startCommunityPortal } from '../../support/community';
import { readFeed, samplePartnerRequest, type FeedChange, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';

const KILLS = Number(process.env.OUTBOX_KILLS ?? 50);
const ITEMS = 12;

function readOutbox(dataDir: string): OutboxRow[] {
  const sqlite = new Database(path.join(dataDir, 'user.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];
  } finally {
    sqlite.close();
  }
}

/** Resolves once `count` items are sent (read by another connection, as a crash would leave them) or the process ends. */
async function waitForSent(dataDir: string, count: number, exit: Promise<unknown>): Promise<void> {
  let done = false;
  void exit.then(() => (done = true));
  while (!done) {
    if (readOutbox(dataDir).filter((row) => row.state === 'sent').length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The CLI in one Node process (tsx as a loader), so SIGKILL hits the pushing process itself. */
function pushProcess(dataDir: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', 'push', '--data', dataDir], { cwd: REPO_ROOT, stdio: 'ignore' });
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const bodyOf = (row: OutboxRow) => {
  const payload = JSON.parse(row.payload) as { body?: string; title?: string };
  return row.kind === 'forum.reply' ? payload.body! : payload.title!;
};
const matching = (row: OutboxRow, changes: FeedChange[]) =>
  changes.filter((c) =>
    row.kind === 'forum.reply' ? c.type === 'forum-post' && c.record?.body === bodyOf(row) : c.type === (row.kind === 'forum.thread' ? 'forum-thread' : 'partner-request') && c.record?.title === bodyOf(row),
  );

describe('outbox push killed with SIGKILL', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startCommunityPortal(['thread-a', 'thread-b']);
  });
  afterAll(() => server?.close());

  it(`delivers every item exactly once across ${KILLS} kills and restarts`, { timeout: 900_000 }, async () => {
    const random = new Random(20260707);
    let killedMidPush = 0;
    let inDoubt = 0;
    let committedUnmarked = 0;
    const finishedBeforeKill: Array<number | null> = [];
    const started = Date.now();
    for (let run = 0; run < KILLS; run += 1) {
      const temp = makeTempDir('ewsi-outbox-crash-');
      try {
        const since = (await readFeed(server.url)).cursor;
        const setup = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
        try {
          await setup.handlers['auth.signIn']({ serverUrl: server.url, email: MEMBER.email, password: MEMBER.password });
          for (let i = 0; i < ITEMS; i += 1) {
            const marker = `crash run ${run} item ${i}`;
            if (i % 6 === 5) setup.outbox.compose(i % 12 === 5 ? 'forum.thread' : 'partner.request', i % 12 === 5 ? { forumId: FORUM_ID, title: marker, body: 'Opening post' } : samplePartnerRequest(marker));
            else setup.outbox.compose('forum.reply', { threadId: i % 2 === 0 ? 'thread-a' : 'thread-b', body: marker });
          }
        } finally {
          await setup.close();
        }

        const child = pushProcess(temp.dir);
        const exit = exited(child);
        // Kill once a random number of items is through (mid-push whatever the machine's load), then a further 0–12 ms:
        // between marking `sending` and the request, while the portal commits, or before `sent` is written.
        let killed = false;
        let ownExit: number | null | undefined;
        void exit.then((code) => {
          if (!killed) ownExit = code;
        });
        await waitForSent(temp.dir, random.int(1, ITEMS - 3), exit);
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 12)));
        killed = true;
        child.kill('SIGKILL');
        await exit;
        if (ownExit !== undefined) finishedBeforeKill.push(ownExit);

        // Right after the kill: each item is on the portal at most once; a sent one exactly once; one never tried not at all.
        const afterKill = (await readFeed(server.url, since)).changes.filter((c) => c.op === 'upsert');
        const rows = readOutbox(temp.dir);
        const sent = rows.filter((row) => row.state === 'sent').length;
        for (const row of rows) {
          const found = matching(row, afterKill);
          expect(found.length, `run ${run}: ${bodyOf(row)} (${row.state})`).toBeLessThanOrEqual(1);
          if (row.state === 'sent') expect(found.map((c) => c.id), `run ${run}`).toEqual([JSON.parse(row.result!).id]);
          if (row.state === 'queued' && row.attempts === 0) expect(found, `run ${run}: never sent`).toEqual([]);
          if (row.state === 'sending') {
            inDoubt += 1;
            if (found.length === 1) committedUnmarked += 1; // The portal committed, the kill came before `sent`: the resend must replay.
          }
        }
        if (sent > 0 && sent < ITEMS) killedMidPush += 1;

        // Restart and push to completion.
        const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
        try {
          expect(await core.outbox.push({ baseDelayMs: 5, maxDelayMs: 50 }), `run ${run}`).toMatchObject({ remaining: 0 });
        } finally {
          await core.close();
        }
        const changes = (await readFeed(server.url, since)).changes.filter((c) => c.op === 'upsert');
        const final = readOutbox(temp.dir);
        const lanes = new Map<string, number[]>();
        for (const row of final) {
          expect(row.state, `run ${run}`).toBe('sent');
          expect(matching(row, changes).map((c) => c.id), `run ${run}: ${bodyOf(row)}`).toEqual([JSON.parse(row.result!).id]);
          lanes.set(row.lane, [...(lanes.get(row.lane) ?? []), JSON.parse(row.result!).version as number]);
        }
        for (const versions of lanes.values()) expect(versions).toEqual([...versions].sort((a, b) => a - b));
        // Nothing else was created: a new thread brings its first post.
        expect(changes.length, `run ${run}`).toBe(final.reduce((sum, row) => sum + (row.kind === 'forum.thread' ? 2 : 1), 0));
        expect(fs.existsSync(path.join(temp.dir, 'session-token'))).toBe(true);
      } finally {
        temp.cleanup();
      }
    }
    console.log(`outbox SIGKILL: ${KILLS} kills, ${killedMidPush} mid-push, ${finishedBeforeKill.length} pushes ended before their kill (exit codes ${JSON.stringify(finishedBeforeKill)}), ${inDoubt} items left 'sending' by a kill (${committedUnmarked} of them already committed by the portal) and resent with their key, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(killedMidPush).toBeGreaterThanOrEqual(KILLS * 0.6);
  });
});
