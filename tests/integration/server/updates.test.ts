// The portal's /updates/ folder over real HTTP on 127.0.0.1: types, validators,
// no caching of the update info, Range and If-Range, HEAD, 304, and a folder
// nothing outside of can be read through.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

const yml = 'version: 0.2.0\nfiles:\n  - url: ewsi-desktop-0.2.0-linux-x86_64.AppImage\n    sha512: AAAA\n    size: 3\npath: ewsi-desktop-0.2.0-linux-x86_64.AppImage\nsha512: AAAA\nreleaseDate: 2026-01-01T00:00:00.000Z\n';
// 3 MiB and a bit: bigger than any stream chunk, so the server must stream it.
const artifact = Buffer.alloc(3 * 1024 * 1024 + 17);
for (let i = 0; i < artifact.length; i += 1) artifact[i] = (i * 31 + (i >> 8)) & 0xff;
const ARTIFACT = 'ewsi-desktop-0.2.0-linux-x86_64.AppImage';

/** A raw GET with the path sent exactly as written (fetch would normalize `..` and encodings first). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the /updates/ folder', () => {
  let server: TestPortal;
  let temp: ReturnType<typeof makeTempDir>;
  let updatesDir: string;
  beforeAll(async () => {
    temp = makeTempDir('ewsi-updates-');
    updatesDir = path.join(temp.dir, 'updates');
    fs.mkdirSync(updatesDir);
    fs.writeFileSync(path.join(updatesDir, 'latest-linux.yml'), yml);
    fs.writeFileSync(path.join(updatesDir, 'beta-linux.yml'), yml.replace('0.2.0', '0.3.0-beta.1'));
    fs.writeFileSync(path.join(updatesDir, 'latest-linux.yml.sig'), `${'A'.repeat(86)}==\n`);
    fs.writeFileSync(path.join(updatesDir, ARTIFACT), artifact);
    fs.writeFileSync(path.join(updatesDir, `${ARTIFACT}.blockmap`), Buffer.from([1, 2, 3]));
    fs.writeFileSync(path.join(updatesDir, '.htpasswd'), 'secret');
    fs.mkdirSync(path.join(updatesDir, 'old'));
    fs.writeFileSync(path.join(temp.dir, 'outside.txt'), 'outside the folder');
    fs.symlinkSync(path.join(temp.dir, 'outside.txt'), path.join(updatesDir, 'link-out.yml'));
    server = await startTestPortal(sqliteEngine, { updatesDir });
  });
  afterAll(async () => {
    await server?.close();
    temp?.cleanup();
  });
  const url = (name: string) => `${server.url}/updates/${name}`;

  it('serves the update info as YAML that no cache may keep without asking', async () => {
    const response = await fetch(url('latest-linux.yml'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(yml)));
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(response.headers.get('last-modified')!).getTime()).toBeGreaterThan(0);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(await response.text()).toBe(yml);
    expect(await (await fetch(url('beta-linux.yml'))).text()).toContain('0.3.0-beta.1');
  });

  it('serves an update info file’s signature beside it, as text no cache may keep without asking', async () => {
    const response = await fetch(url('latest-linux.yml.sig'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(`${'A'.repeat(86)}==\n`);
  });

  it('streams an artifact whole, with its type, length and no compression', async () => {
    const response = await fetch(url(ARTIFACT), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.appimage');
    expect(response.headers.get('content-length')).toBe(String(artifact.length));
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).not.toContain('no-cache');
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha512').update(body).digest('base64')).toBe(createHash('sha512').update(artifact).digest('base64'));
    const blockmap = await fetch(url(`${ARTIFACT}.blockmap`));
    expect(blockmap.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers a single Range with 206 and Content-Range, a suffix and an open end, and 416 outside', async () => {
    const slice = await fetch(url(ARTIFACT), { headers: { range: 'bytes=1000-1999' } });
    expect(slice.status).toBe(206);
    expect(slice.headers.get('content-range')).toBe(`bytes 1000-1999/${artifact.length}`);
    expect(slice.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await slice.arrayBuffer())).toEqual(artifact.subarray(1000, 2000));
    const tail = await fetch(url(ARTIFACT), { headers: { range: `bytes=${artifact.length - 5}-` } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(artifact.subarray(artifact.length - 5));
    const suffix = await fetch(url(ARTIFACT), { headers: { range: 'bytes=-3' } });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(artifact.subarray(artifact.length - 3));
    const outside = await fetch(url(ARTIFACT), { headers: { range: `bytes=${artifact.length}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${artifact.length}`);
    await outside.arrayBuffer();
  });

  it('honours If-Range: the current ETag or date gets the range, anything else the whole file', async () => {
    const head = await fetch(url(ARTIFACT), { method: 'HEAD' });
    const etag = head.headers.get('etag')!;
    const lastModified = head.headers.get('last-modified')!;
    const current = await fetch(url(ARTIFACT), { headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(current.status).toBe(206);
    await current.arrayBuffer();
    const byDate = await fetch(url(ARTIFACT), { headers: { range: 'bytes=0-9', 'if-range': lastModified } });
    expect(byDate.status).toBe(206);
    await byDate.arrayBuffer();
    const stale = await fetch(url(ARTIFACT), { headers: { range: 'bytes=0-9', 'if-range': '"0-0"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-length')).toBe(String(artifact.length));
    await stale.arrayBuffer();
  });

  it('answers HEAD with the headers of GET and no body, and 304 to a matching validator', async () => {
    const head = await fetch(url(ARTIFACT), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(artifact.length));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const headRange = await fetch(url(ARTIFACT), { method: 'HEAD', headers: { range: 'bytes=0-99' } });
    expect(headRange.status).toBe(206);
    expect(headRange.headers.get('content-length')).toBe('100');
    const cached = await fetch(url('latest-linux.yml'), { headers: { 'if-none-match': head.headers.get('etag')! } });
    expect(cached.status).toBe(200); // Another file's ETag.
    await cached.text();
    const ymlEtag = (await fetch(url('latest-linux.yml'), { method: 'HEAD' })).headers.get('etag')!;
    const notModified = await fetch(url('latest-linux.yml'), { headers: { 'if-none-match': ymlEtag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves nothing but the regular files directly inside the folder', async () => {
    const attempts = [
      '/updates/..%2Foutside.txt',
      '/updates/%2e%2e%2foutside.txt',
      '/updates/..%5Coutside.txt',
      '/updates/%2E%2E',
      '/updates/%2Fetc%2Fpasswd',
      '/updates/..%252Foutside.txt',
      '/updates/.htpasswd',
      '/updates/%2Ehtpasswd',
      '/updates/old',
      '/updates/old/',
      '/updates/link-out.yml',
      '/updates/../outside.txt',
      '/updates/latest-linux.yml%00.png',
      '/updates/',
      '/updates',
      '/updates/missing.yml',
    ];
    for (const attempt of attempts) {
      const { status, body } = await rawGet(server.url, attempt);
      expect({ attempt, status: status >= 400 && status < 500 }).toEqual({ attempt, status: true });
      expect(body).not.toContain('outside the folder');
      expect(body).not.toContain('secret');
    }
    expect((await rawGet(server.url, '/updates/..%2Foutside.txt')).status).toBe(400);
    expect((await rawGet(server.url, '/updates/missing.yml')).status).toBe(404);
    expect((await rawGet(server.url, '/updates/link-out.yml')).status).toBe(404);
  });

  it('says a file that appears later is there, and one removed is gone', async () => {
    expect((await fetch(url('latest-mac.yml'))).status).toBe(404);
    fs.writeFileSync(path.join(updatesDir, 'latest-mac.yml'), yml);
    expect((await fetch(url('latest-mac.yml'))).status).toBe(200);
    fs.rmSync(path.join(updatesDir, 'latest-mac.yml'));
    expect((await fetch(url('latest-mac.yml'))).status).toBe(404);
  });
});

describe('a portal without an updates folder', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
  });
  afterAll(() => server?.close());

  it('answers 404 with a sentence saying how to publish updates', async () => {
    const response = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toMatch(/publishes no updates: start it with --updates DIR or EWSI_UPDATES_DIR/);
  });
});
