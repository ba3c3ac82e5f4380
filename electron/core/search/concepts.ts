// Query words that name a concept of the site's vocabulary: a theme
// ("Familiennachzug", "regroupement familial", "family reunification") or a
// country ("Deutschland", "Allemagne", "German"), in any corpus language and
// in inflected forms (matched stem by stem in the name's own language). The
// engine adds the concept's records in every language below the text matches.
import { EU_COUNTRIES } from '../../../shared/content';
import { countryNames, themeNameEntries, vocabularyKey } from '../../../shared/search-vocabulary';
import { foldLetters } from '../../../shared/text';
import type { QueryClauses } from './query';
import { stemmerFor } from './suggest/stemmers';

export interface QueryConcepts {
  themes: string[];
  countries: string[];
  /** An FTS5 expression for the theme names in every language in titles, or '' without a theme. */
  titleExpression: string;
}

interface ConceptName {
  concept: { theme: string } | { country: string };
  language: string;
  /** The name's words, stemmed in its language. */
  stems: string[];
  /** The name's words as the index holds them (for the title expression). */
  words: string[];
}

/** Words a multi-word name may carry that a query need not repeat. */
const LINKING_WORDS = new Set(['of', 'the', 'and', 'to', 'de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'sur', 'au', 'aux', 'von', 'der', 'die', 'das', 'zum', 'zur', 'und', 'del', 'della', 'dei', 'e', 'y', 'et', 'och', 'i', 'van', 'het', 'na', 'no', 'em']);

// Both sides stemmed without accents, so "Familiennachzuge" typed without its umlaut stems as the name does.
const stemIn = (language: string, word: string): string => {
  const bare = vocabularyKey(word);
  return vocabularyKey(stemmerFor(language)?.(bare) ?? bare);
};
const wordsOf = (name: string): string[] => vocabularyKey(foldLetters(name)).split(' ').filter((word) => word && !LINKING_WORDS.has(word));

let names: ConceptName[] | undefined;
function conceptNames(): ConceptName[] {
  if (names) return names;
  const entries: ConceptName[] = themeNameEntries().map(({ theme, language, name }) => ({ concept: { theme }, language, words: wordsOf(name), stems: [] }));
  for (const country of EU_COUNTRIES) {
    // Country names are proper names: the English stemmer is as good as any for "Germany"/"Germanys".
    for (const name of countryNames(country)) entries.push({ concept: { country }, language: 'en', words: wordsOf(name), stems: [] });
  }
  for (const entry of entries) entry.stems = entry.words.map((word) => stemIn(entry.language, word));
  // Longest names first: "family reunification" is one concept, not "family" and another.
  names = entries.filter((entry) => entry.words.length > 0).sort((a, b) => b.words.length - a.words.length);
  return names;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The concepts a query's words name (whole words and phrases only), or undefined. */
export function findConcepts(clauses: QueryClauses): QueryConcepts | undefined {
  // Only plain words and phrases, one per group: an OR group or a prefix is the user's own construction.
  const groupWords = clauses.groups.map((group) => (group.length === 1 && !group[0]!.prefix ? group[0]!.text.split(' ') : []));
  const sequence: Array<{ group: number; word: string }> = groupWords.flatMap((words, group) => words.map((word) => ({ group, word })));
  if (sequence.length === 0) return undefined;
  const themes = new Set<string>();
  const countries = new Set<string>();
  let found = false;
  const used = new Set<number>();
  // Each query word stemmed once per language, not once per name.
  const stemmedWords = new Map<string, string[]>();
  const stemsIn = (language: string): string[] => {
    let stems = stemmedWords.get(language);
    if (!stems) stemmedWords.set(language, (stems = sequence.map((entry) => stemIn(language, entry.word))));
    return stems;
  };
  for (const name of conceptNames()) {
    const stems = stemsIn(name.language);
    const n = name.stems.length;
    for (let start = 0; start + n <= sequence.length; start += 1) {
      let matches = true;
      for (let i = 0; i < n && matches; i += 1) matches = !used.has(start + i) && stems[start + i] === name.stems[i];
      if (!matches) continue;
      const groups = new Set(sequence.slice(start, start + n).map((entry) => entry.group));
      // A concept stands for whole groups only: half a quoted phrase is not the concept.
      if ([...groups].some((group) => groupWords[group]!.length > n)) continue;
      for (let i = 0; i < n; i += 1) used.add(start + i);
      found = true;
      if ('theme' in name.concept) themes.add(name.concept.theme);
      else countries.add(name.concept.country);
    }
  }
  if (!found) return undefined;
  const themeList = [...themes];
  const titleNames = [...new Set(conceptNames().filter((name) => 'theme' in name.concept && themeList.includes(name.concept.theme)).map((name) => name.words.join(' ')))];
  return {
    themes: themeList,
    countries: [...countries],
    titleExpression: titleNames.length ? `title : (${titleNames.map(quote).join(' OR ')})` : '',
  };
}
