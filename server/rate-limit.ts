import { ApiFailure } from './errors';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counters kept in memory: enough for one server process (a
 * cluster would move them to the database or a shared cache).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly rule: RateLimit) {}

  /** Counts one request for `key`; throws 429 with Retry-After when over the limit. */
  take(key: string, now = Date.now()): void {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    window.count += 1;
    if (window.count > this.rule.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + this.rule.windowMs - now) / 1000));
      throw new ApiFailure(429, 'rate_limited', `Too many requests: at most ${this.rule.limit} per ${this.rule.windowMs / 1000} s; retry in ${retryAfter} s`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
  }
}
