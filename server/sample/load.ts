import type { AttachmentStore } from '../attachments';
import type { ContentStore, WriteOp, Written } from '../content/store';
import { generateSampleCorpus } from './generate';

/** Items per transaction: large enough to be fast, small enough to keep memory flat. */
const BATCH = 1000;

/**
 * Publishes the generated sample corpus through the ordinary write path, in
 * the corpus's publication order: every record, then the later versions of
 * legislation as they took effect, so the change feed carries each version
 * in turn. A batch never holds one record twice (PostgreSQL refuses to
 * upsert a row twice in one statement), so every version is its own change.
 */
export async function loadSampleCorpus(
  content: ContentStore,
  attachments: AttachmentStore,
  options: {
    documents: number;
    seed?: number;
    onProgress?: (written: number, total: number) => void;
    /** Called with each committed batch: what the change feed served at that moment. */
    onWritten?: (written: readonly Written[]) => void;
  },
): Promise<{ records: number; versions: number }> {
  const corpus = generateSampleCorpus({ documents: options.documents, seed: options.seed });
  const records = Object.values(corpus.counts).reduce((sum, count) => sum + count, 0);
  let batch: WriteOp[] = [];
  let inBatch = new Set<string>();
  let writes = 0;
  let versions = 0;
  const flush = async () => {
    if (!batch.length) return;
    const written = await content.write(batch);
    writes += written.length;
    options.onWritten?.(written);
    batch = [];
    inBatch = new Set();
    options.onProgress?.(Math.min(writes, records), records);
  };
  for (const item of corpus.publications()) {
    const key = `${item.type}/${(item.fields as { id: string }).id}`;
    if (inBatch.has(key)) await flush();
    for (const file of item.files ?? []) await attachments.put(file.bytes, file.fileName, file.mimeType);
    batch.push({ op: 'upsert', type: item.type, fields: item.fields });
    inBatch.add(key);
    versions += 1;
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return { records, versions };
}
