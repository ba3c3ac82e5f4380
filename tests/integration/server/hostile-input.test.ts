// Requests an attacker on the internet can send without an account: none may
// exhaust the portal's memory or answer 5xx.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';

/** POSTs `total` bytes with chunked transfer encoding (no Content-Length), as fast as the socket takes them. */
function postChunked(url: string, total: number): Promise<{ status: number; body: string; sent: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent }));
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

describe.each(testEngines())('hostile input to the portal on $name', (engine) => {
  let server: TestPortal;
  let token: string;
  const post = (route: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { perAddress: { limit: 100_000, windowMs: 60_000 }, signIn: { limit: 100_000, windowMs: 60_000 } } });
    await server.editor('PUT', '/api/v1/editor/forum/forum-employment', { id: 'forum-employment', language: 'en', title: 'Employment' });
    const member = { email: 'ana@example.org', password: 'correct horse battery', displayName: 'Ana Silva', country: 'PT' };
    expect((await post('/api/v1/members', JSON.stringify(member))).status).toBe(201);
    const session = await post('/api/v1/sessions', JSON.stringify({ email: member.email, password: member.password }));
    token = ((await session.json()) as { token: string }).token;
  });
  afterAll(() => server?.close());

  it('answers a 300 MB chunked body to an unauthenticated route with 413, without reading it into memory', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      // The server answers, drains what follows for a bounded time, then closes. On a loaded machine the client
      // can still be writing when the close's reset arrives and lose the answer (EPIPE): such a try is sent again.
      let answer: Awaited<ReturnType<typeof postChunked>> | undefined;
      for (let attempt = 0; attempt < 3 && !answer; attempt += 1) {
        answer = await postChunked(`${server.url}/api/v1/sessions`, 300 * 1024 * 1024).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return undefined;
          throw error;
        });
      }
      expect(answer?.status).toBe(413);
      expect(JSON.parse(answer!.body)).toMatchObject({ error: 'payload_too_large' });
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(`300 MB chunked to /api/v1/sessions: ${engine.name} RSS growth ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(50);
  });

  it('answers deeply nested JSON with 400 on every JSON route, never 500', async () => {
    const deep = [nested(10_000, '[', ']'), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`];
    const valid: Record<string, Record<string, unknown>> = {
      '/api/v1/sessions': { email: 'ana@example.org', password: 'correct horse battery' },
      '/api/v1/members': { email: 'new@example.org', password: 'correct horse battery', displayName: 'New', country: 'PT' },
      '/api/v1/forum/threads': { forumId: 'forum-employment', title: 'A title', body: 'A body' },
      '/api/v1/partner-requests': { organisation: 'Org' },
    };
    let key = 0;
    for (const [route, fields] of Object.entries(valid)) {
      for (const value of deep) {
        const body = `${JSON.stringify(fields).slice(0, -1)},"unknownField":${value}}`;
        const response = await post(route, body, { authorization: `Bearer ${token}`, 'idempotency-key': `deep-key-${key++}` });
        expect(response.status, route).toBe(400);
        expect(((await response.json()) as { error: string }).error, route).toBe('invalid_json');
      }
    }
  });
});

describe.each(testEngines())('member posts on $name', (engine) => {
  it('are served as inert HTML: markup a member typed comes back escaped from /changes and /forum-posts', async () => {
    const server = await startTestPortal(engine);
    try {
      const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      await server.editor('PUT', '/api/v1/editor/forum/forum-employment', { id: 'forum-employment', language: 'en', title: 'Employment' });
      await post('/api/v1/members', { email: 'eve@example.org', password: 'correct horse battery', displayName: 'Eve', country: 'PT' });
      const token = ((await (await post('/api/v1/sessions', { email: 'eve@example.org', password: 'correct horse battery' })).json()) as { token: string }).token;
      const payload = '<img src=x onerror="alert(1)"> & <script>fetch("//evil")</script>';
      const member = { authorization: `Bearer ${token}` };
      const thread = (await (await post('/api/v1/forum/threads', { forumId: 'forum-employment', title: 'A question', body: payload }, { ...member, 'idempotency-key': 'xss-thread-1' })).json()) as { id: string };
      expect((await post(`/api/v1/forum/threads/${thread.id}/posts`, { body: `Re: ${payload}` }, { ...member, 'idempotency-key': 'xss-reply-1' })).status).toBe(201);
      const feed = (await (await fetch(`${server.url}/api/v1/changes?since=0`)).json()) as { changes: Array<{ type: string; record?: { body?: string } }> };
      const bodies = feed.changes.filter((change) => change.type === 'forum-post').map((change) => change.record!.body!);
      const listed = (await (await fetch(`${server.url}/api/v1/forum-posts`)).json()) as { items: Array<{ body: string }> };
      for (const body of [...bodies, ...listed.items.map((item) => item.body)]) {
        expect(body).not.toMatch(/<|>/);
        expect(body).toContain('&lt;img src=x onerror="alert(1)"&gt; &amp; &lt;script&gt;');
      }
      expect(bodies).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
