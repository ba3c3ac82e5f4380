// The attachment downloader against a real portal server, through a tiny real
// loopback proxy that records request headers, counts requests in flight and
// injects faults (a cut connection, a stall, a 503, a dropped Range header).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttachmentError, attachmentPath } from '../../electron/core/attachments/attachment-files';
import { downloadAttachment, downloadAttachments, type AttachmentJob } from '../../electron/core/portal/attachments';
import { DEFAULT_ATTACHMENT_POLICY, policyAllows } from '../../electron/core/sync/attachment-policy';
import { testEngines } from '../support/databases';
import { startTestPortal, type TestPortal } from '../support/portal';
import { makeTempDir } from '../support/temp-dir';

type Fault = 'pass' | 'cut' | 'stall' | 'strip-range' | 'fail-503';

interface Proxy {
  readonly url: string;
  readonly requests: http.IncomingHttpHeaders[];
  maxInFlight: number;
  /** Faults for the coming requests, one each, in order; 'pass' when empty. */
  faults: Fault[];
  /** 'cut' sends half the body, awaits this, then destroys the connection. */
  beforeCut: () => Promise<void>;
  /** When set, requests wait until this many are in flight at once (then all pass): proves the downloader reaches its concurrency. */
  gate?: number;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  let inFlight = 0;
  let openGate = () => {};
  const gateOpen = new Promise<void>((resolve) => (openGate = resolve));
  const server = http.createServer(async (req, res) => {
    proxy.requests.push(req.headers);
    proxy.maxInFlight = Math.max(proxy.maxInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    const fault = proxy.faults.shift() ?? 'pass';
    if (proxy.gate !== undefined) {
      if (inFlight >= proxy.gate) openGate();
      await gateOpen;
    }
    if (fault === 'fail-503') return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable","message":"Try again later"}');
    const headers = { ...req.headers, host: upstream.host };
    if (fault === 'strip-range') delete headers.range;
    http.get(new URL(req.url ?? '/', upstream), { headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (fault !== 'cut' && fault !== 'stall') return void answer.pipe(res);
      const half = Buffer.alloc(Math.floor(Number(answer.headers['content-length']) / 2));
      let filled = 0;
      answer.on('data', (chunk: Buffer) => {
        if (filled === half.length) return;
        filled += chunk.copy(half, filled);
        if (filled < half.length) return;
        answer.destroy();
        res.write(half, () => void (fault === 'cut' ? proxy.beforeCut().then(() => res.destroy()) : undefined));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: Proxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    maxInFlight: 0,
    faults: [],
    beforeCut: async () => {},
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachment downloader', () => {
  let server: TestPortal;
  let proxy: Proxy;
  let temp: { dir: string; cleanup: () => void };
  const big = randomBytes(512 * 1024);
  const smalls = Array.from({ length: 6 }, () => randomBytes(48 * 1024));
  let bigJob: AttachmentJob;
  let smallJobs: AttachmentJob[];

  const upload = async (bytes: Uint8Array, fileName: string): Promise<AttachmentJob> => {
    const response = await server.editor('POST', `/api/v1/editor/attachments?fileName=${encodeURIComponent(fileName)}`, bytes, { 'content-type': 'application/pdf' });
    expect(response.status).toBe(201);
    return (await response.json()) as AttachmentJob;
  };
  const finalPath = (job: AttachmentJob) => attachmentPath(temp.dir, job.sha256);
  const partPath = (job: AttachmentJob) => `${finalPath(job)}.part`;
  const writePart = (job: AttachmentJob, bytes: Uint8Array) => {
    fs.mkdirSync(path.dirname(partPath(job)), { recursive: true });
    fs.writeFileSync(partPath(job), bytes);
  };
  const partSizeReaches = (job: AttachmentJob, size: number) =>
    vi.waitFor(() => expect(fs.existsSync(partPath(job)) ? fs.statSync(partPath(job)).size : 0).toBe(size), { timeout: 10_000, interval: 10 });

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    bigJob = await upload(big, 'big.pdf');
    smallJobs = await Promise.all(smalls.map((bytes, index) => upload(bytes, `small-${index}.pdf`)));
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    temp = makeTempDir('ewsi-attachments-');
    proxy = await startProxy(server.url);
  });
  afterEach(async () => {
    await proxy.close();
    temp.cleanup();
  });

  it('downloads, verifies and places a file at <dataDir>/attachments/<ab>/<sha256>; then returns without a request', async () => {
    expect(bigJob).toEqual({ sha256: sha256Of(big), size: big.length, fileName: 'big.pdf', mimeType: 'application/pdf' });
    const seen: number[] = [];
    await downloadAttachment(proxy.url, bigJob, temp.dir, { onBytes: (bytes) => seen.push(bytes) });
    expect(finalPath(bigJob)).toBe(path.join(temp.dir, 'attachments', bigJob.sha256.slice(0, 2), bigJob.sha256));
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
    expect(fs.existsSync(partPath(bigJob))).toBe(false);
    expect(seen.at(-1)).toBe(big.length);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.range).toBeUndefined();

    await downloadAttachment(proxy.url, bigJob, temp.dir);
    expect(proxy.requests).toHaveLength(1);
  });

  it('fetches a file once when two callers ask for it at the same time', async () => {
    await Promise.all([downloadAttachment(proxy.url, bigJob, temp.dir), downloadAttachment(proxy.url, bigJob, temp.dir)]);
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
    expect(proxy.requests).toHaveLength(1);
  });

  it('resumes a .part with Range and If-Range, hashing the prefix too', async () => {
    writePart(bigJob, big.subarray(0, 100_000));
    await downloadAttachment(proxy.url, bigJob, temp.dir);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.range).toBe('bytes=100000-');
    expect(proxy.requests[0]!['if-range']).toBe(`"${bigJob.sha256}"`);
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
    expect(fs.existsSync(partPath(bigJob))).toBe(false);
  });

  it('rejects a .part with wrong prefix bytes as a hash mismatch and deletes it', async () => {
    writePart(bigJob, randomBytes(100_000));
    const error = await downloadAttachment(proxy.url, bigJob, temp.dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AttachmentError);
    expect(error).toMatchObject({ sha256: bigJob.sha256, retryable: false, message: expect.stringMatching(/failed verification: its SHA-256 is [0-9a-f]{64}, expected/) });
    expect(proxy.requests[0]!.range).toBe('bytes=100000-');
    expect(fs.existsSync(partPath(bigJob))).toBe(false);
    expect(fs.existsSync(finalPath(bigJob))).toBe(false);
  });

  it('restarts from zero when a resume is answered 200 with the whole file', async () => {
    writePart(bigJob, randomBytes(100_000));
    proxy.faults = ['strip-range'];
    await downloadAttachment(proxy.url, bigJob, temp.dir);
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
  });

  it('retries a connection cut midway (downloadAttachments) and resumes where it broke', async () => {
    const half = Math.floor(big.length / 2);
    proxy.faults = ['cut'];
    // Cut only once the client has the half on disk, so the retry must resume from exactly there.
    proxy.beforeCut = () => partSizeReaches(bigJob, half);
    const progress: Array<{ files: number; totalFiles: number; bytes: number; totalBytes: number }> = [];
    const result = await downloadAttachments(proxy.url, [bigJob], temp.dir, { baseDelayMs: 1, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ downloaded: [bigJob.sha256], failed: [] });
    expect(proxy.requests.map((headers) => headers.range)).toEqual([undefined, `bytes=${half}-`]);
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
    expect(progress[0]).toEqual({ files: 0, totalFiles: 1, bytes: 0, totalBytes: big.length });
    expect(progress.at(-1)).toEqual({ files: 1, totalFiles: 1, bytes: big.length, totalBytes: big.length });
  });

  it('retries a 503, and gives up after `retries` with the reason', async () => {
    proxy.faults = ['fail-503'];
    expect(await downloadAttachments(proxy.url, [smallJobs[0]!], temp.dir, { baseDelayMs: 1 })).toEqual({ downloaded: [smallJobs[0]!.sha256], failed: [] });
    expect(proxy.requests).toHaveLength(2);

    proxy.faults = ['fail-503', 'fail-503', 'fail-503', 'fail-503'];
    const result = await downloadAttachments(proxy.url, [smallJobs[1]!], temp.dir, { baseDelayMs: 1, retries: 2 });
    expect(result.downloaded).toEqual([]);
    expect(result.failed).toEqual([{ sha256: smallJobs[1]!.sha256, message: 'The server answered 503 for attachment "small-1.pdf": Try again later; it will be tried again' }]);
    expect(proxy.requests).toHaveLength(2 + 3);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    proxy.gate = 2;
    const result = await downloadAttachments(proxy.url, smallJobs, temp.dir, { concurrency: 2 });
    expect(result).toEqual({ downloaded: smallJobs.map((job) => job.sha256), failed: [] });
    expect(proxy.requests).toHaveLength(smallJobs.length);
    expect(proxy.maxInFlight).toBe(2);
    for (const [index, job] of smallJobs.entries()) expect(fs.readFileSync(finalPath(job)).equals(smalls[index]!)).toBe(true);
  });

  it('reports a file missing on the server (404) as failed with a clear message, without retrying', async () => {
    const missing: AttachmentJob = { sha256: sha256Of(Buffer.from('never uploaded')), size: 14, fileName: 'gone.pdf', mimeType: 'application/pdf' };
    const result = await downloadAttachments(proxy.url, [missing, smallJobs[0]!], temp.dir, { baseDelayMs: 1 });
    expect(result.downloaded).toEqual([smallJobs[0]!.sha256]);
    expect(result.failed).toEqual([{ sha256: missing.sha256, message: `Attachment "gone.pdf" is not on the server (404): No attachment ${missing.sha256}` }]);
    expect(proxy.requests).toHaveLength(2);
  });

  it('times out a stalled transfer as retryable and keeps the .part', async () => {
    proxy.faults = ['stall'];
    const error = await downloadAttachment(proxy.url, bigJob, temp.dir, { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AttachmentError);
    expect(error).toMatchObject({ retryable: true, message: expect.stringContaining('No data from the server for 0.3 s') });
    const part = fs.readFileSync(partPath(bigJob));
    expect(part.length).toBeGreaterThan(0);
    expect(part.equals(big.subarray(0, part.length))).toBe(true);
  });

  it('stops on abort, keeps the .part, and a later call resumes it', async () => {
    const half = Math.floor(big.length / 2);
    proxy.faults = ['stall'];
    const controller = new AbortController();
    const download = downloadAttachment(proxy.url, bigJob, temp.dir, { signal: controller.signal });
    const settled = download.catch((caught: unknown) => caught);
    await partSizeReaches(bigJob, half);
    controller.abort();
    expect(await settled).toMatchObject({ name: 'AbortError' });
    expect(fs.readFileSync(partPath(bigJob)).equals(big.subarray(0, half))).toBe(true);
    expect(fs.existsSync(finalPath(bigJob))).toBe(false);

    await downloadAttachment(proxy.url, bigJob, temp.dir);
    expect(proxy.requests.at(-1)!.range).toBe(`bytes=${half}-`);
    expect(fs.readFileSync(finalPath(bigJob)).equals(big)).toBe(true);
  });

  it('decides background downloads by policy', () => {
    const job: AttachmentJob = { sha256: 'a'.repeat(64), size: 10 * 1024 * 1024, fileName: 'x.pdf', mimeType: 'application/pdf' };
    expect(DEFAULT_ATTACHMENT_POLICY).toEqual({ mode: 'all', maxBytes: 50 * 1024 * 1024 });
    expect(policyAllows(DEFAULT_ATTACHMENT_POLICY, job)).toBe(true);
    expect(policyAllows({ mode: 'all', maxBytes: null }, { ...job, size: 10 * 1024 * 1024 * 1024 })).toBe(true);
    expect(policyAllows({ mode: 'all', maxBytes: 1024 }, job)).toBe(false);
    expect(policyAllows({ mode: 'all', maxBytes: job.size }, job)).toBe(true);
    expect(policyAllows({ mode: 'on-demand', maxBytes: null }, job)).toBe(false);
    expect(policyAllows({ mode: 'none', maxBytes: null }, job)).toBe(false);
  });

  it('refuses a hash that is not one (no path traversal)', () => {
    expect(() => attachmentPath(temp.dir, '../../etc/passwd')).toThrow(AttachmentError);
    expect(() => attachmentPath(temp.dir, 'A'.repeat(64))).toThrow(/lower-case hex SHA-256/);
  });
});
