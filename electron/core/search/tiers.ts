// What the search engine's tiers are made of, and the pieces of FTS5 output
// they are read from: a tier is the records a query selects beyond its words
// as typed (stem variants, PDF text, concepts) and the order they follow in.
import type { SnippetPart } from '../../../shared/search';
import { SNIPPET_END, SNIPPET_START } from '../db/corpus/search-queries';
import { parseRowidsAndRanks, type RankedMatches } from './bm25';

/** Splits an FTS5 snippet with our markers into plain parts; the markers never reach the screen. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length) {
    const start = rest.indexOf(SNIPPET_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(SNIPPET_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

/** Records a query selects beyond its words as typed, and their order. */
export interface Tier {
  positions: number[];
  compare: (a: number, b: number) => number;
}

/** FTS5's own scores of every match, in the form the postings give them. */
export function rankedFromFts(text: string | null): RankedMatches {
  const { rowids, scores } = parseRowidsAndRanks(text);
  let maxRowid = 0;
  for (const rowid of rowids) if (rowid > maxRowid) maxRowid = rowid;
  const scoreOf = new Float64Array(maxRowid + 1);
  rowids.forEach((rowid, i) => (scoreOf[rowid] = scores[i]!));
  return { rowids, scoreOf };
}
