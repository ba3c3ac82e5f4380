// Fills a core's store with the sample corpus through the sync's own page
// writer (index maintenance included), without the network: what a full sync
// writes, minus the transfer.
import { performance } from 'node:perf_hooks';
import type { Core } from '../electron/core/core';
import { generateSampleCorpus, type SampleAttachment } from '../server/sample/generate';
import type { Change, ChangesPage } from '../shared/portal-api';

const UPDATED_AT = new Date('2026-11-01T00:00:00Z').toISOString();

export interface SampleWrite {
  /** Records written. */
  records: number;
  /** The feed version of the last record written. */
  version: number;
  seconds: number;
}

/**
 * Writes the first `limit` records (all by default) of the sample corpus with
 * `documents` documents, in pages of 1,000, numbering versions after
 * `afterVersion`; `amend` changes each record before it is written.
 */
export function writeSampleCorpus(
  core: Core,
  documents: number,
  options: {
    afterVersion?: number;
    limit?: number;
    amend?: (record: Record<string, unknown>) => Record<string, unknown>;
    /** Receives each document's files as they are generated (the search benchmark stores them as if downloaded). */
    onFiles?: (files: SampleAttachment[]) => void;
  } = {},
): SampleWrite {
  let version = options.afterVersion ?? 0;
  let records = 0;
  let changes: ChangesPage['changes'] = [];
  const flush = () => {
    core.sync.writer.applyPage({ changes, cursor: version, hasMore: false, latest: version }, 'http://bench.invalid');
    changes = [];
  };
  const started = performance.now();
  for (const item of generateSampleCorpus({ documents }).items()) {
    if (records === options.limit) break;
    records += 1;
    if (item.files?.length) options.onFiles?.(item.files);
    version += 1;
    const fields = item.fields as Record<string, unknown> & { id: string; countries?: string[]; themes?: string[] };
    const record = { ...fields, version, updatedAt: UPDATED_AT, countries: fields.countries ?? [], themes: fields.themes ?? [] };
    // The sample corpus is valid by construction: the page skips parseChangesPage so that only the writes are timed.
    changes.push({ op: 'upsert', version, type: item.type, id: fields.id, updatedAt: UPDATED_AT, record: options.amend ? options.amend(record) : record } as Change);
    if (changes.length === 1000) flush();
  }
  if (changes.length) flush();
  return { records, version, seconds: (performance.now() - started) / 1000 };
}
