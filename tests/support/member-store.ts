// Requests to a member's encrypted store on a real portal (/api/v1/me/…), for
// the server tests: a signed-in member, well-formed blobs, writes and the feed.
import { randomBytes } from 'node:crypto';
import type { MemberItem, MemberItemKind, SealedBox } from '../../shared/member-items';

let counter = 0;

/** Registers a member and signs in; returns the bearer token. */
export async function signedInMember(url: string, email: string, password = 'correct horse battery'): Promise<string> {
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${url}/api/v1/members`, { method: 'POST', headers: json, body: JSON.stringify({ email, password, displayName: email.split('@')[0], organisation: 'Test', country: 'PT' }) });
  if (registered.status !== 201) throw new Error(`registering ${email} answered ${registered.status}: ${await registered.text()}`);
  const session = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  if (session.status !== 201) throw new Error(`signing in ${email} answered ${session.status}: ${await session.text()}`);
  return ((await session.json()) as { token: string }).token;
}

/** A sealed box whose ciphertext is `ciphertext` (base64 text) or random bytes of `size`; the portal cannot tell the difference. */
export function sealedBox(ciphertext: string | number = 48): SealedBox {
  return {
    cipher: 'aes-256-gcm',
    keyId: 'key-test-0001',
    iv: randomBytes(12).toString('base64'),
    tag: randomBytes(16).toString('base64'),
    ciphertext: typeof ciphertext === 'string' ? ciphertext : randomBytes(ciphertext).toString('base64'),
  };
}

/** A fresh item id the schema accepts. */
export const newItemId = (): string => `item-${randomBytes(8).toString('hex')}-${(counter += 1)}`;

/** A fresh Idempotency-Key. */
export const newKey = (): string => `key-${randomBytes(8).toString('hex')}-${(counter += 1)}`;

export function putItem(url: string, token: string, itemId: string, body: unknown, key: string = newKey()): Promise<Response> {
  return fetch(`${url}/api/v1/me/items/${itemId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

export const upsert = (kind: MemberItemKind, baseVersion: number, box: SealedBox = sealedBox()) => ({ deleted: false, kind, baseVersion, box });
export const tombstone = (kind: MemberItemKind, baseVersion: number) => ({ deleted: true, kind, baseVersion });

export function putKeyring(url: string, token: string, body: unknown, key: string = newKey()): Promise<Response> {
  return fetch(`${url}/api/v1/me/keyring`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

export const keyringWrite = (baseVersion: number, wrappedKey: SealedBox = sealedBox(44)) => ({
  baseVersion,
  kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, salt: randomBytes(16).toString('base64') },
  wrappedKey,
});

export interface ItemChangesPage {
  items: MemberItem[];
  cursor: number;
  hasMore: boolean;
  latest: number;
}

export async function itemChanges(url: string, token: string, since = 0, limit?: number): Promise<ItemChangesPage> {
  const response = await fetch(`${url}/api/v1/me/items/changes?since=${since}${limit === undefined ? '' : `&limit=${limit}`}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`the item feed answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ItemChangesPage;
}

/** The member's whole feed from `since`, page by page: every item read and the final cursor. */
export async function readItemFeed(url: string, token: string, since = 0, limit = 100): Promise<{ items: MemberItem[]; cursor: number }> {
  const items: MemberItem[] = [];
  let cursor = since;
  for (;;) {
    const page = await itemChanges(url, token, cursor, limit);
    items.push(...page.items);
    cursor = page.cursor;
    if (!page.hasMore) return { items, cursor };
  }
}
