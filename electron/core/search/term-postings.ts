// Per-term postings read out of the FTS5 index, so BM25 over a query that
// matches most of the corpus can be computed in a few milliseconds instead of
// FTS5's ~2 µs per matching row. Frequent terms keep their postings in memory
// (built in the background after a sync, then kept in step change by change);
// rare terms are read from FTS5 when a query needs them. Every number here is
// the one FTS5's own bm25() uses: the same term frequencies (column-weighted),
// row lengths, row count and average length, so scores are FTS5's (up to the
// last bit of a logarithm: JavaScript's Math.log and C's log() may round apart).
import type { SearchQueries } from '../db/corpus/search-queries';
import { BoundedCache } from './bounded-cache';

/**
 * Column-weighted hit counts. With whole-number column weights (the index's
 * are 10, 4, 1) they are whole numbers, almost always below 65,536: then
 * 16 bits hold them exactly (13 million postings at 100,000 documents).
 */
export type Frequencies = Uint16Array | Float32Array;

/** A term's matches: rowids ascending, with the column-weighted count of its hits in each. */
export interface Postings {
  rowids: Int32Array;
  frequencies: Frequencies;
}

/** The smallest exact array for these counts. */
export function compactFrequencies(values: Float32Array): Frequencies {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (value > 65535 || !Number.isInteger(value)) return values;
  }
  return Uint16Array.from(values);
}

const fits = (frequencies: Frequencies, value: number): boolean => !(frequencies instanceof Uint16Array) || (Number.isInteger(value) && value >= 0 && value <= 65535);

export const EMPTY_POSTINGS: Postings = { rowids: new Int32Array(0), frequencies: new Float32Array(0) };

/** Reads an SQLite/FTS5 varint at `offset`: the value and the offset after it. */
export function readVarint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i += 1) {
    const byte = bytes[offset + i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, offset + i + 1];
  }
  return [value * 256 + bytes[offset + 8]!, offset + 9];
}

/** Column weights from the index's configured rank function, e.g. `bm25(10.0, 4.0, 1.0)`. */
export function configuredWeights(rank: string | undefined, columns: number): number[] {
  const given = /^bm25\(([^)]*)\)$/.exec(rank?.trim() ?? '')?.[1]?.split(',').map(Number) ?? [];
  return Array.from({ length: columns }, (_, column) => (Number.isFinite(given[column]) ? given[column]! : 1));
}

/**
 * Parses `group_concat(doc || <column letter>, ',')` of an fts5vocab instance
 * table (one entry per hit, in rowid order) into postings.
 */
export function parseHits(text: string | null, weightOfLetter: Record<number, number>): Postings {
  if (!text) return EMPTY_POSTINGS;
  let entries = 1;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 44) entries += 1;
  const rowids = new Int32Array(entries);
  const frequencies = new Float32Array(entries);
  let count = 0;
  let rowid = 0;
  let previous = -1;
  let ordered = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      rowid = rowid * 10 + (code - 48);
    } else if (code === 44) {
      rowid = 0;
    } else {
      if (rowid !== previous) {
        if (rowid < previous) ordered = false;
        rowids[count] = rowid;
        frequencies[count] = 0;
        count += 1;
        previous = rowid;
      }
      frequencies[count - 1]! += weightOfLetter[code] ?? 1;
    }
  }
  const postings = { rowids: rowids.slice(0, count), frequencies: compactFrequencies(frequencies.subarray(0, count)) };
  return ordered ? postings : normalise(postings);
}

/** Sorts postings by rowid and sums duplicate rowids (only needed if a scan ever comes back unordered). */
function normalise(postings: Postings): Postings {
  const byRowid = new Map<number, number>();
  postings.rowids.forEach((rowid, i) => byRowid.set(rowid, (byRowid.get(rowid) ?? 0) + postings.frequencies[i]!));
  const rowids = Int32Array.from([...byRowid.keys()].sort((a, b) => a - b));
  return { rowids, frequencies: compactFrequencies(Float32Array.from(rowids, (rowid) => byRowid.get(rowid)!)) };
}

/** The sorted terms that start with `prefix` (a contiguous range of a sorted array). */
export function termsWithPrefix(sortedTerms: string[], prefix: string): string[] {
  let low = 0;
  let high = sortedTerms.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sortedTerms[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const out: string[] = [];
  for (let i = low; i < sortedTerms.length && sortedTerms[i]!.startsWith(prefix); i += 1) out.push(sortedTerms[i]!);
  return out;
}

/** Merges new terms into a sorted, duplicate-free list. */
function mergeTerms(sortedTerms: string[], added: Iterable<string>): string[] {
  const known = new Set(sortedTerms);
  const fresh = [...new Set(added)].filter((term) => !known.has(term));
  return fresh.length ? [...sortedTerms, ...fresh].sort() : sortedTerms;
}

/** First index in `sorted[from..]` whose value is ≥ `value`. */
function lowerBound(sorted: Int32Array, value: number, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Replaces the postings of the `changed` rowids (sorted) with `replacement`
 * (sorted by rowid). Unchanged runs are block-copied, so a small sync costs
 * a few memory copies per term, not a pass of JavaScript over every posting.
 */
export function patchPostings(old: Postings, changed: Int32Array, replacement: Postings): Postings {
  const removed: number[] = [];
  for (const rowid of changed) {
    const at = lowerBound(old.rowids, rowid);
    if (at < old.rowids.length && old.rowids[at] === rowid) removed.push(at);
  }
  if (removed.length === 0 && replacement.rowids.length === 0) return old;
  // Rows edited without gaining or losing the term: new counts in place, no copy of the list.
  if (removed.length === replacement.rowids.length && removed.every((at, i) => old.rowids[at] === replacement.rowids[i] && fits(old.frequencies, replacement.frequencies[i]!))) {
    removed.forEach((at, i) => (old.frequencies[at] = replacement.frequencies[i]!));
    return old;
  }
  const size = old.rowids.length - removed.length + replacement.rowids.length;
  const rowids = new Int32Array(size);
  const wide = !replacement.frequencies.every((value) => fits(old.frequencies, value));
  const frequencies: Frequencies = wide || old.frequencies instanceof Float32Array ? new Float32Array(size) : new Uint16Array(size);
  let source = 0;
  let target = 0;
  let nextRemoved = 0;
  let nextAdded = 0;
  for (;;) {
    const removeAt = nextRemoved < removed.length ? removed[nextRemoved]! : old.rowids.length;
    const insertAt = nextAdded < replacement.rowids.length ? lowerBound(old.rowids, replacement.rowids[nextAdded]!, source) : old.rowids.length;
    const stop = Math.min(removeAt, insertAt);
    rowids.set(old.rowids.subarray(source, stop), target);
    frequencies.set(old.frequencies.subarray(source, stop), target);
    target += stop - source;
    source = stop;
    if (nextAdded < replacement.rowids.length && insertAt <= removeAt) {
      rowids[target] = replacement.rowids[nextAdded]!;
      frequencies[target++] = replacement.frequencies[nextAdded++]!;
    } else if (nextRemoved < removed.length) {
      source += 1;
      nextRemoved += 1;
    } else {
      break;
    }
  }
  return { rowids, frequencies };
}

export interface TermPostingsOptions {
  /** Terms in at least this many rows keep their postings in memory. */
  frequentTermMinRows?: number;
}

/** Row count and total tokens as FTS5 keeps them (its "averages" record). */
export interface IndexTotals {
  rows: number;
  tokens: number;
}

/**
 * Postings of the corpus index for BM25 computed outside FTS5. Frequent terms
 * are held in memory once `ready`; everything else is read on demand.
 */
export class TermPostings {
  readonly frequentTermMinRows: number;
  readonly weights: number[];
  private readonly weightOfLetter: Record<number, number> = {};
  /** Row length in tokens (all columns), by rowid; rows that do not exist read 0. */
  private rowLengths: Uint32Array = new Uint32Array(0);
  private frequent = new Map<string, Postings>();
  private sortedTerms: string[] = [];
  private state: 'empty' | 'building' | 'ready' = 'empty';
  /** Rowids written or deleted since the in-memory postings were read. */
  private dirty = new Set<number>();
  private buildRun = 0;
  /**
   * Postings a query read or merged (a rare term's, read from FTS5; a prefix's terms summed), until the
   * corpus changes: at most 2 million postings (about 12 MB). Frequent terms are in `frequent` already.
   */
  private readonly derived = new BoundedCache<Postings>(2_000_000, (postings) => postings.rowids.length + 1);
  /** Query words as the index tokenizes them: the tokenizer does not change with the corpus, and each call writes and reads a scratch table. */
  private readonly tokenized = new Map<string, string[]>();
  /** Moves on whenever what was read from the index may have changed (what others derived from it is then outdated). */
  changes = 0;

  constructor(
    private readonly queries: SearchQueries,
    options: TermPostingsOptions = {},
  ) {
    this.frequentTermMinRows = options.frequentTermMinRows ?? 4000;
    this.weights = configuredWeights(queries.rankFunction(), queries.indexedColumnCount());
    const letters = ['title', 'summary', 'body'];
    letters.forEach((column, index) => (this.weightOfLetter[column.charCodeAt(0)] = this.weights[index] ?? 1));
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Whether any term is frequent enough to be held in memory (a small corpus has none). */
  get hasFrequentTerms(): boolean {
    return this.frequent.size > 0;
  }

  /** How many terms have their postings in memory, and how many postings that is. */
  stats(): { frequentTerms: number; postings: number; terms: number } {
    let postings = 0;
    for (const list of this.frequent.values()) postings += list.rowids.length;
    return { frequentTerms: this.frequent.size, postings, terms: this.sortedTerms.length };
  }

  /** FTS5's row count and token total, read from its averages record. */
  totals(): IndexTotals {
    const block = this.queries.averagesRecord();
    if (!block) return { rows: 0, tokens: 0 };
    const bytes = new Uint8Array(block.buffer, block.byteOffset, block.byteLength);
    const [rows, afterRows] = readVarint(bytes, 0);
    let tokens = 0;
    let offset = afterRows;
    while (offset < bytes.length) {
      const [columnTokens, next] = readVarint(bytes, offset);
      tokens += columnTokens;
      offset = next;
    }
    return { rows, tokens };
  }

  /** Row lengths by rowid (0 for rows that do not exist), for tight loops. */
  get lengths(): Uint32Array {
    return this.rowLengths;
  }

  rowLength(rowid: number): number {
    return rowid < this.rowLengths.length ? this.rowLengths[rowid]! : 0;
  }

  /** The words of `text` as the index tokenizes them, in order. */
  tokenize(text: string): readonly string[] {
    let tokens = this.tokenized.get(text);
    if (!tokens) {
      tokens = this.queries.tokenize(text);
      if (this.tokenized.size > 10_000) this.tokenized.clear();
      this.tokenized.set(text, tokens);
    }
    return tokens;
  }

  /** Index terms starting with `prefix` (known once ready). */
  expandPrefix(prefix: string): string[] {
    return termsWithPrefix(this.sortedTerms, prefix);
  }

  /** A term's postings: from memory when frequent, else read from the index now. */
  postings(term: string): Postings {
    return this.frequent.get(term) ?? this.derived.get(`term ${term}`, () => parseHits(this.queries.termHits(term), this.weightOfLetter));
  }

  /** Postings derived from others (a prefix's terms summed), remembered under `key` until the corpus changes. */
  remembered(key: string, compute: () => Postings): Postings {
    return this.derived.get(`derived ${key}`, compute);
  }

  /** Drops what was read or merged from the index, and tells those who derived more from it. */
  private forgetDerived(): void {
    this.derived.clear();
    this.changes += 1;
  }

  /** The corpus changed: these rowids must be re-read before the postings are used. */
  markChanged(rowids: Iterable<number>): void {
    // What was read from FTS5 or merged from the postings may hold the changed rows.
    this.forgetDerived();
    if (this.state === 'empty') return;
    for (const rowid of rowids) this.dirty.add(rowid);
  }

  /** The corpus was dropped: forget everything (a new build follows). */
  reset(): void {
    this.buildRun += 1;
    this.forgetDerived();
    this.frequent = new Map();
    this.sortedTerms = [];
    this.rowLengths = new Uint32Array(0);
    this.dirty = new Set();
    this.state = 'empty';
  }

  /** Rows changed since the build; above a few percent of the corpus a rebuild is cheaper than catching up. */
  get pendingChanges(): number {
    return this.dirty.size;
  }

  /**
   * Reads the frequent terms' postings, yielding to the event loop between
   * terms so the core keeps answering. Changes made meanwhile are caught up
   * by `catchUp`, so the result is exact whatever happened during the build.
   */
  async build(yieldNow: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve))): Promise<boolean> {
    const run = (this.buildRun += 1);
    this.state = 'building';
    this.forgetDerived();
    this.dirty = new Set();
    this.frequent = new Map();
    const cancelled = () => run !== this.buildRun;
    this.rowLengths = this.readAllRowLengths();
    await yieldNow();
    // The vocabulary, a chunk of terms at a time (each term's rows are counted, which is the slow part).
    const terms: string[] = [];
    const frequentTerms: string[] = [];
    let after = '';
    for (;;) {
      if (cancelled()) return false;
      const chunk = this.queries.termsAfter(after, 400);
      for (const [term, rows] of chunk) {
        terms.push(term);
        if (rows >= this.frequentTermMinRows) frequentTerms.push(term);
        after = term;
      }
      if (chunk.length < 400) break;
      await yieldNow();
    }
    this.sortedTerms = terms.sort();
    for (const term of frequentTerms) {
      if (cancelled()) return false;
      this.frequent.set(term, parseHits(this.queries.termHits(term), this.weightOfLetter));
      await yieldNow();
    }
    if (cancelled()) return false;
    this.state = 'ready';
    this.catchUp();
    return true;
  }

  /** Brings the in-memory postings in step with the rows changed since they were read. */
  catchUp(): void {
    if (this.state !== 'ready' || this.dirty.size === 0) return;
    const changed = [...this.dirty].sort((a, b) => a - b);
    this.dirty = new Set();
    const rows = this.queries.storedRows(changed);
    const maxRowid = Math.max(this.rowLengths.length - 1, changed.at(-1) ?? 0);
    if (maxRowid >= this.rowLengths.length) {
      const grown = new Uint32Array(maxRowid + 1 + 1024);
      grown.set(this.rowLengths);
      this.rowLengths = grown;
    }
    for (const rowid of changed) this.rowLengths[rowid] = 0;
    for (const row of rows) this.rowLengths[row.id] = rowLengthOf(row.sz);
    const hitsByTerm = this.queries.hitsByTerm(rows.map((row) => ({ rowid: row.id, title: row.title ?? '', summary: row.summary ?? '', body: row.body ?? '' })));
    this.sortedTerms = mergeTerms(this.sortedTerms, hitsByTerm.keys());
    const replacements = new Map<string, Postings>();
    for (const term of this.frequent.keys()) replacements.set(term, parseHits(hitsByTerm.get(term) ?? null, this.weightOfLetter));
    const changedRowids = Int32Array.from(changed);
    for (const [term, replacement] of replacements) this.frequent.set(term, patchPostings(this.frequent.get(term)!, changedRowids, replacement));
  }

  private readAllRowLengths(): Uint32Array {
    const text = this.queries.allRowLengths() ?? '';
    const entries: Array<[number, number]> = [];
    let maxRowid = 0;
    for (const entry of text ? text.split(',') : []) {
      const colon = entry.indexOf(':');
      const rowid = Number(entry.slice(0, colon));
      entries.push([rowid, rowLengthOf(Buffer.from(entry.slice(colon + 1), 'hex'))]);
      if (rowid > maxRowid) maxRowid = rowid;
    }
    const lengths = new Uint32Array(maxRowid + 1 + 1024);
    for (const [rowid, length] of entries) lengths[rowid] = length;
    return lengths;
  }
}

/** Total tokens of a row from its FTS5 docsize blob (one varint per column). */
function rowLengthOf(blob: Buffer): number {
  const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  let total = 0;
  let offset = 0;
  while (offset < bytes.length) {
    const [value, next] = readVarint(bytes, offset);
    total += value;
    offset = next;
  }
  return total;
}
