// How long to wait before asking the portal again: exponential backoff with
// jitter, stretched to the portal's own Retry-After when it gives one. The
// change feed, attachment downloads and the outbox all wait by these rules.
import { CancelledError } from './http';

/** Exponential backoff with full jitter on the upper half: attempt 0 waits base/2..base. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After is honoured up to this long; default: however long the portal asks. */
  maxRetryAfterMs?: number;
  random?: () => number;
}

/** The wait before retry number `attempt + 1`: the backoff, or the portal's Retry-After when that is longer. */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const backoff = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
  if (retryAfterMs === undefined) return backoff;
  return Math.min(policy.maxRetryAfterMs ?? Number.POSITIVE_INFINITY, Math.max(retryAfterMs, backoff));
}

/** Waits `ms`, or rejects with CancelledError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
