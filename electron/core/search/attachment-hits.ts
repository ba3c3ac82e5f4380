// The search's view of PDF text (db/corpus/attachment-text.ts): which records
// match in their attachments and on which page, how a match there adds to a
// record's rank, which records have text at all (has:fulltext), and what a hit
// found in an attachment shows: file, page, a snippet of that page.
import type { SearchHit } from '../../../shared/search';
import type { AttachmentText, PageMatch } from '../db/corpus/attachment-text';
import type { SearchFilters } from './query';

/**
 * A page's BM25 counts half of a body's: a record that has the words in its
 * own title, summary or body stays above one that has them only somewhere in
 * its PDFs (tests/integration/search/attachment-text.test.ts holds it).
 */
export const ATTACHMENT_WEIGHT = 0.5;

/** What the attachments add to one query. */
export interface AttachmentSelection {
  /** Records whose PDFs match the words: their best page. */
  pages: Map<number, PageMatch>;
  /** in:attachment: only those. */
  only: boolean;
  /** has:fulltext: only records with indexed PDF text. */
  withText: Set<number> | undefined;
}

export class AttachmentHits {
  private withTextCache: { generation: string; rowids: Set<number> } | undefined;

  constructor(
    private readonly text: AttachmentText,
    /** Changes whenever the records or the stored text do. */
    private readonly generation: () => string,
  ) {}

  /** What the attachments add to a query, or undefined when they add nothing (no words and no full-text filter). */
  select(match: string, filters: SearchFilters): AttachmentSelection | undefined {
    const withText = filters.hasFullText || (filters.inAttachment && !match) ? this.recordsWithText() : undefined;
    const pages = match ? this.text.bestPages(match) : new Map<number, PageMatch>();
    if (pages.size === 0 && !withText && !filters.inAttachment) return undefined;
    return { pages, only: Boolean(filters.inAttachment && match), withText };
  }

  private recordsWithText(): Set<number> {
    const generation = this.generation();
    if (this.withTextCache?.generation !== generation) this.withTextCache = { generation, rowids: this.text.recordsWithText() };
    return this.withTextCache.rowids;
  }

  /** The rowids a query's words select: those matching in the records' own text and/or in their attachments. */
  static candidates(ownMatches: ArrayLike<number>, selection: AttachmentSelection): number[] {
    if (selection.only) return [...selection.pages.keys()];
    const rowids = Array.from(ownMatches);
    const seen = new Set(rowids);
    for (const rowid of selection.pages.keys()) if (!seen.has(rowid)) rowids.push(rowid);
    return rowids;
  }

  /** Adds the weighted page score to each record's own score (an array by rowid). */
  static addPageScores(scores: Float64Array, selection: AttachmentSelection): void {
    for (const [rowid, page] of selection.pages) if (rowid < scores.length) scores[rowid] = scores[rowid]! + ATTACHMENT_WEIGHT * page.score;
  }

  /** For the hits of one page of results: adds the attachment a hit was found in (file, page, snippet) and the note on PDFs not on this computer. */
  decorator(rowids: readonly number[], match: string, selection: AttachmentSelection | undefined, snippetParts: (text: string) => SearchHit['snippet']): (rowid: number, hit: SearchHit) => SearchHit {
    const pages = selection?.pages;
    const shown = pages ? rowids.flatMap((rowid) => (pages.has(rowid) ? [pages.get(rowid)!] : [])) : [];
    const snippets = new Map(this.text.snippets(match, shown.map((page) => page.pageRowid)).map((row) => [row.rowid, row.text]));
    const notHere = this.text.notDownloaded(rowids);
    return (rowid, hit) => {
      const page = pages?.get(rowid);
      const missing = notHere.get(rowid);
      if (!page && !missing) return hit;
      return {
        ...hit,
        ...(page ? { attachment: { sha256: page.sha256, fileName: page.fileName, page: page.page, snippet: snippetParts(snippets.get(page.pageRowid) ?? '') } } : {}),
        ...(missing ? { fullTextNotHere: missing } : {}),
      };
    };
  }
}
