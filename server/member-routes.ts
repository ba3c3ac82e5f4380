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
  memberItemKind,
  memberKeyring,
  type MemberItem,
  type MemberKeyring,
} from '../shared/member-items';
import { z } from 'zod';
import { isoDateTime } from '../shared/content';
import { idempotencyKey, IDEMPOTENCY_HEADER, version } from '../shared/portal-api';
import type { Members } from './auth';
import type { MemberTable } from './db/schema';
import { ApiFailure, parseWith } from './errors';
import { requestFingerprint, type IdempotencyKeys } from './idempotency';
import type { Alongside, MemberStore } from './member-store';
import type { RateLimiter } from './rate-limit';

/** What an idempotency key keeps of a write's answer: all but the blob, which a replay's body carries. */
const storedItem = z.object({ item: z.object({ itemId: memberItemId, kind: memberItemKind, version, deleted: z.boolean(), updatedAt: isoDateTime, box: z.null() }) });
const storedKeyring = z.object({ keyring: memberKeyring.pick({ version: true, updatedAt: true }) });

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
   * corrected request. The key keeps the answer without its blob (`withoutBlob`),
   * which a replay puts back from its body: the fingerprint proves that body is
   * the first one, so the rebuilt answer is the first answer byte for byte, and
   * no key holds a second copy of a 256 KiB box.
   */
  const idempotent = async <T>(
    c: Context,
    member: MemberTable,
    body: unknown,
    blob: { withoutBlob: (written: T) => unknown; withBlob: (stored: string) => unknown },
    write: (alongside: Alongside<T>) => Promise<T>,
  ): Promise<Response> => {
    const rawKey = c.req.header(IDEMPOTENCY_HEADER);
    if (rawKey === undefined) throw new ApiFailure(400, 'idempotency_key_missing', `Writes to your store need an ${IDEMPOTENCY_HEADER} header, created once per write and reused on every retry`);
    const key = parseWith(idempotencyKey, rawKey, IDEMPOTENCY_HEADER);
    const replay = await keys.claim(member.id, key, requestFingerprint(c.req.method, c.req.path, body), now());
    if (replay) return json(c, JSON.stringify(blob.withBlob(replay.body)), replay.status as 200, { 'Idempotent-Replayed': 'true' });
    let written: T;
    try {
      written = await write(async (trx, result) => {
        await keys.complete(member.id, key, { status: 200, body: JSON.stringify(blob.withoutBlob(result)) }, trx);
      });
    } catch (error) {
      await keys.release(member.id, key);
      throw error;
    }
    return json(c, JSON.stringify(blob.withBlob(JSON.stringify(blob.withoutBlob(written)))));
  };

  app.get(MEMBER_KEYRING_PATH, async (c) => {
    const member = await signedIn(c);
    return json(c, JSON.stringify({ keyring: await store.keyring(member.id) }));
  });

  app.put(MEMBER_KEYRING_PATH, async (c) => {
    const member = await signedIn(c);
    const body = await readJson(c);
    const input = parseWith(memberKeyringWrite, body, 'keyring');
    const blob = {
      withoutBlob: ({ version, updatedAt }: MemberKeyring) => ({ keyring: { version, updatedAt } }),
      withBlob: (stored: string) => {
        const { version, updatedAt } = storedKeyring.parse(JSON.parse(stored)).keyring;
        return { keyring: { version, kdf: input.kdf, wrappedKey: input.wrappedKey, updatedAt } };
      },
    };
    return idempotent(c, member, body, blob, (alongside) => store.putKeyring(member.id, input, now(), alongside));
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
    const blob = {
      withoutBlob: (item: MemberItem) => ({ item: { ...item, box: null } }),
      withBlob: (stored: string) => {
        const { item } = storedItem.parse(JSON.parse(stored));
        return { item: { ...item, box: input.deleted ? null : input.box } };
      },
    };
    return idempotent(c, member, body, blob, (alongside) => store.putItem(member.id, itemId, input, now(), alongside));
  });
}
