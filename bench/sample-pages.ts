// The sample corpus as feed pages, for a process that hands them to another
// (the search benchmark's 1 % sync, applied in its core process), as a sync
// receives them. sample-store.ts writes the same records into a core directly;
// it is kept as it is because the benchmarks' kept libraries are keyed by a
// hash of its source, and a new key would rebuild them (an hour at 100,000).
import { generateSampleCorpus } from '../server/sample/generate';
import type { Change, ChangesPage } from '../shared/portal-api';

const UPDATED_AT = new Date('2026-11-01T00:00:00Z').toISOString();

/**
 * The first `limit` records of the sample corpus with `documents` documents,
 * in pages of 1,000, numbering versions after `afterVersion`; `amend` changes
 * each record first. The same records, versions and dates as writeSampleCorpus.
 */
export function* sampleCorpusPages(
  documents: number,
  options: { afterVersion: number; limit: number; amend: (record: Record<string, unknown>) => Record<string, unknown> },
): Generator<ChangesPage> {
  let version = options.afterVersion;
  let records = 0;
  let changes: ChangesPage['changes'] = [];
  for (const item of generateSampleCorpus({ documents }).items()) {
    if (records === options.limit) break;
    records += 1;
    version += 1;
    const fields = item.fields as Record<string, unknown> & { id: string; countries?: string[]; themes?: string[] };
    const record = { ...fields, version, updatedAt: UPDATED_AT, countries: fields.countries ?? [], themes: fields.themes ?? [] };
    // Valid by construction, as in writeSampleCorpus.
    changes.push({ op: 'upsert', version, type: item.type, id: fields.id, updatedAt: UPDATED_AT, record: options.amend(record) } as Change);
    if (changes.length === 1000) {
      yield { changes, cursor: version, hasMore: false, latest: version };
      changes = [];
    }
  }
  if (changes.length) yield { changes, cursor: version, hasMore: false, latest: version };
}
