// The plain text of rendered content, folded the way the core folds a target's
// HTML into the text annotations are made on (tags become blanks, runs of
// blanks one space, trimmed), with where each character came from. Pure: the
// DOM side (annotation-dom.ts) hands in the text nodes' contents.

export interface FoldedText {
  text: string;
  /** For each character of `text`: the index of the text node it came from… */
  nodeOf: Int32Array;
  /** …and its offset in that node (an inserted blank points at the character after it). */
  offsetOf: Int32Array;
}

const BLANK = /\s/;

/**
 * Folds the contents of consecutive text nodes; a boundary between two nodes counts as a blank (it is a tag),
 * except before a node `joined` says continues the one before it (a text node a find's marks split in pieces).
 */
export function foldTextNodes(contents: readonly string[], joined?: readonly boolean[]): FoldedText {
  // At most every character, plus one blank per node boundary (a tag between two words).
  const capacity = contents.reduce((sum, data) => sum + data.length, 0) + contents.length;
  const chars: string[] = [];
  const nodeOf = new Int32Array(capacity);
  const offsetOf = new Int32Array(capacity);
  let pendingBlank = false;
  contents.forEach((data, node) => {
    if (!joined?.[node]) pendingBlank = true;
    for (let offset = 0; offset < data.length; offset += 1) {
      const char = data[offset]!;
      if (BLANK.test(char)) {
        pendingBlank = true;
        continue;
      }
      if (pendingBlank && chars.length > 0) {
        nodeOf[chars.length] = node;
        offsetOf[chars.length] = offset;
        chars.push(' ');
      }
      pendingBlank = false;
      nodeOf[chars.length] = node;
      offsetOf[chars.length] = offset;
      chars.push(char);
    }
  });
  return { text: chars.join(''), nodeOf: nodeOf.subarray(0, chars.length), offsetOf: offsetOf.subarray(0, chars.length) };
}

/** A span without the blanks at its ends. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && text[s] === ' ') s += 1;
  while (e > s && text[e - 1] === ' ') e -= 1;
  return { start: s, end: e };
}

const commonSuffix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
};
const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
};

/** How far around a span its context is compared when two texts disagree. */
const CONTEXT = 64;
const MAX_CANDIDATES = 2000;

/**
 * The span of `to` that holds `from`'s span start–end. The two texts are the
 * same content folded twice (what the page shows, what the core stores) and
 * are usually equal; when they differ (the sanitizer dropped an element, an
 * entity the core does not decode), the span's words are looked up in `to`
 * and the occurrence whose surroundings agree best, then the nearest in
 * proportion, wins. Null when the words are not in `to` at all.
 */
export function mapSpan(from: string, to: string, start: number, end: number): { start: number; end: number } | null {
  if (from === to) return { start, end };
  const exact = from.slice(start, end);
  if (!exact) return null;
  const before = from.slice(Math.max(0, start - CONTEXT), start);
  const after = from.slice(end, end + CONTEXT);
  const expected = from.length === 0 ? 0 : (start / from.length) * to.length;
  let best: { start: number; score: number; distance: number } | null = null;
  let seen = 0;
  for (let at = to.indexOf(exact); at !== -1 && seen < MAX_CANDIDATES; at = to.indexOf(exact, at + 1), seen += 1) {
    const score = commonSuffix(before, to.slice(Math.max(0, at - CONTEXT), at)) + commonPrefix(after, to.slice(at + exact.length, at + exact.length + CONTEXT));
    const distance = Math.abs(at - expected);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}

/** The first occurrence of the words typed by the user, ignoring case and runs of blanks. */
export function findWords(text: string, words: string): { start: number; end: number } | null {
  const wanted = words.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  if (!wanted) return null;
  const haystack = text.toLocaleLowerCase();
  // Lower-casing keeps UTF-16 lengths for the scripts the portal publishes in; when it does not, offsets would drift.
  if (haystack.length !== text.length) return null;
  const at = haystack.indexOf(wanted);
  return at === -1 ? null : { start: at, end: at + wanted.length };
}
