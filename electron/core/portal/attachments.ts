// GET /attachments/<sha256>: attachment files, addressed by their SHA-256, from
// the portal into the data folder's attachment store, through the one resumable,
// hash-verified download (a broken transfer resumes from its `.part`; only a
// verified file is put in place). One file, or a batch with bounded concurrency
// and retries.
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AttachmentError, attachmentPath } from '../attachments/attachment-files';
import { download, DownloadError } from './download';
import { backoffDelay } from './retry';
import { attachmentUrl } from './urls';

export interface AttachmentJob {
  sha256: string;
  size: number;
  fileName: string;
  mimeType: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

export interface AttachmentDownloadOptions {
  signal?: AbortSignal;
  /** Give up (retryably) after this long without any data; default 30 s. */
  timeoutMs?: number;
  /** The bytes of this file in hand so far, the resumed prefix included; it drops to 0 when the server makes us restart. */
  onBytes?: (bytes: number) => void;
}

/**
 * Downloads one attachment from the portal into `<path>.part`, resuming with
 * `Range: bytes=<partSize>-` and `If-Range: "<sha256>"` when a .part file exists (a 200
 * answer instead of 206 restarts from zero), verifies size and SHA-256 (streaming hash,
 * also over the resumed prefix), then renames to the final path (atomic). Returns
 * immediately if the final file already exists. A hash or size mismatch deletes the .part
 * and throws AttachmentError(retryable: false). Network errors, timeouts (default 30 s
 * without data) and 5xx throw AttachmentError(retryable: true) and KEEP the .part for
 * resuming. 404 → retryable false. Honors AbortSignal (abort keeps the .part) by
 * rejecting with the signal's reason.
 */
export async function downloadAttachment(serverUrl: string, job: AttachmentJob, dataDir: string, options: AttachmentDownloadOptions = {}): Promise<void> {
  const target = path.resolve(attachmentPath(dataDir, job.sha256));
  if (!Number.isSafeInteger(job.size) || job.size < 0) throw new AttachmentError(job.sha256, `Attachment "${job.fileName}" has an invalid size ${job.size}`, false);
  const url = portalFileUrl(serverUrl, job.sha256);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    await download({
      url,
      destination: target,
      partial: `${target}.part`,
      expected: { algorithm: 'sha256', encoding: 'hex', digest: job.sha256, size: job.size },
      // The file's address is its hash: the server's ETag for it is that hash.
      resume: { validator: `"${job.sha256}"` },
      existing: 'trust',
      short: 'keep',
      signal: options.signal,
      idleTimeoutMs: timeoutMs,
      onBytes: (bytes) => options.onBytes?.(bytes),
    });
  } catch (error) {
    if (error instanceof DownloadError) throw attachmentError(job, url, timeoutMs, error);
    if (options.signal?.aborted) throw error;
    // Anything else is the local file system (mkdir, hashing the .part, rename): trying again soon will not help.
    throw new AttachmentError(job.sha256, `Could not save attachment "${job.fileName}": ${messageOf(error)}`, false, { cause: error });
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

function portalFileUrl(serverUrl: string, sha256: string): URL {
  let url: URL;
  try {
    url = new URL(attachmentUrl(serverUrl, sha256));
  } catch (error) {
    throw new AttachmentError(sha256, `"${serverUrl}" is not a server address`, false, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AttachmentError(sha256, `"${serverUrl}" is not an http or https address`, false);
  return url;
}

/** A failed download in the words of the attachment store; `retryable` says whether the batch tries again. */
function attachmentError(job: AttachmentJob, url: URL, timeoutMs: number, error: DownloadError): AttachmentError {
  const name = `"${job.fileName}"`;
  const { failure } = error;
  const make = (message: string, retryable: boolean) => new AttachmentError(job.sha256, message, retryable, { cause: error.cause ?? error });
  switch (failure.reason) {
    case 'status': {
      const suffix = failure.portalMessage ? `: ${failure.portalMessage}` : '';
      if (failure.status === 404) return make(`Attachment ${name} is not on the server (404)${suffix}`, false);
      const retryable = failure.status >= 500 || failure.status === 408 || failure.status === 429;
      return make(`The server answered ${failure.status} for attachment ${name}${suffix}${retryable ? '; it will be tried again' : ''}`, retryable);
    }
    case 'range-refused':
      return make(`The server refused to send attachment ${name} (416)`, false);
    case 'encoding':
      return make(`The server sent attachment ${name} encoded as ${failure.encoding}, which was not asked for`, false);
    case 'content-range':
      return make(`The server answered the resume of attachment ${name} with the range "${failure.contentRange}", expected bytes ${failure.offset}-${job.size - 1}/${job.size}`, false);
    case 'length':
      return make(`The server's attachment ${name} has ${failure.length} bytes, expected ${job.size}`, false);
    case 'too-long':
      return make(`The server sent more than the ${job.size} bytes of attachment ${name}`, false);
    case 'short':
      return make(`The connection ended after ${failure.received} of ${job.size} bytes of attachment ${name}; it will resume`, true);
    case 'digest':
      return make(`Attachment ${name} failed verification: its SHA-256 is ${failure.digest}, expected ${job.sha256}`, false);
    case 'disk':
      return make(`Could not write attachment ${name}: ${messageOf(error.cause)}`, false);
    case 'timeout':
      return make(`No data from the server for ${timeoutMs / 1000} s while downloading attachment ${name}; it will resume`, true);
    case 'network':
      return make(`Network error while downloading attachment ${name} from ${url.host} (${messageOf(error.cause)}); it will resume`, true);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
