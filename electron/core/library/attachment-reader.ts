// attachments.read: bytes of a downloaded attachment for the reader, whole or
// by range. Files are addressed by their SHA-256 only, which the contract and
// attachmentPath both check, so no argument can name a path outside the
// attachments folder.
import fsp from 'node:fs/promises';
import { ContractError, type ParsedArgs } from '../../../shared/contract';
import { MAX_ATTACHMENT_CHUNK, type AttachmentContent } from '../../../shared/library';
import type { CorpusAttachments } from '../db/corpus/attachments';
import { attachmentPath } from '../attachments/attachment-files';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export class AttachmentReader {
  constructor(
    private readonly attachments: CorpusAttachments,
    private readonly dataDir: string,
  ) {}

  async read(request: ParsedArgs<'attachments.read'>): Promise<AttachmentContent> {
    const { sha256, offset } = request;
    // Only attachments some synced record still references: an orphaned file is not the library's.
    const attachment = this.attachments.known(sha256);
    if (!attachment) throw new ContractError('not_found', `No attachment ${sha256} in the local library`);
    if (!attachment.present) throw new ContractError('not_found', `Attachment "${attachment.fileName}" is not downloaded yet: it arrives with the next sync when the attachment policy allows it`);
    if (offset > attachment.size) throw new ContractError('invalid_arguments', `Offset ${offset} is past the end of "${attachment.fileName}" (${attachment.size} bytes)`);
    const length = request.length ?? attachment.size - offset;
    if (length > MAX_ATTACHMENT_CHUNK) {
      throw new ContractError('invalid_arguments', `"${attachment.fileName}" is ${megabytes(attachment.size)}: read it in ranges of at most ${megabytes(MAX_ATTACHMENT_CHUNK)} (offset and length)`);
    }
    const file = await fsp.open(attachmentPath(this.dataDir, sha256), 'r').catch((error: NodeJS.ErrnoException) => {
      this.attachments.markMissing(sha256); // So that the next sync fetches it again.
      throw new ContractError('not_found', `Attachment "${attachment.fileName}" is missing from the data folder (${error.code ?? error.message}); the next sync downloads it again`);
    });
    try {
      const { size } = await file.stat();
      if (size !== attachment.size) throw new ContractError('failed', `Attachment "${attachment.fileName}" on disk has ${size} bytes, not the ${attachment.size} it should have`);
      const buffer = Buffer.alloc(Math.min(length, attachment.size - offset));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      return { sha256, fileName: attachment.fileName, mediaType: attachment.mimeType, size: attachment.size, offset, base64: buffer.subarray(0, bytesRead).toString('base64') };
    } finally {
      await file.close();
    }
  }
}
