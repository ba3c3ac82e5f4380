import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_CALL_PATH, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../shared/harness';
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
  it('binds to 127.0.0.1 and serves the renderer with the run token and the CSP', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<meta name="${HARNESS_TOKEN_META}" content="${harness.token}">`);
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
