// Re-anchoring of W3C Web Annotation selectors on a changed plain text. Pure:
// no I/O, no clock. Tiers, first that places wins:
//   1. position: the text at the old TextPositionSelector still equals `exact`
//      and is preceded by `prefix` and followed by `suffix`;
//   2. quote: an exact occurrence of `exact` anywhere; with several, the one
//      whose surroundings share the most characters with prefix/suffix, then
//      the one closest to the old position;
//   3. fuzzy: the substring near the old position with the fewest edits from
//      `exact` (Sellers' approximate substring matching), if within the bound;
//   else the annotation is an orphan.

export const CONTEXT_LENGTH = 32;
/** Fuzzy matching needs a quote long enough that a near match means something. */
export const FUZZY_MIN_LENGTH = 8;
/** Longer quotes are not matched fuzzily (Sellers is O(window × quote)). */
export const FUZZY_MAX_LENGTH = 2000;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPosition {
  start: number;
  end: number;
}

export type Anchor =
  | { status: 'placed'; tier: 'position' | 'quote' | 'fuzzy'; start: number; end: number; distance: number }
  | { status: 'orphaned' };

/**
 * The most edits (Levenshtein: insert, delete, substitute one UTF-16 unit) a
 * fuzzy match may differ from the old quote by: a quarter of its length. A
 * quarter keeps an amended phrase ("30 days" → "45 days", a corrected typo, a
 * re-worded clause end) attached, while two random passages of the same length
 * over a natural-language alphabet differ in far more than a quarter of their
 * characters, so the match found is the edited passage and not some other one.
 * Quotes shorter than FUZZY_MIN_LENGTH get no fuzzy tier (bound 0 makes it the exact tier).
 */
export function fuzzyBound(exact: string): number {
  if (exact.length < FUZZY_MIN_LENGTH || exact.length > FUZZY_MAX_LENGTH) return 0;
  return Math.floor(exact.length / 4);
}

/** How far from the old position the fuzzy tier looks, on each side. */
export function fuzzyWindow(exact: string): number {
  return Math.max(1000, 4 * exact.length);
}

/** The selectors of the span [start, end) of `text`. */
export function describeSpan(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The span ${start}–${end} is not a non-empty part of a text of ${text.length} characters`);
  }
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end, end + CONTEXT_LENGTH) },
    position: { start, end },
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function contextScore(text: string, quote: TextQuote, start: number): number {
  const end = start + quote.exact.length;
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return commonSuffixLength(quote.prefix, before) + commonPrefixLength(quote.suffix, after);
}

function exactPosition(text: string, quote: TextQuote, position: TextPosition): boolean {
  const { start, end } = position;
  if (end - start !== quote.exact.length || end > text.length) return false;
  return text.slice(start, end) === quote.exact && text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix && text.slice(end, end + quote.suffix.length) === quote.suffix;
}

function exactQuote(text: string, quote: TextQuote, position: TextPosition): number | null {
  let best: { start: number; score: number; offset: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const candidate = { start: at, score: contextScore(text, quote, at), offset: Math.abs(at - position.start) };
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.offset < best.offset)) best = candidate;
  }
  return best?.start ?? null;
}

/**
 * Sellers' algorithm: the substring of text[from, to) with the least edit
 * distance to `pattern`, ties broken by closeness to `near`. Each cell carries
 * the start of its alignment, so the span found is the one whose cost is the
 * distance reported (an upper bound on its true edit distance).
 */
export function approximateMatch(text: string, pattern: string, from: number, to: number, near: number): { start: number; end: number; distance: number } | null {
  const m = pattern.length;
  if (m === 0 || to <= from) return null;
  let cost = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) {
    cost[i] = i;
    start[i] = from;
  }
  let best: { start: number; end: number; distance: number } | null = null;
  for (let j = from; j < to; j += 1) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i += 1) {
      let value = cost[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let origin = start[i - 1]!;
      if (nextCost[i - 1]! + 1 < value) {
        value = nextCost[i - 1]! + 1;
        origin = nextStart[i - 1]!;
      }
      if (cost[i]! + 1 < value) {
        value = cost[i]! + 1;
        origin = start[i]!;
      }
      nextCost[i] = value;
      nextStart[i] = origin;
    }
    const distance = nextCost[m]!;
    const candidate = { start: nextStart[m]!, end: j + 1, distance };
    if (candidate.end > candidate.start && (!best || distance < best.distance || (distance === best.distance && Math.abs(candidate.start - near) < Math.abs(best.start - near)))) best = candidate;
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
  }
  return best;
}

/** Places an annotation made with `quote`/`position` on `text`, or says it is an orphan. */
export function reanchor(text: string, quote: TextQuote, position: TextPosition): Anchor {
  if (quote.exact.length === 0) return { status: 'orphaned' };
  if (exactPosition(text, quote, position)) return { status: 'placed', tier: 'position', start: position.start, end: position.end, distance: 0 };
  const at = exactQuote(text, quote, position);
  if (at !== null) return { status: 'placed', tier: 'quote', start: at, end: at + quote.exact.length, distance: 0 };
  const bound = fuzzyBound(quote.exact);
  if (bound === 0) return { status: 'orphaned' };
  const window = fuzzyWindow(quote.exact);
  const from = Math.max(0, Math.min(text.length, position.start - window));
  const to = Math.min(text.length, position.end + window);
  const match = approximateMatch(text, quote.exact, from, to, position.start);
  if (!match || match.distance > bound) return { status: 'orphaned' };
  return { status: 'placed', tier: 'fuzzy', start: match.start, end: match.end, distance: match.distance };
}

/** The part of the new text where an orphan's passage was: around its old position, for triage. */
export function changedPassage(text: string, position: TextPosition, extra = CONTEXT_LENGTH): string {
  const start = Math.max(0, Math.min(text.length, position.start - extra));
  const end = Math.max(start, Math.min(text.length, position.end + extra));
  return text.slice(start, end);
}
