// Where attachment files live in the data folder: content-addressed by their
// SHA-256, at <dataDir>/attachments/<first two hex>/<sha256>. A file is put
// there only once verified (portal/attachments.ts), so a file at its path is
// complete and correct; the library reads it, exports bundle it.
import path from 'node:path';

export class AttachmentError extends Error {
  constructor(
    readonly sha256: string,
    message: string,
    /** True when trying again later may succeed (network, timeout, 5xx); the .part is kept for resuming. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AttachmentError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a verified attachment lives: <dataDir>/attachments/<first two hex>/<sha256>. */
export function attachmentPath(dataDir: string, sha256: string): string {
  // The hash becomes a path: checking it also rules out path traversal.
  if (!SHA256.test(sha256)) throw new AttachmentError(sha256, `"${sha256}" is not a lower-case hex SHA-256`, false);
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

