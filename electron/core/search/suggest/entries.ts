// The numbered entries suggestions are made of (one distinct title, shared by
// the records that carry it, or one facet value) and the postings of their
// terms. MiniSearch's radix tree (SearchableMap) holds the vocabulary, for the
// prefix and fuzzy matching it is good at; each term's postings are a plain
// list of entry numbers that a query scans into typed arrays (ranking.ts).
import SearchableMap from 'minisearch/SearchableMap';
import { indexTerms } from './words';

// Entry kinds.
export const DEAD = 0;
export const TITLE = 1;
export const COUNTRY = 2;
export const THEME = 3;
export const ORGANISATION = 4;
export type FacetKind = typeof COUNTRY | typeof THEME | typeof ORGANISATION;
export type EntryKind = typeof DEAD | typeof TITLE | FacetKind;

const SHORT_POSTINGS = 32;
// Retired entries stay in postings until this many have piled up.
const COMPACT_AFTER = 1024;

/**
 * The entries by number, in typed arrays. The query reads these fields
 * directly, in its tight loops; only this class writes them.
 */
export class SuggestionEntries {
  capacity = 0;
  kinds = new Uint8Array(0);
  /** Distinct terms of the entry (capped), for preferring titles the query covers. */
  lengths = new Uint8Array(0);
  /** Titles: the type of the record shown (a type code of the index). */
  typeCodes = new Uint16Array(0);
  readonly texts: (string | undefined)[] = [];
  /** Titles: the id of the record shown; facets: country code, theme slug or folded organisation name. */
  readonly values: (string | undefined)[] = [];
  vocabulary = new SearchableMap<number>();
  /** Entries per term id: an array while short, then a typed array at half the memory, filled to `counts`. */
  postings: Array<number[] | Int32Array> = [];
  counts: number[] = [];

  private entryCount = 0;
  /** Entry numbers no posting refers to. */
  private free: number[] = [];
  /** Dead entries still in postings, free after the next compaction. */
  private retired: number[] = [];
  /** Term ids by hash, during bulk work only: radix-tree lookups dominate a build, and the map would cost ~90 bytes a term to keep. */
  private termIds: Map<string, number> | undefined;

  /** A new entry, indexed by the terms of its text. */
  allocate(kind: FacetKind | typeof TITLE, text: string, value: string, type: number): number {
    const entry = this.free.pop() ?? this.entryCount++;
    if (entry >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    this.kinds[entry] = kind;
    this.typeCodes[entry] = type;
    this.texts[entry] = text;
    this.values[entry] = value;
    this.index(entry, text);
    return entry;
  }

  /** The record a title entry opens. */
  show(entry: number, type: number, id: string): void {
    this.typeCodes[entry] = type;
    this.values[entry] = id;
  }

  /** Dead entries are skipped by queries and dropped from postings in bulk, which is cheaper than one by one. */
  retire(entry: number): void {
    this.kinds[entry] = DEAD;
    this.texts[entry] = undefined;
    this.values[entry] = undefined;
    this.retired.push(entry);
  }

  maybeCompact(): void {
    const live = this.entryCount - this.free.length - this.retired.length;
    if (this.retired.length < COMPACT_AFTER || this.retired.length * 4 < live) return;
    this.vocabulary = new SearchableMap<number>();
    this.postings = [];
    this.counts = [];
    this.bulk(() => {
      for (let entry = 0; entry < this.entryCount; entry += 1) {
        const text = this.texts[entry];
        if (this.kinds[entry] !== DEAD && text !== undefined) this.index(entry, text);
      }
    });
    this.free.push(...this.retired);
    this.retired = [];
  }

  /** Runs work that adds many entries with a term-id cache. */
  bulk(work: () => void): void {
    if (this.termIds) return work();
    this.termIds = new Map();
    try {
      work();
    } finally {
      this.termIds = undefined;
    }
  }

  private index(entry: number, text: string): void {
    const terms = indexTerms(text);
    this.lengths[entry] = Math.min(255, terms.length);
    for (const term of terms) {
      let id = this.termIds?.get(term);
      if (id === undefined) {
        id = this.vocabulary.get(term);
        if (id === undefined) {
          id = this.postings.push([]) - 1;
          this.counts.push(0);
          this.vocabulary.set(term, id);
        }
        this.termIds?.set(term, id);
      }
      const list = this.postings[id]!;
      const size = this.counts[id]!;
      if (Array.isArray(list) && size < SHORT_POSTINGS) list.push(entry);
      else {
        // Most terms are rare and stay small arrays; a typed array costs ~150 bytes even when empty.
        let wide = list as Int32Array;
        if (Array.isArray(list) || size === list.length) {
          wide = new Int32Array(size * 2);
          wide.set(list);
          this.postings[id] = wide;
        }
        wide[size] = entry;
      }
      this.counts[id] = size + 1;
    }
  }

  private grow(capacity: number): void {
    const resize = <T extends Uint8Array | Uint16Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.kinds = resize(this.kinds, new Uint8Array(capacity));
    this.lengths = resize(this.lengths, new Uint8Array(capacity));
    this.typeCodes = resize(this.typeCodes, new Uint16Array(capacity));
    this.capacity = capacity;
  }
}
