import type { AttachmentStore } from '../attachments';
import type { ContentStore, WriteOp } from '../content/store';
import { generateSampleCorpus } from './generate';

/** Items per transaction: large enough to be fast, small enough to keep memory flat. */
const BATCH = 1000;

/** Publishes the generated sample corpus through the ordinary write path. */
export async function loadSampleCorpus(
  content: ContentStore,
  attachments: AttachmentStore,
  options: { documents: number; seed?: number; onProgress?: (written: number, total: number) => void },
): Promise<{ records: number }> {
  const corpus = generateSampleCorpus({ documents: options.documents, seed: options.seed });
  for (const attachment of corpus.attachments) await attachments.put(attachment.bytes, attachment.fileName, attachment.mimeType);
  const total = Object.values(corpus.counts).reduce((sum, count) => sum + count, 0);
  let batch: WriteOp[] = [];
  let written = 0;
  for (const item of corpus.items()) {
    batch.push({ op: 'upsert', type: item.type, fields: item.fields });
    if (batch.length === BATCH) {
      written += (await content.write(batch)).length;
      batch = [];
      options.onProgress?.(written, total);
    }
  }
  if (batch.length) written += (await content.write(batch)).length;
  options.onProgress?.(written, total);
  return { records: written };
}
