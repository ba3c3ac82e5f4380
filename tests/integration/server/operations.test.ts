// What a load balancer and an operator rely on: readiness and health, the
// change streams' bound and heartbeats, Prometheus metrics, and a SIGTERM that
// lets the request in flight finish.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { openChangeStream } from '../../support/portal-instances';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';

const open: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (open.length) await open.pop()!();
});

async function portalOn(engine: ReturnType<typeof testEngines>[number], changeStreams = {}): Promise<TestPortal> {
  const server = await startTestPortal(engine, { changeStreams });
  open.push(() => server.close());
  return server;
}

describe.each(testEngines())('operations on $name', (engine) => {
  it('is ready once migrated, not while a migration is missing, and not once draining', async () => {
    const server = await portalOn(engine);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', latest: 0 });
    // A database an older portal migrated: the newest migration's record is missing.
    await sql`delete from kysely_migration where name = ${'2026-12-03-0500-shared-rate-limits'}`.execute(server.db);
    const migrating = await fetch(`${server.url}/readyz`);
    expect(migrating.status).toBe(503);
    expect(((await migrating.json()) as { message: string }).message).toContain('2026-12-03-0500-shared-rate-limits');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await sql`insert into kysely_migration (name, timestamp) values (${'2026-12-03-0500-shared-rate-limits'}, ${new Date().toISOString()})`.execute(server.db);
    server.portal.drain();
    const draining = await fetch(`${server.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'draining' });
  });

  it('holds at most maxStreams change streams, refusing more with 503 and Retry-After, and sends heartbeats', async () => {
    const server = await portalOn(engine, { maxStreams: 2, heartbeatMs: 100, retryAfterSeconds: 7 });
    const first = await openChangeStream(server.url);
    const second = await openChangeStream(server.url);
    open.push(() => first.close(), () => second.close());
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const third = await openChangeStream(server.url);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('7');
    expect(JSON.parse(third.errorBody)).toMatchObject({ error: 'streams_unavailable' });
    // A closed stream frees its place.
    second.close();
    await expect
      .poll(
        async () => {
          const again = await openChangeStream(server.url);
          again.close();
          return again.status;
        },
        { timeout: 5000 },
      )
      .toBe(200);

    // Heartbeats: comment lines on an otherwise idle stream.
    const raw = await new Promise<string>((resolve, reject) => {
      const request = http.get(`${server.url}/api/v1/changes/stream`, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': heartbeat')) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', reject);
    }).catch((error: unknown) => String(error));
    expect(raw).toMatch(/^retry: \d+\nevent: latest\nid: 0\ndata: \{"latest":0\}\n\n/);
  });

  it('announces each write on its streams, and ends them when draining', async () => {
    const server = await portalOn(engine);
    const stream = await openChangeStream(server.url);
    open.push(() => stream.close());
    await stream.waitFor(0);
    const written = (await (await server.editor('PUT', '/api/v1/editor/document/doc-1', sampleDocument('doc-1'))).json()) as { version: number };
    expect(await stream.waitFor(written.version)).toBe(written.version);
    server.portal.drain();
    await stream.ended;
    expect((await openChangeStream(server.url)).status).toBe(503);
  });

  it('serves Prometheus metrics: requests by route, latencies, the feed version, connected streams', async () => {
    const server = await portalOn(engine);
    await server.editor('PUT', '/api/v1/editor/document/doc-m', sampleDocument('doc-m'));
    await fetch(`${server.url}/api/v1/changes?since=0&limit=10`);
    await fetch(`${server.url}/api/v1/documents/doc-m`);
    const stream = await openChangeStream(server.url);
    open.push(() => stream.close());
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('ewsi_http_requests_total{method="GET",route="/api/v1/changes",status="200"} 1');
    expect(text).toContain('ewsi_http_requests_total{method="GET",route="/api/v1/documents/:id",status="200"} 1');
    expect(text).toMatch(/ewsi_http_request_duration_seconds_count\{method="PUT",route="\/api\/v1\/editor\/:type\/:id"\} 1/);
    expect(text).toContain('ewsi_feed_latest_version 1\n');
    expect(text).toContain('ewsi_change_streams_connected 1\n');
    // No snapshot has been built: the gauge is absent, not a made-up 0.
    expect(text).not.toContain('ewsi_snapshot_age_seconds ');
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
    // Once a snapshot is built, its age is reported.
    await server.portal.snapshots.build();
    const after = await (await fetch(`${server.url}/metrics`)).text();
    const age = /^ewsi_snapshot_age_seconds ([\d.e+-]+)$/m.exec(after);
    expect(age, 'the snapshot age gauge').not.toBeNull();
    expect(Number(age![1])).toBeGreaterThanOrEqual(0);
    expect(Number(age![1])).toBeLessThan(600);
  });
});

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0', { timeout: 120_000 }, async () => {
    const temp = makeTempDir('ewsi-shutdown-');
    open.push(() => temp.cleanup());
    const token = 'shutdown-editor-token-0123456789';
    const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli.ts', '--db', path.join(temp.dir, 'portal.sqlite'), '--port', '0', '--editor-token', token], { cwd: REPO_ROOT });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    open.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /EWSI portal on (http:\/\/[\d.:]+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    // An import whose body is still arriving when SIGTERM comes.
    const target = new URL('/api/v1/editor/import', url);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(target, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.write(`${JSON.stringify({ op: 'upsert', type: 'document', record: sampleDocument('doc-in-flight') })}\n`);
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => request.end(`${JSON.stringify({ op: 'upsert', type: 'document', record: sampleDocument('doc-in-flight-2') })}\n`), 1000);
      }, 300);
    });
    const { status, body } = await answer;
    expect(status, body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ written: 2, latest: 2 });
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"SIGTERM: draining/);
    expect(output).toMatch(/"msg":"stopped"/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
