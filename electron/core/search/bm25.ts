// BM25 for a parsed query, computed from postings the way FTS5's bm25()
// computes it (same constants, same per-phrase terms, added in the same
// order; only Math.log may round its last bit apart from C's log()), so a
// ranking from here is `ORDER BY rank` without FTS5's per-row cost when a
// query matches most of the corpus.
import type { SearchQueries } from '../db/corpus/search-queries';
import type { QueryClauses, QueryItem } from './query';
import { BoundedCache } from './bounded-cache';
import { EMPTY_POSTINGS, type Postings, type TermPostings } from './term-postings';

const K1 = 1.2;
const B = 0.75;

/** FTS5's IDF: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 for terms in more than half the rows. */
export function inverseDocumentFrequency(rows: number, matchingRows: number): number {
  const idf = Math.log((rows - matchingRows + 0.5) / (matchingRows + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** Rows one query item matches, with the BM25 term it adds to each row's score. */
interface ItemScores {
  rowids: Int32Array;
  scores: Float64Array;
}

export interface RankedMatches {
  /** Every matching rowid (unordered). */
  rowids: Int32Array;
  /** Score by rowid (higher is better); only entries of matching rowids are meaningful. */
  scoreOf: Float64Array;
}

/** Sums the postings of several terms (a prefix's expansions) into one list, as FTS5 counts a prefix phrase. */
function unionPostings(lists: Postings[]): Postings {
  const nonEmpty = lists.filter((list) => list.rowids.length > 0);
  if (nonEmpty.length === 0) return EMPTY_POSTINGS;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  let maxRowid = 0;
  for (const list of nonEmpty) maxRowid = Math.max(maxRowid, list.rowids[list.rowids.length - 1]!);
  const sums = new Float64Array(maxRowid + 1);
  const present = new Uint8Array(maxRowid + 1);
  let count = 0;
  for (const list of nonEmpty) {
    for (let i = 0; i < list.rowids.length; i += 1) {
      const rowid = list.rowids[i]!;
      if (!present[rowid]) {
        present[rowid] = 1;
        count += 1;
      }
      sums[rowid]! += list.frequencies[i]!;
    }
  }
  const rowids = new Int32Array(count);
  const frequencies = new Float32Array(count);
  let at = 0;
  for (let rowid = 0; rowid <= maxRowid; rowid += 1) {
    if (!present[rowid]) continue;
    rowids[at] = rowid;
    frequencies[at++] = sums[rowid]!;
  }
  return { rowids, frequencies };
}

/**
 * The rows every group matched (`groupsMatched[rowid]` groups), ascending: one pass over a typed array
 * instead of a JavaScript array grown by every item's rows (an OR of stem variants lists 100,000s).
 */
function rowsInEveryGroup(groupsMatched: Uint16Array, groups: number): Int32Array {
  if (groups === 0) return new Int32Array(0);
  let count = 0;
  for (let rowid = 0; rowid < groupsMatched.length; rowid += 1) if (groupsMatched[rowid] === groups) count += 1;
  const rows = new Int32Array(count);
  let at = 0;
  for (let rowid = 0; rowid < groupsMatched.length; rowid += 1) if (groupsMatched[rowid] === groups) rows[at++] = rowid;
  return rows;
}

/** Parses `rowid rank,rowid rank,…` (rank negative, as FTS5 gives it) into rowids and scores. */
export function parseRowidsAndRanks(text: string | null): ItemScores {
  if (!text) return { rowids: new Int32Array(0), scores: new Float64Array(0) };
  let entries = 1;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 44) entries += 1;
  const rowids = new Int32Array(entries);
  const scores = new Float64Array(entries);
  let start = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    const space = text.indexOf(' ', start);
    let end = text.indexOf(',', space);
    if (end === -1) end = text.length;
    rowids[entry] = Number(text.slice(start, space));
    scores[entry] = -Number(text.slice(space + 1, end));
    start = end + 1;
  }
  return { rowids, scores };
}

export class Bm25Evaluator {
  /** Phrases' FTS5 scores and rows (bm25() costs about 2 µs a row), until the corpus changes: at most a million rows (12 MB). */
  private readonly phrases = new BoundedCache<ItemScores>(1_000_000, (scores) => scores.rowids.length + 1);
  private phrasesChanges = -1;

  constructor(
    private readonly queries: SearchQueries,
    private readonly postings: TermPostings,
  ) {}

  /** A phrase's rows and BM25 terms as FTS5 computes them, remembered until the corpus changes. */
  private phraseScores(expression: string): ItemScores {
    return this.currentPhrases().get(expression, () => parseRowidsAndRanks(this.queries.rowidsAndRanks(expression)));
  }

  private currentPhrases(): BoundedCache<ItemScores> {
    if (this.phrasesChanges !== this.postings.changes) {
      this.phrases.clear();
      this.phrasesChanges = this.postings.changes;
    }
    return this.phrases;
  }

  /**
   * The matching rows and their scores, or undefined when an item cannot be
   * mapped onto index terms exactly (then FTS5 itself must answer).
   */
  evaluate(clauses: QueryClauses): RankedMatches | undefined {
    this.postings.catchUp();
    const totals = this.postings.totals();
    if (totals.rows === 0) return { rowids: new Int32Array(0), scoreOf: new Float64Array(0) };
    const averageLength = totals.tokens / totals.rows;
    const groups: ItemScores[][] = [];
    for (const group of clauses.groups) {
      const scored: ItemScores[] = [];
      for (const item of group) {
        const itemScores = this.scoreItem(item, totals.rows, averageLength);
        if (!itemScores) return undefined;
        scored.push(itemScores);
      }
      groups.push(scored);
    }
    const excluded = this.excludedRowids(clauses);
    if (!excluded) return undefined;

    let maxRowid = 0;
    for (const group of groups) for (const item of group) if (item.rowids.length) maxRowid = Math.max(maxRowid, item.rowids[item.rowids.length - 1]!);
    const scoreOf = new Float64Array(maxRowid + 1);
    if (groups.length === 1 && groups[0]!.length === 1 && excluded.length === 0) {
      // One word or phrase, the common case: its rows are the matches.
      const { rowids, scores } = groups[0]![0]!;
      for (let i = 0; i < rowids.length; i += 1) scoreOf[rowids[i]!] = scores[i]!;
      return { rowids, scoreOf };
    }
    const groupsMatched = new Uint16Array(maxRowid + 1);
    const lastGroup = new Int32Array(maxRowid + 1).fill(-1);
    // Added item by item in query order: the same additions, in the same order, as FTS5's loop over phrases.
    groups.forEach((group, g) => {
      for (const item of group) {
        const { rowids, scores } = item;
        for (let i = 0; i < rowids.length; i += 1) {
          const rowid = rowids[i]!;
          scoreOf[rowid]! += scores[i]!;
          if (lastGroup[rowid] !== g) {
            lastGroup[rowid] = g;
            groupsMatched[rowid]! += 1;
          }
        }
      }
    });
    for (const rowids of excluded) for (const rowid of rowids) if (rowid <= maxRowid) groupsMatched[rowid] = 0;
    return { rowids: rowsInEveryGroup(groupsMatched, groups.length), scoreOf };
  }

  /** The rows of each excluded item (or undefined when one of them is not in the postings). */
  private excludedRowids(clauses: QueryClauses): Int32Array[] | undefined {
    const excluded: Int32Array[] = [];
    for (const item of clauses.excluded) {
      const rowids = this.itemRowids(item);
      if (!rowids) return undefined;
      excluded.push(rowids);
    }
    return excluded;
  }

  /**
   * The matching rows alone, without scores (or undefined, as for `evaluate`): what a tier needs to be
   * counted and faceted; its scores are computed only if a page of results reaches it.
   */
  matchingRows(clauses: QueryClauses): Int32Array | undefined {
    this.postings.catchUp();
    const groups: Int32Array[][] = [];
    for (const group of clauses.groups) {
      const lists: Int32Array[] = [];
      for (const item of group) {
        const rowids = this.itemRowids(item);
        if (!rowids) return undefined;
        lists.push(rowids);
      }
      groups.push(lists);
    }
    const excluded = this.excludedRowids(clauses);
    if (!excluded) return undefined;
    let maxRowid = 0;
    for (const group of groups) for (const rowids of group) if (rowids.length) maxRowid = Math.max(maxRowid, rowids[rowids.length - 1]!);
    const groupsMatched = new Uint16Array(maxRowid + 1);
    const lastGroup = new Int32Array(maxRowid + 1).fill(-1);
    groups.forEach((group, g) => {
      for (const rowids of group) {
        for (let i = 0; i < rowids.length; i += 1) {
          const rowid = rowids[i]!;
          if (lastGroup[rowid] === g) continue;
          lastGroup[rowid] = g;
          groupsMatched[rowid]! += 1;
        }
      }
    });
    for (const rowids of excluded) for (const rowid of rowids) if (rowid <= maxRowid) groupsMatched[rowid] = 0;
    return rowsInEveryGroup(groupsMatched, groups.length);
  }

  /**
   * An expression for snippets: any positive item, with each word prefix
   * spelled out as its index terms (FTS5 rebuilds a prefix's whole doclist
   * for every row it looks up, which made snippets the slowest step).
   */
  snippetExpression(clauses: QueryClauses, maxExpansions = 64): string {
    const parts: string[] = [];
    for (const item of clauses.groups.flat()) {
      const token = item.kind === 'term' && item.prefix ? this.singleToken(item.text) : undefined;
      if (token === undefined) {
        parts.push(item.expression);
        continue;
      }
      const expansions = this.postings.expandPrefix(token).slice(0, maxExpansions);
      parts.push(...(expansions.length ? expansions.map((term) => `"${term.replace(/"/g, '""')}"`) : [item.expression]));
    }
    return parts.join(' OR ');
  }

  /** The one index token a query word stands for, or undefined if it is not exactly one. */
  private singleToken(text: string): string | undefined {
    const tokens = this.postings.tokenize(text);
    return tokens.length === 1 ? tokens[0] : undefined;
  }

  private termPostings(item: QueryItem): Postings | undefined {
    const token = this.singleToken(item.text);
    if (token === undefined) return undefined;
    return item.prefix ? this.postings.remembered(`prefix ${token}`, () => unionPostings(this.postings.expandPrefix(token).map((term) => this.postings.postings(term)))) : this.postings.postings(token);
  }

  private scoreItem(item: QueryItem, rows: number, averageLength: number): ItemScores | undefined {
    if (item.kind === 'phrase') {
      // A phrase needs word positions: FTS5 scores it alone, and a phrase's
      // BM25 term does not depend on the rest of the query.
      return this.phraseScores(item.expression);
    }
    const postings = this.termPostings(item);
    if (!postings) return undefined;
    const idf = inverseDocumentFrequency(rows, postings.rowids.length);
    const scores = new Float64Array(postings.rowids.length);
    const lengths = this.postings.lengths;
    const { rowids, frequencies } = postings;
    for (let i = 0; i < scores.length; i += 1) {
      const frequency = frequencies[i]!;
      const rowid = rowids[i]!;
      const length = rowid < lengths.length ? lengths[rowid]! : 0;
      scores[i] = idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * length) / averageLength)));
    }
    return { rowids: postings.rowids, scores };
  }

  private itemRowids(item: QueryItem): Int32Array | undefined {
    if (item.kind === 'phrase') {
      // The rows its scores were read for, when they were (the same rows); else the rows alone, without bm25().
      const scored = this.currentPhrases().peek(item.expression);
      if (scored) return scored.rowids;
      const list = this.queries.rowidList(item.expression);
      return list ? Int32Array.from(list.split(','), Number) : new Int32Array(0);
    }
    return this.termPostings(item)?.rowids;
  }
}
