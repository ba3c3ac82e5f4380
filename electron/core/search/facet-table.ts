// The in-memory facet table the engine filters and counts matches with, and
// the page selections over it (best few by score or date without a full sort).
import type { FacetCount } from '../../../shared/search';
import type { SearchQueries } from '../db/corpus/search-queries';
import type { SearchFilters } from './query';
import { authority } from './ranking-prior';

/** Interns strings as small integer codes, so per-record facets fit typed arrays. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** Codes of the wanted values that exist (a value no record has matches nothing). */
  lookup(values: string[]): Set<number> {
    return new Set(values.flatMap((value) => (this.codes.has(value) ? [this.codes.get(value)!] : [])));
  }
}

/**
 * Per-record facets in typed arrays, indexed by position and coded through
 * dictionaries: counting facets over 100,000 matches is then a tight loop.
 * Rebuilt when the corpus changes.
 */
export class FacetTable {
  readonly dictionaries = { type: new Dictionary(), facetType: new Dictionary(), kind: new Dictionary(), language: new Dictionary(), country: new Dictionary(), theme: new Dictionary() };
  readonly size: number;
  readonly rowids: Float64Array;
  /** Position of each rowid, or -1. */
  readonly positionOf: Int32Array;
  readonly type: Uint16Array;
  /** The type facet: a content type, or "document:<document type>". */
  readonly facetType: Uint16Array;
  readonly kind: Uint16Array;
  readonly language: Uint16Array;
  readonly year: Uint16Array;
  readonly versions: Float64Array;
  /** How authoritative each record's kind is (ranking-prior.ts), for ordering what text relevance does not separate. */
  readonly authority: Uint8Array;
  readonly dates: string[] = [];
  /** Countries of position p are countryCodes[countryStart[p] .. countryStart[p + 1]). */
  readonly countryStart: Uint32Array;
  readonly countryCodes: Uint16Array;
  readonly themeStart: Uint32Array;
  readonly themeCodes: Uint16Array;

  constructor(queries: SearchQueries) {
    const size = queries.recordCount();
    // Streamed: the rows themselves are never all in memory at once.
    const rows = queries.facetRows();
    this.size = size;
    this.rowids = new Float64Array(size);
    this.type = new Uint16Array(size);
    this.facetType = new Uint16Array(size);
    this.kind = new Uint16Array(size);
    this.language = new Uint16Array(size);
    this.year = new Uint16Array(size);
    this.versions = new Float64Array(size);
    this.authority = new Uint8Array(size);
    this.countryStart = new Uint32Array(size + 1);
    this.themeStart = new Uint32Array(size + 1);
    const countries: number[] = [];
    const themes: number[] = [];
    let maxRowid = 0;
    const d = this.dictionaries;
    let p = 0;
    for (const [rowid, type, kind, language, countryList, themeList, date, version] of rows) {
      if (p === size) break; // Rows added since the count are picked up by the next rebuild.
      this.rowids[p] = rowid;
      if (rowid > maxRowid) maxRowid = rowid;
      this.type[p] = d.type.code(type);
      this.facetType[p] = d.facetType.code(type === 'document' && kind ? `document:${kind}` : type);
      this.kind[p] = d.kind.code(kind);
      this.language[p] = d.language.code(language);
      this.year[p] = date ? Number(date.slice(0, 4)) : 0;
      this.versions[p] = version;
      this.authority[p] = authority(type, kind);
      this.dates.push(date);
      this.countryStart[p] = countries.length;
      if (countryList) for (const country of countryList.slice(1, -1).split(',')) countries.push(d.country.code(country));
      this.themeStart[p] = themes.length;
      if (themeList) for (const theme of themeList.slice(1, -1).split(',')) themes.push(d.theme.code(theme));
      p += 1;
    }
    this.countryStart[size] = countries.length;
    this.themeStart[size] = themes.length;
    this.countryCodes = Uint16Array.from(countries);
    this.themeCodes = Uint16Array.from(themes);
    this.positionOf = new Int32Array(maxRowid + 1).fill(-1);
    for (let p = 0; p < size; p += 1) this.positionOf[this.rowids[p]!] = p;
  }

  hasAny(start: Uint32Array, codes: Uint16Array, p: number, wanted: Set<number>): boolean {
    for (let i = start[p]!; i < start[p + 1]!; i += 1) if (wanted.has(codes[i]!)) return true;
    return false;
  }
}

/** Counts per code, as facet values sorted by count: every value, so the interface can offer them all. */
export function facetCounts(counts: Int32Array, dictionary: Dictionary): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((count, code) => {
    const value = dictionary.values[code]!;
    if (count > 0 && value) out.push({ value, count });
  });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The first `count` items in `compare` order, without sorting all of them when `count` is small. */
export function topPositions(items: number[], count: number, compare: (a: number, b: number) => number): number[] {
  if (count >= items.length / 4) return [...items].sort(compare).slice(0, count);
  const best: number[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/** The `count` positions with the highest scores (ties: lower rowid first), best first. */
export function topByScore(positions: ArrayLike<number>, count: number, scoreOfPosition: (p: number) => number, rowidOf: (p: number) => number): number[] {
  const best: number[] = [];
  const bestScores: number[] = [];
  const better = (score: number, p: number, at: number) => score > bestScores[at]! || (score === bestScores[at]! && rowidOf(p) < rowidOf(best[at]!));
  for (let i = 0; i < positions.length; i += 1) {
    const p = positions[i]!;
    const score = scoreOfPosition(p);
    if (best.length === count && !better(score, p, count - 1)) continue;
    let at = best.length;
    while (at > 0 && better(score, p, at - 1)) at -= 1;
    best.splice(at, 0, p);
    bestScores.splice(at, 0, score);
    if (best.length > count) {
      best.pop();
      bestScores.pop();
    }
  }
  return best;
}

/** Whether a position passes the filters, or undefined when nothing is filtered. */
export function filterPredicate(table: FacetTable, filters: SearchFilters, kinds: string[]): ((p: number) => boolean) | undefined {
  const d = table.dictionaries;
  const types = filters.types.length ? d.type.lookup(filters.types) : undefined;
  const documentCode = d.type.lookup(['document']).values().next().value;
  const kindCodes = kinds.length ? d.kind.lookup(kinds) : undefined;
  const languages = filters.languages.length ? d.language.lookup(filters.languages) : undefined;
  const countries = filters.countries.length ? d.country.lookup(filters.countries) : undefined;
  const themes = filters.themes.length ? d.theme.lookup(filters.themes) : undefined;
  const { yearFrom, yearTo } = filters;
  const filtered = Boolean(types || kindCodes || languages || countries || themes) || yearFrom !== undefined || yearTo !== undefined;
  if (!filtered) return undefined;
  return (p) => {
    if (types && !types.has(table.type[p]!)) return false;
    if (kindCodes && !(table.type[p] === documentCode && kindCodes.has(table.kind[p]!))) return false;
    if (languages && !languages.has(table.language[p]!)) return false;
    if (countries && !table.hasAny(table.countryStart, table.countryCodes, p, countries)) return false;
    if (themes && !table.hasAny(table.themeStart, table.themeCodes, p, themes)) return false;
    const year = table.year[p]!;
    if (yearFrom !== undefined && year < yearFrom) return false;
    if (yearTo !== undefined && (year === 0 || year > yearTo)) return false;
    return true;
  };
}

/** Positions of the given rowids in the table (rowids the table does not hold are skipped). */
export function positionsOf(table: FacetTable, rowids: ArrayLike<number>): number[] {
  const positionOf = table.positionOf;
  const candidates = new Array<number>(rowids.length);
  let count = 0;
  for (let i = 0; i < rowids.length; i += 1) {
    const rowid = rowids[i]!;
    const position = rowid < positionOf.length ? positionOf[rowid]! : -1;
    if (position >= 0) candidates[count++] = position;
  }
  candidates.length = count;
  return candidates;
}


/** Facet counts over the selected positions: every value of every facet, counts exact. */
export function countFacets(table: FacetTable, positions: readonly number[]): { type: FacetCount[]; country: FacetCount[]; theme: FacetCount[]; language: FacetCount[]; year: FacetCount[] } {
  const d = table.dictionaries;
  // Years are small integers: a typed array per year beats a Map in this loop over every match.
  const counts = {
    type: new Int32Array(d.facetType.values.length),
    country: new Int32Array(d.country.values.length),
    theme: new Int32Array(d.theme.values.length),
    language: new Int32Array(d.language.values.length),
    year: new Int32Array(10_000),
  };
  const { facetType, language, countryStart, countryCodes, themeStart, themeCodes, year: yearOf } = table;
  for (let n = 0; n < positions.length; n += 1) {
    const p = positions[n]!;
    counts.type[facetType[p]!]! += 1;
    counts.language[language[p]!]! += 1;
    for (let i = countryStart[p]!; i < countryStart[p + 1]!; i += 1) counts.country[countryCodes[i]!]! += 1;
    for (let i = themeStart[p]!; i < themeStart[p + 1]!; i += 1) counts.theme[themeCodes[i]!]! += 1;
    counts.year[yearOf[p]! % 10_000]! += 1;
  }
  const yearCounts: FacetCount[] = [];
  counts.year.forEach((count, year) => {
    if (year > 0 && count > 0) yearCounts.push({ value: String(year), count });
  });
  return {
    type: facetCounts(counts.type, d.facetType),
    country: facetCounts(counts.country, d.country),
    theme: facetCounts(counts.theme, d.theme),
    language: facetCounts(counts.language, d.language),
    year: yearCounts.sort((a, b) => b.count - a.count || b.value.localeCompare(a.value)),
  };
}

/** Newer first; records without a date last. */
export const byDate = (table: FacetTable) => (a: number, b: number) => (table.dates[b]! < table.dates[a]! ? -1 : table.dates[b]! > table.dates[a]! ? 1 : 0);

/**
 * The records a query's concepts stand for that nothing before found, and
 * the order they follow the text matches in: those with a concept's name in
 * their title first, then by authority and date.
 */
export function conceptPositions(
  table: FacetTable,
  concept: { themes: string[]; countries: string[]; titled: () => ArrayLike<number> },
  passes: ((p: number) => boolean) | undefined,
  taken: Uint8Array,
): { positions: number[]; compare: (a: number, b: number) => number } {
  const d = table.dictionaries;
  const themes = d.theme.lookup(concept.themes);
  const countries = d.country.lookup(concept.countries);
  const none = { positions: [], compare: () => 0 };
  // A concept no record carries stands for nothing.
  if (themes.size < concept.themes.length || countries.size < concept.countries.length) return none;
  const found: number[] = [];
  for (let p = 0; p < table.size; p += 1) {
    if (taken[p]) continue;
    if (themes.size && !table.hasAny(table.themeStart, table.themeCodes, p, themes)) continue;
    if (countries.size && !table.hasAny(table.countryStart, table.countryCodes, p, countries)) continue;
    if (passes && !passes(p)) continue;
    found.push(p);
  }
  const dated = byDate(table);
  const { authority: authorityOf, rowids } = table;
  // Which records carry a concept's name in their title is asked only when a page reaches this tier.
  let titled: Uint8Array | undefined;
  const isTitled = (p: number): number => {
    if (!titled) {
      titled = new Uint8Array(table.size);
      for (const q of positionsOf(table, concept.titled())) titled[q] = 1;
    }
    return titled[p]!;
  };
  return { positions: found, compare: (a, b) => isTitled(b) - isTitled(a) || authorityOf[b]! - authorityOf[a]! || dated(a, b) || rowids[a]! - rowids[b]! };
}
