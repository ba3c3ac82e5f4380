// Property tests of re-anchoring: seeded random texts, annotated passages and
// edits before, after, around and inside them.
//
// What "survives" means, tier by tier:
// - exact: the old quote `exact` occurs somewhere in the new text. Then the
//   annotation must be placed (position or quote tier) on a span equal to it,
//   and, when prefix+exact+suffix occurs exactly once in the new text (the
//   context disambiguates), on that occurrence.
// - fuzzy: the quote no longer occurs, but the edited passage (the old span
//   after the edit) lies within fuzzyWindow() of the old position and is at
//   most fuzzyBound(exact) = floor(|exact| / 4) Levenshtein edits from the old
//   quote (quotes of FUZZY_MIN_LENGTH characters or more). Then the annotation
//   must be placed, fuzzily, on a span at most fuzzyBound edits from the old quote.
// Everything else may be placed fuzzily only within that same bound, or is an
// orphan. Never misplaced: a placed span always satisfies the bound of its tier.
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, approximateMatch, describeSpan, fuzzyBound, reanchor } from '../../electron/core/annotations/anchoring';
import { seededRandom as mulberry32 } from '../../server/sample/random';

/** Independent Levenshtein distance (full matrix), to check the matcher's claims. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length]![b.length]!;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

type EditKind = 'none' | 'insertBefore' | 'deleteBefore' | 'insertAfter' | 'deleteAfter' | 'replaceAround' | 'deletePassage' | 'insertInside' | 'substituteInside' | 'duplicateElsewhere' | 'rewriteContext';
const EDIT_KINDS: EditKind[] = ['none', 'insertBefore', 'deleteBefore', 'insertAfter', 'deleteAfter', 'replaceAround', 'deletePassage', 'insertInside', 'substituteInside', 'duplicateElsewhere', 'rewriteContext'];

function generator(seed: number) {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  // A small vocabulary makes repeated words (and so repeated quotes) common.
  const vocabulary = Array.from({ length: int(8, 60) }, () => Array.from({ length: int(1, 7) }, () => pick('abcdefghijklmnopqrstuvwxyzéß'.split(''))).join(''));
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  const letters = (n: number) => Array.from({ length: n }, () => pick('abcdefghijklmnopqrstuvwxyz .,'.split(''))).join('');
  return { random, int, pick, words, letters };
}

interface Case {
  text: string;
  start: number;
  end: number;
  kind: EditKind;
  next: string;
  /** Where the old span is in the new text, when the edit keeps it as one span (possibly edited). */
  editedSpan: { start: number; end: number } | null;
}

function makeCase(seed: number): Case {
  const g = generator(seed);
  const text = g.words(g.int(20, 250));
  const length = g.int(1, Math.min(90, text.length - 1));
  const start = g.int(0, text.length - length);
  const end = start + length;
  const kind = g.pick(EDIT_KINDS);
  const insertion = () => (g.random() < 0.5 ? g.words(g.int(1, 12)) : g.letters(g.int(1, 40)));
  const splice = (s: string, at: number, remove: number, insert: string) => s.slice(0, at) + insert + s.slice(at + remove);
  switch (kind) {
    case 'none':
      return { text, start, end, kind, next: text, editedSpan: { start, end } };
    case 'insertBefore': {
      const at = g.int(0, start);
      const add = insertion();
      return { text, start, end, kind, next: splice(text, at, 0, add), editedSpan: { start: start + add.length, end: end + add.length } };
    }
    case 'deleteBefore': {
      const at = g.int(0, start);
      const remove = g.int(0, start - at);
      return { text, start, end, kind, next: splice(text, at, remove, ''), editedSpan: { start: start - remove, end: end - remove } };
    }
    case 'insertAfter':
      return { text, start, end, kind, next: splice(text, g.int(end, text.length), 0, insertion()), editedSpan: { start, end } };
    case 'deleteAfter': {
      const at = g.int(end, text.length);
      return { text, start, end, kind, next: splice(text, at, g.int(0, text.length - at), ''), editedSpan: { start, end } };
    }
    case 'replaceAround': {
      const from = g.int(0, start);
      const to = g.int(end, text.length);
      return { text, start, end, kind, next: splice(text, from, to - from, insertion()), editedSpan: null };
    }
    case 'deletePassage':
      return { text, start, end, kind, next: splice(text, start, length, ''), editedSpan: null };
    case 'insertInside': {
      const at = g.int(start, end);
      const add = g.letters(g.int(1, 6));
      return { text, start, end, kind, next: splice(text, at, 0, add), editedSpan: { start, end: end + add.length } };
    }
    case 'substituteInside': {
      // At most the fuzzy bound of substitutions, so the passage survives fuzzily.
      let next = text;
      const count = g.int(1, Math.max(1, fuzzyBound(text.slice(start, end))));
      for (let n = 0; n < count; n += 1) {
        const at = g.int(start, end - 1);
        next = splice(next, at, 1, g.pick('abcdefghijklmnopqrstuvwxyz0123456789'.split('')));
      }
      return { text, start, end, kind, next, editedSpan: { start, end } };
    }
    case 'duplicateElsewhere': {
      // The same quote again, with other context, before or after: context must pick the original.
      const copy = ` ${g.words(2)} ${text.slice(start, end)} ${g.words(2)} `;
      if (g.random() < 0.5) return { text, start, end, kind, next: splice(text, 0, 0, copy), editedSpan: { start: start + copy.length, end: end + copy.length } };
      return { text, start, end, kind, next: text + copy, editedSpan: { start, end } };
    }
    case 'rewriteContext': {
      // The passage stays, its immediate context changes on one side.
      const before = g.random() < 0.5;
      const add = g.letters(g.int(1, 10));
      if (before) {
        const from = Math.max(0, start - g.int(1, CONTEXT_LENGTH));
        return { text, start, end, kind, next: splice(text, from, start - from, add), editedSpan: { start: from + add.length, end: from + add.length + length } };
      }
      return { text, start, end, kind, next: splice(text, end, g.int(1, CONTEXT_LENGTH), add), editedSpan: { start, end } };
    }
  }
}

const CASES = 1500;

describe('re-anchoring (property)', () => {
  it(`places every surviving quote on itself and never misplaces (${CASES} seeded cases)`, () => {
    const tally: Record<string, number> = {};
    for (let seed = 1; seed <= CASES; seed += 1) {
      const c = makeCase(seed);
      const { quote, position } = describeSpan(c.text, c.start, c.end);
      const anchor = reanchor(c.next, quote, position);
      const label = `seed ${seed} (${c.kind}): ${JSON.stringify(quote)} in ${JSON.stringify(c.next)}`;
      tally[`${c.kind}:${anchor.status === 'placed' ? anchor.tier : 'orphaned'}`] = (tally[`${c.kind}:${anchor.status === 'placed' ? anchor.tier : 'orphaned'}`] ?? 0) + 1;
      const survivesExactly = c.next.includes(quote.exact);
      if (survivesExactly) {
        expect(anchor.status, label).toBe('placed');
        if (anchor.status !== 'placed') continue;
        expect(anchor.tier, label).not.toBe('fuzzy');
        expect(c.next.slice(anchor.start, anchor.end), label).toBe(quote.exact);
        const withContext = occurrences(c.next, quote.prefix + quote.exact + quote.suffix);
        if (withContext.length === 1) expect(anchor.start, label).toBe(withContext[0]! + quote.prefix.length);
        // Untouched passage and context, shifted or not: the original occurrence.
        if (['none', 'insertBefore', 'deleteBefore', 'insertAfter', 'deleteAfter', 'duplicateElsewhere'].includes(c.kind) && withContext.length === 1) {
          expect(anchor.start, label).toBe(c.editedSpan!.start);
        }
        continue;
      }
      if (anchor.status === 'placed') {
        expect(anchor.tier, label).toBe('fuzzy');
        const span = c.next.slice(anchor.start, anchor.end);
        expect(levenshtein(span, quote.exact), label).toBeLessThanOrEqual(fuzzyBound(quote.exact));
        expect(anchor.distance, label).toBeLessThanOrEqual(fuzzyBound(quote.exact));
      }
      if (c.editedSpan) {
        const edited = c.next.slice(c.editedSpan.start, c.editedSpan.end);
        const bound = fuzzyBound(quote.exact);
        // Survives fuzzily (see the header): must be placed.
        if (bound > 0 && levenshtein(edited, quote.exact) <= bound) expect(anchor.status, label).toBe('placed');
      }
    }
    // The generator reaches every tier and orphans, or the test proves little.
    const seen = new Set(Object.keys(tally).map((key) => key.split(':')[1]));
    expect([...seen].sort()).toEqual(['fuzzy', 'orphaned', 'position', 'quote']);
  });
});

describe('re-anchoring (examples)', () => {
  const law = 'Article 3. A residence permit is valid for 30 days. Article 4. The applicant shall register within 30 days.';
  const start = law.indexOf('valid for 30 days');
  const made = describeSpan(law, start, start + 'valid for 30 days'.length);

  it('keeps the position when nothing changed', () => {
    expect(reanchor(law, made.quote, made.position)).toEqual({ status: 'placed', tier: 'position', start, end: made.position.end, distance: 0 });
  });

  it('follows the quote when text is inserted before it', () => {
    const amended = `Preamble added. ${law}`;
    const anchor = reanchor(amended, made.quote, made.position);
    expect(anchor).toMatchObject({ status: 'placed', tier: 'quote', start: start + 'Preamble added. '.length });
  });

  it('picks the occurrence whose context matches among repeats', () => {
    const quote30 = describeSpan(law, law.lastIndexOf('30 days'), law.lastIndexOf('30 days') + 7);
    const amended = `Article 2. Within 30 days. ${law}`;
    const anchor = reanchor(amended, quote30.quote, quote30.position);
    expect(anchor).toMatchObject({ status: 'placed', start: amended.lastIndexOf('30 days') });
  });

  it('places an amended passage fuzzily within the bound', () => {
    const amended = law.replace('valid for 30 days', 'valid for 45 days');
    const anchor = reanchor(amended, made.quote, made.position);
    expect(anchor).toMatchObject({ status: 'placed', tier: 'fuzzy', distance: 2 });
    if (anchor.status === 'placed') expect(amended.slice(anchor.start, anchor.end)).toBe('valid for 45 days');
  });

  it('orphans a deleted passage', () => {
    const amended = 'Article 3. Repealed. Article 4. The applicant shall register within 30 days.';
    expect(reanchor(amended, made.quote, made.position)).toEqual({ status: 'orphaned' });
  });

  it('approximateMatch reports the least edit distance of any substring', () => {
    expect(approximateMatch('xx hello world yy', 'helo wrld', 0, 17, 0)).toEqual({ start: 3, end: 14, distance: 2 });
  });

  it('refuses empty or out-of-range spans', () => {
    expect(() => describeSpan('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeSpan('abc', 0, 4)).toThrow(RangeError);
  });
});
