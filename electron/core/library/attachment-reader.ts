// attachments.read: bytes of a downloaded attachment for the reader, whole or
// by range. Files are addressed by their SHA-256 only, which the contract and
// attachmentPath both check, so no argument can name a path outside the
// attachments folder.
import type Database from 'better-sqlite3';
import fsp from 'node:fs/promises';
import { ContractError } from '../../../shared/contract';
import { MAX_ATTACHMENT_CHUNK, type AttachmentContent } from '../../../shared/library';
import { attachmentPath } from '../attachments/attachment-files';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export class AttachmentReader {
  private readonly known: Database.Statement<[string], { file_name: string; mime_type: string; size: number; present: number }>;
  private readonly markMissing: Database.Statement<[string]>;

  constructor(
    sqlite: Database.Database,
    private readonly dataDir: string,
  ) {
    // Only attachments some synced record still references: an orphaned file is not the library's.
    this.known = sqlite.prepare(
      'SELECT file_name, mime_type, size, present FROM attachments a WHERE sha256 = ? AND EXISTS (SELECT 1 FROM record_attachments r WHERE r.sha256 = a.sha256)',
    );
    this.markMissing = sqlite.prepare('UPDATE attachments SET present = 0 WHERE sha256 = ?');
  }

  async read(request: { sha256: string; offset: number; length?: number }): Promise<AttachmentContent> {
    const { sha256, offset } = request;
    const row = this.known.get(sha256);
    if (!row) throw new ContractError('not_found', `No attachment ${sha256} in the local library`);
    if (row.present !== 1) throw new ContractError('not_found', `Attachment "${row.file_name}" is not downloaded yet: it arrives with the next sync when the attachment policy allows it`);
    if (offset > row.size) throw new ContractError('invalid_arguments', `Offset ${offset} is past the end of "${row.file_name}" (${row.size} bytes)`);
    const length = request.length ?? row.size - offset;
    if (length > MAX_ATTACHMENT_CHUNK) {
      throw new ContractError('invalid_arguments', `"${row.file_name}" is ${megabytes(row.size)}: read it in ranges of at most ${megabytes(MAX_ATTACHMENT_CHUNK)} (offset and length)`);
    }
    const file = await fsp.open(attachmentPath(this.dataDir, sha256), 'r').catch((error: NodeJS.ErrnoException) => {
      this.markMissing.run(sha256); // So that the next sync fetches it again.
      throw new ContractError('not_found', `Attachment "${row.file_name}" is missing from the data folder (${error.code ?? error.message}); the next sync downloads it again`);
    });
    try {
      const { size } = await file.stat();
      if (size !== row.size) throw new ContractError('failed', `Attachment "${row.file_name}" on disk has ${size} bytes, not the ${row.size} it should have`);
      const buffer = Buffer.alloc(Math.min(length, row.size - offset));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      return { sha256, fileName: row.file_name, mediaType: row.mime_type, size: row.size, offset, base64: buffer.subarray(0, bytesRead).toString('base64') };
    } finally {
      await file.close();
    }
  }
}
