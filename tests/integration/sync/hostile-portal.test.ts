// A broken or hostile portal, replayed by fake ones on 127.0.0.1 (issue 15,
// point 9): the client stops with a clear error, the library is as it was
// (records, counts per type, the library list, search results), and the
// portal sees a bounded number of requests. A resync, or another portal's
// first copy, is built beside the library and replaces it only once complete.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRecordSchemas } from '../../../shared/content';
import type { MethodName } from '../../../shared/contract';
import type { Core } from '../../../electron/core/core';
import { SyncError } from '../../../electron/core/sync/pull';
import { sampleDocument } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { integrityCheck, localContent, startCore } from '../../support/sync';

type Answer = (since: number, response: http.ServerResponse) => void | Promise<void>;

/** The file a copy is built in beside the library; never left behind. */
const SIDE_FILE = 'corpus.next.sqlite';
const UPDATED = '2026-01-01T00:00:00.000Z';

const document = (id: string, version: number, title: string) =>
  contentRecordSchemas.document.parse({ ...sampleDocument(id), title, body: `<p>${title} describes reception in detail.</p>`, version, updatedAt: UPDATED });
const upsert = (record: ReturnType<typeof document>) => ({ op: 'upsert', version: record.version, type: 'document', id: record.id, updatedAt: UPDATED, record });
const json = (response: http.ServerResponse, body: unknown, status = 200) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

// Portal A: five reports. Portal B: a housing guide series and, under its own version, A's doc-2 word for word.
const reportsOfA = [1, 2, 3, 4, 5].map((n) => document(`doc-${n}`, n, `Reception conditions report ${n}`));
const goodFeed: Answer = (since, response) => json(response, { changes: reportsOfA.filter((r) => r.version > since).map(upsert), cursor: 5, hasMore: false, latest: 5 });
const feedOfB = [document('b-doc-1', 1, 'Housing guide for newcomers 1'), document('b-doc-2', 2, 'Housing guide for newcomers 2'), document('doc-2', 3, 'Reception conditions report 2')];
/** B's feed in two pages; `secondPage` answers since=2 (the whole rest of the feed, or something else). */
const feedOfBInTwoPages =
  (secondPage: Answer = (since, response) => json(response, { changes: feedOfB.filter((r) => r.version > since).map(upsert), cursor: 3, hasMore: false, latest: 3 })): Answer =>
  (since, response) =>
    since === 0 ? json(response, { changes: feedOfB.slice(0, 2).map(upsert), cursor: 2, hasMore: true, latest: 3 }) : secondPage(since, response);
const resyncRequired = (response: http.ServerResponse) => json(response, { error: 'resync_required', message: 'your cursor is behind the tombstone horizon' }, 409);
const garbage = (response: http.ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('\u0000\u00ff not a page }}');
};

interface FakePortal {
  readonly url: string;
  answer: Answer;
  /** Feed requests since the last reset. */
  requests: number;
  close(): Promise<void>;
}

async function startFakePortal(): Promise<FakePortal> {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/healthz')) return void response.end('{"ok":true}');
    portal.requests += 1;
    void portal.answer(Number(new URL(request.url ?? '/', 'http://x').searchParams.get('since') ?? 0), response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const portal: FakePortal = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    answer: goodFeed,
    requests: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return portal;
}

/** An address where nothing listens: a port taken and given back. */
async function closedAddress(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A request held until the test lets it go: `reached` resolves when it arrives. */
function heldRequest() {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { reached, release, hold: async () => (arrive(), await released) };
}

async function call(core: Core, method: MethodName, args: unknown): Promise<unknown> {
  const envelope = await core.dispatch(method, args);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value;
}

const SEARCHES = ['reception', 'conditions report 3', 'housing', 'report -conditions', '"describes reception"'];

/** What the user sees of the library: every record, the counts per type, the library list, a few searches and suggestions. */
async function libraryView(core: Core, dataDir: string) {
  return {
    records: localContent(dataDir),
    counts: core.sync.status().counts,
    libraryPortal: core.sync.status().libraryPortal,
    list: await call(core, 'records.list', { types: ['document'], limit: 50 }),
    searches: await Promise.all(SEARCHES.map((query) => call(core, 'search.query', { query }))),
    suggestions: await call(core, 'search.suggest', { query: 'hous' }),
  };
}

describe('a hostile portal', () => {
  let portal: FakePortal;
  let other: FakePortal;

  beforeAll(async () => {
    portal = await startFakePortal();
    other = await startFakePortal();
  });
  afterAll(async () => {
    await portal.close();
    await other.close();
  });

  /**
   * Syncs portal A's good feed, then syncs again with `bad` answering (from `server`, portal A by default),
   * and checks that the failed sync left the library exactly as it was.
   */
  async function replay(
    bad: Answer,
    options: { deadlineMs?: number; server?: string; whileRunning?: (core: Core, dataDir: string, before: Awaited<ReturnType<typeof libraryView>>) => Promise<void> } = {},
  ): Promise<{ message: string; requests: number; portalA: number }> {
    const { core, dataDir, close } = await startCore({ retries: 2, deadlineMs: options.deadlineMs, pageLimit: 2 });
    const target = options.server === other.url ? other : portal;
    try {
      portal.answer = goodFeed;
      await core.sync.run(portal.url);
      await core.search.buildTermPostings();
      const before = await libraryView(core, dataDir);
      expect(before.records.size).toBe(5);
      expect(before.counts).toEqual({ document: 5 });
      target.answer = bad;
      portal.requests = 0;
      other.requests = 0;
      const running = core.sync.run(options.server).then(
        () => undefined,
        (error: unknown) => error,
      );
      await options.whileRunning?.(core, dataDir, before);
      const failure = await running;
      expect(failure).toBeInstanceOf(SyncError);
      expect(await libraryView(core, dataDir)).toEqual(before);
      expect(fs.existsSync(path.join(dataDir, SIDE_FILE))).toBe(false);
      expect(integrityCheck(dataDir)).toBe('ok');
      expect(core.sync.status().lastError).toBe((failure as Error).message);
      return { message: (failure as Error).message, requests: target.requests, portalA: portal.requests };
    } finally {
      portal.answer = goodFeed;
      other.answer = goodFeed;
      await close();
    }
  }

  it('refuses a page that announces more but whose cursor does not advance, after one request', async () => {
    const result = await replay((_since, response) => json(response, { changes: [], cursor: 5, hasMore: true, latest: 9 }));
    expect(result.message).toMatch(/cursor does not advance/);
    expect(result.requests).toBe(1);
  });

  it('refuses a cursor that goes backwards', async () => {
    const result = await replay((_since, response) => json(response, { changes: [], cursor: 3, hasMore: false, latest: 5 }));
    expect(result.message).toMatch(/cursor goes backwards \(3 after since=5\)/);
    expect(result.requests).toBe(1);
  });

  it('refuses a change at or below since', async () => {
    const result = await replay((_since, response) => json(response, { changes: [upsert(reportsOfA[3]!)], cursor: 6, hasMore: false, latest: 6 }));
    expect(result.message).toMatch(/change version 4 is not after since=5/);
    expect(result.requests).toBe(1);
  });

  it('gives up on a body trickled a byte at a time at the overall deadline, retrying a bounded number of times', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const result = await replay(
      (_since, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(' ')), 20);
        timers.add(timer);
        response.on('close', () => clearInterval(timer));
      },
      { deadlineMs: 800 },
    );
    for (const timer of timers) clearInterval(timer);
    expect(result.message).toMatch(/did not finish its answer within 0.8 s/);
    expect(result.requests).toBe(3); // the first try and two retries
  });

  it('after a resync signal and a good first page, a garbage page leaves the library whole: readable and searchable while the copy was built beside it', async () => {
    const held = heldRequest();
    const result = await replay(
      async (since, response) => {
        if (since === 5) return resyncRequired(response);
        if (since === 0) return json(response, { changes: reportsOfA.slice(0, 2).map(upsert), cursor: 2, hasMore: true, latest: 5 });
        await held.hold();
        garbage(response);
      },
      {
        whileRunning: async (core, dataDir, before) => {
          await held.reached;
          // The resync's first page is in the copy beside the library; the library is the old one, and answers.
          expect(fs.existsSync(path.join(dataDir, SIDE_FILE))).toBe(true);
          expect(core.sync.status().progress).toMatchObject({ resyncing: true, records: 2 });
          expect(await libraryView(core, dataDir)).toEqual(before);
          held.release();
        },
      },
    );
    expect(result.message).toMatch(/the answer was not complete JSON.*The library is unchanged: it keeps its copy from http:\/\/127\.0\.0\.1:\d+ until a complete new copy has arrived/);
    expect(result.requests).toBe(5); // the 409, the first page, the garbage page and its two retries
  });

  it('refuses a portal that sends the copy from 0 it asked for back to 0, after a bounded number of requests', async () => {
    const firstPage = { changes: reportsOfA.slice(0, 2).map(upsert), cursor: 2, hasMore: true, latest: 5 };
    const same = await replay((since, response) => (since === 0 ? json(response, firstPage) : json(response, { error: 'resync_required', message: 'behind the horizon', horizon: 5 }, 409)));
    expect(same.message).toMatch(/asked for a resync again at since=2, during the copy from 0 it had asked for: behind the horizon\. The library is unchanged/);
    expect(same.requests).toBe(3);
    // A horizon that moves (a purge during the walk) is followed, three walks from 0 at most.
    let horizon = 5;
    const moving = await replay((since, response) => (since === 0 ? json(response, firstPage) : json(response, { error: 'resync_required', message: 'behind the horizon', horizon: horizon++ }, 409)));
    expect(moving.message).toMatch(/asked for a resync again at since=2/);
    expect(moving.requests).toBe(7);
  });

  it('a different portal that answers a first page and then an invalid one never touches the library', async () => {
    const result = await replay(
      feedOfBInTwoPages((_since, response) => json(response, { changes: [{ ...upsert(feedOfB[2]!), record: { id: 'doc-2', title: 42 } }], cursor: 3, hasMore: false, latest: 3 })),
      { server: other.url },
    );
    expect(result.message).toMatch(/Invalid document doc-2 in change 0.*nothing from this page was applied\. The library is unchanged/);
    expect(result.requests).toBe(2);
    expect(result.portalA).toBe(0);
  });

  it('a mistyped portal address (nothing listens there) leaves the library whole after a bounded number of attempts', async () => {
    const typo = await closedAddress();
    const result = await replay(goodFeed, { server: typo });
    expect(result.message).toMatch(/Sync failed after 3 attempts: .*The library is unchanged: it keeps its copy from http:\/\/127\.0\.0\.1:\d+ until a complete new copy has arrived/);
    expect(result.portalA).toBe(0);
  });

  it("another portal's complete copy replaces the library only once it has all arrived; annotations follow it", async () => {
    const { core, dataDir, close } = await startCore({ retries: 2, pageLimit: 2 });
    try {
      portal.answer = goodFeed;
      await core.sync.run(portal.url);
      await core.search.buildTermPostings();
      const annotate = (id: string) => {
        const text = core.annotations.forTarget({ type: 'document', id, key: null }).text!;
        const start = text.indexOf('describes reception');
        return core.annotations.create({ target: { type: 'document', id, key: null }, start, end: start + 19, color: 'pink', note: id, tags: [] });
      };
      const onBoth = annotate('doc-2');
      const onlyOnA = annotate('doc-1');
      const before = await libraryView(core, dataDir);
      const held = heldRequest();
      other.answer = feedOfBInTwoPages(async (since, response) => {
        await held.hold();
        await feedOfBInTwoPages()(since, response);
      });
      other.requests = 0;
      const running = core.sync.run(other.url);
      await held.reached;
      expect(await libraryView(core, dataDir)).toEqual(before);
      held.release();
      const result = await running;
      expect(result).toMatchObject({ resynced: true, upserts: 3, cursor: 3 });
      expect(other.requests).toBe(2);

      const after = await libraryView(core, dataDir);
      expect([...after.records.keys()].sort()).toEqual(['document/b-doc-1', 'document/b-doc-2', 'document/doc-2']);
      expect(after.counts).toEqual({ document: 3 });
      expect(after.libraryPortal).toBe(other.url);
      const [reception, , housing] = after.searches as Array<{ total: number; hits: Array<{ id: string }> }>;
      expect(reception!.total).toBe(3); // every body describes reception
      expect(housing!.hits.map((hit) => hit.id).sort()).toEqual(['b-doc-1', 'b-doc-2']);
      expect(after.suggestions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'title', text: 'Housing guide for newcomers 1' })]));
      expect(fs.existsSync(path.join(dataDir, SIDE_FILE))).toBe(false);
      expect(integrityCheck(dataDir)).toBe('ok');
      const anchoring = new Map(core.annotations.list({ limit: 10, offset: 0 }).annotations.map((a) => [a.id, a.anchoring]));
      expect(anchoring.get(onBoth.id)).toMatchObject({ status: 'placed' });
      expect(anchoring.get(onlyOnA.id)).toMatchObject({ status: 'orphaned', reason: 'target-deleted' });
      // The next sync from B is an ordinary incremental one, into the library itself.
      expect(await core.sync.run()).toMatchObject({ resynced: false, pages: 1, upserts: 0 });
    } finally {
      other.answer = goodFeed;
      await close();
    }
  });

  /** `ewsi` as a child process; its peak RSS sampled from /proc. */
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string; peakRssMb: number }>((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/ewsi.mjs'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let peak = 0;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const sampler = setInterval(() => {
        try {
          const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          if (rss) peak = Math.max(peak, Number(rss) / 1024);
        } catch {
          // The process is gone.
        }
      }, 10);
      child.on('exit', (code) => {
        clearInterval(sampler);
        resolve({ code, stdout, stderr, peakRssMb: peak });
      });
    });

  it('ewsi sync --server with a mistyped address says the library is kept, leaves it whole and does not remember the address', async () => {
    const dataDir = fs.mkdtempSync(path.join(REPO_ROOT, '.data-hostile-'));
    try {
      portal.answer = goodFeed;
      expect((await cli(['sync', '--server', portal.url, '--data', dataDir])).code).toBe(0);
      const before = { records: localContent(dataDir), search: (await cli(['search', 'reception', '--data', dataDir, '--json'])).stdout };
      const typo = await closedAddress();
      portal.requests = 0;
      const failed = await cli(['sync', '--server', typo, '--data', dataDir]);
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toContain(`Switching to ${typo}: the library keeps its copy from ${portal.url} until the new portal's first complete copy has arrived.`);
      expect(failed.stderr).toMatch(/Sync failed \(network\): Sync failed after 7 attempts: .*The library is unchanged/);
      expect({ records: localContent(dataDir), search: (await cli(['search', 'reception', '--data', dataDir, '--json'])).stdout }).toEqual(before);
      expect(JSON.parse((await cli(['status', '--data', dataDir, '--json'])).stdout)).toMatchObject({ serverUrl: portal.url, libraryPortal: portal.url, counts: { document: 5 } });
      expect(portal.requests).toBe(0);
      expect(fs.existsSync(path.join(dataDir, SIDE_FILE))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000); // seven attempts with the CLI's production backoff, 16 to 32 s in all

  it('stops reading a feed page past its limit: ewsi sync exits non-zero naming it, in bounded memory, the store unchanged', async () => {
    const dataDir = fs.mkdtempSync(path.join(REPO_ROOT, '.data-hostile-'));
    let bytesSent = 0;
    try {
      portal.answer = goodFeed;
      expect((await cli(['sync', '--server', portal.url, '--data', dataDir])).code).toBe(0);
      const before = localContent(dataDir);
      portal.answer = (_since, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && bytesSent < 600 * 1024 * 1024) {
            bytesSent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.write('{"changes":[');
        pump();
      };
      const huge = await cli(['sync', '--data', dataDir]);
      console.log(`600 MB feed page: ewsi sync exit ${huge.code}, peak RSS ${huge.peakRssMb.toFixed(0)} MB, ${Math.round(bytesSent / 1024 / 1024)} MB sent before it stopped reading`);
      expect(huge.code).not.toBe(0);
      expect(huge.stderr).toMatch(/larger than the 64 MiB/);
      expect(huge.peakRssMb).toBeLessThan(300);
      expect(localContent(dataDir)).toEqual(before);
    } finally {
      portal.answer = goodFeed;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
