// A first sync (or a resync) from the portal's snapshot: the whole corpus at a
// version V in one download, loaded beside the library and swapped in whole,
// after which the sync goes on from V through the change feed. The download is
// the one resumable, hash-verified download (kept in <data>/snapshot/ across a
// crash, so the next sync resumes it); every record is validated as a feed
// page's would be and written by the corpus writer (the same derivations, the
// same index); the copy replaces the library only complete (db/side-corpus.ts),
// so a crash at any point leaves the old store or the new one. A portal without
// a snapshot, or one whose snapshot is refused, is synced through the feed.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DownloadError } from '../portal/download';
import { PortalAnswerError } from '../portal/errors';
import { CancelledError, NetworkError } from '../portal/http';
import { retryDelay, sleep } from '../portal/retry';
import { downloadSnapshot, fetchSnapshotInfo, InvalidSnapshotError, readSnapshotPages } from '../portal/snapshot';
import type { SideCopy } from './pull';
import { SyncError } from './pull';

/** The folder of the data folder where a snapshot waits while it downloads and loads. */
export const SNAPSHOT_DIR = 'snapshot';

export type SnapshotPhase = 'snapshot-download' | 'snapshot-load';

export interface SnapshotProgress {
  phase: SnapshotPhase;
  /** Records loaded so far (0 while downloading). */
  records: number;
  bytes: number;
  /** The file's size while downloading, the records in it while loading. */
  total: number;
  version: number;
}

export interface SnapshotLoadOptions {
  serverUrl: string;
  dataDir: string;
  openSideCopy: () => Promise<SideCopy>;
  /** A snapshot older than this is of no use (a walk after a 409 needs one at or past the portal's horizon). */
  minVersion: number;
  /** Records per transaction while loading: few, large transactions. */
  pageSize: number;
  signal?: AbortSignal;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  onProgress?: (progress: SnapshotProgress) => void;
}

/** What the snapshot step did: loaded (the library now holds the corpus at `version`), or why the feed is used instead. */
export type SnapshotOutcome =
  | { kind: 'loaded'; version: number; records: number; bytes: number; problems: number }
  | { kind: 'none' }
  | { kind: 'refused'; reason: string };

const cancelled = () => new SyncError('cancelled', 'The sync was cancelled');

/** Whether a failure may pass if asked again: the network, a timeout, a 5xx or 429. */
function retryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof PortalAnswerError) return error.retryable;
  if (!(error instanceof DownloadError)) return false;
  const { failure } = error;
  return failure.reason === 'network' || failure.reason === 'timeout' || failure.reason === 'short' || (failure.reason === 'status' && (failure.status >= 500 || failure.status === 429));
}

async function withRetries<T>(options: SnapshotLoadOptions, run: () => Promise<T>): Promise<T> {
  const retries = options.retries ?? 6;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof CancelledError || options.signal?.aborted) throw cancelled();
      if (!retryable(error) || attempt >= retries) throw error;
      const retryAfter = error instanceof PortalAnswerError ? error.retryAfterMs : undefined;
      try {
        await sleep(retryDelay(attempt, { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 30_000 }, retryAfter), options.signal);
      } catch {
        throw cancelled();
      }
    }
  }
}

/** Loads the portal's snapshot into a copy beside the library and swaps it in; see the file's head. */
export async function loadSnapshot(options: SnapshotLoadOptions): Promise<SnapshotOutcome> {
  const { serverUrl, signal } = options;
  let info;
  try {
    info = await withRetries(options, () => fetchSnapshotInfo(serverUrl, { signal, timeoutMs: options.timeoutMs }));
  } catch (error) {
    if (error instanceof SyncError) throw error;
    return { kind: 'refused', reason: `the portal's snapshot could not be asked for (${messageOf(error)})` };
  }
  if (!info) return { kind: 'none' };
  if (info.version < options.minVersion) return { kind: 'refused', reason: `the portal's snapshot (version ${info.version}) is older than its tombstone horizon ${options.minVersion}` };
  const folder = path.join(options.dataDir, SNAPSHOT_DIR);
  const file = path.join(folder, `${info.sha256}.jsonl.gz`);
  await removeOtherSnapshots(folder, info.sha256);
  const version = info.version;
  try {
    await withRetries(options, () =>
      downloadSnapshot(serverUrl, info, file, {
        signal,
        idleTimeoutMs: options.timeoutMs,
        onBytes: (bytes, total) => options.onProgress?.({ phase: 'snapshot-download', records: 0, bytes, total: total ?? info.size, version }),
      }),
    );
  } catch (error) {
    if (error instanceof SyncError) throw error;
    // A wrong hash or size deleted the partial; a network failure kept it for the next sync to resume.
    return { kind: 'refused', reason: `the portal's snapshot did not download (${messageOf(error)})` };
  }
  options.onProgress?.({ phase: 'snapshot-load', records: 0, bytes: info.size, total: info.records, version });
  const side = await options.openSideCopy();
  try {
    let records = 0;
    let problems = 0;
    for await (const page of readSnapshotPages(file, info, options.pageSize)) {
      if (signal?.aborted) throw cancelled();
      const applied = side.writer.applyPage(page, serverUrl);
      records += applied.upserts;
      problems += applied.problems;
      options.onProgress?.({ phase: 'snapshot-load', records, bytes: info.size, total: info.records, version });
    }
    side.writer.markSynced();
    await side.swapIn();
    await fsp.rm(file, { force: true });
    return { kind: 'loaded', version, records, bytes: info.size, problems };
  } catch (error) {
    if (!(error instanceof InvalidSnapshotError)) throw error;
    // It will never validate: not kept for another try.
    await fsp.rm(file, { force: true });
    return { kind: 'refused', reason: `the portal's snapshot was refused: ${error.message}` };
  } finally {
    await side.discard();
  }
}

/** Only the snapshot about to be fetched stays in the folder (another one, or its partial, is from an older snapshot). */
async function removeOtherSnapshots(folder: string, keep: string): Promise<void> {
  await fsp.mkdir(folder, { recursive: true, mode: 0o700 });
  for (const name of fs.readdirSync(folder)) if (!name.startsWith(keep)) await fsp.rm(path.join(folder, name), { force: true, recursive: true });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
