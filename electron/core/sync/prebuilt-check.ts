// The check of a prebuilt corpus's content, once its structure has passed
// (db/prebuilt-corpus.ts). Every record is validated as a feed page's would be
// (parseChangesPage: its type's schema, its id: the app reads stored records
// without validating them again), and its list and filter columns, attachment
// references, a sheet's section marks and its kept current version are derived
// again and compared with what the file stores. The costly derivations, its
// JSON as the writer writes it and its search index text, are recomputed for a
// sample the client draws at random (all of them on request); FTS5's inverted
// index is not rebuilt (the tokenizing this path exists to save: its own
// integrity-check costs as much as building it). So a portal could make a
// record turn up for a word its text lacks, or a few records' index text
// differ unseen, but never make a record say what its schema refuses (sync.md,
// "Trust").
import { randomInt } from 'node:crypto';
import { attachmentsOf } from '../../../shared/content';
import { keepsHistory } from '../../../shared/history';
import { InvalidPageError, parseChangesPage, type UpsertChange } from '../../../shared/portal-api';
import { deriveIndexedRecord, deriveRecordColumns } from '../corpus/indexed-record';
import { InvalidPrebuiltCorpusError, PREBUILT_SYNC_KEYS, prebuiltCorpusRows, type PrebuiltReader, type PrebuiltRecordRow } from '../db/prebuilt-corpus';

/** Records validated per parseChangesPage call. */
const BATCH = 500;

const refuse = (message: string): never => {
  throw new InvalidPrebuiltCorpusError(message);
};

export interface PrebuiltExpectation {
  version: number;
  records: number;
  /** Also run FTS5's integrity-check (as costly as building the index: off in a normal sync). */
  ftsIntegrity?: boolean;
  /** Records whose JSON and index text are derived again and compared (drawn at random); default 1,000, Infinity for all. */
  sample?: number;
}

/** Records whose costly derivations are checked in a normal sync: a systematic difference shows in any sample. */
export const DERIVATION_SAMPLE = 1000;

/**
 * Checks the opened prebuilt corpus `store`; throws InvalidPrebuiltCorpusError naming the first difference.
 * Returns how many records were stored with less than their full derivation (each listed in record_problems).
 */
export function checkPrebuiltRecords(store: PrebuiltReader, expected: PrebuiltExpectation): { problems: number } {
  const rows = prebuiltCorpusRows(store);
  const state = rows.syncState();
  const keys = state.map((row) => row.key).join(', ');
  if (keys !== [...PREBUILT_SYNC_KEYS].sort().join(', ')) refuse(`The corpus file's sync state holds ${keys || 'nothing'}, not only where it stands`);
  for (const row of state) if (row.value !== String(expected.version)) refuse(`The corpus file stands at ${row.key} ${row.value}, the portal announced version ${expected.version}`);
  const counts = rows.counts();
  if (counts.records !== expected.records) refuse(`The corpus file holds ${counts.records} records, the portal announced ${expected.records}`);
  if (counts.index !== counts.records || rows.unindexed() > 0) refuse(`The corpus file's search index entries (${counts.index}) are not one for each of its ${counts.records} records`);
  const sampled = drawSample(counts.records, expected.sample ?? DERIVATION_SAMPLE);
  let position = 0;
  if (counts.attachmentText + counts.attachmentPages + counts.present > 0) refuse('The corpus file claims attachments are on this computer or their text extracted');

  const references = new Set<string>();
  const attachments = new Map<string, string>();
  const sections = new Set<string>();
  const currentVersions = new Set<string>();
  const problems = new Set<string>();
  let batch: PrebuiltRecordRow[] = [];
  const flush = () => {
    let page;
    try {
      page = parseChangesPage({
        changes: batch.map((row) => ({ op: 'upsert', type: row.type, id: row.id, version: row.version, updatedAt: row.updated_at, record: parseData(row) })),
        cursor: expected.version,
        hasMore: false,
        latest: expected.version,
      });
    } catch (error) {
      if (error instanceof InvalidPageError) refuse(`The corpus file holds an invalid record: ${error.message.replace(/ in change \d+/, '')}`);
      throw error;
    }
    page.changes.forEach((change, at) => {
      if (change.op !== 'upsert') return;
      const row = batch[at]!;
      if (checkDerivations(rows, row, change, sampled.has(position))) problems.add(`${change.type}/${change.id}`);
      position += 1;
      for (const file of attachmentsOf(change)) {
        references.add(`${change.type}/${change.id}/${file.sha256}`);
        attachments.set(file.sha256, JSON.stringify([file.sha256, file.size, file.mimeType, file.fileName]));
      }
      if (change.type === 'country-sheet') for (const section of change.record.sections) sections.add(JSON.stringify([change.id, section.key, change.record.version, null, null]));
      if (keepsHistory(change.type, change.record)) currentVersions.add(`${change.type}/${change.id}/${change.record.version}`);
    });
    batch = [];
  };
  for (const row of rows.records()) {
    if (row.version > expected.version) refuse(`The corpus file holds ${row.type} ${row.id} at version ${row.version}, after its own version ${expected.version}`);
    batch.push(row);
    if (batch.length === BATCH) flush();
  }
  flush();

  // What the writer derives from the records, in their tables: exactly that, nothing more.
  const sameSet = (what: string, stored: string[], derived: Set<string>) => {
    if (stored.length !== derived.size || stored.some((entry) => !derived.has(entry))) refuse(`The corpus file's ${what} are not the ones its records make`);
  };
  sameSet('attachment references', rows.references().map((ref) => `${ref.type}/${ref.id}/${ref.sha256}`), references);
  sameSet('attachments', rows.attachments().map((file) => JSON.stringify([file.sha256, file.size, file.mime_type, file.file_name])), new Set(attachments.values()));
  sameSet('country-sheet section marks', rows.sections().map((row) => JSON.stringify([row.sheet_id, row.section, row.changed_version, row.previous_title, row.previous_body])), sections);
  // Every problem derived is listed (an unsampled record's index text was not derived, so its listing is taken as it is).
  const listed = new Set(rows.problems().map((row) => `${row.type}/${row.id}`));
  for (const problem of problems) if (!listed.has(problem)) refuse(`The corpus file does not list the problem of ${problem.replace('/', ' ')}`);
  checkCurrentVersionsKept(rows, currentVersions);
  if (expected.ftsIntegrity) rows.ftsIntegrity();
  return { problems: problems.size };
}

function parseData(row: PrebuiltRecordRow): unknown {
  try {
    return JSON.parse(row.data);
  } catch {
    return refuse(`The corpus file's ${row.type} ${row.id} is not JSON`);
  }
}

/** `size` positions of `count` drawn at random (all when size ≥ count). */
function drawSample(count: number, size: number): { has(position: number): boolean } {
  if (size >= count) return { has: () => true };
  const positions = new Set<number>();
  while (positions.size < size) positions.add(randomInt(count));
  return positions;
}

const COLUMNS = ['type', 'id', 'version', 'updated_at', 'title', 'language', 'countries', 'themes', 'kind', 'parent_id', 'date'] as const;

/**
 * The row the corpus writer would have written for this record, and for a sampled one its JSON and index entry too;
 * true when its derivation had problems (for an unsampled record, its facets').
 */
function checkDerivations(rows: ReturnType<typeof prebuiltCorpusRows>, row: PrebuiltRecordRow, change: UpsertChange, sampled: boolean): boolean {
  if (!sampled) {
    const { columns, problems } = deriveRecordColumns(change);
    const differs = COLUMNS.find((column) => columns[column] !== row[column]);
    if (differs) refuse(`The corpus file's ${row.type} ${row.id} stores a ${differs} its record does not give`);
    return problems.length > 0;
  }
  const { indexed, problems } = deriveIndexedRecord(change);
  const differs = [...COLUMNS, 'data' as const].find((column) => indexed.row[column] !== row[column]);
  if (differs) refuse(`The corpus file's ${row.type} ${row.id} stores a ${differs} its record does not give`);
  const entry = rows.indexEntry(row.rowid);
  if (entry?.title !== indexed.text.title || entry.summary !== indexed.text.summary || entry.body !== indexed.text.body) {
    refuse(`The corpus file's search index entry of ${row.type} ${row.id} is not its record's text`);
  }
  return problems.length > 0;
}

/** Each record's current version is kept (its blocks are checked with the file's structure: db/prebuilt-corpus.ts). */
function checkCurrentVersionsKept(rows: ReturnType<typeof prebuiltCorpusRows>, currentVersions: Set<string>): void {
  const kept = new Set(rows.versions().map((row) => `${row.type}/${row.id}/${row.version}`));
  for (const current of currentVersions) if (!kept.has(current)) refuse(`The corpus file does not keep the current version of ${current.split('/').slice(0, 2).join(' ')}`);
}
