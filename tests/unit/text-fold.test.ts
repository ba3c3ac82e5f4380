// The renderer folds the text nodes it shows the way the core folds a target's
// HTML (htmlToText): equal texts mean annotation offsets are shared as they are.
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../shared/text';
import { findWords, foldTextNodes, mapSpan, trimSpan } from '../../renderer/src/features/annotations/text-fold';
import { seededRandom as random } from '../../server/sample/random';

const WORDS = ['Article', '5.', 'The', 'permit', 'is', 'valid', 'for', '30', 'days', 'Aufenthalt', 'intégration', 'ß', '—', '(a)', 'and'];
const BLANKS = [' ', '  ', '\n', '\t', ' \n  ', '\u00a0'];
const TAGS = ['p', 'em', 'strong', 'h2', 'li', 'span', 'a href="https://example.org"', 'br/'];

/** Random HTML of text and tags, and the text nodes a parser makes of it (non-empty text between tags). */
function randomHtml(next: () => number): { html: string; textNodes: string[] } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let html = '';
  const open: string[] = [];
  const pieces = 1 + Math.floor(next() * 25);
  for (let i = 0; i < pieces; i += 1) {
    const roll = next();
    if (roll < 0.25) {
      const tag = pick(TAGS);
      if (tag === 'br/') html += '<br/>';
      else {
        html += `<${tag}>`;
        open.push(tag.split(' ')[0]!);
      }
    } else if (roll < 0.4 && open.length > 0) html += `</${open.pop()}>`;
    else html += (next() < 0.5 ? pick(BLANKS) : '') + pick(WORDS) + (next() < 0.6 ? pick(BLANKS) : '');
  }
  while (open.length) html += `</${open.pop()}>`;
  return { html, textNodes: html.split(/<[^>]*>/).filter((text) => text.length > 0) };
}

describe('folding rendered text nodes', () => {
  it('gives the text the core derives from the same HTML, in 2,000 random fragments', () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const { html, textNodes } = randomHtml(random(seed));
      expect(foldTextNodes(textNodes).text, `seed ${seed}: ${html}`).toBe(htmlToText(html));
    }
  });

  it('maps every character back to its node and offset', () => {
    const nodes = ['  The permit is ', 'valid', ' for\n30 days. '];
    const folded = foldTextNodes(nodes);
    expect(folded.text).toBe('The permit is valid for 30 days.');
    for (let i = 0; i < folded.text.length; i += 1) {
      const source = nodes[folded.nodeOf[i]!]![folded.offsetOf[i]!]!;
      // A folded blank points at the character after it, so a range starting there skips the blank.
      expect(source, `char ${i}`).toBe(folded.text[i] === ' ' ? folded.text[i + 1] : folded.text[i]);
    }
    expect(trimSpan(folded.text, 13, 20)).toEqual({ start: 14, end: 19 });
  });

  it('reads pieces of one text node that a find split as one text: no blank where its marks begin or end', () => {
    // "The integration, of" with "integr" marked: the pieces, then the joined flags the DOM index computes.
    const pieces = ['The ', 'integr', 'ation, of'];
    expect(foldTextNodes(pieces).text).toBe('The integr ation, of');
    const folded = foldTextNodes(pieces, [false, true, true]);
    expect(folded.text).toBe('The integration, of');
    expect([folded.nodeOf[10], folded.offsetOf[10]]).toEqual([2, 0]);
  });

  it('maps the blanks that only tags make, however many (paragraphs with no white space between them)', () => {
    const paragraphs = Array.from({ length: 500 }, (_, i) => `Clause ${i}.`);
    const folded = foldTextNodes(paragraphs);
    expect(folded.text).toBe(paragraphs.join(' '));
    expect(folded.nodeOf.length).toBe(folded.text.length);
    expect(folded.offsetOf.length).toBe(folded.text.length);
    const last = folded.text.length - 1;
    expect([folded.nodeOf[last], folded.offsetOf[last]]).toEqual([499, 'Clause 499.'.length - 1]);
  });
});

describe('mapping spans between two foldings of one text', () => {
  it('is the identity when the texts are equal', () => {
    expect(mapSpan('abc def', 'abc def', 4, 7)).toEqual({ start: 4, end: 7 });
  });

  it('finds the occurrence whose surroundings agree, not merely the first', () => {
    const shown = 'Article 5. The term is 30 days. Article 6. The term is 30 days for families.';
    const stored = 'Preamble. Article 5. The term is 30 days. Article 6. The term is 30 days for families.';
    const second = shown.lastIndexOf('30 days');
    const mapped = mapSpan(shown, stored, second, second + 7)!;
    expect(stored.slice(mapped.start, mapped.end)).toBe('30 days');
    expect(mapped.start).toBe(stored.lastIndexOf('30 days'));
    expect(mapSpan(shown, stored, 0, 7)).toEqual({ start: 10, end: 17 });
  });

  it('is null when the words are not in the other text', () => {
    expect(mapSpan('an iframe’s fallback', 'nothing alike', 3, 9)).toBeNull();
  });
});

describe('finding typed words', () => {
  it('ignores case and runs of blanks, and says when the words are absent', () => {
    expect(findWords('The permit is valid for 30 days.', '  VALID   for 30 ')).toEqual({ start: 14, end: 26 });
    expect(findWords('The permit', 'visa')).toBeNull();
    expect(findWords('The permit', '   ')).toBeNull();
  });
});
