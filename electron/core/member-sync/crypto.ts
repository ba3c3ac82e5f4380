// Member sync's cryptography, all of it Node's crypto: a random 256-bit master
// key per member; a key-wrapping key from the passphrase by scrypt; the master
// key and every item sealed with AES-256-GCM (random 96-bit IV), each item's
// associated data binding the member, the item id and its kind so that the
// portal cannot swap blobs between items or members; item ids on the wire are
// an HMAC of the local id under a key derived from the master key (HKDF).
// An item's JSON is deflated before it is sealed: a collection of 10,000
// records is then about 230 KB of ciphertext, inside the portal's 256 KiB.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { MemberItemKind, PassphraseKdf, SealedBox } from '../../../shared/member-items';

/**
 * scrypt N=2^17, r=8, p=1: OWASP's recommended minimum for scrypt, ~128 MiB and
 * a few hundred milliseconds per derivation. Derivations happen only when the
 * member enables sync or changes the passphrase, never per item.
 */
export const PASSPHRASE_KDF_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The lowest N the wire format accepts; tests use it (weakKdfForTests) to stay fast. */
export const TEST_KDF_COST = { N: 2 ** 14, r: 8, p: 1 } as const;

const KEY_BYTES = 32;
/** The most an item inflates to: a box that claims more is refused unread (no decompression bomb). */
const MAX_ITEM_PLAINTEXT = 16 * 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The wrong passphrase, or a keyring or item not sealed by this key: the GCM tag did not verify. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export interface MasterKey {
  /** The key's random id, stored beside each box: never derived from the key. */
  readonly keyId: string;
  readonly key: Buffer;
}

export function newMasterKey(): MasterKey {
  return { keyId: randomBytes(12).toString('base64url'), key: randomBytes(KEY_BYTES) };
}

export function newKdf(cost: { N: number; r: number; p: number } = PASSPHRASE_KDF_COST): PassphraseKdf {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** The key-wrapping key of a passphrase under the keyring's stated parameters (asynchronous: the core keeps answering). */
export function deriveWrappingKey(passphrase: string, kdf: PassphraseKdf): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function seal(key: Buffer, keyId: string, plaintext: Buffer, associatedData: string): SealedBox {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { cipher: 'aes-256-gcm', keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function open(key: Buffer, box: SealedBox, associatedData: string): Buffer {
  const iv = Buffer.from(box.iv, 'base64');
  const tag = Buffer.from(box.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealError('The sealed box has a nonce or tag of the wrong length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new SealError('The sealed box does not open with this key');
  }
}

const keyringAad = (memberId: string) => `ewsi-member-keyring-v1\u0000${memberId}`;
const itemAad = (memberId: string, itemId: string, kind: MemberItemKind) => `ewsi-member-item-v1\u0000${memberId}\u0000${itemId}\u0000${kind}`;

/** The master key sealed under the wrapping key; the box's keyId is the master key's. */
export function wrapMasterKey(master: MasterKey, wrappingKey: Buffer, memberId: string): SealedBox {
  return seal(wrappingKey, master.keyId, master.key, keyringAad(memberId));
}

/** Opens the wrapped key; SealError for the wrong passphrase. */
export function unwrapMasterKey(box: SealedBox, wrappingKey: Buffer, memberId: string): MasterKey {
  const key = open(wrappingKey, box, keyringAad(memberId));
  if (key.length !== KEY_BYTES) throw new SealError('The wrapped key is not a 256-bit key');
  return { keyId: box.keyId, key };
}

/** The keys used for items, each derived from the master key for one purpose. */
export class ItemKeys {
  private readonly sealing: Buffer;
  private readonly naming: Buffer;

  constructor(
    readonly master: MasterKey,
    readonly memberId: string,
  ) {
    this.sealing = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'ewsi-member-items-seal-v1', KEY_BYTES));
    this.naming = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'ewsi-member-items-id-v1', KEY_BYTES));
  }

  /** The item's id on the wire: HMAC-SHA-256 of kind and local id, 43 base64url characters that reveal neither. */
  itemId(kind: MemberItemKind, localId: string): string {
    return createHmac('sha256', this.naming).update(`${kind}\u0000${localId}`, 'utf8').digest('base64url');
  }

  /** Whether `itemId` is the id of (kind, localId): an item moved to another id does not pass. */
  isItemId(itemId: string, kind: MemberItemKind, localId: string): boolean {
    const expected = Buffer.from(this.itemId(kind, localId));
    const given = Buffer.from(itemId);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  seal(itemId: string, kind: MemberItemKind, plaintext: string): SealedBox {
    return seal(this.sealing, this.master.keyId, deflateRawSync(Buffer.from(plaintext, 'utf8')), itemAad(this.memberId, itemId, kind));
  }

  /** SealError when the box is not this member's item `itemId` of this kind, or was changed. */
  open(itemId: string, kind: MemberItemKind, box: SealedBox): string {
    if (box.keyId !== this.master.keyId) throw new SealError(`The item was sealed by another key (${box.keyId})`);
    const deflated = open(this.sealing, box, itemAad(this.memberId, itemId, kind));
    try {
      return inflateRawSync(deflated, { maxOutputLength: MAX_ITEM_PLAINTEXT }).toString('utf8');
    } catch {
      throw new SealError('The item does not inflate to at most 16 MiB of text');
    }
  }
}
