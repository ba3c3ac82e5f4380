// The in-memory facet table the engine filters and counts matches with, and
// the page selections over it (best few by score or date without a full sort).
import type { FacetCount } from '../../../shared/search';
import type { FacetRow, SearchQueries } from '../db/corpus/search-queries';
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

/** A typed array grown by doubling (the facet table takes in records a sync adds). */
function grown<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(array: T, needed: number, fill?: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 16));
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
}

/**
 * Per-record facets in typed arrays, indexed by position and coded through
 * dictionaries: counting facets over 100,000 matches is then a tight loop.
 * Built from every record once, then kept in step by `update` with the rows a
 * page of a sync changed (the corpus writer names them), so a sync never makes
 * a search rebuild it. A removed record's position stays, dead (`live` 0,
 * unreachable through `positionOf`); a changed one keeps its position.
 */
export class FacetTable {
  readonly dictionaries = { type: new Dictionary(), facetType: new Dictionary(), kind: new Dictionary(), language: new Dictionary(), country: new Dictionary(), theme: new Dictionary() };
  /** Positions in use, dead ones included. */
  size = 0;
  /** Positions holding a record. */
  liveCount = 0;
  rowids = new Float64Array(0);
  /** Position of each rowid, or -1. */
  positionOf = new Int32Array(0);
  live = new Uint8Array(0);
  type = new Uint16Array(0);
  /** The type facet: a content type, or "document:<document type>". */
  facetType = new Uint16Array(0);
  kind = new Uint16Array(0);
  language = new Uint16Array(0);
  year = new Uint16Array(0);
  versions = new Float64Array(0);
  /** How authoritative each record's kind is (ranking-prior.ts), for ordering what text relevance does not separate. */
  authority = new Uint8Array(0);
  readonly dates: string[] = [];
  /** Countries of position p are countryCodes[countryStart[p] .. countryEnd[p]). */
  countryStart = new Uint32Array(0);
  countryEnd = new Uint32Array(0);
  countryCodes = new Uint16Array(0);
  private countryUsed = 0;
  themeStart = new Uint32Array(0);
  themeEnd = new Uint32Array(0);
  themeCodes = new Uint16Array(0);
  private themeUsed = 0;
  /** Live positions by theme and by country code (built on first use, dropped on any change). */
  private byCode: { theme: PositionLists; country: PositionLists } | undefined;

  constructor(queries: SearchQueries) {
    const size = queries.recordCount();
    this.reserve(size);
    // Streamed: the rows themselves are never all in memory at once.
    for (const row of queries.facetRows()) this.put(row);
  }

  /** Room for `positions` positions. */
  private reserve(positions: number): void {
    if (positions <= this.rowids.length) return;
    this.rowids = grown(this.rowids, positions);
    this.live = grown(this.live, positions);
    this.type = grown(this.type, positions);
    this.facetType = grown(this.facetType, positions);
    this.kind = grown(this.kind, positions);
    this.language = grown(this.language, positions);
    this.year = grown(this.year, positions);
    this.versions = grown(this.versions, positions);
    this.authority = grown(this.authority, positions);
    this.countryStart = grown(this.countryStart, positions);
    this.countryEnd = grown(this.countryEnd, positions);
    this.themeStart = grown(this.themeStart, positions);
    this.themeEnd = grown(this.themeEnd, positions);
  }

  /** Writes a record's facets at its position (a new record gets the next one). */
  private put([rowid, type, kind, language, countryList, themeList, date, version]: FacetRow): void {
    this.byCode = undefined;
    let p = rowid < this.positionOf.length ? this.positionOf[rowid]! : -1;
    if (p < 0) {
      p = this.size;
      this.reserve(p + 1);
      this.size += 1;
      this.liveCount += 1;
      this.positionOf = grown(this.positionOf, rowid + 1, -1);
      this.positionOf[rowid] = p;
      this.rowids[p] = rowid;
      this.live[p] = 1;
      this.dates.push(date);
    } else this.dates[p] = date;
    const d = this.dictionaries;
    this.type[p] = d.type.code(type);
    this.facetType[p] = d.facetType.code(type === 'document' && kind ? `document:${kind}` : type);
    this.kind[p] = d.kind.code(kind);
    this.language[p] = d.language.code(language);
    this.year[p] = date ? Number(date.slice(0, 4)) : 0;
    this.versions[p] = version;
    this.authority[p] = authority(type, kind);
    const countries = countryList ? countryList.slice(1, -1).split(',').map((country) => d.country.code(country)) : [];
    const themes = themeList ? themeList.slice(1, -1).split(',').map((theme) => d.theme.code(theme)) : [];
    this.writeCountries(p, countries);
    this.writeThemes(p, themes);
  }

  // A list that fits the slot it had is written over it; a longer one goes at the end of the codes.
  private writeCountries(p: number, codes: number[]): void {
    const fits = this.countryEnd[p]! > this.countryStart[p]! && codes.length <= this.countryEnd[p]! - this.countryStart[p]!;
    const at = fits ? this.countryStart[p]! : this.countryUsed;
    if (!fits) {
      this.countryCodes = grown(this.countryCodes, at + codes.length);
      this.countryUsed += codes.length;
    }
    this.countryCodes.set(codes, at);
    this.countryStart[p] = at;
    this.countryEnd[p] = at + codes.length;
  }

  private writeThemes(p: number, codes: number[]): void {
    const fits = this.themeEnd[p]! > this.themeStart[p]! && codes.length <= this.themeEnd[p]! - this.themeStart[p]!;
    const at = fits ? this.themeStart[p]! : this.themeUsed;
    if (!fits) {
      this.themeCodes = grown(this.themeCodes, at + codes.length);
      this.themeUsed += codes.length;
    }
    this.themeCodes.set(codes, at);
    this.themeStart[p] = at;
    this.themeEnd[p] = at + codes.length;
  }

  /** Takes in what a page changed: `rows` are the facet rows of the changed rowids that still exist; the rest were removed. */
  update(changedRowids: readonly number[], rows: readonly FacetRow[]): void {
    const present = new Set<number>();
    for (const row of rows) {
      present.add(row[0]);
      this.put(row);
    }
    for (const rowid of changedRowids) {
      if (present.has(rowid)) continue;
      const p = rowid < this.positionOf.length ? this.positionOf[rowid]! : -1;
      if (p < 0) continue;
      this.positionOf[rowid] = -1;
      this.live[p] = 0;
      this.byCode = undefined;
      this.liveCount -= 1;
    }
  }

  /** Every live position, in position order. */
  livePositions(): number[] {
    const positions: number[] = [];
    for (let p = 0; p < this.size; p += 1) if (this.live[p]) positions.push(p);
    return positions;
  }

  /**
   * The live positions carrying any of the theme (or country) codes, ascending: a concept's records
   * without a pass over every record (a theme is on a few percent of them).
   */
  positionsWith(facet: 'theme' | 'country', codes: ReadonlySet<number>): ArrayLike<number> {
    this.byCode ??= {
      theme: positionLists(this, this.themeStart, this.themeEnd, this.themeCodes, this.dictionaries.theme.values.length),
      country: positionLists(this, this.countryStart, this.countryEnd, this.countryCodes, this.dictionaries.country.values.length),
    };
    const lists = this.byCode[facet];
    const listOf = (code: number) => lists.positions.subarray(lists.offsets[code]!, lists.offsets[code + 1]!);
    if (codes.size === 1) return listOf(codes.values().next().value!);
    const marks = new Uint8Array(this.size);
    for (const code of codes) for (const p of listOf(code)) marks[p] = 1;
    const union: number[] = [];
    for (let p = 0; p < marks.length; p += 1) if (marks[p]) union.push(p);
    return union;
  }

  hasAny(start: Uint32Array, end: Uint32Array, codes: Uint16Array, p: number, wanted: Set<number>): boolean {
    for (let i = start[p]!; i < end[p]!; i += 1) if (wanted.has(codes[i]!)) return true;
    return false;
  }
}

/** Positions grouped by code: those of code c are positions[offsets[c] .. offsets[c + 1]), ascending. */
interface PositionLists {
  offsets: Uint32Array;
  positions: Int32Array;
}

function positionLists(table: FacetTable, start: Uint32Array, end: Uint32Array, codes: Uint16Array, codeCount: number): PositionLists {
  const offsets = new Uint32Array(codeCount + 1);
  for (let p = 0; p < table.size; p += 1) if (table.live[p]) for (let i = start[p]!; i < end[p]!; i += 1) offsets[codes[i]! + 1]! += 1;
  for (let c = 0; c < codeCount; c += 1) offsets[c + 1]! += offsets[c]!;
  const next = offsets.slice(0, codeCount);
  const positions = new Int32Array(offsets[codeCount]!);
  // A record listing a code twice is listed once.
  for (let p = 0; p < table.size; p += 1) {
    if (!table.live[p]) continue;
    for (let i = start[p]!; i < end[p]!; i += 1) {
      const code = codes[i]!;
      if (next[code]! > offsets[code]! && positions[next[code]! - 1] === p) continue;
      positions[next[code]!++] = p;
    }
  }
  return { offsets, positions: compactLists(offsets, next, positions, codeCount) };
}

/** Drops the room duplicates left at the end of each code's list. */
function compactLists(offsets: Uint32Array, ends: Uint32Array, positions: Int32Array, codeCount: number): Int32Array {
  let at = 0;
  const out = new Int32Array(positions.length);
  for (let c = 0; c < codeCount; c += 1) {
    const from = offsets[c]!;
    const to = ends[c]!;
    offsets[c] = at;
    out.set(positions.subarray(from, to), at);
    at += to - from;
  }
  offsets[codeCount] = at;
  return out.subarray(0, at);
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
    if (countries && !table.hasAny(table.countryStart, table.countryEnd, table.countryCodes, p, countries)) return false;
    if (themes && !table.hasAny(table.themeStart, table.themeEnd, table.themeCodes, p, themes)) return false;
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
  const { facetType, language, countryStart, countryEnd, countryCodes, themeStart, themeEnd, themeCodes, year: yearOf } = table;
  for (let n = 0; n < positions.length; n += 1) {
    const p = positions[n]!;
    counts.type[facetType[p]!]! += 1;
    counts.language[language[p]!]! += 1;
    for (let i = countryStart[p]!; i < countryEnd[p]!; i += 1) counts.country[countryCodes[i]!]! += 1;
    for (let i = themeStart[p]!; i < themeEnd[p]!; i += 1) counts.theme[themeCodes[i]!]! += 1;
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
  // A theme's (else a country's) records, in position order, checked against the rest.
  const candidates = themes.size ? table.positionsWith('theme', themes) : countries.size ? table.positionsWith('country', countries) : table.livePositions();
  for (let i = 0; i < candidates.length; i += 1) {
    const p = candidates[i]!;
    if (taken[p] || !table.live[p]) continue;
    if (themes.size && countries.size && !table.hasAny(table.countryStart, table.countryEnd, table.countryCodes, p, countries)) continue;
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
