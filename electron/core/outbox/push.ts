// The push loop: sends the outbox to the portal, one item at a time per lane,
// each lane in written order, every request with the item's own
// Idempotency-Key. The item is marked `sending` before the request leaves and
// `sent` (with the portal's answer) after, so a crash in between ends in a
// resend with the same key, which the portal answers with its stored response:
// exactly one record per item.
import { API_PREFIX, IDEMPOTENCY_HEADER, writeResult } from '../../../shared/portal-api';
import type { OutboxKind } from '../../../shared/outbox';
import { backoffDelay, CancelledError, NetworkError, requestText, type TextResponse } from '../sync/http';
import { portalMessage, safeJson, type PortalSession } from './auth';
import type { OutboxRow, OutboxStore } from './outbox-store';

export interface PushOptions {
  /** A request without an answer after this long is abandoned (and retried with the same key). */
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
  /** How many lanes send at the same time (each lane still one item at a time). */
  concurrency: number;
  /** Attempts per item within one run before the run gives up on it (it stays queued). */
  maxAttemptsPerRun: number;
  random: () => number;
}

export const DEFAULT_PUSH_OPTIONS: PushOptions = {
  timeoutMs: 30_000,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  concurrency: 2,
  maxAttemptsPerRun: Number.POSITIVE_INFINITY,
  random: Math.random,
};

export interface PushRunResult {
  sent: number;
  refused: number;
  /** Items still queued, sending or needing attention when the run ended. */
  remaining: number;
  signInRequired: boolean;
  cancelled: boolean;
}

/** What one answer (or its absence) means for the item. */
export type Outcome =
  | { kind: 'sent'; result: { type: string; id: string; version: number } }
  | { kind: 'retry'; error: string; retryAfterMs?: number; deliveryUnknown: boolean }
  | { kind: 'refused'; message: string }
  | { kind: 'unauthenticated'; message: string };

const EXPECTED_TYPE: Record<OutboxKind, string> = { 'forum.thread': 'forum-thread', 'forum.reply': 'forum-post', 'partner.request': 'partner-request' };

/** The portal route and body of an item. The body is the stored payload as is, so every retry sends the same bytes. */
export function requestFor(row: Pick<OutboxRow, 'kind' | 'payload'>): { path: string; body: string } {
  if (row.kind === 'forum.reply') {
    const { threadId, ...post } = JSON.parse(row.payload) as { threadId: string };
    return { path: `${API_PREFIX}/forum/threads/${encodeURIComponent(threadId)}/posts`, body: JSON.stringify(post) };
  }
  return { path: row.kind === 'forum.thread' ? `${API_PREFIX}/forum/threads` : `${API_PREFIX}/partner-requests`, body: row.payload };
}

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Classifies the portal's answer to an outbox write. */
export function classify(kind: OutboxKind, response: TextResponse): Outcome {
  const { status } = response;
  const message = portalMessage(response.body);
  if (status === 200 || status === 201) {
    const parsed = writeResult.safeParse(safeJson(response.body));
    if (!parsed.success || parsed.data.type !== EXPECTED_TYPE[kind]) {
      // A success we cannot read: the portal may have created it. The resend (same key) replays the real answer.
      return { kind: 'retry', error: `The portal's answer (HTTP ${status}) could not be read`, deliveryUnknown: true };
    }
    return { kind: 'sent', result: { type: parsed.data.type, id: parsed.data.id, version: parsed.data.version } };
  }
  if (status === 401) return { kind: 'unauthenticated', message: message ?? 'The portal asks to sign in again' };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  if (status === 409 && (message === undefined || (safeJson(response.body) as { error?: string } | undefined)?.error === 'request_in_progress')) {
    // The same key is still being processed (an earlier attempt of ours): wait and ask again.
    return { kind: 'retry', error: message ?? 'The portal is still processing an earlier attempt', retryAfterMs, deliveryUnknown: true };
  }
  if (status === 429) return { kind: 'retry', error: message ?? 'The portal asks to slow down (HTTP 429)', retryAfterMs, deliveryUnknown: false };
  if (status === 408 || status === 425 || status >= 500) {
    return { kind: 'retry', error: message ? `HTTP ${status}: ${message}` : `The portal failed to answer (HTTP ${status})`, retryAfterMs, deliveryUnknown: true };
  }
  if (status >= 400) return { kind: 'refused', message: message ?? `The portal refused it (HTTP ${status})` };
  return { kind: 'retry', error: `Unexpected answer from the portal (HTTP ${status})`, deliveryUnknown: true };
}

/**
 * One run of the push loop. It ends when nothing more can be sent now: every
 * lane is empty, blocked by an item needing attention, or out of attempts for
 * this run; or on a 401 (nothing is dropped); or when `signal` aborts. `wake()`
 * interrupts a wait for backoff (new items, the portal came back).
 */
export class PushRun {
  private wakeUp: (() => void) | undefined;
  private readonly attemptsThisRun = new Map<string, number>();
  private readonly result: PushRunResult = { sent: 0, refused: 0, remaining: 0, signInRequired: false, cancelled: false };

  constructor(
    private readonly store: OutboxStore,
    private readonly session: PortalSession,
    private readonly options: PushOptions,
    private readonly signal: AbortSignal,
    private readonly onChange: () => void,
    private readonly onUnauthenticated: (token: string) => void,
  ) {}

  wake(): void {
    this.wakeUp?.();
  }

  async run(): Promise<PushRunResult> {
    const inFlight = new Map<string, Promise<void>>();
    try {
      for (;;) {
        if (this.signal.aborted) {
          this.result.cancelled = true;
          break;
        }
        if (this.result.signInRequired) break;
        const now = Date.now();
        const heads = this.store.laneHeads().filter((row) => row.state !== 'needs_attention' && (this.attemptsThisRun.get(row.id) ?? 0) < this.options.maxAttemptsPerRun);
        const idle = heads.filter((row) => !inFlight.has(row.lane));
        const ready = idle.filter((row) => row.next_attempt_at === null || Date.parse(row.next_attempt_at) <= now);
        for (const row of ready.slice(0, Math.max(0, this.options.concurrency - inFlight.size))) {
          const lane = row.lane;
          inFlight.set(
            lane,
            this.sendOne(row).finally(() => inFlight.delete(lane)),
          );
        }
        if (inFlight.size === 0 && idle.length === 0) break;
        // Sleep until a request settles or the earliest backoff ends; a ready lane without room waits for a request.
        const waits = idle.filter((row) => row.next_attempt_at !== null && Date.parse(row.next_attempt_at) > now).map((row) => Date.parse(row.next_attempt_at!) - now);
        const waitMs = waits.length > 0 ? Math.min(...waits) : undefined;
        if (inFlight.size === 0 && waitMs === undefined) continue; // Cannot happen with room for one; read the lanes again.
        await this.waitFor([...inFlight.values()], waitMs);
      }
    } finally {
      await Promise.allSettled([...inFlight.values()]);
    }
    const counts = this.store.counts();
    this.result.remaining = counts.queued + counts.sending + counts.needsAttention;
    return { ...this.result };
  }

  /** Until one request settles, `waitMs` passes, wake() is called or the run is aborted. */
  private waitFor(requests: Array<Promise<void>>, waitMs: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      if (waitMs !== undefined) timer = setTimeout(done, waitMs);
      this.wakeUp = done;
      this.signal.addEventListener('abort', done, { once: true });
      for (const request of requests) void request.then(done, done);
    });
  }

  private async sendOne(head: OutboxRow): Promise<void> {
    const row = this.store.markSending(head.id, head.payload);
    if (!row) return; // Cancelled or edited since we looked: the loop reads the lane again.
    this.attemptsThisRun.set(row.id, (this.attemptsThisRun.get(row.id) ?? 0) + 1);
    this.onChange();
    const { path, body } = requestFor(row);
    let outcome: Outcome;
    try {
      const response = await requestText('POST', `${this.session.serverUrl}${path}`, {
        body,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${this.session.token}`,
          [IDEMPOTENCY_HEADER]: row.idempotency_key,
        },
        timeoutMs: this.options.timeoutMs,
        signal: this.signal,
      });
      outcome = classify(row.kind, response);
    } catch (error) {
      // No answer (dropped, timed out, cut short, or the push was stopped): the portal may have it. Resend with the same key.
      const message = error instanceof CancelledError ? 'The push was stopped while this was on its way' : error instanceof NetworkError || error instanceof Error ? error.message : String(error);
      outcome = { kind: 'retry', error: message, deliveryUnknown: true };
    }
    this.apply(row, outcome, head.delivery_unknown === 1);
    this.onChange();
  }

  /** `unknownBefore`: an earlier attempt may have reached the portal; only an answer about the key itself settles that. */
  private apply(row: OutboxRow, outcome: Outcome, unknownBefore: boolean): void {
    switch (outcome.kind) {
      case 'sent':
        this.store.markSent(row.id, outcome.result);
        this.result.sent += 1;
        return;
      case 'refused':
        this.store.markNeedsAttention(row.id, outcome.message);
        this.result.refused += 1;
        return;
      case 'unauthenticated':
        // Nothing was written (the portal checks the token first): back to the queue, pushing stops.
        this.store.markRetry(row.id, `Sign-in required: ${outcome.message}`, new Date(), unknownBefore);
        this.result.signInRequired = true;
        this.onUnauthenticated(this.session.token);
        return;
      case 'retry': {
        const failures = this.attemptsThisRun.get(row.id) ?? 1;
        const backoff = backoffDelay(failures - 1, this.options.baseDelayMs, this.options.maxDelayMs, this.options.random);
        const delay = outcome.retryAfterMs === undefined ? backoff : Math.min(this.options.maxRetryAfterMs, Math.max(outcome.retryAfterMs, backoff));
        this.store.markRetry(row.id, outcome.error, new Date(Date.now() + delay), outcome.deliveryUnknown || unknownBefore);
        return;
      }
    }
  }
}
