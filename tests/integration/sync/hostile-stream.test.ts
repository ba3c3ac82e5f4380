// A change stream that misbehaves cannot hang the app or flood it: a stream
// gone silent (no heartbeat) is reopened after the idle timeout, an event
// larger than any announcement drops the connection, garbage is ignored, and
// each reconnection waits out the backoff.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { subscribeToChanges } from '../../../electron/core/portal/change-stream';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fake portal whose stream route answers with `write` for each connection (numbered from 0). */
async function fakeStreamPortal(write: (response: http.ServerResponse, connection: number) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request, response) => {
    if (request.url !== '/api/v1/changes/stream') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    write(response, connections++);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

function follow(url: string, idleTimeoutMs = 5000) {
  const latest: number[] = [];
  const reasons: string[] = [];
  const subscription = subscribeToChanges(
    url,
    { onLatest: (version) => latest.push(version), onConnected: (connected, reason) => !connected && reasons.push(reason ?? '') },
    { baseDelayMs: 20, maxDelayMs: 100, idleTimeoutMs },
  );
  cleanups.push(() => subscription.close());
  return { latest, reasons };
}

describe('a misbehaving change stream', () => {
  it('is reopened when it goes silent past the idle timeout', { timeout: 30_000 }, async () => {
    // The first connection announces once and then says nothing, ever; the second announces again.
    const portal = await fakeStreamPortal((response, connection) => response.write(`event: latest\ndata: {"latest":${connection + 1}}\n\n`));
    const { latest, reasons } = follow(portal.url, 300);
    await expect.poll(() => latest.includes(2), { timeout: 10_000 }).toBe(true);
    expect(reasons[0]).toMatch(/silent for 0.3 s/);
  });

  it('drops an event larger than an announcement can be, and ignores garbage', { timeout: 30_000 }, async () => {
    const portal = await fakeStreamPortal((response, connection) => {
      if (connection === 0) response.write(`event: latest\ndata: ${'x'.repeat(70_000)}`);
      else response.write('event: latest\ndata: {"latest":"five"}\n\n: heartbeat\n\nevent: nonsense\ndata: {"latest":99}\n\nevent: latest\ndata: {"latest":5}\n\n');
    });
    const { latest, reasons } = follow(portal.url);
    await expect.poll(() => latest, { timeout: 10_000 }).toEqual([5]);
    expect(reasons[0]).toMatch(/longer than 65536 bytes/);
    expect(portal.connections()).toBe(2);
  });
});
