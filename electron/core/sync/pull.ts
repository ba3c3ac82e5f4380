// The pull loop over the portal's change feed. Each page is validated whole
// (every record against its schema) before it is applied, and applied in one
// transaction with its cursor; the next page is fetched while one is applied.
import { InvalidPageError, parseChangesPage, type ChangesPage } from '../../../shared/portal-api';
import type { CorpusWriter } from '../corpus/corpus-writer';
import { backoffDelay, CancelledError, getText, NetworkError, sleep } from './http';

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
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Told before each retry, with what failed. */
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
}

export interface PullResult {
  pages: number;
  upserts: number;
  deletes: number;
  bytes: number;
  resynced: boolean;
  cursor: number;
  latest: number;
}

type Fetched = { kind: 'page'; page: ChangesPage; bytes: number } | { kind: 'resync'; message: string };

class Retryable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function describeServerError(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return `the portal answered ${status}: ${parsed.message}`;
  } catch {
    // Not our JSON error shape: fall through to the raw text.
  }
  return `the portal answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}

async function fetchOnce(url: string, options: PullOptions): Promise<Fetched> {
  const response = await getText(url, { signal: options.signal, timeoutMs: options.timeoutMs });
  if (response.status === 409) {
    try {
      const body = JSON.parse(response.body) as { error?: string; message?: string };
      if (body.error === 'resync_required') return { kind: 'resync', message: body.message ?? 'resync required' };
    } catch {
      // Fall through: a 409 that is not a resync signal is a server error.
    }
  }
  if (response.status >= 500 || response.status === 429) {
    const retryAfter = Number(response.headers['retry-after']);
    throw new Retryable(describeServerError(response.status, response.body), Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
  }
  if (response.status !== 200) throw new SyncError('server', describeServerError(response.status, response.body));
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new Retryable('the answer was not complete JSON (cut short or garbled)');
  }
  try {
    return { kind: 'page', page: parseChangesPage(json), bytes: response.body.length };
  } catch (error) {
    if (error instanceof InvalidPageError) throw new SyncError('invalid-page', `${error.message}; nothing from this page was applied`);
    throw error;
  }
}

async function fetchPage(since: number, options: PullOptions): Promise<Fetched> {
  const url = `${options.serverUrl.replace(/\/+$/, '')}/api/v1/changes?since=${since}&limit=${options.pageLimit ?? 1000}`;
  const retries = options.retries ?? 6;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetchOnce(url, options);
    } catch (error) {
      if (error instanceof CancelledError) throw new SyncError('cancelled', 'The sync was cancelled');
      if (error instanceof SyncError) throw error;
      if (!(error instanceof Retryable || error instanceof NetworkError)) throw error;
      if (attempt >= retries) throw new SyncError(error instanceof NetworkError ? 'network' : 'server', `Sync failed after ${attempt + 1} attempts: ${error.message}`, { cause: error });
      const delay = Math.max(error instanceof Retryable ? (error.retryAfterMs ?? 0) : 0, backoffDelay(attempt, options.baseDelayMs ?? 500, options.maxDelayMs ?? 30_000));
      options.onRetry?.(attempt + 1, delay, error);
      try {
        await sleep(delay, options.signal);
      } catch {
        throw new SyncError('cancelled', 'The sync was cancelled');
      }
    }
  }
}

/** Brings the corpus up to the server's latest version, page by page. */
export async function pullChanges(writer: CorpusWriter, options: PullOptions): Promise<PullResult> {
  const started = Date.now();
  const state = writer.state();
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  let resynced = false;
  // Versions are per server: another server's cursor means nothing here.
  if (state.serverUrl && state.serverUrl !== serverUrl && state.cursor > 0) {
    writer.resetCorpus();
    resynced = true;
  }
  let cursor = writer.state().cursor;
  const result: PullResult = { pages: 0, upserts: 0, deletes: 0, bytes: 0, resynced, cursor, latest: 0 };
  let pending = fetchPage(cursor, options);
  for (;;) {
    const fetched = await pending;
    if (fetched.kind === 'resync') {
      if (cursor === 0) throw new SyncError('server', `The portal asked for a resync from 0: ${fetched.message}`);
      writer.resetCorpus();
      result.resynced = true;
      cursor = 0;
      pending = fetchPage(0, options);
      continue;
    }
    const { page, bytes } = fetched;
    // Fetch the next page while this one is applied.
    if (page.hasMore) {
      pending = fetchPage(page.cursor, options);
      pending.catch(() => undefined);
    }
    const applied = writer.applyPage(page, serverUrl);
    cursor = page.cursor;
    result.pages += 1;
    result.upserts += applied.upserts;
    result.deletes += applied.deletes;
    result.bytes += bytes;
    result.cursor = cursor;
    result.latest = page.latest;
    const records = result.upserts + result.deletes;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = records / seconds;
    const remaining = Math.max(0, page.latest - cursor);
    options.onProgress?.({ records, bytes: result.bytes, cursor, latest: page.latest, rate, etaSeconds: rate > 0 ? remaining / rate : null, resyncing: result.resynced });
    if (!page.hasMore) break;
    if (options.signal?.aborted) throw new SyncError('cancelled', 'The sync was cancelled');
  }
  writer.markSynced();
  return result;
}
