// The words suggestions are indexed and queried by: lower case, without
// accents, split on anything that is not a letter, digit or mark.
import { foldLetters } from '../../../../shared/text';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Only the combining diacritics NFKD splits off Latin, Greek and Cyrillic
// letters: the vowel signs of Indic scripts are marks too, and are letters.
const DIACRITICS = /[\u0300-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f]/g;

/** Lower case without accents, so "integracion" finds "integración" and "Auslander" "Ausländer". */
export function foldText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return foldLetters(text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase());
}

const ASCII_SEPARATOR = /[^a-z0-9]+/;
const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
/** The folded words of a text, in order, repeats included. */
export function foldedWords(text: string): string[] {
  // Most titles are plain ASCII: a lower-case copy and an ASCII split suffice.
  const ascii = PRINTABLE_ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : foldText(text);
  return folded.split(ascii ? ASCII_SEPARATOR : SEPARATOR).filter((word) => word.length > 0);
}

/** The distinct terms an entry is found by. Single letters (the l' of "l'intégration") would only bloat postings. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of foldedWords(text)) if (word.length > 1 && !terms.includes(word)) terms.push(word);
  return terms;
}
