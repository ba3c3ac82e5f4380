// An attachment's bytes, read from the core (attachments.read) in the chunks the contract allows.
import type { EwsiApi } from '../../../../shared/contract';
import { MAX_ATTACHMENT_CHUNK, type AttachmentInfo } from '../../../../shared/library';

/** The whole file, read in chunks the contract allows, decoded from base64. */
export async function readAttachment(api: EwsiApi, attachment: AttachmentInfo): Promise<Uint8Array> {
  const bytes = new Uint8Array(attachment.size);
  let offset = 0;
  while (offset < attachment.size) {
    const length = Math.min(MAX_ATTACHMENT_CHUNK, attachment.size - offset);
    const chunk = await api['attachments.read']({ sha256: attachment.sha256, offset, length });
    const binary = atob(chunk.base64);
    if (binary.length === 0) break;
    for (let i = 0; i < binary.length; i += 1) bytes[offset + i] = binary.charCodeAt(i);
    offset += binary.length;
  }
  return offset === attachment.size ? bytes : bytes.subarray(0, offset);
}
