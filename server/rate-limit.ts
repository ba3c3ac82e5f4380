// Fixed-window rate limits kept in the database (table rate_limit_buckets), so
// that every portal instance on one database counts the same requests: with
// the counters in each process's memory, N instances allowed N times the limit.
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from './db/schema';
import { ApiFailure } from './errors';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Expired windows of a limit are deleted about once per this many requests counted by one instance. */
const SWEEP_EVERY = 1000;

export class RateLimiter {
  private sinceSweep = 0;

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    /** The limit's name, its rows' `name`: each limit counts apart. */
    private readonly name: string,
    private readonly rule: RateLimit,
  ) {}

  /**
   * Counts one request for `key`; throws 429 with Retry-After when over the limit.
   * One statement: the upsert opens a new window when the stored one has run out
   * and counts into it otherwise; the row lock (PostgreSQL) or the write lock
   * (SQLite) makes concurrent requests of several instances count one by one.
   */
  async take(key: string, now = Date.now()): Promise<void> {
    const expiredBefore = now - this.rule.windowMs;
    const stored = sql.ref<number>('rate_limit_buckets.window_start');
    const row = await this.db
      .insertInto('rate_limit_buckets')
      .values({ name: this.name, key, window_start: now, count: 1 })
      .onConflict((conflict) =>
        conflict.columns(['name', 'key']).doUpdateSet({
          // Both right-hand sides read the row as it was before this update.
          count: sql<number>`case when ${stored} <= ${expiredBefore} then 1 else rate_limit_buckets.count + 1 end`,
          window_start: sql<number>`case when ${stored} <= ${expiredBefore} then ${now} else ${stored} end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    if ((this.sinceSweep += 1) >= SWEEP_EVERY) {
      this.sinceSweep = 0;
      await this.db.deleteFrom('rate_limit_buckets').where('name', '=', this.name).where('window_start', '<=', expiredBefore).execute();
    }
    if (Number(row.count) > this.rule.limit) {
      const retryAfter = Math.max(1, Math.ceil((Number(row.window_start) + this.rule.windowMs - now) / 1000));
      throw new ApiFailure(429, 'rate_limited', `Too many requests: at most ${this.rule.limit} per ${this.rule.windowMs / 1000} s; retry in ${retryAfter} s`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }
}
