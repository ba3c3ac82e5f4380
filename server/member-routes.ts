// A member's private store over HTTP (shared/member-items.ts): the wrapped
// master key, the encrypted items and their change feed. Signed-in members
// only, each seeing nothing but their own; writes are compare-and-swap on
// baseVersion and idempotent by key. Request bodies are never logged: the
// request log (server/operations.ts) names the method, path and status only.
import type { Context, Hono } from 'hono';
import {
  MAX_ITEM_CIPHERTEXT,
  MEMBER_ITEM_CHANGES_PATH,
  MEMBER_ITEMS_PATH,
  MEMBER_KEYRING_PATH,
  memberItemChangesQuery,
  memberItemId,
  memberItemWrite,
  memberKeyringWrite,
} from '../shared/member-items';
import { idempotencyKey, IDEMPOTENCY_HEADER } from '../shared/portal-api';
import type { Members } from './auth';
import type { MemberTable } from './db/schema';
import { ApiFailure, parseWith } from './errors';
import { requestFingerprint, type IdempotencyKeys } from './idempotency';
import type { Alongside, MemberStore } from './member-store';
import type { RateLimiter } from './rate-limit';

export interface MemberRouteOptions {
  store: MemberStore;
  members: Members;
  keys: IdempotencyKeys;
  /** Counts every request to the store per member (reads and writes: a sync is many of both). */
  limiter: RateLimiter;
  readJson: (c: Context) => Promise<unknown>;
  now: () => Date;
}

const json = (c: Context, text: string, status: 200 = 200, headers: Record<string, string> = {}) =>
  c.body(text, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });

/** The box's ciphertext when a body carries one as a string: measured before validation, so an oversized item is a quota answer, not a 400. */
function ciphertextLength(body: unknown): number {
  if (typeof body !== 'object' || body === null || !('box' in body)) return 0;
  const box: unknown = body.box;
  if (typeof box !== 'object' || box === null || !('ciphertext' in box)) return 0;
  return typeof box.ciphertext === 'string' ? box.ciphertext.length : 0;
}

export function memberStoreRoutes(app: Hono, options: MemberRouteOptions): void {
  const { store, members, keys, limiter, readJson, now } = options;

  const signedIn = async (c: Context): Promise<MemberTable> => {
    const member = await members.authenticate(c.req.header('authorization'), now());
    await limiter.take(member.id);
    return member;
  };

  /**
   * Runs a write under its Idempotency-Key: a replay of an answered request
   * gets the first answer; the key's stored answer commits in the write's
   * transaction; a refused write (conflict, quota) frees the key for the
   * corrected request.
   */
  const idempotent = async (c: Context, member: MemberTable, body: unknown, write: (alongside: Alongside) => Promise<void>): Promise<Response> => {
    const rawKey = c.req.header(IDEMPOTENCY_HEADER);
    if (rawKey === undefined) throw new ApiFailure(400, 'idempotency_key_missing', `Writes to your store need an ${IDEMPOTENCY_HEADER} header, created once per write and reused on every retry`);
    const key = parseWith(idempotencyKey, rawKey, IDEMPOTENCY_HEADER);
    const replay = await keys.claim(member.id, key, requestFingerprint(c.req.method, c.req.path, body), now());
    if (replay) return json(c, replay.body, replay.status as 200, { 'Idempotent-Replayed': 'true' });
    let answer = '';
    try {
      await write(async (trx, responseJson) => {
        answer = responseJson;
        await keys.complete(member.id, key, { status: 200, body: responseJson }, trx);
      });
    } catch (error) {
      await keys.release(member.id, key);
      throw error;
    }
    return json(c, answer);
  };

  app.get(MEMBER_KEYRING_PATH, async (c) => {
    const member = await signedIn(c);
    return json(c, JSON.stringify({ keyring: await store.keyring(member.id) }));
  });

  app.put(MEMBER_KEYRING_PATH, async (c) => {
    const member = await signedIn(c);
    const body = await readJson(c);
    const input = parseWith(memberKeyringWrite, body, 'keyring');
    return idempotent(c, member, body, async (alongside) => {
      await store.putKeyring(member.id, input, now(), alongside);
    });
  });

  // Before /:itemId would matter only for a GET; kept first so the feed's path can never be read as an item id.
  app.get(MEMBER_ITEM_CHANGES_PATH, async (c) => {
    const member = await signedIn(c);
    const query = parseWith(memberItemChangesQuery, c.req.query(), 'change query');
    const result = await store.changesJson(member.id, query.since, query.limit);
    if ('ahead' in result) {
      throw new ApiFailure(409, 'resync_required', `since=${query.since} is ahead of your store's latest version ${result.ahead}: read your items again from since=0`, undefined, {}, { horizon: 0 });
    }
    return json(c, result.json);
  });

  app.put(`${MEMBER_ITEMS_PATH}/:itemId`, async (c) => {
    const member = await signedIn(c);
    const itemId = parseWith(memberItemId, c.req.param('itemId'), 'item id');
    const body = await readJson(c);
    const length = ciphertextLength(body);
    if (length > MAX_ITEM_CIPHERTEXT) {
      throw new ApiFailure(413, 'quota_exceeded', `An item's ciphertext may be at most ${MAX_ITEM_CIPHERTEXT} characters; this one has ${length}`);
    }
    const input = parseWith(memberItemWrite, body, 'item');
    return idempotent(c, member, body, async (alongside) => {
      await store.putItem(member.id, itemId, input, now(), alongside);
    });
  });
}
