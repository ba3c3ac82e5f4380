// Stands in for Electron's safeStorage, the one boundary the tests cannot
// reach without the Electron runtime: a reversible scrambling that is clearly
// not the plain text, and the Linux store name safeStorage would report
// (`gnome_libsecret` with a keyring, `basic_text` without one).
import type { SafeStorageLike } from '../../electron/main/session-key';

export class FakeSafeStorageForTests implements SafeStorageLike {
  calls = 0;

  constructor(
    private readonly available = true,
    private readonly backend: 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown' = 'gnome_libsecret',
  ) {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  getSelectedStorageBackend(): string {
    return this.backend;
  }

  encryptString(plainText: string): Buffer {
    this.calls += 1;
    return Buffer.concat([Buffer.from('FAKE:'), mask(Buffer.from(plainText, 'utf8'))]);
  }

  decryptString(encrypted: Buffer): string {
    this.calls += 1;
    if (!encrypted.subarray(0, 5).equals(Buffer.from('FAKE:'))) throw new Error('not ours');
    return mask(encrypted.subarray(5)).toString('utf8');
  }
}

const mask = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
