// Idempotency-Key handling for member writes (IETF idempotency-key-header draft):
// the same key and payload replay the first response, the same key with another
// payload is 422, a retry while the first request still runs is 409.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from './db/schema';
import { ApiFailure } from './errors';

/** An in-flight claim older than this is taken to be abandoned (its request crashed) and may be retried. */
const ABANDONED_AFTER_MS = 60_000;

export interface StoredResponse {
  status: number;
  body: string;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body)}`).digest('hex');
}

export class IdempotencyKeys {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  /**
   * Claims `key` for this request. Returns the stored response to replay when
   * the request was already answered; throws 409 or 422 as the draft says.
   */
  async claim(memberId: string, key: string, fingerprint: string, now = new Date()): Promise<StoredResponse | undefined> {
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({ member_id: memberId, key, request_hash: fingerprint, state: 'in-flight', response_status: null, response_body: null, created_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['member_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return undefined;

    const existing = await this.db.selectFrom('idempotency_keys').selectAll().where('member_id', '=', memberId).where('key', '=', key).executeTakeFirstOrThrow();
    if (existing.request_hash !== fingerprint) {
      throw new ApiFailure(422, 'idempotency_key_reused', `Idempotency-Key ${key} was already used for a different request`);
    }
    if (existing.state === 'done') return { status: existing.response_status!, body: existing.response_body! };
    const abandoned = now.getTime() - Date.parse(existing.created_at) > ABANDONED_AFTER_MS;
    if (abandoned) {
      // Take over atomically: only one retry may win the stale claim.
      const taken = await this.db
        .updateTable('idempotency_keys')
        .set({ created_at: now.toISOString() })
        .where('member_id', '=', memberId)
        .where('key', '=', key)
        .where('state', '=', 'in-flight')
        .where('created_at', '=', existing.created_at)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return undefined;
    }
    throw new ApiFailure(409, 'request_in_progress', `A request with Idempotency-Key ${key} is still being processed; retry later`, undefined, { 'Retry-After': '1' });
  }

  /** Stores the response; pass the transaction that wrote the content so both commit together. */
  async complete(memberId: string, key: string, response: StoredResponse, trx: Kysely<ServerDatabase> = this.db): Promise<void> {
    await trx
      .updateTable('idempotency_keys')
      .set({ state: 'done', response_status: response.status, response_body: response.body })
      .where('member_id', '=', memberId)
      .where('key', '=', key)
      .execute();
  }

  /** Frees the key after a failure that wrote nothing, so the client may retry it. */
  async release(memberId: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('member_id', '=', memberId).where('key', '=', key).where('state', '=', 'in-flight').execute();
  }
}
