// Instant, typo-tolerant suggestions for the search box: record titles and the
// facet values a user may mean (EU countries, themes, organisations). They
// live in memory beside the SQLite full-text index because they must answer on
// every keystroke, complete words and forgive typos and missing accents.
//
// Why not one MiniSearch document per record: on the 100,000-document sample
// (170,000 titles) that took 3.6 s and 116 MB to build and answered 200 typed
// prefixes at p95 242 ms, because MiniSearch scores and sorts every matching
// record through Maps of Maps ("integ" matches a third of the corpus). Here
// MiniSearch's radix tree holds the vocabulary (entries.ts) and each query
// scans plain postings into typed arrays, keeping only the best few per kind
// (ranking.ts). Same corpus: ~1.3 s, ~57 MB, p95 ~2 ms.
// Per record nothing is kept but its type, id and title.
import { EU_COUNTRIES, THEMES } from '../../../../shared/content';
import type { Suggestion } from '../../../../shared/search';
import { COUNTRY, ORGANISATION, SuggestionEntries, THEME, TITLE, type FacetKind } from './entries';
import { countryNames, themeNameEntries, vocabularyKey } from '../../../../shared/search-vocabulary';
import { COUNTRY_NAMES, EU, STANDARD_THEMES, humanise, otherCountryName } from './facet-names';
import { SuggestionRanking } from './ranking';
import { hasStemmer } from './stemmers';
import { foldedWords } from './words';

export interface SuggestSource {
  type: string;
  id: string;
  title: string;
  language: string;
  countries: string[];
  themes: string[];
  organisation?: string;
}

interface Member {
  type: number;
  id: string;
}
const NO_FACET = -1;

/**
 * Records with the same title share one entry, so a list never repeats a
 * title; its suggestion opens the first of them still present.
 */
export class SuggestionIndex {
  private readonly entries = new SuggestionEntries();
  private readonly typeNames: string[] = [];
  // A facet found by another of its names is shown by its own entry ("Germany" for "German", "Allemagne").
  private readonly ranking = new SuggestionRanking(this.entries, this.typeNames, (kind, value) => this.facetEntry.get(`${kind}:${value}`));
  private readonly typeCodeOf = new Map<string, number>();
  /** Every record of a title several records share; the first is the one shown. */
  private readonly members = new Map<number, Member[]>();
  private readonly titleEntry = new Map<string, number>();
  /** Each record's slot, by type and id. A slot's title entry and dynamic facets are in the typed arrays below. */
  private readonly records = new Map<string, Map<string, number>>();
  private readonly slots = new RecordSlots();
  private titleCount = 0;
  private readonly facetEntry = new Map<string, number>();
  /** Records naming each organisation, non-EU country or non-standard theme; EU countries and THEMES are permanent. */
  private readonly facetUses = new Map<number, number>();
  /** Record languages with a stemmer: the languages a query is stemmed in. */
  private readonly languages = new Set<string>();

  private constructor() {
    for (const code of EU_COUNTRIES) this.facetEntry.set(`${COUNTRY}:${code}`, this.entries.allocate(COUNTRY, COUNTRY_NAMES[code], code, 0));
    for (const slug of THEMES) this.facetEntry.set(`${THEME}:${slug}`, this.entries.allocate(THEME, humanise(slug), slug, 0));
    // The vocabulary's other names find the same facet ("Famil" → Familiennachzug → family reunification;
    // "Allemagne" → Germany): the interface shows the facet in its own language, and a facet is offered once.
    for (const code of EU_COUNTRIES) for (const name of countryNames(code)) if (name !== COUNTRY_NAMES[code]) this.entries.allocate(COUNTRY, name, code, 0);
    for (const { theme, name } of themeNameEntries()) if (vocabularyKey(name) !== vocabularyKey(humanise(theme))) this.entries.allocate(THEME, name, theme, 0);
  }

  /** Builds from all sources (e.g. rows of the records table). */
  static build(sources: Iterable<SuggestSource>): SuggestionIndex {
    const index = new SuggestionIndex();
    index.entries.bulk(() => {
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
    const previousEntry = previous === undefined ? undefined : this.slots.entry(previous);
    const entry = previousEntry !== undefined && this.entries.texts[previousEntry] === title ? previousEntry : this.attachTitle(title, type, source.id);
    if (previousEntry !== undefined && entry !== previousEntry) this.detachTitle(previousEntry, type, source.id);
    if (previous === undefined) this.titleCount += 1;
    if (hasStemmer(source.language)) this.languages.add(source.language);
    // New uses first, so a facet the record keeps is never dropped and re-added.
    const facets = this.dynamicFacets(source);
    if (previous !== undefined) for (const facet of this.slots.facets(previous)) this.releaseFacet(facet);
    if (previous === undefined) byId.set(source.id, this.slots.add(entry, facets));
    else this.slots.set(previous, entry, facets);
    this.entries.maybeCompact();
  }

  /** Incremental maintenance after a sync page: remove a deleted record. */
  remove(type: string, id: string): void {
    const byId = this.records.get(type);
    const previous = byId?.get(id);
    if (!byId || previous === undefined) return;
    this.detachTitle(this.slots.entry(previous), this.typeCode(type), id);
    for (const facet of this.slots.facets(previous)) this.releaseFacet(facet);
    this.slots.free(previous);
    byId.delete(id);
    this.titleCount -= 1;
    this.entries.maybeCompact();
  }

  /**
   * Prefix + fuzzy (typo-tolerant) suggestions, best first, at most `limit`
   * (default 8), mixing kinds. Accent-insensitive. Words are also matched by
   * their stem, in `language` if given, else in every stemmed language the
   * records use.
   */
  suggest(query: string, options: { limit?: number; language?: string } = {}): Suggestion[] {
    const languages = options.language !== undefined ? (hasStemmer(options.language) ? [options.language] : []) : [...this.languages];
    return this.ranking.suggest(query, options.limit ?? 8, languages);
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
      const created = this.entries.allocate(TITLE, title, id, type);
      this.titleEntry.set(title, created);
      return created;
    }
    const members = this.members.get(entry) ?? [{ type: this.entries.typeCodes[entry]!, id: this.entries.values[entry]! }];
    members.push({ type, id });
    this.members.set(entry, members);
    return entry;
  }

  private detachTitle(entry: number, type: number, id: string): void {
    const members = this.members.get(entry);
    if (!members) {
      this.titleEntry.delete(this.entries.texts[entry]!);
      this.retire(entry);
      return;
    }
    const at = members.findIndex((member) => member.type === type && member.id === id);
    if (at >= 0) members.splice(at, 1);
    if (members.length <= 1) this.members.delete(entry);
    // The record shown may be the one that left.
    this.entries.show(entry, members[0]!.type, members[0]!.id);
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
      const created = this.entries.allocate(kind, text, value, 0);
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
    this.facetEntry.delete(`${this.entries.kinds[entry]}:${this.entries.values[entry]}`);
    this.retire(entry);
  }

  private retire(entry: number): void {
    this.entries.retire(entry);
    this.members.delete(entry);
  }
}

/**
 * Per record, its title entry and the dynamic facets it uses, in typed arrays by slot: one object and
 * one array per record (as the map's values) cost ~190 bytes a record, 32 MB at 170,000 records.
 * Most records use at most one dynamic facet (a document's publisher); the few with more keep the rest in a map.
 */
class RecordSlots {
  private titleEntries = new Int32Array(1024);
  private firstFacets = new Int32Array(1024);
  private readonly moreFacets = new Map<number, number[]>();
  private count = 0;
  private readonly unused: number[] = [];

  add(entry: number, facets: readonly number[]): number {
    const slot = this.unused.pop() ?? this.count++;
    if (slot >= this.titleEntries.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.titleEntries = grow(this.titleEntries);
      this.firstFacets = grow(this.firstFacets);
    }
    this.set(slot, entry, facets);
    return slot;
  }

  set(slot: number, entry: number, facets: readonly number[]): void {
    this.titleEntries[slot] = entry;
    this.firstFacets[slot] = facets[0] ?? NO_FACET;
    if (facets.length > 1) this.moreFacets.set(slot, facets.slice(1));
    else this.moreFacets.delete(slot);
  }

  entry(slot: number): number {
    return this.titleEntries[slot]!;
  }

  facets(slot: number): number[] {
    const first = this.firstFacets[slot]!;
    return first === NO_FACET ? [] : [first, ...(this.moreFacets.get(slot) ?? [])];
  }

  free(slot: number): void {
    this.moreFacets.delete(slot);
    this.firstFacets[slot] = NO_FACET;
    this.unused.push(slot);
  }
}
