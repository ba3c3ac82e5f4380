// A first sync (or a resync) from the portal's snapshot: the whole corpus at a
// version V in one download, loaded beside the library and swapped in whole,
// after which the sync goes on from V through the change feed. The download is
// the one resumable, hash-verified download (kept in <data>/snapshot/ across a
// crash, so the next sync resumes it); every record is validated as a feed
// page's would be and written by the corpus writer (the same derivations, the
// same index); the copy replaces the library only complete (db/side-corpus.ts),
// so a crash at any point leaves the old store or the new one. A portal without
// a snapshot, or one whose snapshot is refused, is synced through the feed.
// A portal that also lists a prebuilt corpus at exactly this client's schema
// level is asked for that first: the database file itself, with its search
// index, checked (db/prebuilt-corpus.ts, sync/prebuilt-check.ts) and swapped in
// without a record being written again; refused, the JSON Lines file follows.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { InvalidPrebuiltCorpusError, type CheckTimings } from '../db/prebuilt-corpus';
import { startInflating, type Inflation, type PrebuiltSideOptions } from '../db/side-corpus';
import { DownloadError } from '../portal/download';
import { PortalAnswerError } from '../portal/errors';
import { CancelledError, NetworkError } from '../portal/http';
import { retryDelay, sleep } from '../portal/retry';
import { downloadSnapshot, fetchSnapshotInfo, InvalidSnapshotError, readSnapshotPages } from '../portal/snapshot';
import type { PrebuiltSnapshotInfo } from '../../../shared/snapshot';
import { checkPrebuiltRecords } from './prebuilt-check';
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
  /** A prebuilt corpus as the side copy, checked; with `schemaLevel`, the portal's prebuilt corpus at that level is tried first. */
  openPrebuiltCopy?: (prebuilt: PrebuiltSideOptions) => Promise<SideCopy & { checkTimings?: CheckTimings }>;
  /** This client's corpus schema level (db/prebuilt-corpus.ts corpusSchemaLevel). */
  schemaLevel?: string;
  /** Also run FTS5's integrity-check on a prebuilt corpus (it costs what building the index costs: off by default). */
  ftsIntegrityCheck?: boolean;
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
  | {
      kind: 'loaded';
      /** `sqlite`: the prebuilt corpus swapped in; `jsonl`: the JSON Lines file loaded record by record. */
      format: 'sqlite' | 'jsonl';
      version: number;
      records: number;
      bytes: number;
      problems: number;
      /** Milliseconds each check of a prebuilt corpus took, and its swap. */
      checkMs?: CheckTimings;
      /** Why a prebuilt corpus listed at this client's level was not used. */
      prebuiltRefused?: string;
    }
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
  const folder = path.join(options.dataDir, SNAPSHOT_DIR);
  const prebuilt = options.openPrebuiltCopy && info.prebuilt.find((candidate) => candidate.schema === options.schemaLevel && candidate.version >= options.minVersion);
  let prebuiltRefused: string | undefined;
  if (prebuilt) {
    const outcome = await loadPrebuilt(options, prebuilt, folder);
    if (outcome.kind === 'loaded') return outcome;
    prebuiltRefused = outcome.kind === 'refused' ? outcome.reason : undefined;
  }
  const refusedToo = (reason: string): SnapshotOutcome => ({ kind: 'refused', reason: prebuiltRefused ? `${prebuiltRefused}; and ${reason}` : reason });
  if (info.version < options.minVersion) return refusedToo(`the portal's snapshot (version ${info.version}) is older than its tombstone horizon ${options.minVersion}`);
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
    return refusedToo(`the portal's snapshot did not download (${messageOf(error)})`);
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
    return { kind: 'loaded', format: 'jsonl', version, records, bytes: info.size, problems, ...(prebuiltRefused ? { prebuiltRefused } : {}) };
  } catch (error) {
    if (!(error instanceof InvalidSnapshotError)) throw error;
    // It will never validate: not kept for another try.
    await fsp.rm(file, { force: true });
    return refusedToo(`the portal's snapshot was refused: ${error.message}`);
  } finally {
    await side.discard();
  }
}

/**
 * The prebuilt corpus: downloaded (resumable, hash-verified), decompressed into
 * the side file and checked there, its sync state set to this portal at its
 * version, swapped in whole. Refused: the downloaded file is deleted (it will
 * never pass) and the library is as it was.
 */
async function loadPrebuilt(options: SnapshotLoadOptions, prebuilt: PrebuiltSnapshotInfo, folder: string): Promise<SnapshotOutcome> {
  const { serverUrl, signal, openPrebuiltCopy } = options;
  if (!openPrebuiltCopy) return { kind: 'none' };
  const file = path.join(folder, `${prebuilt.sha256}.sqlite.gz`);
  const { version } = prebuilt;
  await removeOtherSnapshots(folder, prebuilt.sha256);
  // The file is inflated as it arrives, so behind a real line the inflating hides behind the download (on
  // loopback, where the portal shares the two cores, it gains nothing: sync.md); a resumed download, or one already on disk, is inflated after instead. Each transfer from the
  // first byte inflates into a file of its own, so a broken one still closing cannot write into the next.
  const inflations: Array<Inflation & { file: string }> = [];
  let inflated: string | undefined;
  try {
    await withRetries(options, () =>
      downloadSnapshot(serverUrl, prebuilt, file, {
        signal,
        idleTimeoutMs: options.timeoutMs,
        onBytes: (bytes, total) => options.onProgress?.({ phase: 'snapshot-download', records: 0, bytes, total: total ?? prebuilt.size, version }),
        alongside: () => {
          inflations.at(-1)?.input.destroy();
          // Not named after the hash, so a stopped sync's leftover goes with the other snapshots' files.
          const inflating = path.join(folder, `inflating-${inflations.length}.sqlite`);
          inflations.push({ ...startInflating(inflating, prebuilt.databaseSize), file: inflating });
          return inflations.at(-1)!.input;
        },
      }),
    );
    // Only the last transfer's inflation can hold the verified file (the download resolved after it).
    const last = inflations.at(-1);
    if (last && (await last.done.then(() => true, () => false))) inflated = last.file;
  } catch (error) {
    if (error instanceof SyncError) throw error;
    return { kind: 'refused', reason: `the portal's prebuilt corpus did not download (${messageOf(error)})` };
  } finally {
    for (const inflation of inflations) {
      if (inflation.file === inflated) continue;
      inflation.input.destroy();
      await inflation.done.catch(() => undefined);
      await fsp.rm(inflation.file, { force: true });
    }
  }
  options.onProgress?.({ phase: 'snapshot-load', records: 0, bytes: prebuilt.size, total: prebuilt.records, version });
  let side;
  let problems = 0;
  try {
    side = await openPrebuiltCopy({
      compressed: file,
      inflated,
      databaseSize: prebuilt.databaseSize,
      check: (store) => {
        problems = checkPrebuiltRecords(store, { version, records: prebuilt.records, ftsIntegrity: options.ftsIntegrityCheck }).problems;
      },
    });
  } catch (error) {
    if (!(error instanceof InvalidPrebuiltCorpusError)) throw error;
    await fsp.rm(file, { force: true });
    return { kind: 'refused', reason: `the portal's prebuilt corpus was refused: ${error.message}` };
  } finally {
    // Moved into place when it was taken; still here only when it was not.
    if (inflated) await fsp.rm(inflated, { force: true });
  }
  try {
    if (signal?.aborted) throw cancelled();
    side.writer.adoptCopy(version, serverUrl);
    side.writer.markSynced();
    const swapStarted = performance.now();
    await side.swapIn();
    const swapMs = Math.round(performance.now() - swapStarted);
    await fsp.rm(file, { force: true });
    options.onProgress?.({ phase: 'snapshot-load', records: prebuilt.records, bytes: prebuilt.size, total: prebuilt.records, version });
    return { kind: 'loaded', format: 'sqlite', version, records: prebuilt.records, bytes: prebuilt.size, problems, checkMs: { ...side.checkTimings, swap: swapMs } };
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
