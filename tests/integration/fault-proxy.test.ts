// The fault-injection proxy against a real portal server: each fault must do to
// real sockets what it promises, or the client tests built on it prove nothing.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../support/databases';
import { randomFaultPlan, startFaultProxy, type Fault, type FaultProxy, type ProxyRequestInfo } from '../support/fault-proxy';
import { readFeed, samplePartnerRequest, startTestPortal, type TestPortal } from '../support/portal';

const partnerRequest = samplePartnerRequest;

/** What fetch rejects with when the connection is lost: a TypeError whose cause names the socket failure. */
async function socketFailure(request: Promise<Response>): Promise<string> {
  const error: unknown = await request.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(TypeError);
  const cause = (error as TypeError).cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? 'no cause';
}

describe('the fault proxy in front of a real portal', () => {
  let server: TestPortal;
  let proxy: FaultProxy;
  let token: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${Date.now()}-${counter++}`;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  /** A member write through the proxy. */
  const memberPost = (body: unknown, key: string, init: { signal?: AbortSignal } = {}) =>
    fetch(`${proxy.url}/api/v1/partner-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: init.signal,
    });
  /** Read straight from the server, never through the proxy. */
  const recordsTitled = async (title: string) => (await readFeed(server.url)).changes.filter((change) => change.type === 'partner-request' && change.record?.title === title);

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!, { rateLimits: { memberWrites: { limit: 1000, windowMs: 60_000 }, perAddress: { limit: 10_000, windowMs: 60_000 } } });
    const registered = await post(`${server.url}/api/v1/members`, { email: 'proxy@example.org', password: 'correct horse battery', displayName: 'Proxy Tester', country: 'PT' });
    expect(registered.status).toBe(201);
    const session = await post(`${server.url}/api/v1/sessions`, { email: 'proxy@example.org', password: 'correct horse battery' });
    expect(session.status).toBe(201);
    token = ((await session.json()) as { token: string }).token;
    await server.editor('PUT', '/api/v1/editor/forum/forum-employment', { id: 'forum-employment', language: 'en', title: 'Employment' });
  });
  afterAll(() => server?.close());

  beforeEach(async () => {
    proxy = await startFaultProxy(server.url);
  });
  afterEach(() => proxy?.close());

  it('passes a GET through unchanged, with its query and conditional and range headers', async () => {
    const direct = await fetch(`${server.url}/api/v1/changes?since=0&limit=5`);
    const proxied = await fetch(`${proxy.url}/api/v1/changes?since=0&limit=5`);
    expect(proxied.status).toBe(200);
    expect(await proxied.text()).toBe(await direct.text());
    const etag = proxied.headers.get('etag');
    expect(etag).toBe(direct.headers.get('etag'));
    const notModified = await fetch(`${proxy.url}/api/v1/changes?since=0&limit=5`, { headers: { 'if-none-match': etag! } });
    expect(notModified.status).toBe(304);

    const bytes = Buffer.from('%PDF-1.4 a small attachment for the range test');
    const upload = await server.editor('POST', '/api/v1/editor/attachments?fileName=range.pdf', bytes, { 'content-type': 'application/pdf' });
    const { sha256 } = (await upload.json()) as { sha256: string };
    const partial = await fetch(`${proxy.url}/api/v1/attachments/${sha256}`, { headers: { range: 'bytes=2-5' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 2-5/${bytes.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes.subarray(2, 6));

    expect(proxy.log.map((entry) => [entry.index, entry.method, entry.path, entry.fault, entry.upstreamStatus])).toEqual([
      [0, 'GET', '/api/v1/changes?since=0&limit=5', 'pass', 200],
      [1, 'GET', '/api/v1/changes?since=0&limit=5', 'pass', 304],
      [2, 'GET', `/api/v1/attachments/${sha256}`, 'pass', 206],
    ]);
    expect(proxy.log[2]!.headers.range).toBe('bytes=2-5');
    expect(proxy.forwarded).toBe(3);
  });

  it('passes a member POST through with its body, Authorization and Idempotency-Key', async () => {
    const title = unique('Pass');
    const key = unique('key-pass');
    const response = await memberPost(partnerRequest(title), key);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await recordsTitled(title)).map((change) => change.id)).toEqual([id]);
    const [entry] = proxy.log;
    expect(entry).toMatchObject({ method: 'POST', path: '/api/v1/partner-requests', fault: 'pass', upstreamStatus: 201 });
    expect(entry!.headers['idempotency-key']).toBe(key);
    expect(entry!.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(entry!.body.toString('utf8'))).toEqual(partnerRequest(title));
  });

  it('drop-before: the client loses its connection and the server never sees the request', async () => {
    proxy.plan = () => ({ kind: 'drop-before' });
    const title = unique('Dropped before');
    expect(await socketFailure(memberPost(partnerRequest(title), unique('key-drop-before')))).toMatch(/UND_ERR_SOCKET|ECONNRESET|other side closed/);
    expect(proxy.forwarded).toBe(0);
    expect(proxy.log.map((entry) => entry.fault)).toEqual(['drop-before']);
    expect(await recordsTitled(title)).toHaveLength(0);
  });

  it('drop-after: the client loses its connection but the server committed, and a retry with the same key replays', async () => {
    proxy.plan = () => ({ kind: 'drop-after' });
    const title = unique('Dropped after');
    const key = unique('key-drop-after');
    expect(await socketFailure(memberPost(partnerRequest(title), key))).toMatch(/UND_ERR_SOCKET|ECONNRESET|other side closed/);
    expect(proxy.forwarded).toBe(1);
    expect(proxy.log[0]).toMatchObject({ fault: 'drop-after', upstreamStatus: 201 });
    const created = await recordsTitled(title);
    expect(created).toHaveLength(1);

    proxy.plan = () => ({ kind: 'pass' });
    const retry = await memberPost(partnerRequest(title), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(created[0]!.id);
    expect(await recordsTitled(title)).toHaveLength(1);
  });

  it('status: answers 500, and 429 with Retry-After, without reaching the server', async () => {
    proxy.plan = ({ index }): Fault =>
      index === 0
        ? { kind: 'status', status: 500, body: '{"error":"internal"}', headers: { 'content-type': 'application/json' } }
        : { kind: 'status', status: 429, headers: { 'Retry-After': '7' } };
    const failed = await fetch(`${proxy.url}/api/v1/changes?since=0`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/json');
    expect(await failed.json()).toEqual({ error: 'internal' });
    const title = unique('Rate limited');
    const limited = await memberPost(partnerRequest(title), unique('key-429'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.text()).toBe('');
    expect(proxy.forwarded).toBe(0);
    expect(await recordsTitled(title)).toHaveLength(0);
  });

  it('delay: holds the request, then forwards it, even when the client gave up meanwhile', async () => {
    proxy.plan = ({ index }) => ({ kind: 'delay', ms: index === 0 ? 20 : 1_000 });
    const late = await fetch(`${proxy.url}/healthz`);
    expect(late.status).toBe(200);
    expect(proxy.forwarded).toBe(1);

    // A client timeout far shorter than the delay: the client fails, the server still commits afterwards.
    const title = unique('Timed out');
    const timedOut: unknown = await memberPost(partnerRequest(title), unique('key-delay'), { signal: AbortSignal.timeout(50) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((timedOut as Error).name).toBe('TimeoutError');
    await vi.waitFor(async () => expect(await recordsTitled(title)).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(proxy.forwarded).toBe(2);
    expect(proxy.log.map((entry) => entry.fault)).toEqual(['delay', 'delay']);
  });

  it('duplicate: the server gets the request twice; one Idempotency-Key means one record and a replayed answer', async () => {
    proxy.plan = () => ({ kind: 'duplicate' });
    const title = unique('Duplicated');
    const response = await memberPost(partnerRequest(title), unique('key-duplicate'));
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    const { id } = (await response.json()) as { id: string };
    expect(proxy.forwarded).toBe(2);
    expect(proxy.log).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({ fault: 'duplicate', upstreamStatus: 201 });
    expect((await recordsTitled(title)).map((change) => change.id)).toEqual([id]);
  });

  it('truncate: announces the full length, sends part of the body, and the client fails reading it', async () => {
    proxy.plan = ({ index }) => (index === 0 ? { kind: 'truncate' } : { kind: 'truncate', bytes: 10 });
    // identity: count the bytes as they crossed the wire, not after decompression.
    const readCut = async () => {
      const response = await fetch(`${proxy.url}/api/openapi.json`, { headers: { 'accept-encoding': 'identity' } });
      expect(response.status).toBe(200);
      const announced = Number(response.headers.get('content-length'));
      const reader = response.body!.getReader();
      let received = 0;
      const failure: unknown = await (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received += value.length;
        }
      })().catch((error: unknown) => error);
      return { announced, received, failure };
    };
    const half = await readCut();
    expect(half.announced).toBeGreaterThan(100);
    expect(half.received).toBeLessThan(half.announced);
    expect(half.failure).toBeInstanceOf(Error);
    const ten = await readCut();
    expect(ten.received).toBe(10);
    expect(ten.failure).toBeInstanceOf(Error);
    await expect((await fetch(`${proxy.url}/api/openapi.json`)).json()).rejects.toThrow();
    expect(proxy.log.map((entry) => [entry.fault, entry.upstreamStatus])).toEqual([
      ['truncate', 200],
      ['truncate', 200],
      ['truncate', 200],
    ]);
  });

  it('replace-body: forwards, then answers another body, status and type', async () => {
    proxy.plan = ({ index }) =>
      index === 0 ? { kind: 'replace-body', body: '{"changes":"not a list"}' } : { kind: 'replace-body', body: '<h1>Bad gateway</h1>', status: 502, contentType: 'text/html' };
    const invalid = await fetch(`${proxy.url}/api/v1/changes?since=0`);
    expect(invalid.status).toBe(200);
    expect(invalid.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await invalid.json()).toEqual({ changes: 'not a list' });
    const html = await fetch(`${proxy.url}/api/v1/changes?since=0`);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toBe('<h1>Bad gateway</h1>');
    expect(proxy.forwarded).toBe(2);
    expect(proxy.log.map((entry) => [entry.fault, entry.upstreamStatus])).toEqual([
      ['replace-body', 200],
      ['replace-body', 200],
    ]);
  });

  it('throttle: forwards, and streams the answer back no faster than the rate, unchanged', async () => {
    proxy.plan = () => ({ kind: 'throttle', bytesPerSecond: 200 * 1024 });
    const direct = Buffer.from(await (await fetch(`${server.url}/api/openapi.json`)).arrayBuffer());
    const started = Date.now();
    const throttled = await fetch(`${proxy.url}/api/openapi.json`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await throttled.arrayBuffer());
    const elapsed = Date.now() - started;
    expect(throttled.status).toBe(200);
    expect(body.equals(direct)).toBe(true);
    // Only the first slice goes at once; the rest waits for the rate.
    expect(elapsed).toBeGreaterThanOrEqual(((direct.length - 16 * 1024) / (200 * 1024)) * 1000 - 50);
    expect(proxy.log.map((entry) => [entry.fault, entry.upstreamStatus])).toEqual([['throttle', 200]]);
  });

  it('runs a seeded random plan, logging exactly the faults it drew', async () => {
    const plan = randomFaultPlan(7, { pass: 3, status: 1 }, { statusChoices: [503] });
    proxy.plan = plan;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await fetch(`${proxy.url}/healthz`)).status);
    const expected = proxy.log.map((entry) => plan(entry).kind);
    expect(proxy.log.map((entry) => entry.fault)).toEqual(expected);
    expect(statuses).toEqual(expected.map((kind) => (kind === 'pass' ? 200 : 503)));
    expect(proxy.forwarded).toBe(expected.filter((kind) => kind === 'pass').length);
  });

  it('close() resolves promptly with idle, half-sent and delayed connections open', async () => {
    expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200); // leaves an idle keep-alive socket
    const { port } = new URL(proxy.url);
    const halfSent = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => halfSent.once('connect', resolve));
    halfSent.write('POST /api/v1/partner-requests HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part of it');
    const halfSentClosed = new Promise<void>((resolve) => halfSent.once('close', () => resolve()));
    proxy.plan = () => ({ kind: 'delay', ms: 60_000 });
    const delayed = fetch(`${proxy.url}/healthz`);
    await vi.waitFor(() => expect(proxy.log).toHaveLength(2), { timeout: 5_000, interval: 10 });

    await proxy.close();
    await halfSentClosed;
    await socketFailure(delayed);
    expect(proxy.forwarded).toBe(1);
    expect(await socketFailure(fetch(`${proxy.url}/healthz`))).toBe('ECONNREFUSED');
    await proxy.close(); // a second close is harmless
  });
});

describe('the fault proxy on the wire', () => {
  it('rewrites Host, drops hop-by-hop headers and keeps the rest, the method and the body', async () => {
    let seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string } | undefined;
    const echo = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(418, { 'x-echo': 'yes', 'set-cookie': ['a=1', 'b=2'] });
        res.end('short and stout');
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const proxy = await startFaultProxy(target);
    try {
      // node:http rather than fetch: fetch refuses to send hop-by-hop headers at all.
      const response = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const request = http.request(`${proxy.url}/some/path?q=1&q=2`, {
          method: 'PATCH',
          agent: false,
          headers: { authorization: 'Bearer abc', 'idempotency-key': 'k-1', range: 'bytes=0-1', 'x-custom': 'kept', connection: 'keep-alive, x-hop', 'keep-alive': 'timeout=5', 'x-hop': 'per connection' },
        });
        request.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        });
        request.on('error', reject);
        request.end('the body');
      });
      expect(response.status).toBe(418);
      expect(response.headers['x-echo']).toBe('yes');
      expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(response.body).toBe('short and stout');
      expect(seen).toMatchObject({ method: 'PATCH', url: '/some/path?q=1&q=2', body: 'the body' });
      expect(seen!.headers).toMatchObject({ host: new URL(target).host, authorization: 'Bearer abc', 'idempotency-key': 'k-1', range: 'bytes=0-1', 'x-custom': 'kept', 'content-length': '8' });
      expect(seen!.headers['keep-alive']).toBeUndefined();
      expect(seen!.headers['x-hop']).toBeUndefined();
      expect(proxy.log[0]!.headers.host).toBe(new URL(proxy.url).host);
    } finally {
      await proxy.close();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  it('answers 502 when the server cannot be reached', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = await startFaultProxy(`http://127.0.0.1:${port}`);
    try {
      const response = await fetch(`${proxy.url}/healthz`);
      expect(response.status).toBe(502);
      expect(await response.text()).toContain('ECONNREFUSED');
      expect(proxy.forwarded).toBe(0);
      expect(proxy.log[0]!.fault).toBe('pass');
      expect(proxy.log[0]!.upstreamStatus).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });
});

describe('randomFaultPlan', () => {
  const request = (index: number): ProxyRequestInfo => ({ index, method: 'GET', path: '/api/v1/changes?since=0', headers: {}, body: Buffer.alloc(0) });
  const draw = (plan: (request: ProxyRequestInfo) => Fault, count: number) => Array.from({ length: count }, (_, index) => plan(request(index)));
  const weights = { pass: 4, 'drop-before': 1, 'drop-after': 1, status: 1, delay: 1, duplicate: 1, truncate: 1, 'replace-body': 1 };

  it('is deterministic for a seed, also when asked again or out of order, and differs between seeds', () => {
    const first = draw(randomFaultPlan(42, weights), 200);
    expect(draw(randomFaultPlan(42, weights), 200)).toEqual(first);
    const plan = randomFaultPlan(42, weights);
    expect([150, 3, 150, 0].map((index) => plan(request(index)))).toEqual([first[150], first[3], first[150], first[0]]);
    expect(draw(randomFaultPlan(43, weights), 200)).not.toEqual(first);
    // Every kind with a weight shows up in a long enough run.
    expect(new Set(first.map((fault) => fault.kind))).toEqual(new Set(Object.keys(weights)));
  });

  it('never draws a kind whose weight is zero or missing, and uses the given options', () => {
    const faults = draw(randomFaultPlan(1, { pass: 1, 'drop-before': 0, status: 2, delay: 1 }, { delayMs: 1234, statusChoices: [429, 500] }), 500);
    expect(new Set(faults.map((fault) => fault.kind))).toEqual(new Set(['pass', 'status', 'delay']));
    for (const fault of faults) {
      if (fault.kind === 'delay') expect(fault.ms).toBe(1234);
      if (fault.kind === 'status') {
        expect([429, 500]).toContain(fault.status);
        if (fault.status === 429) expect(fault.headers?.['retry-after']).toBe('1');
      }
    }
    expect(new Set(faults.flatMap((fault) => (fault.kind === 'status' ? [fault.status] : [])))).toEqual(new Set([429, 500]));
    expect(draw(randomFaultPlan(9, { truncate: 1 }), 20).every((fault) => fault.kind === 'truncate')).toBe(true);
  });

  it('refuses weights that cannot draw anything', () => {
    expect(() => randomFaultPlan(1, {})).toThrow(RangeError);
    expect(() => randomFaultPlan(1, { pass: 0 })).toThrow(RangeError);
    expect(() => randomFaultPlan(1, { pass: -1, status: 1 })).toThrow(RangeError);
    expect(() => randomFaultPlan(1, { pass: 1 }, { statusChoices: [] })).toThrow(RangeError);
  });
});
