// Instant, typo-tolerant suggestions for the search box: record titles plus the
// facet values a user may mean (EU countries, themes, organisations), in one
// MiniSearch index. It lives in memory beside the SQLite full-text index
// because it must answer on every keystroke, forgive typos and accents, and
// complete words, none of which FTS5 does cheaply. To stay small it indexes
// titles only and stores nothing but type, id and title per record.
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as armenian } from '@orama/stemmers/armenian';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hindi } from '@orama/stemmers/indian';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as irish } from '@orama/stemmers/irish';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as nepali } from '@orama/stemmers/nepali';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as tamil } from '@orama/stemmers/tamil';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import { EU_COUNTRIES, THEMES } from '../../../shared/content';

export type SuggestionKind = 'title' | 'country' | 'theme' | 'organisation';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  /** For titles: the record it opens. */
  type?: string;
  /** For titles: the record it opens; for countries and themes: the code or slug to filter by. */
  id?: string;
  score: number;
}

export interface SuggestSource {
  type: string;
  id: string;
  title: string;
  language: string;
  countries: string[];
  themes: string[];
  organisation?: string;
}

type Stemmer = (word: string) => string;

// Bulgarian is left out: @orama/stemmers' Bulgarian stemmer assigns into
// strings, which throws in strict mode on most plurals, its main job.
const STEMMERS: ReadonlyMap<string, Stemmer> = new Map(Object.entries({
  ar: arabic, da: danish, de: german, el: greek, en: english, es: spanish, fi: finnish, fr: french, ga: irish,
  hi: hindi, hu: hungarian, hy: armenian, id: indonesian, it: italian, lt: lithuanian, nb: norwegian, ne: nepali,
  nl: dutch, nn: norwegian, no: norwegian, pt: portuguese, ro: romanian, ru: russian, sr: serbian, sv: swedish,
  ta: tamil, tr: turkish, uk: ukrainian,
}));

/** A stemmer for an ISO 639-1 code, or undefined. */
export function stemmerFor(language: string): ((word: string) => string) | undefined {
  const stem = STEMMERS.get(language);
  if (!stem) return undefined;
  // The Snowball ports expect lower-case composed text; they must never break indexing.
  return (word) => {
    const lower = word.normalize('NFC').toLowerCase();
    try {
      return stem(lower);
    } catch {
      return lower;
    }
  };
}

/** English names: the app's interface names countries in English. */
const COUNTRY_NAMES: Readonly<Record<(typeof EU_COUNTRIES)[number], string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GR: 'Greece', HR: 'Croatia', HU: 'Hungary',
  IE: 'Ireland', IT: 'Italy', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'Netherlands',
  PL: 'Poland', PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia',
};

// Letters NFKD does not decompose into a base letter plus marks.
const FOLD_EXTRA: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const FOLD_EXTRA_RE = /[ßæœøłđðþıħ]/g;
const MARKS = /\p{M}+/gu;
/** Lower case without accents, so "integracion" finds "integración" and "Auslander" "Ausländer". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(FOLD_EXTRA_RE, (ch) => FOLD_EXTRA[ch] ?? ch);
}

// Spaces, punctuation, symbols and control characters separate words.
const WORD_SEPARATOR = /[\s\p{Z}\p{P}\p{S}\p{C}]+/u;
const words = (text: string): string[] => text.normalize('NFC').split(WORD_SEPARATOR).filter((word) => word.length > 0);

/** Index fields: title words, their stems, and one field per facet kind so each kind has its own boost. */
type Field = 'words' | 'stems' | 'country' | 'theme' | 'organisation';
const FACET_FIELDS: readonly Field[] = ['country', 'theme', 'organisation'];
const SURFACE_FIELDS: Field[] = ['words', ...FACET_FIELDS];
// Facets beat titles on an equal match: "germ" should offer Germany before
// "Germany: country information sheet". Stems only widen a query, so they weigh less.
const BOOST: Record<Field, number> = { words: 1, stems: 0.5, country: 3, theme: 2.5, organisation: 1.5 };

type FacetKind = Exclude<SuggestionKind, 'title'>;
const FACET_TYPE: Record<FacetKind, string> = { country: '#country', theme: '#theme', organisation: '#organisation' };
const KIND_OF_TYPE = new Map<string, FacetKind>(Object.entries(FACET_TYPE).map(([kind, type]) => [type, kind as FacetKind]));

interface IndexedDoc {
  key: string;
  /** A content type, or a FACET_TYPE for a facet entry. */
  type: string;
  /** Record id; for facets the country code, theme slug or folded organisation name. */
  id: string;
  /** Title, or the facet's display text. */
  title: string;
  language: string;
}

// Terms of one field arrive as one string; the stems field also needs the
// language, so it travels in front of the text (no language code contains NUL).
const LANGUAGE_SEPARATOR = '\u0000';
const keyOf = (type: string, id: string): string => `${type}\u0000${id}`;

function extractField(doc: IndexedDoc, field: string): string | undefined {
  const facet = KIND_OF_TYPE.get(doc.type);
  switch (field) {
    case 'key':
      return doc.key;
    case 'type':
      return doc.type;
    case 'id':
      return doc.id;
    case 'title':
      return doc.title;
    case 'words':
      return facet ? undefined : doc.title;
    case 'stems':
      return STEMMERS.has(doc.language) ? `${doc.language}${LANGUAGE_SEPARATOR}${doc.title}` : undefined;
    default:
      return facet === field ? doc.title : undefined;
  }
}

/** Indexed terms of a field; MiniSearch counts field length before processTerm, so all filtering is here. */
function tokenize(text: string, field?: string): string[] {
  if (field === 'stems') {
    const cut = text.indexOf(LANGUAGE_SEPARATOR);
    const stem = stemmerFor(text.slice(0, cut));
    if (!stem) return [];
    // Only stems that differ from the word: the word itself is in the words field.
    return words(text.slice(cut + 1)).flatMap((word) => {
      const stemmed = foldText(stem(word));
      return stemmed.length > 1 && stemmed !== foldText(word) ? [stemmed] : [];
    });
  }
  // Single letters (the l' of "l'intégration") only bloat the postings.
  return words(text).map(foldText).filter((term) => term.length > 1);
}

const humanise = (slug: string): string => slug.replace(/-/g, ' ');
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 6;
const MAX_WORD_LENGTH = 40;

/** Typo tolerance grows with the word: none under 4 letters, where any edit is another word. */
const fuzziness = (term: string): number => (term.length < 4 ? 0 : term.length < 7 ? 1 : 2);

export class SuggestionIndex {
  private readonly index = new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['words', 'stems', ...FACET_FIELDS],
    storeFields: ['type', 'id', 'title'],
    extractField,
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      // Queries are analysed by suggest() into terms already.
      tokenize: (text) => [text],
      processTerm: (term) => term,
      boost: BOOST,
    },
  });
  private titles = 0;
  /** Records per organisation and non-standard theme, so the last record to go takes its suggestion along. */
  private readonly facetUses = new Map<string, { doc: IndexedDoc; uses: number }>();
  /** Facet entries each record holds a use of (only records that hold any). */
  private readonly usesOf = new Map<string, string[]>();

  private constructor() {
    const permanent: IndexedDoc[] = [
      ...EU_COUNTRIES.map((code) => this.facetDoc('country', code, COUNTRY_NAMES[code])),
      ...THEMES.map((slug) => this.facetDoc('theme', slug, humanise(slug))),
    ];
    this.index.addAll(permanent);
  }

  /** Builds from all sources (e.g. rows of the records table). */
  static build(sources: Iterable<SuggestSource>): SuggestionIndex {
    const built = new SuggestionIndex();
    for (const source of sources) built.upsert(source);
    return built;
  }

  /** Number of indexed titles. */
  get size(): number {
    return this.titles;
  }

  /** Incremental maintenance after a sync page: add or replace a record. */
  upsert(source: SuggestSource): void {
    const key = keyOf(source.type, source.id);
    const doc: IndexedDoc = { key, type: source.type, id: source.id, title: source.title, language: source.language };
    if (this.index.has(key)) this.index.replace(doc);
    else {
      this.index.add(doc);
      this.titles += 1;
    }
    // Take the new uses before dropping the old, so an unchanged facet is never removed and re-added.
    const before = this.usesOf.get(key) ?? [];
    const after = this.dynamicFacets(source).map((facet) => this.use(facet));
    for (const facetKey of before) this.release(facetKey);
    if (after.length) this.usesOf.set(key, after);
    else this.usesOf.delete(key);
  }

  /** Incremental maintenance after a sync page: remove a deleted record. */
  remove(type: string, id: string): void {
    const key = keyOf(type, id);
    if (!this.index.has(key)) return;
    // discard() needs no copy of the document, which the index does not keep.
    this.index.discard(key);
    this.titles -= 1;
    for (const facetKey of this.usesOf.get(key) ?? []) this.release(facetKey);
    this.usesOf.delete(key);
  }

  /**
   * Prefix + fuzzy (typo-tolerant) suggestions, best first, at most `limit`
   * (default 8), mixing kinds. `language` (the interface's) also matches the
   * query's stems against titles stemmed in that language.
   */
  suggest(query: string, options: { limit?: number; language?: string } = {}): Suggestion[] {
    const limit = Math.max(0, Math.floor(options.limit ?? 8));
    const parsed = limit > 0 ? this.parse(query, options.language) : undefined;
    if (!parsed) return [];
    let results = this.index.search(parsed.all);
    // A word nothing matches should not silence the others.
    if (results.length === 0 && parsed.any) results = this.index.search(parsed.any);
    return pick(results, limit);
  }

  private facetDoc(kind: FacetKind, id: string, text: string): IndexedDoc {
    // Facet names are English (countries, themes) or proper names; English stems serve both.
    return { key: keyOf(FACET_TYPE[kind], id), type: FACET_TYPE[kind], id, title: text, language: 'en' };
  }

  /** Organisations and themes outside THEMES come and go with the records that name them. */
  private dynamicFacets(source: SuggestSource): IndexedDoc[] {
    const facets: IndexedDoc[] = [];
    const organisation = source.organisation?.trim();
    if (organisation) facets.push(this.facetDoc('organisation', foldText(organisation), organisation));
    for (const slug of new Set(source.themes)) {
      if (!(THEMES as readonly string[]).includes(slug)) facets.push(this.facetDoc('theme', slug, humanise(slug)));
    }
    return facets;
  }

  private use(doc: IndexedDoc): string {
    const entry = this.facetUses.get(doc.key);
    if (entry) entry.uses += 1;
    else {
      this.facetUses.set(doc.key, { doc, uses: 1 });
      this.index.add(doc);
    }
    return doc.key;
  }

  private release(facetKey: string): void {
    const entry = this.facetUses.get(facetKey);
    if (!entry) return;
    entry.uses -= 1;
    if (entry.uses > 0) return;
    this.facetUses.delete(facetKey);
    this.index.discard(facetKey);
  }

  /** The query as MiniSearch queries: every word must match (`all`), or, as a fallback, any (`any`). */
  private parse(query: string, language: string | undefined): { all: Query; any?: Query } | undefined {
    const stem = language ? stemmerFor(language) : undefined;
    const raw = words(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS);
    const perWord: Query[] = [];
    raw.forEach((word, i) => {
      const term = foldText(word).slice(0, MAX_WORD_LENGTH);
      const last = i === raw.length - 1;
      if (term.length === 0) return;
      if (term.length === 1) {
        // One letter completes only facet names: as a title prefix it would match nearly everything.
        if (last) perWord.push({ queries: [term], prefix: true, fuzzy: false, fields: FACET_FIELDS.slice() });
        return;
      }
      const alternatives: Query[] = [
        // The word being typed is a prefix; earlier words are complete but may be typed short ("fam reun").
        { queries: [term], prefix: last || term.length >= 3, fuzzy: fuzziness(term), fields: SURFACE_FIELDS },
      ];
      const stemmed = stem ? foldText(stem(word)) : '';
      if (stemmed.length > 1 && stemmed !== term) alternatives.push({ queries: [stemmed], prefix: false, fuzzy: false, fields: ['stems', 'words'] });
      perWord.push(alternatives.length === 1 ? alternatives[0]! : { combineWith: 'OR', queries: alternatives });
    });
    if (perWord.length === 0) return undefined;
    if (perWord.length === 1) return { all: perWord[0]! };
    return { all: { combineWith: 'AND', queries: perWord }, any: { combineWith: 'OR', queries: perWord } };
  }
}

/**
 * The best `limit` results, one per distinct text, with no facet kind taking
 * more than a quarter of the list while titles are left over (forty
 * organisations named "… Integration Office" must not hide every title).
 */
function pick(results: SearchResult[], limit: number): Suggestion[] {
  const cap = Math.max(1, Math.ceil(limit / 4));
  const chosen: Suggestion[] = [];
  const held: Suggestion[] = [];
  const perKind = new Map<SuggestionKind, number>();
  const seen = new Set<string>();
  for (const result of results) {
    const type = String(result.type);
    const text = String(result.title);
    const kind: SuggestionKind = KIND_OF_TYPE.get(type) ?? 'title';
    const dedupe = `${kind}\u0000${foldText(text)}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    // The stored `id` field overwrites the index key in a result: it is the record id or facet value.
    const id = String(result.id);
    const suggestion: Suggestion =
      kind === 'title' ? { kind, text, type, id, score: result.score } : kind === 'organisation' ? { kind, text, score: result.score } : { kind, text, id, score: result.score };
    const count = perKind.get(kind) ?? 0;
    if (kind !== 'title' && count >= cap) {
      if (held.length < limit) held.push(suggestion);
      continue;
    }
    perKind.set(kind, count + 1);
    chosen.push(suggestion);
    if (chosen.length === limit) break;
  }
  // Not enough titles: the held-back facets fill the list after all.
  for (const suggestion of held) {
    if (chosen.length >= limit) break;
    chosen.push(suggestion);
  }
  return chosen.sort((a, b) => b.score - a.score);
}
