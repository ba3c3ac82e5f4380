// The key the core encrypts the member's session token with. Electron's
// safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet) exists only
// in the main process, and the core runs in a utility process whose token store
// must answer synchronously; so main keeps one random key, encrypted with
// safeStorage in the data folder, and hands it to the core when it starts it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TokenProtection } from '../../shared/outbox';

/** The part of Electron's safeStorage this needs (the real one in the app, a fake at that boundary in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which store safeStorage uses (`basic_text` when no keyring answered, `unknown` before ready). */
  getSelectedStorageBackend(): string;
}

/** The Linux stores that are a keyring; anything else (basic_text, unknown) protects nothing. */
const KEYRING_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * What safeStorage's encryption is worth here. On Linux without a keyring
 * (no GNOME Keyring, no KWallet, an unknown desktop) Electron falls back to its
 * `basic_text` store, whose password is built into Chromium: the key file is
 * then as readable as a plain one, and the user is told so.
 */
export function tokenProtectionOf(safeStorage: SafeStorageLike, platform: string): TokenProtection {
  if (!safeStorage.isEncryptionAvailable()) return 'owner-only-file';
  if (platform === 'linux' && !KEYRING_BACKENDS.has(safeStorage.getSelectedStorageBackend())) return 'basic-text';
  return 'keychain';
}

export const SESSION_KEY_FILE = 'session-key.safestorage';

/**
 * The 32-byte session key: read from the data folder and decrypted with
 * safeStorage, or made and stored there on first use. Undefined when the OS
 * offers no encryption (the core then keeps the token in its 0600 file).
 */
export function sessionKey(dataDir: string, safeStorage: SafeStorageLike): Buffer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const file = path.join(dataDir, SESSION_KEY_FILE);
  try {
    const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
    if (key.length === 32) return key;
  } catch {
    // Missing, or no longer decryptable (another OS account or keychain): a new key; the member signs in again.
  }
  const key = randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
  fs.renameSync(temp, file);
  return key;
}

/** The session key and what protects it, as main hands them to the core; undefined without encryption (a 0600 file then). */
export function sessionKeyAndProtection(dataDir: string, safeStorage: SafeStorageLike, platform: string): { key: Buffer; protection: Exclude<TokenProtection, 'owner-only-file'> } | undefined {
  const protection = tokenProtectionOf(safeStorage, platform);
  const key = sessionKey(dataDir, safeStorage);
  if (!key || protection === 'owner-only-file') return undefined;
  return { key, protection };
}
