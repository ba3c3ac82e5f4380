// Instant, typo-tolerant suggestions for the search box: record titles and the
// facet values a user may mean (EU countries, themes, organisations). They
// live in memory beside the SQLite full-text index because they must answer on
// every keystroke, complete words and forgive typos and missing accents.
//
// Why not one MiniSearch document per record: on the 100,000-document sample
// (170,000 titles) that took 3.6 s and 116 MB to build and answered 200 typed
// prefixes at p95 242 ms, because MiniSearch scores and sorts every matching
// record through Maps of Maps ("integ" matches a third of the corpus). Here
// MiniSearch's radix tree (SearchableMap) holds the vocabulary and does the
// prefix and fuzzy matching it is good at; each term's postings are a plain
// list of entry numbers that a query scans into typed arrays, keeping only the
// best few per kind. Same corpus: ~1.3 s, ~57 MB, p95 ~2 ms.
// Per record nothing is kept but its type, id and title.
import SearchableMap from 'minisearch/SearchableMap';
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

// Every language @orama/stemmers offers, by ISO 639-1 code, except Bulgarian:
// that one assigns into strings, which throws in strict mode on most plurals.
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
  // The Snowball ports expect lower-case composed text, and must never break a query.
  return (word) => {
    const lower = word.normalize('NFC').toLowerCase();
    try {
      return stem(lower);
    } catch {
      return lower;
    }
  };
}

/** English names: the interface names countries in English. */
const COUNTRY_NAMES: Readonly<Record<(typeof EU_COUNTRIES)[number], string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GR: 'Greece', HR: 'Croatia', HU: 'Hungary',
  IE: 'Ireland', IT: 'Italy', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'Netherlands',
  PL: 'Poland', PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia',
};
const EU: ReadonlySet<string> = new Set(EU_COUNTRIES);

let regionNames: Intl.DisplayNames | null | undefined;
/** The English name of a country outside the EU (Norway, Türkiye…) that records name, if the runtime knows it. */
function otherCountryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null; // a runtime built without ICU data
    }
  }
  return regionNames?.of(code) ?? undefined;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Only the combining diacritics NFKD splits off Latin, Greek and Cyrillic
// letters: the vowel signs of Indic scripts are marks too, and are letters.
const DIACRITICS = /[\u0300-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f]/g;
// Letters NFKD does not decompose into a base letter and a diacritic.
const FOLD_EXTRA: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const FOLD_EXTRA_RE = /[ßæœøłđðþıħ]/g;

/** Lower case without accents, so "integracion" finds "integración" and "Auslander" "Ausländer". */
function foldText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().replace(FOLD_EXTRA_RE, (ch) => FOLD_EXTRA[ch] ?? ch);
}

const ASCII_SEPARATOR = /[^a-z0-9]+/;
const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
/** The folded words of a text, in order, repeats included. */
function foldedWords(text: string): string[] {
  // Most titles are plain ASCII: a lower-case copy and an ASCII split suffice.
  const ascii = PRINTABLE_ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : foldText(text);
  return folded.split(ascii ? ASCII_SEPARATOR : SEPARATOR).filter((word) => word.length > 0);
}

/** The distinct terms an entry is found by. Single letters (the l' of "l'intégration") would only bloat postings. */
function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of foldedWords(text)) if (word.length > 1 && !terms.includes(word)) terms.push(word);
  return terms;
}

// Entry kinds; an entry is one distinct title (shared by the records that
// carry it) or one facet value.
const DEAD = 0;
const TITLE = 1;
const COUNTRY = 2;
const THEME = 3;
const ORGANISATION = 4;
type FacetKind = typeof COUNTRY | typeof THEME | typeof ORGANISATION;
type EntryKind = typeof DEAD | typeof TITLE | FacetKind;
const KIND_NAMES: readonly SuggestionKind[] = ['title', 'title', 'country', 'theme', 'organisation'];
// A facet beats a title on an equal match: typing "germ" means Germany first.
const KIND_BOOST: readonly number[] = [0, 1, 1.6, 1.5, 1.2];

// Match weights of a query word against an indexed term.
const EXACT = 1;
const SAME_STEM = 0.9;
const PREFIX = 0.8;
const FUZZY = 0.7;
const MAX_LIMIT = 100;
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 6;
const MAX_WORD_LENGTH = 40;
// Bounds on the terms one query word may expand to, so a two-letter prefix
// costs a few milliseconds even against a large vocabulary.
const MAX_COMPLETIONS = 2000;
const MAX_STEM_CANDIDATES = 200;
const STEM_CACHE_SIZE = 20_000;
const SHORT_POSTINGS = 32;
// Retired entries stay in postings until this many have piled up.
const COMPACT_AFTER = 1024;

/** Typo tolerance grows with the word: none under 4 letters, where any edit makes another word. */
const fuzziness = (word: string): number => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);
const humanise = (slug: string): string => slug.replace(/-/g, ' ');

interface Member {
  type: number;
  id: string;
}
/** A record's title entry, and the dynamic facet entries it holds a use of. */
type RecordRef = number | { entry: number; facets: number[] };
const entryOf = (ref: RecordRef): number => (typeof ref === 'number' ? ref : ref.entry);
const STANDARD_THEMES: ReadonlySet<string> = new Set(THEMES);

interface Candidate {
  entry: number;
  score: number;
}

/** One query word: the terms it stands for, best first, and how many postings they hold. */
interface WordPlan {
  terms: Array<[term: number, weight: number]>;
  postings: number;
  facetsOnly: boolean;
}

/**
 * Records with the same title share one entry, so a list never repeats a
 * title; its suggestion opens the first of them still present.
 */
export class SuggestionIndex {
  // Entries, by number.
  private capacity = 0;
  private kinds = new Uint8Array(0);
  /** Distinct terms of the entry (capped), for preferring titles the query covers. */
  private lengths = new Uint8Array(0);
  /** Titles: the type of the record shown (an index into typeNames). */
  private typeCodes = new Uint16Array(0);
  private texts: (string | undefined)[] = [];
  /** Titles: the id of the record shown; facets: country code, theme slug or folded organisation name. */
  private values: (string | undefined)[] = [];
  private entryCount = 0;
  /** Entry numbers no posting refers to. */
  private free: number[] = [];
  /** Dead entries still in postings, free after the next compaction. */
  private retired: number[] = [];

  private readonly typeNames: string[] = [];
  private readonly typeCodeOf = new Map<string, number>();
  /** Every record of a title several records share; the first is the one shown. */
  private readonly members = new Map<number, Member[]>();
  private readonly titleEntry = new Map<string, number>();
  private readonly records = new Map<string, Map<string, RecordRef>>();
  private titleCount = 0;
  private readonly facetEntry = new Map<string, number>();
  /** Records naming each organisation, non-EU country or non-standard theme; EU countries and THEMES are permanent. */
  private readonly facetUses = new Map<number, number>();
  /** Record languages with a stemmer: the languages a query is stemmed in. */
  private readonly languages = new Set<string>();

  private vocabulary = new SearchableMap<number>();
  /** Term ids by hash, during bulk work only: radix-tree lookups dominate a build, and the map would cost ~90 bytes a term to keep. */
  private termIds: Map<string, number> | undefined;
  /** Entries per term id: an array while short, then a typed array at half the memory, filled to `counts`. */
  private postings: Array<number[] | Int32Array> = [];
  private counts: number[] = [];

  // Query scratch space, reused: summed weight and matched words per entry, and the entries reached.
  private sum = new Float32Array(0);
  private matched = new Uint8Array(0);
  private touched = new Int32Array(0);
  private readonly stemCache = new Map<string, string>();

  private constructor() {
    for (const code of EU_COUNTRIES) this.facetEntry.set(`${COUNTRY}:${code}`, this.allocate(COUNTRY, COUNTRY_NAMES[code], code, 0));
    for (const slug of THEMES) this.facetEntry.set(`${THEME}:${slug}`, this.allocate(THEME, humanise(slug), slug, 0));
  }

  /** Builds from all sources (e.g. rows of the records table). */
  static build(sources: Iterable<SuggestSource>): SuggestionIndex {
    const index = new SuggestionIndex();
    index.bulk(() => {
      for (const source of sources) index.upsert(source);
    });
    return index;
  }

  /** Number of indexed titles (records). */
  get size(): number {
    return this.titleCount;
  }

  /** Incremental maintenance after a sync page: add or replace a record. */
  upsert(source: SuggestSource): void {
    const title = source.title.trim();
    if (!title) {
      this.remove(source.type, source.id);
      return;
    }
    const type = this.typeCode(source.type);
    let byId = this.records.get(source.type);
    if (!byId) this.records.set(source.type, (byId = new Map()));
    const previous = byId.get(source.id);
    const previousEntry = previous === undefined ? undefined : entryOf(previous);
    const entry = previousEntry !== undefined && this.texts[previousEntry] === title ? previousEntry : this.attachTitle(title, type, source.id);
    if (previousEntry !== undefined && entry !== previousEntry) this.detachTitle(previousEntry, type, source.id);
    if (previous === undefined) this.titleCount += 1;
    if (STEMMERS.has(source.language)) this.languages.add(source.language);
    // New uses first, so a facet the record keeps is never dropped and re-added.
    const facets = this.dynamicFacets(source);
    if (typeof previous === 'object') for (const facet of previous.facets) this.releaseFacet(facet);
    byId.set(source.id, facets.length ? { entry, facets } : entry);
    this.maybeCompact();
  }

  /** Incremental maintenance after a sync page: remove a deleted record. */
  remove(type: string, id: string): void {
    const byId = this.records.get(type);
    const previous = byId?.get(id);
    if (!byId || previous === undefined) return;
    this.detachTitle(entryOf(previous), this.typeCode(type), id);
    if (typeof previous === 'object') for (const facet of previous.facets) this.releaseFacet(facet);
    byId.delete(id);
    this.titleCount -= 1;
    this.maybeCompact();
  }

  /**
   * Prefix + fuzzy (typo-tolerant) suggestions, best first, at most `limit`
   * (default 8), mixing kinds. Accent-insensitive. Words are also matched by
   * their stem, in `language` if given, else in every stemmed language the
   * records use.
   */
  suggest(query: string, options: { limit?: number; language?: string } = {}): Suggestion[] {
    // Capped: ranking keeps `limit` candidates per kind in sorted arrays.
    const limit = Math.min(MAX_LIMIT, Math.floor(options.limit ?? 8));
    if (!(limit > 0)) return [];
    const all = foldedWords(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS);
    // One letter is only worth completing while it is being typed.
    const words = all.map((word) => word.slice(0, MAX_WORD_LENGTH)).filter((word, i) => word.length > 1 || i === all.length - 1);
    if (words.length === 0) return [];
    const languages = options.language !== undefined ? (STEMMERS.has(options.language) ? [options.language] : []) : [...this.languages];
    // Rarest word first: when every word is required, the commonest ("in", "of") then only filters.
    const plan = words
      .map((word): WordPlan => {
        const terms = [...this.expand(word, languages)].sort((a, b) => b[1] - a[1]);
        return { terms, postings: terms.reduce((total, [term]) => total + this.counts[term]!, 0), facetsOnly: word.length === 1 };
      })
      .sort((a, b) => a.postings - b.postings);
    this.ensureScratch();
    let count = this.match(plan, true);
    let requireAll = true;
    try {
      // A word nothing matches should not silence the others.
      if (plan.length > 1 && !this.anyComplete(count, plan.length)) {
        this.clearScratch(count);
        count = this.match(plan, false);
        requireAll = false;
      }
      return this.pick(count, plan.length, limit, requireAll);
    } finally {
      this.clearScratch(count);
    }
  }

  /**
   * Adds to each entry the weight of its best match for every word, and marks
   * the word matched; returns how many entries are in `touched`. With
   * `requireAll`, an entry missing an earlier word is not even considered.
   */
  private match(plan: readonly WordPlan[], requireAll: boolean): number {
    const { kinds, sum, matched, touched, postings, counts } = this;
    let count = 0;
    plan.forEach(({ terms, facetsOnly }, i) => {
      const bit = 1 << i;
      const earlier = bit - 1;
      // Terms come best first, so an entry's first match for a word is its best.
      for (const [term, weight] of terms) {
        const list = postings[term]!;
        const size = counts[term]!;
        for (let k = 0; k < size; k += 1) {
          const entry = list[k]!;
          const mask = matched[entry]!;
          if (mask & bit || (requireAll && mask !== earlier)) continue;
          const kind = kinds[entry];
          // One letter completes facet names only: as a title prefix it matches nearly everything.
          if (kind === DEAD || (facetsOnly && kind === TITLE)) continue;
          if (mask === 0) touched[count++] = entry;
          matched[entry] = mask | bit;
          sum[entry]! += weight;
        }
      }
    });
    return count;
  }

  private anyComplete(count: number, words: number): boolean {
    const all = (1 << words) - 1;
    for (let k = 0; k < count; k += 1) if (this.matched[this.touched[k]!] === all) return true;
    return false;
  }

  private clearScratch(count: number): void {
    for (let k = 0; k < count; k += 1) {
      const entry = this.touched[k]!;
      this.sum[entry] = 0;
      this.matched[entry] = 0;
    }
  }

  /** The indexed terms a query word stands for, with the weight of each match. */
  private expand(word: string, languages: readonly string[]): Map<number, number> {
    const found = new Map<number, number>();
    const offer = (term: number, weight: number) => {
      if ((found.get(term) ?? 0) < weight) found.set(term, weight);
    };
    const exact = this.vocabulary.get(word);
    if (exact !== undefined) offer(exact, EXACT);
    // Every word may be a prefix: the last is being typed, earlier ones may be typed short ("fam reun").
    let completions = 0;
    for (const [term, id] of this.vocabulary.atPrefix(word)) {
      if (term.length === word.length) continue;
      offer(id, (PREFIX * word.length) / (word.length + 0.5 * (term.length - word.length)));
      if ((completions += 1) >= MAX_COMPLETIONS) break;
    }
    const distance = fuzziness(word);
    if (distance > 0) {
      for (const [term, [id, edits]] of this.vocabulary.fuzzyGet(word, distance)) {
        if (edits > 0) offer(id, (FUZZY * term.length) / (term.length + edits));
      }
    }
    // Stemming happens here rather than at indexing: the vocabulary terms that
    // share the word's stem are matched too ("naturalised" finds
    // "naturalisation"), at no memory cost, whatever language each record is in.
    if (word.length >= 4) {
      for (const language of languages) {
        const stem = this.stem(language, word);
        if (stem.length < 3) continue;
        let checked = 0;
        for (const [term, id] of this.vocabulary.atPrefix(stem)) {
          if (term !== word && this.stem(language, term) === stem) offer(id, SAME_STEM);
          if ((checked += 1) >= MAX_STEM_CANDIDATES) break;
        }
      }
    }
    return found;
  }

  /** The stem of a folded word; both sides of a comparison are folded, so they agree. */
  private stem(language: string, word: string): string {
    const key = `${language}:${word}`;
    let stem = this.stemCache.get(key);
    if (stem === undefined) {
      if (this.stemCache.size >= STEM_CACHE_SIZE) this.stemCache.clear();
      stem = foldText(stemmerFor(language)?.(word) ?? word);
      this.stemCache.set(key, stem);
    }
    return stem;
  }

  /**
   * The best `limit` matches (of every word, with `requireAll`). No facet kind
   * takes more than a quarter of the list while titles are left: forty
   * "… Integration Office" organisations must not hide every title.
   */
  private pick(count: number, words: number, limit: number, requireAll: boolean): Suggestion[] {
    const { kinds, lengths, sum, matched, touched } = this;
    const all = (1 << words) - 1;
    const tops: Candidate[][] = [[], [], [], [], []];
    for (let k = 0; k < count; k += 1) {
      const entry = touched[k]!;
      const mask = matched[entry]!;
      if (requireAll && mask !== all) continue;
      const kind = kinds[entry]!;
      // Prefer entries the query covers: "Germany" over "Germany: country information sheet".
      const coverage = Math.min(1, bitCount(mask) / Math.max(1, lengths[entry]!));
      const score = (sum[entry]! / words) * (0.7 + 0.3 * coverage) * KIND_BOOST[kind]!;
      const top = tops[kind]!;
      if (top.length === limit && !this.before(entry, score, top[limit - 1]!)) continue;
      let at = top.length;
      while (at > 0 && this.before(entry, score, top[at - 1]!)) at -= 1;
      top.splice(at, 0, { entry, score });
      if (top.length > limit) top.pop();
    }
    const cap = Math.max(1, Math.ceil(limit / 4));
    const byRank = (a: Candidate, b: Candidate) => (this.before(a.entry, a.score, b) ? -1 : 1);
    const chosen: Candidate[] = [];
    const held: Candidate[] = [];
    const perKind = [0, 0, 0, 0, 0];
    for (const candidate of tops.flat().sort(byRank)) {
      const kind = kinds[candidate.entry]!;
      if (kind !== TITLE && perKind[kind]! >= cap) held.push(candidate);
      else if (chosen.length < limit) {
        perKind[kind]! += 1;
        chosen.push(candidate);
      }
    }
    // Not enough titles: the held-back facets fill the list after all.
    for (const candidate of held) if (chosen.length < limit) chosen.push(candidate);
    return chosen.sort(byRank).map((candidate) => this.suggestion(candidate));
  }

  /** Whether an entry ranks before a candidate: higher score, then shorter text, then older, so results are stable. */
  private before(entry: number, score: number, other: Candidate): boolean {
    if (score !== other.score) return score > other.score;
    const length = this.texts[entry]!.length - this.texts[other.entry]!.length;
    return length !== 0 ? length < 0 : entry < other.entry;
  }

  private suggestion({ entry, score }: Candidate): Suggestion {
    const kind = this.kinds[entry] as EntryKind;
    const text = this.texts[entry]!;
    const value = this.values[entry]!;
    if (kind === TITLE) return { kind: 'title', text, type: this.typeNames[this.typeCodes[entry]!]!, id: value, score };
    if (kind === ORGANISATION) return { kind: 'organisation', text, score };
    return { kind: KIND_NAMES[kind]!, text, id: value, score };
  }

  private typeCode(type: string): number {
    let code = this.typeCodeOf.get(type);
    if (code === undefined) {
      code = this.typeNames.push(type) - 1;
      this.typeCodeOf.set(type, code);
    }
    return code;
  }

  /** The entry of a title, shared with the records that already carry the same text. */
  private attachTitle(title: string, type: number, id: string): number {
    const entry = this.titleEntry.get(title);
    if (entry === undefined) {
      const created = this.allocate(TITLE, title, id, type);
      this.titleEntry.set(title, created);
      return created;
    }
    const members = this.members.get(entry) ?? [{ type: this.typeCodes[entry]!, id: this.values[entry]! }];
    members.push({ type, id });
    this.members.set(entry, members);
    return entry;
  }

  private detachTitle(entry: number, type: number, id: string): void {
    const members = this.members.get(entry);
    if (!members) {
      this.titleEntry.delete(this.texts[entry]!);
      this.retire(entry);
      return;
    }
    const at = members.findIndex((member) => member.type === type && member.id === id);
    if (at >= 0) members.splice(at, 1);
    if (members.length <= 1) this.members.delete(entry);
    // The record shown may be the one that left.
    this.typeCodes[entry] = members[0]!.type;
    this.values[entry] = members[0]!.id;
  }

  /** Organisations, and countries and themes outside the standard lists, come and go with the records that name them. */
  private dynamicFacets(source: SuggestSource): number[] {
    const facets: number[] = [];
    const organisation = source.organisation?.trim();
    if (organisation) facets.push(this.useFacet(ORGANISATION, foldedWords(organisation).join(' '), organisation));
    for (const code of new Set(source.countries)) {
      const name = EU.has(code) ? undefined : otherCountryName(code);
      if (name) facets.push(this.useFacet(COUNTRY, code, name));
    }
    for (const slug of new Set(source.themes)) {
      if (!STANDARD_THEMES.has(slug)) facets.push(this.useFacet(THEME, slug, humanise(slug)));
    }
    return facets;
  }

  private useFacet(kind: FacetKind, value: string, text: string): number {
    const key = `${kind}:${value}`;
    const entry = this.facetEntry.get(key);
    if (entry === undefined) {
      const created = this.allocate(kind, text, value, 0);
      this.facetEntry.set(key, created);
      this.facetUses.set(created, 1);
      return created;
    }
    this.facetUses.set(entry, (this.facetUses.get(entry) ?? 0) + 1);
    return entry;
  }

  private releaseFacet(entry: number): void {
    const uses = this.facetUses.get(entry);
    if (uses === undefined) return;
    if (uses > 1) {
      this.facetUses.set(entry, uses - 1);
      return;
    }
    this.facetUses.delete(entry);
    this.facetEntry.delete(`${this.kinds[entry]}:${this.values[entry]}`);
    this.retire(entry);
  }

  private allocate(kind: FacetKind | typeof TITLE, text: string, value: string, type: number): number {
    const entry = this.free.pop() ?? this.entryCount++;
    if (entry >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    this.kinds[entry] = kind;
    this.typeCodes[entry] = type;
    this.texts[entry] = text;
    this.values[entry] = value;
    this.index(entry, text);
    return entry;
  }

  private index(entry: number, text: string): void {
    const terms = indexTerms(text);
    this.lengths[entry] = Math.min(255, terms.length);
    for (const term of terms) {
      let id = this.termIds?.get(term);
      if (id === undefined) {
        id = this.vocabulary.get(term);
        if (id === undefined) {
          id = this.postings.push([]) - 1;
          this.counts.push(0);
          this.vocabulary.set(term, id);
        }
        this.termIds?.set(term, id);
      }
      const list = this.postings[id]!;
      const size = this.counts[id]!;
      if (Array.isArray(list) && size < SHORT_POSTINGS) list.push(entry);
      else {
        // Most terms are rare and stay small arrays; a typed array costs ~150 bytes even when empty.
        let wide = list as Int32Array;
        if (Array.isArray(list) || size === list.length) {
          wide = new Int32Array(size * 2);
          wide.set(list);
          this.postings[id] = wide;
        }
        wide[size] = entry;
      }
      this.counts[id] = size + 1;
    }
  }

  /** Dead entries are skipped by queries and dropped from postings in bulk, which is cheaper than one by one. */
  private retire(entry: number): void {
    this.kinds[entry] = DEAD;
    this.texts[entry] = undefined;
    this.values[entry] = undefined;
    this.members.delete(entry);
    this.retired.push(entry);
  }

  private maybeCompact(): void {
    const live = this.entryCount - this.free.length - this.retired.length;
    if (this.retired.length < COMPACT_AFTER || this.retired.length * 4 < live) return;
    this.vocabulary = new SearchableMap<number>();
    this.postings = [];
    this.counts = [];
    this.bulk(() => {
      for (let entry = 0; entry < this.entryCount; entry += 1) {
        const text = this.texts[entry];
        if (this.kinds[entry] !== DEAD && text !== undefined) this.index(entry, text);
      }
    });
    this.free.push(...this.retired);
    this.retired = [];
  }

  private bulk(work: () => void): void {
    if (this.termIds) return work();
    this.termIds = new Map();
    try {
      work();
    } finally {
      this.termIds = undefined;
    }
  }

  private grow(capacity: number): void {
    const resize = <T extends Uint8Array | Uint16Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.kinds = resize(this.kinds, new Uint8Array(capacity));
    this.lengths = resize(this.lengths, new Uint8Array(capacity));
    this.typeCodes = resize(this.typeCodes, new Uint16Array(capacity));
    this.capacity = capacity;
  }

  private ensureScratch(): void {
    if (this.sum.length >= this.capacity) return;
    this.sum = new Float32Array(this.capacity);
    this.matched = new Uint8Array(this.capacity);
    this.touched = new Int32Array(this.capacity);
  }
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count += 1;
  return count;
}
