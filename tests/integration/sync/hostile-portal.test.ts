// A broken or hostile portal, replayed by a fake one on 127.0.0.1: the client
// stops with a clear error, the library is as it was, and the portal sees a
// bounded number of requests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRecordSchemas } from '../../../shared/content';
import { sampleDocument } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { localContent, startCore } from '../../support/sync';

type Answer = (since: number, response: http.ServerResponse) => void;

const UPDATED = '2026-01-01T00:00:00.000Z';
const record = (n: number) => contentRecordSchemas.document.parse({ ...sampleDocument(`doc-${n}`), title: `Reception conditions report ${n}`, version: n, updatedAt: UPDATED });
const upsert = (n: number) => ({ op: 'upsert', version: n, type: 'document', id: `doc-${n}`, updatedAt: UPDATED, record: record(n) });
const json = (response: http.ServerResponse, body: unknown) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};
const goodFeed: Answer = (since, response) => json(response, { changes: [1, 2, 3, 4, 5].filter((n) => n > since).map(upsert), cursor: 5, hasMore: false, latest: 5 });

describe('a hostile portal', () => {
  let server: http.Server;
  let url: string;
  let answer: Answer = goodFeed;
  let requests = 0;
  let bytesSent = 0;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url?.startsWith('/healthz')) return void response.end('{"ok":true}');
      requests += 1;
      answer(Number(new URL(request.url ?? '/', 'http://x').searchParams.get('since') ?? 0), response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Syncs the good feed, then replays `bad` and checks the library is untouched by it. */
  async function replay(bad: Answer, options: { deadlineMs?: number } = {}): Promise<{ message: string; requests: number }> {
    const { core, dataDir, close } = await startCore({ retries: 2, ...options });
    try {
      answer = goodFeed;
      await core.sync.run(url);
      const before = localContent(dataDir);
      const searchBefore = await core.search.search({ query: 'reception' });
      expect(before.size).toBe(5);
      answer = bad;
      requests = 0;
      const failure = await core.sync.run().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(localContent(dataDir)).toEqual(before);
      expect((await core.search.search({ query: 'reception' })).hits).toEqual(searchBefore.hits);
      expect(core.sync.status().lastError).toBeTruthy();
      return { message: (failure as Error).message, requests };
    } finally {
      answer = goodFeed;
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
    const result = await replay((_since, response) => json(response, { changes: [upsert(4)], cursor: 6, hasMore: false, latest: 6 }));
    expect(result.message).toMatch(/change version 4 is not after since=5/);
    expect(result.requests).toBe(1);
  });

  it('gives up on a body trickled a byte at a time at the overall deadline, retrying a bounded number of times', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const started = Date.now();
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
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('stops reading a feed page past its limit: ewsi sync exits non-zero naming it, in bounded memory, the store unchanged', async () => {
    const dataDir = fs.mkdtempSync(path.join(REPO_ROOT, '.data-hostile-'));
    try {
      answer = goodFeed;
      const cli = (args: string[]) =>
        new Promise<{ code: number | null; stderr: string; peakRssMb: number }>((resolve) => {
          const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/ewsi.mjs'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
          let stderr = '';
          let peak = 0;
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
            resolve({ code, stderr, peakRssMb: peak });
          });
        });
      expect((await cli(['sync', '--server', url, '--data', dataDir])).code).toBe(0);
      const before = localContent(dataDir);
      bytesSent = 0;
      answer = (_since, response) => {
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
      answer = goodFeed;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
