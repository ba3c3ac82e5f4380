// One resumable, hash-verified download, for attachments (SHA-256) and
// installers (SHA-512). The bytes land in a partial file beside the
// destination; a broken transfer resumes with Range and If-Range where it
// stopped; the bytes are hashed as they stream (a resumed prefix too), and only
// a file of the expected size and hash is renamed into place, so a file at its
// destination is always complete and correct. Failures are DownloadErrors with
// a reason; each caller words them for its own users.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sizeOf, syncFile } from '../file-io';
import { readPortalError } from './errors';
import { openStream, readShortBody } from './http';

export interface DownloadSpec {
  url: URL;
  destination: string;
  /** Where unfinished bytes wait for a resume. */
  partial: string;
  expected: { algorithm: 'sha256' | 'sha512'; encoding: 'hex' | 'base64'; digest: string; size?: number };
  /**
   * How a resume proves the server's file is still the one the partial holds (If-Range):
   * `validator` when the file's identity is known beforehand (a content address); else
   * `remember`: the first answer's ETag or Last-Modified is kept in `<partial>.json` with
   * these fields, and a partial kept for other fields is not continued.
   */
  resume: { validator: string } | { remember: Record<string, string> };
  /** A file already at the destination: 'trust' it (only verified files are put there), or 'verify' it again. */
  existing: 'trust' | 'verify';
  /** A complete answer shorter than `size`: 'keep' the partial to resume later, or 'discard' it. */
  short: 'keep' | 'discard';
  signal?: AbortSignal;
  /** Give up after this long without data; the partial is kept for resuming. */
  idleTimeoutMs: number;
  /** The bytes in hand (a resumed prefix included; back to 0 when the server sends the whole file again) and the total, when known. */
  onBytes?: (inHand: number, total: number | null) => void;
  /**
   * For work that can start before the download ends (a prebuilt corpus inflated as it arrives): asked for a
   * stream at each transfer of the whole file from its first byte (never for a resumed one), which is then
   * written every byte as it is hashed, waiting when it is slower; ended once the transfer has all its bytes,
   * destroyed if the transfer breaks off. Its own failure never fails the download: it is only left behind.
   * The bytes it was given are the file's only if the download then resolves.
   */
  alongside?: () => Writable;
}

export interface DownloadResult {
  size: number;
  /** Bytes already on disk that the download continued from; 0 for a fresh one. */
  resumedFrom: number;
}

/** Why a download failed. Reasons marked "deleted" mean the partial could never become the right file. */
export type DownloadFailure =
  | { reason: 'status'; status: number; portalMessage?: string }
  /** 416 to a resume, and again after starting over. */
  | { reason: 'range-refused' }
  | { reason: 'encoding'; encoding: string }
  /** Deleted: a 206 whose Content-Range is not the rest of the file. */
  | { reason: 'content-range'; contentRange: string; offset: number }
  /** Deleted: a 200 whose Content-Length is not the expected size. */
  | { reason: 'length'; length: number }
  /** Deleted: the server sent more than the expected size. */
  | { reason: 'too-long' }
  /** The answer ended complete but short of the expected size; deleted when the spec says `short: 'discard'`. */
  | { reason: 'short'; received: number }
  /** Deleted: the bytes do not hash to the expected digest. */
  | { reason: 'digest'; digest: string }
  | { reason: 'disk' }
  | { reason: 'timeout' }
  | { reason: 'network' };

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DownloadError';
  }
}

const DELETES_PARTIAL = new Set<DownloadFailure['reason']>(['content-range', 'length', 'too-long', 'digest']);
const FILE_SYSCALLS = new Set(['open', 'write', 'close', 'fsync']);

// One transfer per destination at a time (e.g. a file opened on demand while the
// background batch fetches it): two writers on one partial would corrupt it.
const inFlight = new Map<string, Promise<DownloadResult>>();

/** Downloads `spec.url` to `spec.destination` (see the file's head); rejects with the signal's reason on abort, keeping the partial. */
export async function download(spec: DownloadSpec): Promise<DownloadResult> {
  spec.signal?.throwIfAborted();
  const key = path.resolve(spec.destination);
  for (let running = inFlight.get(key); running; running = inFlight.get(key)) await settledOrAborted(running, spec.signal);
  // No await between the loop's last check and this set, so no second transfer can slip in.
  const run = transfer(spec);
  inFlight.set(key, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === run) inFlight.delete(key);
  }
}

async function transfer(spec: DownloadSpec): Promise<DownloadResult> {
  const { destination, partial, expected, signal } = spec;
  const existing = await sizeOf(destination);
  if (existing !== null) {
    if (spec.existing === 'trust') return { size: existing, resumedFrom: 0 };
    const hash = createHash(expected.algorithm);
    await hashFile(destination, hash, signal);
    if (hash.digest(expected.encoding) === expected.digest) return { size: existing, resumedFrom: 0 };
    await fsp.rm(destination, { force: true });
  }
  await fsp.mkdir(path.dirname(destination), { recursive: true });
  try {
    for (let restarts = 0; ; restarts++) {
      const start = await resumePoint(spec);
      const hash = createHash(expected.algorithm);
      if (start.offset > 0) await hashFile(partial, hash, signal);
      spec.onBytes?.(start.offset, expected.size ?? null);
      // A full-size partial is what a crash between download and rename leaves: verify it without the network.
      const fetched = start.offset > 0 && start.offset === expected.size ? { size: start.offset, hash, resumedFrom: start.offset } : await fetchInto(spec, start, hash);
      if (fetched === 'restart') {
        // The server refused our range (416): the partial is not a prefix of its file. Start over, once.
        if (restarts > 0) throw new DownloadError({ reason: 'range-refused' }, 'The server refused the range asked for (416)');
        await discard(spec);
        continue;
      }
      if (expected.size !== undefined && fetched.size < expected.size) {
        throw new DownloadError({ reason: 'short', received: fetched.size }, `The answer ended after ${fetched.size} of ${expected.size} bytes`);
      }
      const digest = fetched.hash.digest(expected.encoding);
      if (digest !== expected.digest) throw new DownloadError({ reason: 'digest', digest }, `The file's ${expected.algorithm} is ${digest}, expected ${expected.digest}`);
      await syncFile(partial);
      await fsp.rename(partial, destination);
      if ('remember' in spec.resume) await fsp.rm(metaFileOf(spec), { force: true });
      return { size: fetched.size, resumedFrom: fetched.resumedFrom };
    }
  } catch (error) {
    if (error instanceof DownloadError && (DELETES_PARTIAL.has(error.failure.reason) || (error.failure.reason === 'short' && spec.short === 'discard'))) await discard(spec);
    throw error;
  }
}

interface ResumePoint {
  offset: number;
  /** The If-Range value for a resume; undefined when there is nothing to resume. */
  validator?: string;
}

/** Where the partial lets the download continue; a partial that cannot be continued is deleted. */
async function resumePoint(spec: DownloadSpec): Promise<ResumePoint> {
  const size = await sizeOf(spec.partial);
  if (!size) return { offset: 0 };
  // Longer than the file: it cannot be a prefix of it.
  if (spec.expected.size !== undefined && size > spec.expected.size) {
    await discard(spec);
    return { offset: 0 };
  }
  if ('validator' in spec.resume) return { offset: size, validator: spec.resume.validator };
  const remembered = await readMeta(metaFileOf(spec));
  const sameFile = remembered !== undefined && Object.entries(spec.resume.remember).every(([field, value]) => remembered[field] === value);
  if (sameFile && typeof remembered.validator === 'string') return { offset: size, validator: remembered.validator };
  await discard(spec);
  return { offset: 0 };
}

/**
 * One GET: appends the answer's body to the partial on a 206 that continues it, or
 * rewrites it on a 200, hashing as it goes. Returns the size in hand and the hash, or
 * 'restart' on a 416 to a resume.
 */
async function fetchInto(spec: DownloadSpec, start: ResumePoint, prefixHash: Hash): Promise<{ size: number; hash: Hash; resumedFrom: number } | 'restart'> {
  const { signal, expected, onBytes } = spec;
  const { offset, validator } = start;
  const ranged = offset > 0 && validator !== undefined;
  const headers: http.OutgoingHttpHeaders = { accept: '*/*', 'accept-encoding': 'identity' };
  if (ranged) {
    headers.range = `bytes=${offset}-`;
    // If the server's file changed since, it answers 200 with all of the new one instead of a wrong tail.
    headers['if-range'] = validator;
  }
  let request: http.ClientRequest | undefined;
  let timedOut = false;
  let diskFailed = false;
  // An idle timer, refreshed on every chunk: a large file on a slow line may take long, a stalled one may not.
  const idle = setTimeout(() => {
    timedOut = true;
    request?.destroy(new Error('timed out'));
  }, spec.idleTimeoutMs);
  try {
    const response = await openStream(spec.url, headers, signal, (created) => (request = created));
    idle.refresh();
    const status = response.statusCode ?? 0;
    const resumed = status === 206 && ranged;
    if (status === 416 && ranged) {
      response.resume();
      return 'restart';
    }
    if (status !== 200 && !resumed) {
      const portalMessage = readPortalError(await readShortBody(response)).message;
      throw new DownloadError({ reason: 'status', status, portalMessage }, `The server answered ${status}`);
    }
    const encoding = response.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      response.destroy();
      throw new DownloadError({ reason: 'encoding', encoding }, `The server sent the file encoded as ${encoding}, which was not asked for`);
    }
    let received = offset;
    let hash = prefixHash;
    if (resumed) checkContentRange(response, offset, expected.size);
    else {
      const length = response.headers['content-length'];
      if (expected.size !== undefined && length !== undefined && Number(length) !== expected.size) {
        response.destroy();
        throw new DownloadError({ reason: 'length', length: Number(length) }, `The server's file has ${length} bytes, expected ${expected.size}`);
      }
      // A 200 is the whole file: whatever the partial held is discarded.
      received = 0;
      hash = createHash(expected.algorithm);
      if ('remember' in spec.resume) await rememberValidator(spec, response);
    }
    const total = expected.size ?? (resumed ? null : Number(response.headers['content-length'] ?? NaN) || null);
    onBytes?.(received, total);
    const tee = resumed ? undefined : spec.alongside?.();
    // Listened to here so that its failure, whoever else listens, can never end the process or the download.
    tee?.on('error', () => undefined);
    const file = fs.createWriteStream(spec.partial, { flags: resumed ? 'a' : 'w' });
    // The pipeline also destroys the file with errors from the network, so tell a disk failure by its system call.
    file.once('error', (error: NodeJS.ErrnoException) => (diskFailed = error.syscall !== undefined && FILE_SYSCALLS.has(error.syscall)));
    const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
    try {
      await pipeline(
        response,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            received += chunk.length;
            // Stop at once rather than fill the disk with a file that can no longer verify.
            if (expected.size !== undefined && received > expected.size) throw new DownloadError({ reason: 'too-long' }, `The server sent more than the ${expected.size} bytes of the file`);
            hash.update(chunk);
            if (tee) await writeAlongside(tee, chunk);
            idle.refresh();
            onBytes?.(received, total);
            yield chunk;
          }
        },
        file,
        { signal },
      );
      tee?.end();
    } catch (error) {
      tee?.destroy();
      throw error;
    } finally {
      // The partial must be closed before anyone renames or deletes it (Windows refuses either on an open file).
      await closed;
    }
    return { size: received, hash, resumedFrom: resumed ? offset : 0 };
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (diskFailed) throw new DownloadError({ reason: 'disk' }, `Cannot write ${spec.partial}: ${messageOf(error)}`, { cause: error });
    if (timedOut) throw new DownloadError({ reason: 'timeout' }, `No data for ${spec.idleTimeoutMs / 1000} s`, { cause: error });
    throw new DownloadError({ reason: 'network' }, `The download from ${spec.url.host} broke off (${messageOf(error)})`, { cause: error });
  } finally {
    clearTimeout(idle);
  }
}

/** A 206 must continue exactly at `offset`, and run to the end of a file of the expected size. */
function checkContentRange(response: http.IncomingMessage, offset: number, size: number | undefined): void {
  const contentRange = response.headers['content-range'] ?? '';
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange);
  const fits = range !== null && Number(range[1]) === offset && (size === undefined || (Number(range[2]) === size - 1 && Number(range[3]) === size));
  if (fits) return;
  response.destroy();
  throw new DownloadError({ reason: 'content-range', contentRange, offset }, `The server answered the resume with the range "${contentRange}", not the rest of the file from byte ${offset}`);
}

const metaFileOf = (spec: DownloadSpec) => `${spec.partial}.json`;

/** Written before the body, so a break leaves a partial that knows which version of the file it holds. */
async function rememberValidator(spec: DownloadSpec, response: http.IncomingMessage): Promise<void> {
  if (!('remember' in spec.resume)) return;
  // If-Range needs a strong validator: a weak ETag is no use, Last-Modified then stands in.
  const etag = response.headers.etag;
  const validator = etag?.startsWith('"') ? etag : response.headers['last-modified'];
  try {
    if (validator) await fsp.writeFile(metaFileOf(spec), JSON.stringify({ ...spec.resume.remember, validator }));
    else await fsp.rm(metaFileOf(spec), { force: true });
  } catch (error) {
    response.destroy();
    throw new DownloadError({ reason: 'disk' }, `Cannot write ${metaFileOf(spec)}: ${messageOf(error)}`, { cause: error });
  }
}

async function readMeta(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fsp.readFile(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `chunk` to the stream beside the download, waiting while it is behind; a stream that failed is skipped. */
async function writeAlongside(stream: Writable, chunk: Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return;
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

async function discard(spec: DownloadSpec): Promise<void> {
  await fsp.rm(spec.partial, { force: true });
  if ('remember' in spec.resume) await fsp.rm(metaFileOf(spec), { force: true });
}

async function hashFile(file: string, hash: Hash, signal: AbortSignal | undefined): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { signal }) as AsyncIterable<Buffer>) hash.update(chunk);
}

/** Waits for another transfer of the same file to settle, however it ends, unless our own signal aborts first. */
function settledOrAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    promise.then(done, done);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
