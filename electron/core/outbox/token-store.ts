// Where the member's session token is kept. The CLI and the harness keep it in
// a file readable by its owner only; the Electron app keeps it encrypted with a
// key that main protects with safeStorage (see docs/architecture/outbox.md, "Sign-in and
// the token").
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TokenProtection } from '../../../shared/outbox';

/** Keeps one secret string (the serialized session) and nothing else. */
export interface TokenStore {
  /** For humans: where the secret lives, e.g. "file /data/session-token (mode 0600)". */
  readonly description: string;
  /** What protects it at rest, as the interface tells the user. */
  readonly protection: TokenProtection;
  load(): string | null;
  save(secret: string): void;
  delete(): void;
}

export const TOKEN_FILE = 'session-token';
/** Member sync's unwrapped master key, kept exactly as the session token is (electron/core/member-sync/). */
export const MEMBER_KEY_FILE = 'member-sync-key';
export const ENCRYPTED_MEMBER_KEY_FILE = 'member-sync-key.enc';

/** A plain file named `session-token`, mode 0600, replaced atomically. */
export class FileTokenStore implements TokenStore {
  readonly file: string;
  readonly protection = 'owner-only-file';

  /** `fileName`: another secret kept the same way (member sync's key, MEMBER_KEY_FILE). */
  constructor(dataDir: string, fileName: string = TOKEN_FILE) {
    this.file = path.join(dataDir, fileName);
  }

  get description(): string {
    return `file ${this.file} (mode 0600)`;
  }

  load(): string | null {
    try {
      return fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  save(secret: string): void {
    writePrivateFile(this.file, Buffer.from(secret, 'utf8'));
  }

  delete(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/** Writes a file readable by its owner only: created 0600 (never readable by others, not even briefly), then renamed over the old one. */
function writePrivateFile(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes, { mode: 0o600, flag: 'w' });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

export const ENCRYPTED_TOKEN_FILE = 'session-token.enc';
const MAGIC = Buffer.from('EWSI-TOKEN-1');

/**
 * The session encrypted with AES-256-GCM under a key the host gives the core
 * (in the app: a random key that main keeps encrypted with Electron's
 * safeStorage, so the token at rest is only readable through the OS keychain;
 * `protection` says whether safeStorage really had one: on Linux without a
 * keyring its basic_text store uses a fixed password, and the user is told).
 * A file that does not decrypt (another key, tampering) reads as signed out.
 * A plain `session-token` left by an earlier version is encrypted on first read.
 */
export class EncryptedFileTokenStore implements TokenStore {
  readonly file: string;
  private readonly plainFile: string;

  constructor(
    dataDir: string,
    private readonly key: Buffer,
    readonly protection: Exclude<TokenProtection, 'owner-only-file'> = 'keychain',
    files: { encrypted: string; plain: string } = { encrypted: ENCRYPTED_TOKEN_FILE, plain: TOKEN_FILE },
  ) {
    if (key.length !== 32) throw new Error('The session key must be 32 bytes');
    this.file = path.join(dataDir, files.encrypted);
    this.plainFile = path.join(dataDir, files.plain);
  }

  get description(): string {
    return this.protection === 'keychain'
      ? `file ${this.file} (encrypted; its key is protected by the operating system's keychain)`
      : `file ${this.file} (encrypted, but its key is not protected by a keychain: no keyring was found, so Electron's safeStorage used its basic_text store)`;
  }

  load(): string | null {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return this.adoptPlainFile();
    }
    const header = MAGIC.length;
    if (bytes.length < header + 28 || !bytes.subarray(0, header).equals(MAGIC)) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(header, header + 12));
      decipher.setAuthTag(bytes.subarray(header + 12, header + 28));
      return Buffer.concat([decipher.update(bytes.subarray(header + 28)), decipher.final()]).toString('utf8');
    } catch {
      return null; // Another key or a changed file: signed out, and the next sign-in replaces it.
    }
  }

  save(secret: string): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    writePrivateFile(this.file, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), sealed]));
  }

  delete(): void {
    fs.rmSync(this.file, { force: true });
    fs.rmSync(this.plainFile, { force: true });
  }

  private adoptPlainFile(): string | null {
    const plain = new FileTokenStore(path.dirname(this.file), path.basename(this.plainFile)).load();
    if (plain === null) return null;
    this.save(plain);
    fs.rmSync(this.plainFile, { force: true });
    return plain;
  }
}
