// Finding the words of a search in shown text, as the search found them:
// case and accents ignored (the letters folded as shared/text.ts folds them
// for the index), whole words or the start of words. Pure: the PDF view and
// the body view hand in the text; offsets come back in that text.
import { foldLetters } from '../../../shared/text';

/** A match: characters start–end of the text searched. */
export interface TextSpan {
  start: number;
  end: number;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// The combining diacritics NFKD splits off Latin, Greek and Cyrillic letters, as the index drops them
// (the vowel signs of Indic scripts are marks too, and stay: they are letters there).
const DIACRITICS = /[\u0300-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

export interface Folded {
  text: string;
  /** For each character of `text`, and one past its end: where it starts in the original text. */
  sourceOf: Int32Array;
}

/** The text lower-cased without accents, with where each folded character came from (folding may change lengths: ß → ss). */
export function fold(text: string): Folded {
  if (PRINTABLE_ASCII.test(text)) {
    const identity = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i += 1) identity[i] = i;
    return { text: text.toLowerCase(), sourceOf: identity };
  }
  let folded = '';
  const sources: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const letters = foldLetters(char.normalize('NFKD').replace(DIACRITICS, '').toLowerCase());
    for (let k = 0; k < letters.length; k += 1) sources.push(i);
    folded += letters;
    i += char.length;
  }
  sources.push(text.length);
  return { text: folded, sourceOf: Int32Array.from(sources) };
}

/** The words to find in `words` (as the route's `hl` or the find field give them): folded, without repeats, longest first. */
export function findTerms(words: string): string[] {
  const terms = new Set(fold(words).text.split(NOT_WORD).filter(Boolean));
  return [...terms].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all the terms, each at the start of a word (longest first, so "integration" wins over "integr"). */
export function termsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map(escapeRegExp).join('|')})`, 'gu');
}

/** Where the terms occur in `text`, in order, not overlapping. */
export function findMatches(text: string, pattern: RegExp | null): TextSpan[] {
  return pattern && text.length > 0 ? findInFolded(fold(text), pattern) : [];
}

/** The same, in a text folded once beforehand (a PDF's pages, searched again at each word typed). */
export function findInFolded(folded: Folded, pattern: RegExp | null): TextSpan[] {
  if (!pattern || folded.text.length === 0) return [];
  const matches: TextSpan[] = [];
  pattern.lastIndex = 0;
  for (let found = pattern.exec(folded.text); found; found = pattern.exec(folded.text)) {
    const start = folded.sourceOf[found.index]!;
    // The end is where the character after the match's last one starts in the original text.
    let end = folded.sourceOf[found.index + found[0].length]!;
    if (end <= start) end = start + 1;
    if (matches.length === 0 || start >= matches[matches.length - 1]!.end) matches.push({ start, end });
  }
  return matches;
}

/** A page's text items (pdf.js's TextItem): the string, and whether a line ends after it. */
export interface PageItem {
  str: string;
  hasEOL: boolean;
}

export interface PageText {
  /** The items' strings one after the other, a line break after each item that ends a line. */
  text: string;
  /** Where each item starts in `text`. */
  starts: number[];
}

export function joinItems(items: readonly PageItem[]): PageText {
  let text = '';
  const starts: number[] = [];
  for (const item of items) {
    starts.push(text.length);
    text += item.hasEOL ? `${item.str}\n` : item.str;
  }
  return { text, starts };
}

/** The part of one item a match covers. */
export interface ItemPiece {
  item: number;
  start: number;
  end: number;
}

/** A match in the page's text as the pieces of the items it spans (a word broken over two items is two pieces). */
export function piecesOf(page: PageText, items: readonly PageItem[], match: TextSpan): ItemPiece[] {
  const pieces: ItemPiece[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const from = page.starts[i]!;
    const to = from + items[i]!.str.length;
    if (to <= match.start) continue;
    if (from >= match.end) break;
    const start = Math.max(match.start, from) - from;
    const end = Math.min(match.end, to) - from;
    if (end > start) pieces.push({ item: i, start, end });
  }
  return pieces;
}
