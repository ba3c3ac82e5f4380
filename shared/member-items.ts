// The wire format of a member's private, end-to-end encrypted store on the
// portal (/api/v1/me/…): the wrapped master key and the encrypted items. The
// portal stores and versions these blobs but holds no key that opens them;
// both the server and the desktop validate against these schemas.
import { z } from 'zod';
import { API_PREFIX, version } from './portal-api';
import { isoDateTime } from './content';

export const MEMBER_KEYRING_PATH = `${API_PREFIX}/me/keyring`;
export const MEMBER_ITEMS_PATH = `${API_PREFIX}/me/items`;
export const MEMBER_ITEM_CHANGES_PATH = `${API_PREFIX}/me/items/changes`;

/** One encrypted item's ciphertext may be at most this large (base64 characters). */
export const MAX_ITEM_CIPHERTEXT = 256 * 1024;
/** A member may keep at most this many live items… */
export const MAX_ITEMS_PER_MEMBER = 50_000;
/** …holding at most this many ciphertext characters in all (tombstones hold none). */
export const MAX_BYTES_PER_MEMBER = 100 * 1024 * 1024;
export const MAX_ITEM_CHANGES_LIMIT = 1000;
export const DEFAULT_ITEM_CHANGES_LIMIT = 500;

const base64 = (max: number) => z.base64().min(1).max(max);

/**
 * What a member's data is of. The portal sees the kind (to apply quotas and to
 * let a client fetch one kind first) and nothing else of the content.
 */
export const memberItemKind = z.enum(['annotation', 'collection', 'saved-search', 'settings', 'device']);
export type MemberItemKind = z.infer<typeof memberItemKind>;

/**
 * Chosen by the client: random, or a keyed hash of a local id, so that it says
 * nothing about the content.
 */
export const memberItemId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, underscores or hyphens');

/** An authenticated ciphertext: AES-256-GCM with a 96-bit nonce and a 128-bit tag. */
export const sealedBox = z
  .object({
    cipher: z.literal('aes-256-gcm'),
    /** Which master key sealed it (the key's random id, not the key). */
    keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    iv: base64(16),
    tag: base64(24),
    ciphertext: base64(MAX_ITEM_CIPHERTEXT),
  })
  .strict();
export type SealedBox = z.infer<typeof sealedBox>;

/** The key-derivation function that turns the passphrase into the key-wrapping key, with its parameters. */
export const passphraseKdf = z
  .object({
    name: z.literal('scrypt'),
    N: z.number().int().min(16384).max(1 << 20),
    r: z.number().int().min(8).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64(64),
  })
  .strict();
export type PassphraseKdf = z.infer<typeof passphraseKdf>;

/** The member's master key, sealed under the passphrase-derived key. */
export const memberKeyring = z
  .object({
    /** Bumped by every write; a write names the version it replaces (0 for the first). */
    version: version,
    kdf: passphraseKdf,
    wrappedKey: sealedBox,
    updatedAt: isoDateTime,
  })
  .strict();
export type MemberKeyring = z.infer<typeof memberKeyring>;

/** PUT /me/keyring: create (baseVersion 0) or re-wrap (baseVersion = the current version). */
export const memberKeyringWrite = z.object({ baseVersion: version, kdf: passphraseKdf, wrappedKey: sealedBox }).strict();
/** GET /me/keyring: null until a first device has created one. */
export const memberKeyringResponse = z.object({ keyring: memberKeyring.nullable() }).strict();

/** PUT /me/items/:itemId — an upsert (box) or a delete (deleted, no box) of the version named by baseVersion (0: a new item). */
export const memberItemWrite = z
  .discriminatedUnion('deleted', [
    z.object({ deleted: z.literal(false), kind: memberItemKind, baseVersion: version, box: sealedBox }).strict(),
    z.object({ deleted: z.literal(true), kind: memberItemKind, baseVersion: version }).strict(),
  ]);
export type MemberItemWrite = z.infer<typeof memberItemWrite>;

/** An item as the portal serves it; a tombstone has no box. `version` is the member's feed position. */
export const memberItem = z
  .object({
    itemId: memberItemId,
    kind: memberItemKind,
    version: version,
    deleted: z.boolean(),
    updatedAt: isoDateTime,
    box: sealedBox.nullable(),
  })
  .strict()
  .refine((item) => item.deleted === (item.box === null), 'a tombstone carries no box and a live item carries one');
export type MemberItem = z.infer<typeof memberItem>;

/** PUT answer: the item as stored. A baseVersion that is not the current version is refused with 409 and `current`. */
export const memberItemWriteResult = z.object({ item: memberItem }).strict();
export const memberItemConflict = z.object({ error: z.literal('version_conflict'), message: z.string(), current: memberItem }).strict();

/** GET /me/items/changes?since=V&limit=N — the member's own items after V, oldest first, tombstones included. */
export const memberItemChangesQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_ITEM_CHANGES_LIMIT).default(DEFAULT_ITEM_CHANGES_LIMIT),
});
export const memberItemChangesPage = z
  .object({ items: z.array(memberItem), cursor: version, hasMore: z.boolean(), latest: version })
  .strict();
export type MemberItemChangesPage = z.infer<typeof memberItemChangesPage>;
