// Two versions of a law (or a country sheet) compared article by article
// (section by section), word by word, with jsdiff: which articles were
// inserted, deleted, changed or left as they were, and the words of each
// change. The articles' texts are the annotations' target text cut at each
// heading, so an offset in that text says which article it is in.
// Runtime-neutral: the core compares versions, the renderer folds the result.
import { diffArrays, diffWords } from 'diff';
import { COUNTRY_SHEET_SECTIONS } from './content';
import { htmlToText } from './text';

/** One article (or preamble, or sheet section) of a version's text. */
export interface TextUnit {
  /** What the article is matched by across versions: its heading's label ("Article 5a"), a section's key. */
  key: string;
  /** The heading as printed ("Article 5a – Language courses"); '' for the text before the first heading. */
  heading: string;
  text: string;
  /** Where the unit's text is in the whole target text (the annotations' offsets). */
  start: number;
  end: number;
}

export type WordPart = { op: 'equal' | 'insert' | 'delete'; text: string };
export type UnitStatus = 'inserted' | 'deleted' | 'changed' | 'unchanged';

export interface UnitDiff {
  key: string;
  heading: string;
  status: UnitStatus;
  parts: WordPart[];
}

/** Before each heading: an article starts there. */
const HEADING_START = /(?=<h[1-6][\s>])/i;
/** The label part of a heading: what comes before its title's dash or colon ("Article 5a – Scope" → "Article 5a"). */
const LABEL_END = /\s+[–—-]\s+|:\s+/;

const labelOf = (heading: string) => heading.split(LABEL_END)[0]!.trim();

/** A document body cut into its articles (the text before the first heading, when there is any, has key ''). */
export function articlesOf(bodyHtml: string): TextUnit[] {
  const units: TextUnit[] = [];
  let offset = 0;
  const seen = new Map<string, number>();
  for (const chunk of bodyHtml.split(HEADING_START)) {
    const text = htmlToText(chunk);
    if (!text) continue;
    const headingHtml = /^<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]\s*>/i.exec(chunk);
    const heading = headingHtml ? htmlToText(headingHtml[1]!) : '';
    let key = headingHtml ? labelOf(heading) : '';
    // Two headings of one label (a law printing "Article 3" twice) stay two articles.
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    if (repeat > 0) key = `${key} (${repeat + 1})`;
    const start = units.length ? offset + 1 : 0;
    units.push({ key, heading, text, start, end: start + text.length });
    offset = start + text.length;
  }
  return units;
}

/** A country sheet's sections as units, in the order of the content model. */
export function sectionsOf(sections: ReadonlyArray<{ key: string; title: string; body: string }>): TextUnit[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  return COUNTRY_SHEET_SECTIONS.flatMap((key) => {
    const section = byKey.get(key);
    if (!section) return [];
    const text = htmlToText(section.body);
    return [{ key, heading: section.title, text, start: 0, end: text.length }];
  });
}

/** The word-level difference of two texts (words, punctuation and blanks as tokens). */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((change) => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
}

/**
 * The units of two versions matched by key, in the newer version's order with
 * deleted units where they stood: each inserted, deleted, changed (with its
 * word diff) or unchanged (its text as one equal part).
 */
export function diffUnits(from: readonly TextUnit[], to: readonly TextUnit[]): UnitDiff[] {
  const before = new Map(from.map((unit) => [unit.key, unit]));
  const after = new Map(to.map((unit) => [unit.key, unit]));
  const out: UnitDiff[] = [];
  for (const change of diffArrays(from.map((unit) => unit.key), to.map((unit) => unit.key))) {
    for (const key of change.value) {
      const old = before.get(key);
      const now = after.get(key);
      if (change.removed) {
        // A unit that moved is reported where it now stands.
        if (!now && old) out.push({ key, heading: old.heading, status: 'deleted', parts: [{ op: 'delete', text: old.text }] });
      } else if (now) {
        if (!old) out.push({ key, heading: now.heading, status: 'inserted', parts: [{ op: 'insert', text: now.text }] });
        else if (old.text === now.text) out.push({ key, heading: now.heading, status: 'unchanged', parts: [{ op: 'equal', text: now.text }] });
        else out.push({ key, heading: now.heading, status: 'changed', parts: wordDiff(old.text, now.text) });
      }
    }
  }
  return out;
}

/** The unit an offset of the whole text is in (the last one starting at or before it). */
export function unitAt(units: readonly TextUnit[], offset: number): TextUnit | undefined {
  let found: TextUnit | undefined;
  for (const unit of units) if (unit.start <= offset) found = unit;
  return found;
}
