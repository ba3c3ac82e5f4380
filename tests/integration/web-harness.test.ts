import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_CALL_PATH, HARNESS_EVENTS_PATH, HARNESS_TOKEN_HEADER, readHarnessFragment } from '../../shared/harness';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { makeTempDir } from '../support/temp-dir';
import http from 'node:http';

let harness: WebHarness;
let cleanup: () => void;

beforeAll(async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  harness = await startWebHarness({ dataDir: temp.dir });
});
afterAll(async () => {
  await harness?.close();
  cleanup?.();
});

function call(body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL(HARNESS_CALL_PATH, harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HARNESS_TOKEN_HEADER]: harness.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A raw request, for headers fetch() will not let us set (Host). */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: harness.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('the loopback harness', () => {
  it('binds to 127.0.0.1 and serves the renderer with the CSP, but never its token', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toContain(harness.token);
    // Nothing else it serves without the token holds it either: a client-side route, the assets the page loads.
    expect(await (await fetch(new URL('/settings', harness.url))).text()).not.toContain(harness.token);
    for (const asset of [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!)) {
      expect(await (await fetch(new URL(asset, harness.url))).text(), asset).not.toContain(harness.token);
    }
  });

  it('hands the token over only in the address’s fragment, which a browser never sends', () => {
    const page = new URL(harness.pageUrl('/settings'));
    expect(`${page.origin}/`).toBe(harness.url);
    expect(page.pathname + page.search).toBe('/');
    expect(readHarnessFragment(page.hash)).toEqual({ token: harness.token, route: '/settings' });
    expect(readHarnessFragment(new URL(harness.pageUrl()).hash)).toEqual({ token: harness.token, route: '' });
    expect(readHarnessFragment('#/settings')).toBeNull();
  });

  it('refuses calls and the event stream without the token', async () => {
    const without = await fetch(new URL(HARNESS_CALL_PATH, harness.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'app.info', args: {} }) });
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/open the address the harness printed in its terminal, with its #ewsi-token=… part/) } });
    expect((await fetch(new URL(HARNESS_EVENTS_PATH, harness.url))).status).toBe(401);
    expect((await fetch(new URL(`${HARNESS_EVENTS_PATH}?token=wrong`, harness.url))).status).toBe(401);
    const events = new AbortController();
    const stream = await fetch(new URL(`${HARNESS_EVENTS_PATH}?token=${encodeURIComponent(harness.token)}`, harness.url), { signal: events.signal });
    expect(stream.status).toBe(200);
    events.abort();
  });

  it('answers contract calls from the real core', async () => {
    const response = await call({ method: 'app.info', args: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { version: expect.any(String), schemaVersion: { user: expect.any(String) } } });
  });

  it('refuses calls without the token, from foreign origins, and malformed bodies', async () => {
    expect((await call({ method: 'app.info', args: {} }, { [HARNESS_TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect((await call({ method: 'app.info', args: {} }, { origin: 'http://evil.example' })).status).toBe(403);
    const malformed = await call('{not json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: 'Request body is not a JSON object' } });
    expect(await (await call({ method: 'app.info', args: { a: 1 } })).json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect((await call({ method: 'app.info' }, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers only to its own host name (no DNS rebinding) and never outside its folder', async () => {
    expect(await rawGet('/', 'evil.example')).toBe(421);
    expect(await rawGet('/', `127.0.0.1:${harness.port}`)).toBe(200);
    expect(await rawGet('/%2e%2e/%2e%2e/package.json', `127.0.0.1:${harness.port}`)).toBe(404);
    expect(await rawGet('/assets/missing.js', `127.0.0.1:${harness.port}`)).toBe(404);
  });
});
