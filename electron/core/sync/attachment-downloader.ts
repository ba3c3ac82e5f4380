// Downloads attachments (files addressed by their SHA-256) from the portal into
// the data folder. A transfer lands in `<final>.part`, so a broken one resumes
// with HTTP Range where it stopped; the bytes are hashed as they stream (the
// resumed prefix too) and only a verified file is renamed into place, so a file
// at its final path is always complete and correct.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sizeOf, syncFile } from '../file-io';
import { setTimeout as delay } from 'node:timers/promises';
import { readPortalError } from '../portal/errors';
import { agents, readShortBody } from '../portal/http';
import { backoffDelay } from '../portal/retry';
import { attachmentUrl as portalAttachmentUrl } from '../portal/urls';

export interface AttachmentPolicy {
  mode: 'all' | 'none' | 'on-demand';
  /** Skip files larger than this in background downloads; null = no cap. */
  maxBytes: number | null;
}

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = Object.freeze({ mode: 'all', maxBytes: 50 * 1024 * 1024 });

export interface AttachmentJob {
  sha256: string;
  size: number;
  fileName: string;
  mimeType: string;
}

export class AttachmentError extends Error {
  constructor(
    readonly sha256: string,
    message: string,
    /** True when trying again later may succeed (network, timeout, 5xx); the .part is kept for resuming. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AttachmentError';
  }
}

/** A .part that can never become the right file (wrong bytes or size): it is deleted before this is thrown. */
class CorruptPartError extends AttachmentError {
  constructor(sha256: string, message: string) {
    super(sha256, message, false);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const FILE_SYSCALLS = new Set(['open', 'write', 'close', 'fsync']);


/** Where a verified attachment lives: <dataDir>/attachments/<first two hex>/<sha256>. */
export function attachmentPath(dataDir: string, sha256: string): string {
  // The hash becomes a path: checking it also rules out path traversal.
  if (!SHA256.test(sha256)) throw new AttachmentError(sha256, `"${sha256}" is not a lower-case hex SHA-256`, false);
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Whether the background downloader should fetch this job under the policy ('on-demand' and 'none' → false; over maxBytes → false). */
export function policyAllows(policy: AttachmentPolicy, job: AttachmentJob): boolean {
  if (policy.mode !== 'all') return false;
  return policy.maxBytes === null || job.size <= policy.maxBytes;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Give up (retryably) after this long without any data; default 30 s. */
  timeoutMs?: number;
  /** The bytes of this file in hand so far, the resumed prefix included; it drops to 0 when the server makes us restart. */
  onBytes?: (bytes: number) => void;
}

// One transfer per target at a time (e.g. a file opened on demand while the
// background batch fetches it): two writers on one .part would corrupt it.
const inFlight = new Map<string, Promise<void>>();

/**
 * Downloads one attachment from the portal into
 * `<path>.part`, resuming with `Range: bytes=<partSize>-` and `If-Range: "<sha256>"` when a
 * .part file exists (a 200 answer instead of 206 restarts from zero), verifies size and
 * SHA-256 (streaming hash, also over the resumed prefix), then renames to the final path
 * (atomic). Returns immediately if the final file already exists. A hash or size mismatch
 * deletes the .part and throws AttachmentError(retryable: false). Network errors, timeouts
 * (default 30 s without data) and 5xx throw AttachmentError(retryable: true) and KEEP the .part
 * for resuming. 404 → retryable false. Honors AbortSignal (abort keeps the .part) by
 * rejecting with the signal's reason.
 */
export async function downloadAttachment(serverUrl: string, job: AttachmentJob, dataDir: string, options: DownloadOptions = {}): Promise<void> {
  const target = path.resolve(attachmentPath(dataDir, job.sha256));
  if (!Number.isSafeInteger(job.size) || job.size < 0) throw new AttachmentError(job.sha256, `Attachment "${job.fileName}" has an invalid size ${job.size}`, false);
  const url = attachmentUrl(serverUrl, job.sha256);
  options.signal?.throwIfAborted();
  for (let running = inFlight.get(target); running; running = inFlight.get(target)) await settledOrAborted(running, options.signal);
  // No await between the loop's last check and this set, so no second transfer can slip in.
  const run = transfer(url, job, target, options);
  inFlight.set(target, run);
  try {
    await run;
  } catch (error) {
    if (error instanceof AttachmentError || options.signal?.aborted) throw error;
    // Anything else is the local file system (mkdir, hashing the .part, rename): trying again soon will not help.
    throw new AttachmentError(job.sha256, `Could not save attachment "${job.fileName}": ${messageOf(error)}`, false, { cause: error });
  } finally {
    if (inFlight.get(target) === run) inFlight.delete(target);
  }
}

export interface BatchProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/**
 * Downloads jobs with bounded concurrency (default 3), retrying retryable failures with
 * exponential backoff and jitter (options.retries default 4, baseDelayMs default 500, capped
 * at 30 s). Never throws for a single file: failures are returned. onProgress reports bytes done
 * of bytes total and files done (`files` counts files in place, `bytes` the bytes in hand, so
 * both reach their totals exactly when every file succeeded). Jobs with the same sha256 are
 * fetched once; `downloaded` (files now in place, including those already there) keeps the
 * jobs' order. An abort stops the batch and rejects with the signal's reason once no transfer
 * is writing any more.
 */
export async function downloadAttachments(
  serverUrl: string,
  jobs: AttachmentJob[],
  dataDir: string,
  options: { concurrency?: number; signal?: AbortSignal; retries?: number; baseDelayMs?: number; timeoutMs?: number; onProgress?: (progress: BatchProgress) => void } = {},
): Promise<{ downloaded: string[]; failed: Array<{ sha256: string; message: string }> }> {
  const { concurrency = 3, signal, retries = 4, baseDelayMs = 500, timeoutMs, onProgress } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, not ${concurrency}`);
  signal?.throwIfAborted();
  const unique = [...new Map(jobs.map((job) => [job.sha256, job])).values()];
  const totalBytes = unique.reduce((sum, job) => sum + job.size, 0);
  const inHand = new Map<string, number>();
  let bytes = 0;
  let files = 0;
  const report = () => onProgress?.({ files, totalFiles: unique.length, bytes, totalBytes });
  // Kept as a running sum so a progress call per chunk stays O(1) however large the batch.
  const setBytes = (job: AttachmentJob, now: number) => {
    bytes += now - (inHand.get(job.sha256) ?? 0);
    inHand.set(job.sha256, now);
    report();
  };

  const succeeded = new Set<string>();
  const failed: Array<{ sha256: string; message: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length && !signal?.aborted) {
      const job = unique[next++]!;
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await downloadAttachment(serverUrl, job, dataDir, { signal, timeoutMs, onBytes: (now) => setBytes(job, now) });
            break;
          } catch (error) {
            if (!(error instanceof AttachmentError) || !error.retryable || attempt >= retries || signal?.aborted) throw error;
            await delay(backoffDelay(attempt, baseDelayMs, MAX_BACKOFF_MS), undefined, { signal });
          }
        }
        succeeded.add(job.sha256);
        files++;
        setBytes(job, job.size);
      } catch (error) {
        if (signal?.aborted) return;
        failed.push({ sha256: job.sha256, message: messageOf(error) });
      }
    }
  };
  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  signal?.throwIfAborted();
  return { downloaded: unique.filter((job) => succeeded.has(job.sha256)).map((job) => job.sha256), failed };
}

function attachmentUrl(serverUrl: string, sha256: string): URL {
  let url: URL;
  try {
    url = new URL(portalAttachmentUrl(serverUrl, sha256));
  } catch (error) {
    throw new AttachmentError(sha256, `"${serverUrl}" is not a server address`, false, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AttachmentError(sha256, `"${serverUrl}" is not an http or https address`, false);
  return url;
}

async function transfer(url: URL, job: AttachmentJob, target: string, options: DownloadOptions): Promise<void> {
  if (await exists(target)) return;
  const part = `${target}.part`;
  await fsp.mkdir(path.dirname(target), { recursive: true });
  try {
    for (let restarts = 0; ; restarts++) {
      let partSize = await sizeOf(part);
      if (partSize !== null && partSize > job.size) {
        // Longer than the file: it cannot be a prefix of it.
        await fsp.rm(part, { force: true });
        partSize = null;
      }
      const hash = createHash('sha256');
      if (partSize) await hashPrefix(part, partSize, hash, options.signal);
      options.onBytes?.(partSize ?? 0);
      // A full-size .part is what a crash between download and rename leaves: verify it without the network.
      const fetched = partSize === job.size ? { size: partSize, hash } : await fetchInto(url, job, part, partSize ?? 0, hash, options);
      if (fetched === 'restart') {
        // The server refused our range (416): the .part is not a prefix of its file. Start over, once.
        if (restarts > 0) throw new AttachmentError(job.sha256, `The server refused to send attachment "${job.fileName}" (416)`, false);
        await fsp.rm(part, { force: true });
        continue;
      }
      if (fetched.size < job.size) {
        throw new AttachmentError(job.sha256, `The connection ended after ${fetched.size} of ${job.size} bytes of attachment "${job.fileName}"; it will resume`, true);
      }
      const digest = fetched.hash.digest('hex');
      if (digest !== job.sha256) throw new CorruptPartError(job.sha256, `Attachment "${job.fileName}" failed verification: its SHA-256 is ${digest}, expected ${job.sha256}`);
      await syncFile(part);
      await fsp.rename(part, target);
      return;
    }
  } catch (error) {
    if (error instanceof CorruptPartError) await fsp.rm(part, { force: true });
    throw error;
  }
}

/**
 * One request: appends the answer's body to the .part (or rewrites it on a 200),
 * hashing as it goes. Returns the size in hand and the hash, or 'restart' on 416.
 */
async function fetchInto(url: URL, job: AttachmentJob, part: string, offset: number, hash: Hash, options: DownloadOptions): Promise<{ size: number; hash: Hash } | 'restart'> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS, onBytes } = options;
  const name = `"${job.fileName}"`;
  const headers: http.OutgoingHttpHeaders = { accept: '*/*', 'accept-encoding': 'identity' };
  if (offset > 0) {
    headers.range = `bytes=${offset}-`;
    // If the server's file were ever different, it answers 200 with all of it instead of a wrong tail.
    headers['if-range'] = `"${job.sha256}"`;
  }
  let request: http.ClientRequest | undefined;
  let timedOut = false;
  let diskFailed = false;
  // An idle timer, refreshed on every chunk: a large file on a slow line may take long, a stalled one may not.
  const idle = setTimeout(() => {
    timedOut = true;
    request?.destroy(new Error('timed out'));
  }, timeoutMs);
  try {
    const response = await send(url, headers, signal, (created) => (request = created));
    idle.refresh();
    const status = response.statusCode ?? 0;
    if (status === 416 && offset > 0) {
      response.resume();
      return 'restart';
    }
    if (status !== 200 && !(status === 206 && offset > 0)) throw await statusError(job, status, response);
    const encoding = response.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      response.destroy();
      throw new AttachmentError(job.sha256, `The server sent attachment ${name} encoded as ${encoding}, which was not asked for`, false);
    }
    let received = offset;
    if (status === 206) {
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers['content-range'] ?? '');
      if (!range || Number(range[1]) !== offset || Number(range[2]) !== job.size - 1 || Number(range[3]) !== job.size) {
        response.destroy();
        throw new CorruptPartError(job.sha256, `The server answered the resume of attachment ${name} with the range "${response.headers['content-range'] ?? ''}", expected bytes ${offset}-${job.size - 1}/${job.size}`);
      }
    } else {
      const length = response.headers['content-length'];
      if (length !== undefined && Number(length) !== job.size) {
        response.destroy();
        throw new CorruptPartError(job.sha256, `The server's attachment ${name} has ${length} bytes, expected ${job.size}`);
      }
      // A 200 is the whole file: whatever the .part held is discarded.
      received = 0;
      hash = createHash('sha256');
      onBytes?.(0);
    }
    const file = fs.createWriteStream(part, { flags: status === 206 ? 'a' : 'w' });
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
            if (received > job.size) throw new CorruptPartError(job.sha256, `The server sent more than the ${job.size} bytes of attachment ${name}`);
            hash.update(chunk);
            idle.refresh();
            onBytes?.(received);
            yield chunk;
          }
        },
        file,
        { signal },
      );
    } finally {
      // The .part must be closed before anyone renames or deletes it (Windows refuses either on an open file).
      await closed;
    }
    return { size: received, hash };
  } catch (error) {
    if (error instanceof AttachmentError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (diskFailed) throw new AttachmentError(job.sha256, `Could not write attachment ${name}: ${messageOf(error)}`, false, { cause: error });
    if (timedOut) throw new AttachmentError(job.sha256, `No data from the server for ${timeoutMs / 1000} s while downloading attachment ${name}; it will resume`, true, { cause: error });
    throw new AttachmentError(job.sha256, `Network error while downloading attachment ${name} from ${url.host} (${messageOf(error)}); it will resume`, true, { cause: error });
  } finally {
    clearTimeout(idle);
  }
}

/** Sends a GET and resolves with the response's head; the body is left to the caller. */
function send(url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal | undefined, onRequest: (request: http.ClientRequest) => void): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const attempt = (mayRetryStale: boolean) => {
      let answered = false;
      const onResponse = (response: http.IncomingMessage) => {
        answered = true;
        resolve(response);
      };
      const request =
        url.protocol === 'https:' ? https.request(url, { agent: agents['https:'], headers, signal }, onResponse) : http.request(url, { agent: agents['http:'], headers, signal }, onResponse);
      onRequest(request);
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return; // Errors after the head surface on the response, which the caller reads.
        // A kept-alive socket the server closed while idle fails at once; Node's docs advise retrying such a request once.
        if (mayRetryStale && request.reusedSocket && error.code === 'ECONNRESET' && !signal?.aborted) attempt(false);
        else reject(error);
      });
      request.end();
    };
    attempt(true);
  });
}

async function statusError(job: AttachmentJob, status: number, response: http.IncomingMessage): Promise<AttachmentError> {
  const detail = readPortalError(await readShortBody(response)).message ?? '';
  const suffix = detail ? `: ${detail}` : '';
  if (status === 404) return new AttachmentError(job.sha256, `Attachment "${job.fileName}" is not on the server (404)${suffix}`, false);
  const retryable = status >= 500 || status === 408 || status === 429;
  return new AttachmentError(job.sha256, `The server answered ${status} for attachment "${job.fileName}"${suffix}${retryable ? '; it will be tried again' : ''}`, retryable);
}

async function hashPrefix(file: string, bytes: number, hash: Hash, signal: AbortSignal | undefined): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { start: 0, end: bytes - 1, signal }) as AsyncIterable<Buffer>) hash.update(chunk);
}



async function exists(file: string): Promise<boolean> {
  return (await sizeOf(file)) !== null;
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
