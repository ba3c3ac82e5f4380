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

/** A word's stem in a language, without accents on either side (the index holds none). */
function stemOf(language: string, word: string): string {
  const bare = vocabularyKey(word);
  return vocabularyKey(stemmerFor(language)?.(bare) ?? bare);
}

/** Whether a word is a stopword in any of the languages. */
export function isStopword(word: string, languages: readonly string[]): boolean {
  const key = vocabularyKey(word);
  return languages.some((language) => STOPWORDS[language]?.has(key));
}

const MAX_VARIANTS = 24;

/**
 * The index terms that share the word's stem in one of the languages (not
 * the word itself). `termsFrom` lists index terms from a prefix on.
 */
export function stemVariants(word: string, languages: readonly string[], termsFrom: (prefix: string, limit: number) => string[]): string[] {
  const exact = vocabularyKey(word);
  const variants = new Set<string>();
  for (const language of languages) {
    if (!stemmerFor(language)) continue;
    const stem = stemOf(language, word);
    // Stems of two letters would reach far too many words.
    if (stem.length < 3) continue;
    // Most variants begin with the stem; a stem the stemmer rewrote (ß, "-y" to "-i") begins with the word's start.
    const prefix = exact.startsWith(stem) ? stem : stem.slice(0, Math.max(3, stem.length - 1));
    for (const term of termsFrom(prefix, 400)) {
      if (!term.startsWith(prefix)) break;
      if (term !== exact && stemOf(language, term) === stem) variants.add(term);
      if (variants.size >= MAX_VARIANTS) break;
    }
  }
  return [...variants].sort();
}

const termItem = (text: string): QueryItem => ({ kind: 'term', text, prefix: false, expression: `"${text.replace(/"/g, '""')}"` });

/** One widened query and the record languages it is for. */
export interface StemmedQuery {
  languages: string[];
  clauses: QueryClauses;
}

/** The clauses widened in one language: stem variants added, stopwords no longer required; undefined when that changes nothing. */
function widenIn(clauses: QueryClauses, language: string, termsFrom: (prefix: string, limit: number) => string[]): QueryClauses | undefined {
  let changed = false;
  const isPlainWord = (group: QueryItem[]) => group.length === 1 && group[0]!.kind === 'term' && !group[0]!.prefix;
  const content = clauses.groups.filter((group) => !(isPlainWord(group) && isStopword(group[0]!.text, [language])));
  // A query of stopwords alone keeps them: they are then what the user is looking for.
  const groups = content.length ? content : clauses.groups;
  if (groups.length !== clauses.groups.length) changed = true;
  const widened = groups.map((group) =>
    group.flatMap((item) => {
      if (item.kind !== 'term' || item.prefix) return [item];
      const variants = stemVariants(item.text, [language], termsFrom);
      if (variants.length) changed = true;
      return [item, ...variants.map(termItem)];
    }),
  );
  return changed ? { groups: widened, excluded: clauses.excluded } : undefined;
}

/**
 * The query widened per language being searched (all the corpus's stemmed
 * languages when the query names none). A variant only counts for records in
 * its language: the Swedish stem of "numbat" must not find English "numbers".
 * Languages whose widening comes out the same share one query.
 */
export function stemmedQueries(clauses: QueryClauses, searched: readonly string[], termsFrom: (prefix: string, limit: number) => string[]): StemmedQuery[] {
  const languages = searched.length ? searched.filter((language) => stemmerFor(language)) : STEMMED_LANGUAGES;
  const byShape = new Map<string, StemmedQuery>();
  for (const language of languages) {
    const widened = widenIn(clauses, language, termsFrom);
    if (!widened) continue;
    const shape = JSON.stringify(widened.groups.map((group) => group.map((item) => item.expression)));
    const known = byShape.get(shape);
    if (known) known.languages.push(language);
    else byShape.set(shape, { languages: [language], clauses: widened });
  }
  return [...byShape.values()];
}
