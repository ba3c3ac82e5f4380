// The one resumable, hash-verified download under both callers' resume rules,
// against a small server that answers ranges the way the portal does.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { download, DownloadError, type DownloadSpec } from '../../electron/core/portal/download';
import { makeTempDir } from '../support/temp-dir';

const file = randomBytes(200_000);
const sha256 = createHash('sha256').update(file).digest('hex');
const ETAG = '"v1"';

describe('the resumable download', () => {
  let server: http.Server;
  let url: URL;
  const requests: http.IncomingHttpHeaders[] = [];
  /** When set, every ranged request is answered 416. */
  let refuseRanges = false;
  /** When set, a whole-file answer breaks off after this many bytes. */
  let breakAfter: number | undefined;
  let temp: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.headers);
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (range && refuseRanges) return void res.writeHead(416, { 'content-range': `bytes */${file.length}` }).end();
      if (range && req.headers['if-range'] === ETAG) {
        const start = Number(range[1]);
        res.writeHead(206, { etag: ETAG, 'content-length': file.length - start, 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` });
        return void res.end(file.subarray(start));
      }
      if (breakAfter !== undefined) {
        res.writeHead(200, { etag: ETAG, 'content-length': file.length });
        return void res.write(file.subarray(0, breakAfter), () => res.destroy());
      }
      res.writeHead(200, { etag: ETAG, 'content-length': file.length }).end(file);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/file`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    temp = makeTempDir('ewsi-portal-download-');
    requests.length = 0;
    refuseRanges = false;
    breakAfter = undefined;
  });
  afterEach(() => temp.cleanup());

  const spec = (overrides: Partial<DownloadSpec> = {}): DownloadSpec => {
    const destination = path.join(temp.dir, 'out', 'file.bin');
    return {
      url,
      destination,
      partial: `${destination}.partial`,
      expected: { algorithm: 'sha256', encoding: 'hex', digest: sha256, size: file.length },
      resume: { remember: { url: url.href } },
      existing: 'verify',
      short: 'discard',
      idleTimeoutMs: 5000,
      ...overrides,
    };
  };

  it('remembers the validator of the first answer and continues with it', async () => {
    const first = spec();
    fs.mkdirSync(path.dirname(first.partial), { recursive: true });
    fs.writeFileSync(first.partial, file.subarray(0, 50_000));
    fs.writeFileSync(`${first.partial}.json`, JSON.stringify({ url: url.href, validator: ETAG }));
    expect(await download(first)).toEqual({ size: file.length, resumedFrom: 50_000 });
    expect(requests.map((headers) => [headers.range, headers['if-range']])).toEqual([['bytes=50000-', ETAG]]);
    expect(fs.readFileSync(first.destination).equals(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(first.destination))).toEqual(['file.bin']);
  });

  it('does not continue a partial remembered for another file', async () => {
    const other = spec();
    fs.mkdirSync(path.dirname(other.partial), { recursive: true });
    fs.writeFileSync(other.partial, randomBytes(50_000));
    fs.writeFileSync(`${other.partial}.json`, JSON.stringify({ url: 'http://elsewhere/file', validator: ETAG }));
    expect(await download(other)).toEqual({ size: file.length, resumedFrom: 0 });
    expect(requests.map((headers) => headers.range)).toEqual([undefined]);
  });

  it('verifies a full-size partial without the network', async () => {
    const full = spec({ resume: { validator: ETAG }, existing: 'trust', short: 'keep' });
    fs.mkdirSync(path.dirname(full.partial), { recursive: true });
    fs.writeFileSync(full.partial, file);
    await download(full);
    expect(requests).toEqual([]);
    expect(fs.readFileSync(full.destination).equals(file)).toBe(true);
  });

  it('starts over from zero when a resume is refused (416)', async () => {
    const refused = spec({ resume: { validator: ETAG } });
    fs.mkdirSync(path.dirname(refused.partial), { recursive: true });
    fs.writeFileSync(refused.partial, file.subarray(0, 1000));
    refuseRanges = true;
    expect(await download(refused)).toEqual({ size: file.length, resumedFrom: 0 });
    expect(requests.map((headers) => headers.range)).toEqual(['bytes=1000-', undefined]);
  });

  it('deletes a partial whose bytes do not hash to the digest, and says which digest it found', async () => {
    const wrong = spec({ expected: { algorithm: 'sha512', encoding: 'base64', digest: 'not-it', size: file.length } });
    const error = await download(wrong).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ failure: { reason: 'digest', digest: createHash('sha512').update(file).digest('base64') } });
    expect(fs.readdirSync(path.dirname(wrong.destination))).toEqual([]);
  });

  /** A slow stream beside the download that keeps what it is given, and whether it was ended or destroyed. */
  const keeper = (options: { failAfter?: number } = {}) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    const stream = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        kept += chunk.length;
        if (options.failAfter !== undefined && kept > options.failAfter) return done(new Error('the stream beside it failed'));
        chunks.push(chunk);
        setTimeout(done, 1);
      },
    });
    return { stream, bytes: () => Buffer.concat(chunks), ended: () => stream.writableFinished };
  };

  it('writes every byte of a whole-file transfer to the stream beside it, then ends it', async () => {
    const beside = keeper();
    let asked = 0;
    const result = await download(spec({ alongside: () => (asked++, beside.stream) }));
    expect(result).toEqual({ size: file.length, resumedFrom: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toBe(1);
    expect(beside.ended()).toBe(true);
    expect(beside.bytes().equals(file)).toBe(true);
  });

  it('destroys the stream beside a transfer that breaks off, and asks for none beside a resumed one', async () => {
    const broken = keeper();
    breakAfter = 120_000;
    const first = spec({ resume: { validator: ETAG }, short: 'keep', alongside: () => broken.stream });
    expect(await download(first).catch((caught: unknown) => caught)).toBeInstanceOf(DownloadError);
    expect(broken.stream.destroyed).toBe(true);
    expect(broken.ended()).toBe(false);
    breakAfter = undefined;
    fs.writeFileSync(first.partial, file.subarray(0, 50_000));
    let asked = 0;
    expect(await download({ ...first, alongside: () => (asked++, keeper().stream) })).toEqual({ size: file.length, resumedFrom: 50_000 });
    expect(asked).toBe(0);
    expect(fs.readFileSync(first.destination).equals(file)).toBe(true);
  });

  it('downloads the file whole when the stream beside it fails', async () => {
    const failing = keeper({ failAfter: 10_000 });
    const result = await download(spec({ alongside: () => failing.stream }));
    expect(result).toEqual({ size: file.length, resumedFrom: 0 });
    expect(failing.stream.destroyed).toBe(true);
    expect(fs.readFileSync(path.join(temp.dir, 'out', 'file.bin')).equals(file)).toBe(true);
  });
});
