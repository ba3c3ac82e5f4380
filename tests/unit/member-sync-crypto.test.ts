// Member sync's cryptography (Node's crypto): the stated scrypt parameters, a
// wrong passphrase failing the GCM check, and items bound to their member, id
// and kind so that a box moved anywhere else does not open.
import { describe, expect, it } from 'vitest';
import { memberKeyring, passphraseKdf, sealedBox } from '../../shared/member-items';
import { deriveWrappingKey, ItemKeys, newKdf, newMasterKey, PASSPHRASE_KDF_COST, SealError, TEST_KDF_COST, unwrapMasterKey, wrapMasterKey } from '../../electron/core/member-sync/crypto';

describe('member sync cryptography', () => {
  it('derives with scrypt N=2^17, r=8, p=1 and a fresh 128-bit salt unless a test asks for the lowest cost', () => {
    const kdf = newKdf();
    expect(kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(PASSPHRASE_KDF_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(16);
    expect(newKdf().salt).not.toBe(kdf.salt);
    expect(passphraseKdf.parse(kdf)).toEqual(kdf);
    expect(passphraseKdf.safeParse(newKdf(TEST_KDF_COST)).success).toBe(true);
  });

  it('wraps the master key so that only the passphrase (and the member) opens it', async () => {
    const kdf = newKdf(TEST_KDF_COST);
    const master = newMasterKey();
    expect(master.key).toHaveLength(32);
    const box = wrapMasterKey(master, await deriveWrappingKey('correct passphrase', kdf), 'member-1');
    expect(memberKeyring.safeParse({ version: 1, kdf, wrappedKey: box, updatedAt: new Date().toISOString() }).success).toBe(true);
    expect(Buffer.from(box.iv, 'base64')).toHaveLength(12);
    expect(unwrapMasterKey(box, await deriveWrappingKey('correct passphrase', kdf), 'member-1').key.equals(master.key)).toBe(true);
    expect(() => unwrapMasterKey(box, Buffer.alloc(32, 1), 'member-1')).toThrow(SealError);
    const wrongKey = await deriveWrappingKey('correct passphrasE', kdf);
    expect(() => unwrapMasterKey(box, wrongKey, 'member-1')).toThrow(SealError);
    // The same keyring shown to another member's account does not open either.
    const rightKey = await deriveWrappingKey('correct passphrase', kdf);
    expect(() => unwrapMasterKey(box, rightKey, 'member-2')).toThrow(SealError);
  });

  it('seals each item with a fresh IV, bound to member, item id and kind; ids are keyed hashes', () => {
    const master = newMasterKey();
    const keys = new ItemKeys(master, 'member-1');
    const id = keys.itemId('annotation', 'local-annotation-1');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('local');
    expect(new ItemKeys(newMasterKey(), 'member-1').itemId('annotation', 'local-annotation-1')).not.toBe(id);
    expect(keys.isItemId(id, 'annotation', 'local-annotation-1')).toBe(true);
    expect(keys.isItemId(id, 'collection', 'local-annotation-1')).toBe(false);

    const box = keys.seal(id, 'annotation', '{"note":"secret note"}');
    expect(sealedBox.safeParse(box).success).toBe(true);
    expect(keys.seal(id, 'annotation', '{"note":"secret note"}').iv).not.toBe(box.iv);
    expect(Buffer.from(box.ciphertext, 'base64').toString('latin1')).not.toContain('secret');
    expect(keys.open(id, 'annotation', box)).toBe('{"note":"secret note"}');
    const otherId = keys.itemId('annotation', 'local-annotation-2');
    expect(() => keys.open(otherId, 'annotation', box)).toThrow(SealError);
    expect(() => keys.open(id, 'collection', box)).toThrow(SealError);
    expect(() => new ItemKeys(master, 'member-2').open(id, 'annotation', box)).toThrow(SealError);
    const flipped = Buffer.from(box.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => keys.open(id, 'annotation', { ...box, ciphertext: flipped.toString('base64') })).toThrow(SealError);
  });
});
