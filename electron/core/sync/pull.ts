// The pull loop over the portal's change feed. Each page is validated whole
// (every record against its schema) before it is applied, and applied in one
// transaction with its cursor; the next page is fetched while one is applied.
import { InvalidPageError } from '../../../shared/portal-api';
import type { CorpusWriter } from '../corpus/corpus-writer';
import { fetchChangesPage, type ChangesAnswer } from '../portal/changes';
import { PortalAnswerError } from '../portal/errors';
import { CancelledError, NetworkError, ResponseTooLargeError } from '../portal/http';
import { retryDelay, sleep } from '../portal/retry';
import { portalAddress } from '../portal/urls';
import type { SnapshotOutcome } from './snapshot-bootstrap';

export type SyncErrorKind = 'network' | 'server' | 'invalid-page' | 'cancelled';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SyncError';
  }
}

export interface PullProgress {
  records: number;
  bytes: number;
  cursor: number;
  latest: number;
  /** Records per second since the pull began. */
  rate: number;
  /** Seconds left at the current rate, when known. */
  etaSeconds: number | null;
  resyncing: boolean;
}

export interface PullOptions {
  serverUrl: string;
  pageLimit?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Longest one page's answer may take in all. */
  deadlineMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Told before each retry, with what failed. */
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
  /**
   * A walk from 0 longer than this many pages asks the portal for its snapshot first
   * (sync/snapshot-bootstrap.ts); default 5. A shorter one is quicker by the feed.
   */
  snapshotAfterPages?: number;
}

/** Loads the portal's snapshot (at `minVersion` or later) beside the library and swaps it in (sync/snapshot-bootstrap.ts). */
export type SnapshotLoader = (serverUrl: string, minVersion: number) => Promise<SnapshotOutcome>;

export interface PullResult {
  pages: number;
  upserts: number;
  deletes: number;
  /** Records stored with less than their full derivation (listed by the sync status). */
  problems: number;
  bytes: number;
  resynced: boolean;
  cursor: number;
  latest: number;
  /** The snapshot the sync began from, or why it did not (null: none was asked for or the portal has none). */
  snapshot: { version: number; records: number; format: 'sqlite' | 'jsonl'; checkMs?: Record<string, number>; prebuiltRefused?: string } | { refused: string } | null;
}

/** Walks from 0 one sync may start: a portal that keeps asking for one is refused, not followed forever. */
const MAX_WALKS_FROM_ZERO = 3;

/**
 * One page with retries: network failures and the portal's retryable answers wait by the portal's retry policy.
 * `walk.horizon`: for a walk from 0 after a 409, the horizon it named; `walk.historySince`: where the walk began, so
 * that each page's records bring the versions of their history this library has not seen.
 */
async function fetchPage(serverUrl: string, since: number, options: PullOptions, walk: { horizon?: number; historySince: number }): Promise<ChangesAnswer> {
  const retries = options.retries ?? 6;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetchChangesPage(serverUrl, { since, limit: options.pageLimit ?? 1000, horizon: walk.horizon, historySince: walk.historySince, signal: options.signal, timeoutMs: options.timeoutMs, deadlineMs: options.deadlineMs });
    } catch (error) {
      if (error instanceof CancelledError) throw new SyncError('cancelled', 'The sync was cancelled');
      if (error instanceof InvalidPageError) throw new SyncError('invalid-page', `${error.message}; nothing from this page was applied`);
      if (error instanceof PortalAnswerError && !error.retryable) throw new SyncError('server', error.message);
      if (error instanceof ResponseTooLargeError) throw new SyncError('server', `${error.message}; nothing from it was applied`);
      if (!(error instanceof PortalAnswerError || error instanceof NetworkError)) throw error;
      if (attempt >= retries) throw new SyncError(error instanceof NetworkError ? 'network' : 'server', `Sync failed after ${attempt + 1} attempts: ${error.message}`, { cause: error });
      const delay = retryDelay(attempt, { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 30_000 }, error instanceof PortalAnswerError ? error.retryAfterMs : undefined);
      options.onRetry?.(attempt + 1, delay, error);
      try {
        await sleep(delay, options.signal);
      } catch {
        throw new SyncError('cancelled', 'The sync was cancelled');
      }
    }
  }
}

/**
 * Where a resync, or the first copy from another portal, is built: beside the
 * library (db/side-corpus.ts), which stays readable and searchable until the
 * copy is complete and swapped in whole.
 */
export interface SideCopy {
  readonly writer: CorpusWriter;
  /** Replaces the library with the complete copy. */
  swapIn(): Promise<void>;
  /** Drops an unfinished copy; the library is untouched. Never throws. */
  discard(): Promise<void>;
}

/** Brings the corpus up to the server's latest version, page by page. */
export async function pullChanges(writer: CorpusWriter, options: PullOptions, openSideCopy: () => Promise<SideCopy>, loadSnapshot?: SnapshotLoader): Promise<PullResult> {
  const started = Date.now();
  const state = writer.state();
  const serverUrl = portalAddress(options.serverUrl);
  // Versions are per portal: another portal's first copy starts from 0, beside the library.
  const anotherPortal = state.serverUrl !== null && state.serverUrl !== serverUrl && state.cursor > 0;
  // The copy being built beside the library, once there is a page for it; until then nothing is opened or written.
  let buildingAside = anotherPortal;
  let side: SideCopy | undefined;
  let target = writer;
  let cursor = anotherPortal ? 0 : state.cursor;
  // A walk from 0 after a 409 names the horizon that 409 gave, so the portal lets it reach the end.
  let walkHorizon: number | undefined;
  let walksFromZero = 0;
  // Asked for once per sync, on the first page of a long walk from 0.
  let snapshotAsked = false;
  const snapshotAfter = (options.snapshotAfterPages ?? 5) * (options.pageLimit ?? 1000);
  const result: PullResult = { pages: 0, upserts: 0, deletes: 0, problems: 0, bytes: 0, resynced: anotherPortal, cursor, latest: 0, snapshot: null };
  try {
    // The walk's start: the versions of a history published after it are the ones this copy has not seen.
    let walkStart = cursor;
    let pending = fetchPage(serverUrl, cursor, options, { historySince: walkStart });
    for (;;) {
      const fetched = await pending;
      if (fetched.kind === 'resync') {
        if (cursor === 0) throw new SyncError('server', `The portal asked for a resync from 0: ${fetched.message}`);
        // Sent back during a walk from 0 it asked for: only a horizon that moved (a purge meanwhile) justifies another.
        const horizonMoved = walkHorizon !== undefined && fetched.horizon !== undefined && fetched.horizon > walkHorizon;
        if (walksFromZero >= MAX_WALKS_FROM_ZERO || (walksFromZero > 0 && !horizonMoved)) {
          throw new SyncError('server', `The portal asked for a resync again at since=${cursor}, during the copy from 0 it had asked for: ${fetched.message}`);
        }
        walksFromZero += 1;
        walkHorizon = fetched.horizon;
        // A library that held a copy when this sync began keeps it until the new one is complete; pages this
        // sync wrote into an empty library are dropped in place.
        if (state.cursor > 0) buildingAside = true;
        if (side) side.writer.resetCorpus();
        else if (!buildingAside) writer.resetCorpus();
        result.resynced = true;
        cursor = 0;
        walkStart = 0;
        pending = fetchPage(serverUrl, 0, options, { horizon: walkHorizon, historySince: walkStart });
        continue;
      }
      const { page, bytes } = fetched;
      if (loadSnapshot && !snapshotAsked && cursor === 0 && page.hasMore && page.latest > snapshotAfter && !side) {
        snapshotAsked = true;
        const outcome = await loadSnapshot(serverUrl, walkHorizon ?? 0);
        if (outcome.kind === 'loaded') {
          // The library now holds the portal's corpus at the snapshot's version: the feed goes on from there, in place.
          const { version, records, format, checkMs, prebuiltRefused } = outcome;
          result.snapshot = { version, records, format, ...(checkMs ? { checkMs } : {}), ...(prebuiltRefused ? { prebuiltRefused } : {}) };
          result.upserts += outcome.records;
          result.problems += outcome.problems;
          result.bytes += outcome.bytes;
          result.cursor = cursor = outcome.version;
          result.latest = Math.max(page.latest, outcome.version);
          buildingAside = false;
          walkHorizon = undefined;
          // The snapshot carried the kept versions up to its own: the feed sends only those after it.
          walkStart = cursor;
          pending = fetchPage(serverUrl, cursor, options, { historySince: walkStart });
          continue;
        }
        if (outcome.kind === 'refused') result.snapshot = { refused: outcome.reason };
      }
      // Fetch the next page while this one is applied.
      if (page.hasMore) {
        pending = fetchPage(serverUrl, page.cursor, options, { horizon: walkHorizon, historySince: walkStart });
        pending.catch(() => undefined);
      }
      if (buildingAside && !side) {
        side = await openSideCopy();
        target = side.writer;
      }
      const applied = target.applyPage(page, serverUrl);
      cursor = page.cursor;
      result.pages += 1;
      result.upserts += applied.upserts;
      result.deletes += applied.deletes;
      result.problems += applied.problems;
      result.bytes += bytes;
      result.cursor = cursor;
      result.latest = page.latest;
      const records = result.upserts + result.deletes;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const rate = records / seconds;
      const remaining = Math.max(0, page.latest - cursor);
      options.onProgress?.({ records, bytes: result.bytes, cursor, latest: page.latest, rate, etaSeconds: rate > 0 ? remaining / rate : null, resyncing: buildingAside });
      if (!page.hasMore) break;
      if (options.signal?.aborted) throw new SyncError('cancelled', 'The sync was cancelled');
    }
    target.markSynced();
    if (side) {
      await side.swapIn();
      side = undefined;
    }
    return result;
  } catch (error) {
    // A copy that was to replace the library failed: say that the library is as it was.
    if (buildingAside && error instanceof SyncError) {
      const from = state.serverUrl ? ` from ${state.serverUrl}` : '';
      throw new SyncError(error.kind, `${error.message}. The library is unchanged: it keeps its copy${from} until a complete new copy has arrived`, { cause: error });
    }
    throw error;
  } finally {
    await side?.discard();
  }
}
