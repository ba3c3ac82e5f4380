// Where the member's session token is kept. The CLI and the harness keep it in
// a file readable by its owner only; the Electron app is meant to keep it
// encrypted with safeStorage (see ARCHITECTURE.md, "Sign-in and the token").
import fs from 'node:fs';
import path from 'node:path';

/** Keeps one secret string (the serialized session) and nothing else. */
export interface TokenStore {
  /** For humans: where the secret lives, e.g. "file /data/session-token (mode 0600)". */
  readonly description: string;
  load(): string | null;
  save(secret: string): void;
  delete(): void;
}

export const TOKEN_FILE = 'session-token';

/** A plain file named `session-token`, mode 0600, replaced atomically. */
export class FileTokenStore implements TokenStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, TOKEN_FILE);
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
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    // Created with 0600 from the start (never readable by others, not even briefly), then renamed over the old one.
    fs.writeFileSync(temp, secret, { mode: 0o600, flag: 'w' });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, this.file);
  }

  delete(): void {
    fs.rmSync(this.file, { force: true });
  }
}
