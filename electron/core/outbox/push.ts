// The push loop: sends the outbox to the portal, one item at a time per lane,
// each lane in written order, every request with the item's own
// Idempotency-Key. The item is marked `sending` before the request leaves and
// `sent` (with the portal's answer) after, so a crash in between ends in a
// resend with the same key, which the portal answers with its stored response:
// exactly one record per item.
import { sendPost, type Outcome } from '../portal/posts';
import { retryDelay } from '../portal/retry';
import type { PortalSession } from './auth';
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
  /** Items still queued, sending, needing attention or waiting for confirmation after a restore when the run ended. */
  remaining: number;
  signInRequired: boolean;
  cancelled: boolean;
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
        // A refused item waits for an edit, a restored one for the member's confirmation; either holds its lane.
        const heads = this.store.laneHeads().filter((row) => row.state !== 'needs_attention' && row.state !== 'restored' && (this.attemptsThisRun.get(row.id) ?? 0) < this.options.maxAttemptsPerRun);
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
    this.result.remaining = counts.queued + counts.sending + counts.needsAttention + counts.restored;
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
    const outcome = await sendPost(this.session, { kind: row.kind, payload: row.payload, idempotencyKey: row.idempotency_key }, { timeoutMs: this.options.timeoutMs, signal: this.signal });
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
        const delay = retryDelay(failures - 1, this.options, outcome.retryAfterMs);
        this.store.markRetry(row.id, outcome.error, new Date(Date.now() + delay), outcome.deliveryUnknown || unknownBefore);
        return;
      }
    }
  }
}
