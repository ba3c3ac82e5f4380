// Stemming at query time, per language: each query word also stands for the
// index terms that share its Snowball stem in a language being searched
// ("integrating" for "integration", "Flüchtlinge" for "Flüchtling",
// "intégrés" for "intégration"), and stopwords stop being required. The
// engine ranks what only these variants find below what the words as typed
// find, so exact forms always come first; phrases and prefixes stay exact.
import { CORPUS_LANGUAGES, vocabularyKey } from '../../../shared/search-vocabulary';
import type { QueryClauses, QueryItem } from './query';
import { stemmerFor } from './suggest/stemmers';

/** Words too common to require, per language (Snowball's lists, cut to the words the corpus's prose uses most). */
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'into', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'what', 'when', 'which', 'who', 'with']),
  fr: new Set(['au', 'aux', 'avec', 'ce', 'ces', 'dans', 'de', 'des', 'du', 'en', 'est', 'et', 'la', 'le', 'les', 'leur', 'leurs', 'l', 'd', 'ou', 'par', 'pour', 'qui', 'que', 'sur', 'un', 'une']),
  de: new Set(['am', 'an', 'auf', 'aus', 'bei', 'das', 'dem', 'den', 'der', 'des', 'die', 'ein', 'eine', 'einen', 'einer', 'für', 'fur', 'im', 'in', 'ist', 'mit', 'nach', 'oder', 'und', 'von', 'vom', 'wie', 'zu', 'zum', 'zur']),
  es: new Set(['a', 'al', 'con', 'de', 'del', 'el', 'en', 'la', 'las', 'los', 'para', 'por', 'que', 'un', 'una', 'y']),
  it: new Set(['a', 'al', 'alla', 'con', 'da', 'dei', 'del', 'della', 'di', 'e', 'il', 'in', 'la', 'le', 'nel', 'nella', 'per', 'un', 'una']),
  nl: new Set(['de', 'een', 'en', 'het', 'in', 'met', 'op', 'van', 'voor', 'aan', 'bij']),
  pl: new Set(['i', 'na', 'w', 'we', 'z', 'do', 'dla', 'o', 'od']),
  pt: new Set(['a', 'ao', 'com', 'da', 'das', 'de', 'do', 'dos', 'e', 'em', 'na', 'no', 'o', 'os', 'para', 'por', 'um', 'uma']),
  sv: new Set(['av', 'de', 'den', 'det', 'en', 'ett', 'för', 'for', 'i', 'med', 'och', 'om', 'på', 'pa', 'som', 'till']),
};

/** The corpus's languages that have a stemmer: searched when the query names none. */
const STEMMED_LANGUAGES = CORPUS_LANGUAGES.filter((language) => stemmerFor(language) !== undefined);

const stems = new Map<string, string>();
/** A word's stem in a language, without accents on either side (the index holds none); remembered, since each query stems hundreds of index terms. */
function stemOf(language: string, word: string): string {
  const key = `${language} ${word}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    const bare = vocabularyKey(word);
    stem = vocabularyKey(stemmerFor(language)?.(bare) ?? bare);
    if (stems.size > 200_000) stems.clear();
    stems.set(key, stem);
  }
  return stem;
}

/** Whether a word is a stopword in any of the languages. */
export function isStopword(word: string, languages: readonly string[]): boolean {
  const key = vocabularyKey(word);
  return languages.some((language) => STOPWORDS[language]?.has(key));
}

/** Variants per word and language: the most common ones, so a widened query stays a few terms per word. */
const MAX_VARIANTS = 8;

/** Index terms from a prefix on, each with how many rows hold it (0 when not known: then the shortest come first). */
export type TermsFrom = (prefix: string, limit: number) => Array<[term: string, rows: number]>;

/**
 * The index terms that share the word's stem in the language (not the word
 * itself), the most common first.
 */
export function stemVariants(word: string, language: string, termsFrom: TermsFrom): string[] {
  if (!stemmerFor(language)) return [];
  const exact = vocabularyKey(word);
  const stem = stemOf(language, word);
  // Stems of two letters would reach far too many words.
  if (stem.length < 3) return [];
  // Most variants begin with the stem; a stem the stemmer rewrote (ß, "-y" to "-i") begins with the word's start.
  const prefix = exact.startsWith(stem) ? stem : stem.slice(0, Math.max(3, stem.length - 1));
  const variants: Array<[string, number]> = [];
  for (const [term, rows] of termsFrom(prefix, 400)) {
    if (!term.startsWith(prefix)) break;
    if (term !== exact && stemOf(language, term) === stem) variants.push([term, rows]);
  }
  return variants
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_VARIANTS)
    .map(([term]) => term);
}

const termItem = (text: string): QueryItem => ({ kind: 'term', text, prefix: false, expression: `"${text.replace(/"/g, '""')}"` });

/** The query widened by stem: its clauses, and the record languages whose stemming widened it. */
export interface StemmedQuery {
  languages: string[];
  clauses: QueryClauses;
}

/**
 * The query widened in the languages searched (all the corpus's stemmed
 * languages when it names none): each plain word ORed with its variants in
 * every such language, and words that are stopwords there no longer
 * required. One query for all languages, evaluated once; only records in a
 * language that widened it count (the Swedish stem of "numbat" reaches
 * "number", which must not bring English records). Undefined when nothing widens.
 */
export function stemmedQuery(clauses: QueryClauses, searched: readonly string[], termsFrom: TermsFrom): StemmedQuery | undefined {
  const languages = searched.length ? searched.filter((language) => stemmerFor(language)) : STEMMED_LANGUAGES;
  const widening = new Set<string>();
  const isPlainWord = (group: QueryItem[]) => group.length === 1 && group[0]!.kind === 'term' && !group[0]!.prefix;
  const content = clauses.groups.filter((group) => {
    const stopIn = isPlainWord(group) ? languages.filter((language) => isStopword(group[0]!.text, [language])) : [];
    for (const language of stopIn) widening.add(language);
    return stopIn.length === 0;
  });
  // A query of stopwords alone keeps them: they are then what the user is looking for.
  const groups = content.length ? content : clauses.groups;
  if (!content.length) widening.clear();
  const widened = groups.map((group) =>
    group.flatMap((item) => {
      if (item.kind !== 'term' || item.prefix) return [item];
      const variants = new Set<string>();
      for (const language of languages) {
        const found = stemVariants(item.text, language, termsFrom);
        if (found.length) widening.add(language);
        for (const variant of found) variants.add(variant);
      }
      return [item, ...[...variants].map(termItem)];
    }),
  );
  return widening.size ? { languages: [...widening], clauses: { groups: widened, excluded: clauses.excluded } } : undefined;
}
