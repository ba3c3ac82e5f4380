// An open app follows the portal's change stream: a publication reaches the
// library without a scheduled sync (the schedule is off in these tests), the
// stream reopens after the portal went away, and while the portal refuses
// streams the app polls the feed instead.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { sqliteEngine } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { startRestartablePortal } from '../../support/restartable-portal';
import { FAST_PULL, localContent } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const FAST_STREAM = { baseDelayMs: 50, maxDelayMs: 300, idleTimeoutMs: 5000, unsupportedRetryMs: 60_000 };

async function followingCore(serverUrl: string, live: { fallbackPollMs?: number } = {}): Promise<{ core: Core; dataDir: string }> {
  const temp = makeTempDir('ewsi-live-');
  const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL, live: { stream: FAST_STREAM, fallbackPollMs: 60_000, ...live } } });
  cleanups.push(async () => {
    await core.close();
    temp.cleanup();
  });
  // No schedule: only the start-up sync, the stream (or its fallback) brings anything later.
  core.settings.update({ serverUrl, syncIntervalMinutes: 0 });
  core.sync.startSchedule();
  return { core, dataDir: temp.dir };
}

async function publish(url: string, editor: TestPortal['editor'] | undefined, id: string): Promise<void> {
  const response = editor
    ? await editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id))
    : await fetch(`${url}/api/v1/editor/document/${id}`, { method: 'PUT', headers: { authorization: 'Bearer test-editor-token-0123456789', 'content-type': 'application/json' }, body: JSON.stringify(sampleDocument(id)) });
  expect(response.status).toBe(200);
}

/** A portal from before the change stream: everything passed to `target` but the stream, which is 404. */
async function olderPortal(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/api/v1/changes/stream')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found', message: 'No route' }));
      return;
    }
    const upstream = http.request(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const hasDocument = (dataDir: string, id: string) => localContent(dataDir).has(`document/${id}`);

describe('live updates from the change stream', () => {
  it('a document published on the portal reaches the library with no scheduled sync', { timeout: 60_000 }, async () => {
    const portal = await startTestPortal(sqliteEngine);
    cleanups.push(() => portal.close());
    await publish(portal.url, portal.editor, 'doc-before');
    const { core, dataDir } = await followingCore(portal.url);
    await expect.poll(() => hasDocument(dataDir, 'doc-before'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => core.sync.streaming, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => portal.portal.streams.connected).toBe(1);

    await publish(portal.url, portal.editor, 'doc-live');
    await expect.poll(() => hasDocument(dataDir, 'doc-live'), { timeout: 20_000 }).toBe(true);
    expect(core.sync.status()).toMatchObject({ online: true, lastError: null });
  });

  it('opens the stream again after the portal was away, and follows it again', { timeout: 60_000 }, async () => {
    const portal = await startRestartablePortal();
    cleanups.push(() => portal.close());
    const { core, dataDir } = await followingCore(portal.url);
    await expect.poll(() => core.sync.streaming, { timeout: 20_000 }).toBe(true);
    await portal.stop();
    await expect.poll(() => core.sync.streaming, { timeout: 20_000 }).toBe(false);
    await portal.start();
    await expect.poll(() => core.sync.streaming, { timeout: 20_000 }).toBe(true);
    await publish(portal.url, undefined, 'doc-after-restart');
    await expect.poll(() => hasDocument(dataDir, 'doc-after-restart'), { timeout: 20_000 }).toBe(true);
  });

  it('polls the feed while the portal refuses streams (503 past its bound)', { timeout: 60_000 }, async () => {
    const portal = await startTestPortal(sqliteEngine, { changeStreams: { maxStreams: 0, retryAfterSeconds: 30 } });
    cleanups.push(() => portal.close());
    const { core, dataDir } = await followingCore(portal.url, { fallbackPollMs: 300 });
    await expect.poll(() => portal.portal.streams.refused, { timeout: 20_000 }).toBeGreaterThan(0);
    await publish(portal.url, portal.editor, 'doc-polled');
    await expect.poll(() => hasDocument(dataDir, 'doc-polled'), { timeout: 20_000 }).toBe(true);
    expect(core.sync.streaming).toBe(false);
    // The stream's Retry-After (30 s) was honoured: one refusal, not one per backoff step.
    expect(portal.portal.streams.refused).toBe(1);
  });

  it('polls the feed when the portal has no change stream (an older portal: 404)', { timeout: 60_000 }, async () => {
    const portal = await startTestPortal(sqliteEngine);
    cleanups.push(() => portal.close());
    const older = await olderPortal(portal.url);
    cleanups.push(() => older.close());
    const { core, dataDir } = await followingCore(older.url, { fallbackPollMs: 300 });
    await expect.poll(() => core.sync.status().lastSyncAt !== null, { timeout: 20_000 }).toBe(true);
    await publish(portal.url, portal.editor, 'doc-from-older-portal');
    await expect.poll(() => hasDocument(dataDir, 'doc-from-older-portal'), { timeout: 20_000 }).toBe(true);
    expect(core.sync.streaming).toBe(false);
  });
});
