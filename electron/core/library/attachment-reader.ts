// attachments.read: bytes of a downloaded attachment for the reader, whole or
// by range; attachments.viewerCopy: a PDF copied, its hash checked, under its
// own file name for the system's viewer. Files are addressed by their SHA-256
// only, which the contract and attachmentPath both check, so no argument can
// name a path outside the attachments folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContractError, type ParsedArgs } from '../../../shared/contract';
import { MAX_ATTACHMENT_CHUNK, type AttachmentContent, type AttachmentViewerCopy } from '../../../shared/library';
import type { CorpusAttachments } from '../db/corpus/attachments';
import { attachmentPath } from '../attachments/attachment-files';

/** The folder of the data folder that holds the copies handed to the system's viewer, one folder per attachment. */
export const VIEWER_COPIES_FOLDER = 'viewer';

/** A system viewer picks its program by the extension: a PDF's copy always ends in .pdf. */
const pdfFileName = (fileName: string) => (/\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`);

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

  /**
   * Copies a downloaded PDF to <dataDir>/viewer/<sha256>/<its file name>, hashing
   * the bytes on the way: the system's viewer opens exactly the file the portal
   * published. Only PDFs: handing any other file to the system could start a program.
   */
  async viewerCopy(sha256: string): Promise<AttachmentViewerCopy> {
    const attachment = this.attachments.known(sha256);
    if (!attachment) throw new ContractError('not_found', `No attachment ${sha256} in the local library`);
    if (attachment.mimeType !== 'application/pdf') throw new ContractError('invalid_arguments', `"${attachment.fileName}" is not a PDF: only PDFs are opened with the system's viewer`);
    if (!attachment.present) throw new ContractError('not_found', `Attachment "${attachment.fileName}" is not downloaded yet: it arrives with the next sync when the attachment policy allows it`);
    const fileName = pdfFileName(attachment.fileName);
    const folder = path.join(this.dataDir, VIEWER_COPIES_FOLDER, sha256);
    const target = path.join(folder, fileName);
    await fsp.mkdir(folder, { recursive: true });
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(fs.createReadStream(attachmentPath(this.dataDir, sha256)), hashing, fs.createWriteStream(target));
    } catch (error) {
      await fsp.rm(target, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.attachments.markMissing(sha256);
        throw new ContractError('not_found', `Attachment "${attachment.fileName}" is missing from the data folder; the next sync downloads it again`);
      }
      throw new ContractError('failed', `Could not copy "${attachment.fileName}" for the system's viewer: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (hash.digest('hex') !== sha256) {
      await fsp.rm(target, { force: true });
      // Damaged on disk: removed, so that the next sync downloads it again instead of trusting it.
      await fsp.rm(attachmentPath(this.dataDir, sha256), { force: true });
      this.attachments.markMissing(sha256);
      throw new ContractError('failed', `Attachment "${attachment.fileName}" on disk is not the file the portal published (its SHA-256 differs); the next sync downloads it again`);
    }
    return { path: target, fileName };
  }
}
