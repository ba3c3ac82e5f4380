// Find in a PDF: the words of every page (pdf.js's text content, read once per
// document), where the words of the find field occur on each, which match is
// the current one, and the marks drawn on the shown page's text layer.
import { useMemo, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { objectKey, useLoad } from '../../app/use-load';
import { findInFolded, findMatches, findTerms, fold, joinItems, piecesOf, termsPattern, type PageItem } from '../../ui/find-text';

/** A page's text items, in the order pdf.js's text layer draws them (one element each). */
export function textItems(content: TextContent): PageItem[] {
  return content.items.filter((item): item is TextItem => 'str' in item).map((item) => ({ str: item.str, hasEOL: item.hasEOL }));
}

/** One match of the document: its page (1-based) and its place among that page's matches. */
export interface MatchAt {
  page: number;
  index: number;
}

export interface PdfFind {
  query: string;
  setQuery(query: string): void;
  pattern: RegExp | null;
  /** Every match in reading order; null while the pages' text is still being read. */
  matches: MatchAt[] | null;
  /** The current match's place in `matches`, or null when none is current. */
  current: number | null;
  setCurrent(current: number | null): void;
}

/** The document's find state; `initialWords` (the route's `hl`) fill the field at first. */
export function usePdfFind(pdf: PDFDocumentProxy | null, initialWords: string): PdfFind {
  const [query, setQuery] = useState(initialWords);
  const [current, setCurrent] = useState<number | null>(null);
  // Page by page, in order, once there are words to find (a long PDF's first page is drawn sooner without this read);
  // a page whose text cannot be read has no match. A closed document stops the read (the load is dropped).
  const wanted = query.trim() !== '';
  const texts = useLoad(
    pdf ? objectKey(pdf) : 'no document',
    async (signal): Promise<PageItem[][]> => {
      if (!pdf) return [];
      const pages: PageItem[][] = [];
      for (let number = 1; number <= pdf.numPages && !signal.aborted; number += 1) {
        pages.push(
          await pdf
            .getPage(number)
            .then((page) => page.getTextContent())
            .then(textItems, () => []),
        );
      }
      return pages;
    },
    { enabled: pdf !== null && wanted },
  );
  const pattern = useMemo(() => termsPattern(findTerms(query)), [query]);
  const pages = texts.status === 'ready' ? texts.value : null;
  // Folded once per document; each word typed only runs the pattern over them.
  const folded = useMemo(() => pages?.map((items) => fold(joinItems(items).text)) ?? null, [pages]);
  const matches = useMemo(() => {
    if (!folded) return null;
    const all: MatchAt[] = [];
    folded.forEach((page, i) => findInFolded(page, pattern).forEach((_, index) => all.push({ page: i + 1, index })));
    return all;
  }, [folded, pattern]);
  return {
    query,
    setQuery: (next) => {
      setQuery(next);
      setCurrent(null);
    },
    pattern,
    matches,
    current: matches && current !== null && current < matches.length ? current : null,
    setCurrent,
  };
}

/** The first match on `page` or after it (wrapping round to the first), or null when there is none. */
export function firstFrom(matches: readonly MatchAt[], page: number): number | null {
  if (matches.length === 0) return null;
  const at = matches.findIndex((match) => match.page >= page);
  return at === -1 ? 0 : at;
}

/** The match after (step 1) or before (step -1) the current one, wrapping round; from none, the first from the page shown. */
export function stepFrom(matches: readonly MatchAt[], current: number | null, page: number, step: 1 | -1): number | null {
  if (matches.length === 0) return null;
  if (current === null) {
    if (step === 1) return firstFrom(matches, page);
    const before = matches.findLastIndex((match) => match.page <= page);
    return before === -1 ? matches.length - 1 : before;
  }
  return (current + step + matches.length) % matches.length;
}

/**
 * Marks the matches on the text layer's elements (one per item, as pdf.js drew
 * them): each element's text is set again as text nodes and <mark>s, never as
 * HTML. Returns the current match's first mark, if it is on this page.
 */
export function paintMatches(elements: readonly HTMLElement[], items: readonly PageItem[], pattern: RegExp | null, currentIndex: number | null): HTMLElement | null {
  const page = joinItems(items);
  const cuts = new Map<number, Array<{ start: number; end: number; current: boolean }>>();
  findMatches(page.text, pattern).forEach((match, index) => {
    for (const piece of piecesOf(page, items, match)) cuts.set(piece.item, [...(cuts.get(piece.item) ?? []), { start: piece.start, end: piece.end, current: index === currentIndex }]);
  });
  let currentMark: HTMLElement | null = null;
  elements.forEach((element, i) => {
    const str = items[i]?.str ?? '';
    const pieces = cuts.get(i);
    if (!pieces) {
      if (element.childElementCount > 0) element.textContent = str;
      return;
    }
    const nodes: Node[] = [];
    let at = 0;
    for (const piece of pieces) {
      if (piece.start > at) nodes.push(document.createTextNode(str.slice(at, piece.start)));
      const mark = document.createElement('mark');
      mark.className = piece.current ? 'pdf-match pdf-match-current' : 'pdf-match';
      mark.textContent = str.slice(piece.start, piece.end);
      if (piece.current) currentMark ??= mark;
      nodes.push(mark);
      at = piece.end;
    }
    if (at < str.length) nodes.push(document.createTextNode(str.slice(at)));
    element.replaceChildren(...nodes);
  });
  return currentMark;
}
