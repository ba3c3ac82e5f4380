// Full-text search over the synced corpus: the matches and their BM25 scores
// come from in-memory postings of frequent terms (bm25.ts; FTS5 itself until
// they are ready), an in-memory facet table filters and counts them, and
// snippets are made for the page of results alone (a plain `ORDER BY rank`
// with snippet() computes a snippet for every match).
import type { ContentType } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';
import type { FacetCount, SearchHit, SearchRequest, SearchResultPayload, SnippetPart } from '../../../shared/search';
import { SNIPPET_END, SNIPPET_START, type SearchQueries } from '../db/corpus/search-queries';
import { Bm25Evaluator, type RankedMatches } from './bm25';
import { parseQuery, withoutFilter, type QueryClauses, type SearchFilters } from './query';
import { TermPostings } from './term-postings';

/** Splits an FTS5 snippet with our markers into plain parts; the markers never reach the screen. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length) {
    const start = rest.indexOf(SNIPPET_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(SNIPPET_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

/** Interns strings as small integer codes, so per-record facets fit typed arrays. */
class Dictionary {
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
class FacetTable {
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
function facetCounts(counts: Int32Array, dictionary: Dictionary): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((count, code) => {
    const value = dictionary.values[code]!;
    if (count > 0 && value) out.push({ value, count });
  });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The first `count` items in `compare` order, without sorting all of them when `count` is small. */
function topPositions(items: number[], count: number, compare: (a: number, b: number) => number): number[] {
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
function topByScore(positions: ArrayLike<number>, count: number, scoreOfPosition: (p: number) => number, rowidOf: (p: number) => number): number[] {
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

export interface SearchEngineOptions {
  /** Read frequent terms' postings in the background whenever the corpus settles (the app does; one-shot CLI runs need not). */
  backgroundPostings?: boolean;
  /** Terms in at least this many rows keep their postings in memory. */
  frequentTermMinRows?: number;
  /** Quiet time after the last corpus change before a background read starts. */
  settleMs?: number;
}

export class SearchEngine {
  private facets: FacetTable | undefined;
  private facetsGeneration = -1;
  /** Postings for BM25 outside FTS5: what makes broad queries fast. */
  readonly termPostings: TermPostings;
  private readonly bm25: Bm25Evaluator;
  private buildTimer: NodeJS.Timeout | undefined;
  private building: Promise<boolean> | undefined;
  private closed = false;

  constructor(
    private readonly queries: SearchQueries,
    /** Changes whenever the corpus does (the writer's page counter). */
    private readonly generation: () => number,
    private readonly options: SearchEngineOptions = {},
  ) {
    this.termPostings = new TermPostings(queries, { frequentTermMinRows: options.frequentTermMinRows });
    this.bm25 = new Bm25Evaluator(queries, this.termPostings);
    if (options.backgroundPostings) this.scheduleBuild();
  }

  /** Reads the frequent terms' postings now (the background build does the same when the corpus settles). */
  buildTermPostings(): Promise<boolean> {
    if (!this.building) {
      this.building = this.termPostings.build().finally(() => {
        this.building = undefined;
      });
    }
    return this.building;
  }

  /** Told by the corpus writer after each applied page. */
  corpusChanged(changedRowids: number[]): void {
    this.termPostings.markChanged(changedRowids);
    if (this.options.backgroundPostings) this.scheduleBuild();
  }

  /** Told by the corpus writer when the corpus was dropped or its index rebuilt. */
  corpusReset(): void {
    this.termPostings.reset();
    if (this.options.backgroundPostings) this.scheduleBuild();
  }

  /** Stops background work (the store is closing). */
  close(): void {
    this.closed = true;
    clearTimeout(this.buildTimer);
    this.termPostings.reset();
  }

  private needsRebuild(): boolean {
    return this.termPostings.pendingChanges > Math.max(2000, this.termPostings.totals().rows * 0.05);
  }

  /** After the corpus has been quiet for a while: read the postings, or catch them up after a small sync. */
  private scheduleBuild(): void {
    clearTimeout(this.buildTimer);
    this.buildTimer = setTimeout(() => {
      if (this.closed) return;
      if (this.building) return this.scheduleBuild(); // Changes came during a build: look again once it is done.
      if (this.termPostings.ready && !this.needsRebuild()) {
        // A small sync: catch up now, so the next search does not have to.
        try {
          this.termPostings.catchUp();
        } catch (error) {
          // The next search catches up (or FTS5 answers); a timer must not take the core down.
          if (!this.closed) console.error(`Search: catching up term postings failed: ${(error as Error).message}`);
        }
        return;
      }
      void this.buildTermPostings().catch((error: unknown) => {
        if (!this.closed) console.error(`Search: reading term postings failed: ${(error as Error).message}`);
      });
    }, this.options.settleMs ?? 3000);
    this.buildTimer.unref();
  }

  /** Matches with BM25 scores from the postings, when they are ready and close enough to the corpus to catch up. */
  private rankedMatches(clauses: QueryClauses): RankedMatches | undefined {
    // In a small corpus no term is frequent, and FTS5 alone is faster than reading postings.
    if (!this.termPostings.ready || !this.termPostings.hasFrequentTerms) return undefined;
    if (this.needsRebuild()) {
      if (this.options.backgroundPostings) this.scheduleBuild();
      return undefined;
    }
    return this.bm25.evaluate(clauses);
  }

  private facetTable(): FacetTable {
    const generation = this.generation();
    if (!this.facets || this.facetsGeneration !== generation) {
      this.facets = new FacetTable(this.queries);
      this.facetsGeneration = generation;
    }
    return this.facets;
  }

  /** Positions (in the facet table) of the records a query and its filters select. */
  private select(match: string, filters: SearchFilters, kinds: string[], matched?: Int32Array): { table: FacetTable; positions: number[]; filtered: boolean } {
    const table = this.facetTable();
    const d = table.dictionaries;
    let candidates: number[];
    if (match) {
      const rowids = matched ?? this.queries.matchingRowids(match);
      const positionOf = table.positionOf;
      candidates = new Array<number>(rowids.length);
      let count = 0;
      for (let i = 0; i < rowids.length; i += 1) {
        const rowid = rowids[i]!;
        const position = rowid < positionOf.length ? positionOf[rowid]! : -1;
        if (position >= 0) candidates[count++] = position;
      }
      candidates.length = count;
    } else {
      candidates = Array.from({ length: table.size }, (_, i) => i);
    }
    const types = filters.types.length ? d.type.lookup(filters.types) : undefined;
    const documentCode = d.type.lookup(['document']).values().next().value;
    const kindCodes = kinds.length ? d.kind.lookup(kinds) : undefined;
    const languages = filters.languages.length ? d.language.lookup(filters.languages) : undefined;
    const countries = filters.countries.length ? d.country.lookup(filters.countries) : undefined;
    const themes = filters.themes.length ? d.theme.lookup(filters.themes) : undefined;
    const { yearFrom, yearTo } = filters;
    const filtered = Boolean(types || kindCodes || languages || countries || themes) || yearFrom !== undefined || yearTo !== undefined;
    if (!filtered) return { table, positions: candidates, filtered };
    const positions = candidates.filter((p) => {
      if (types && !types.has(table.type[p]!)) return false;
      if (kindCodes && !(table.type[p] === documentCode && kindCodes.has(table.kind[p]!))) return false;
      if (languages && !languages.has(table.language[p]!)) return false;
      if (countries && !table.hasAny(table.countryStart, table.countryCodes, p, countries)) return false;
      if (themes && !table.hasAny(table.themeStart, table.themeCodes, p, themes)) return false;
      const year = table.year[p]!;
      if (yearFrom !== undefined && year < yearFrom) return false;
      if (yearTo !== undefined && (year === 0 || year > yearTo)) return false;
      return true;
    });
    return { table, positions, filtered };
  }

  search(request: SearchRequest): SearchResultPayload {
    const limit = Math.min(Math.max(request.limit ?? 20, 1), 100);
    const offset = Math.max(request.offset ?? 0, 0);
    const parsed = parseQuery(request.query);
    const ranked = parsed.match ? this.rankedMatches(parsed.clauses) : undefined;
    const { table, positions, filtered } = this.select(parsed.match, parsed.filters, parsed.kinds, ranked?.rowids);

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

    const page = this.orderedRowids({ match: parsed.match, ranked, table, positions, filtered }, request.sort ?? 'rank', limit, offset);

    return {
      total: positions.length,
      hits: this.hitsFor(table, page, ranked && parsed.match ? this.bm25.snippetExpression(parsed.clauses) : parsed.match),
      facets: {
        type: facetCounts(counts.type, d.facetType),
        country: facetCounts(counts.country, d.country),
        theme: facetCounts(counts.theme, d.theme),
        language: facetCounts(counts.language, d.language),
        year: yearCounts.sort((a, b) => b.count - a.count || b.value.localeCompare(a.value)),
      },
      notices: parsed.notices,
      relaxations: positions.length === 0 ? this.relaxations(request.query, parsed.appliedFilters) : [],
    };
  }

  /** For an empty result: the query with each of its filters dropped in turn, and what each would find. */
  private relaxations(query: string, filters: ReturnType<typeof parseQuery>['appliedFilters']): SearchResultPayload['relaxations'] {
    return filters.map((filter) => {
      const relaxed = withoutFilter(query, filter);
      return { dropped: filter.typed, query: relaxed, total: this.count(relaxed) };
    });
  }

  /** How many records a query finds. */
  private count(query: string): number {
    const parsed = parseQuery(query);
    const ranked = parsed.match ? this.rankedMatches(parsed.clauses) : undefined;
    return this.select(parsed.match, parsed.filters, parsed.kinds, ranked?.rowids).positions.length;
  }

  /**
   * The rowids of results offset … offset+limit in the order the results are
   * shown: by date (or without words), by BM25 score from the postings, or
   * in FTS5's rank order (filtered as it streams).
   */
  private orderedRowids(selection: { match: string; ranked: RankedMatches | undefined; table: FacetTable; positions: number[]; filtered: boolean }, sort: 'rank' | 'date', limit: number, offset: number): number[] {
    const { match, ranked, table, positions, filtered } = selection;
    if (sort === 'date' || !match) {
      const byDate = (a: number, b: number) => (table.dates[b]! < table.dates[a]! ? -1 : table.dates[b]! > table.dates[a]! ? 1 : 0);
      return topPositions(positions, offset + limit, byDate).slice(offset).map((p) => table.rowids[p]!);
    }
    if (ranked) {
      const { scoreOf } = ranked;
      const rowids = table.rowids;
      // A page keeps the best few as it goes; every result (adding all to a collection) is one sort.
      const best =
        offset + limit >= positions.length
          ? [...positions].sort((a, b) => scoreOf[rowids[b]!]! - scoreOf[rowids[a]!]! || rowids[a]! - rowids[b]!)
          : topByScore(positions, offset + limit, (p) => scoreOf[rowids[p]!]!, (p) => rowids[p]!);
      return best.slice(offset, offset + limit).map((p) => rowids[p]!);
    }
    if (!filtered) return this.queries.rankedPage(match, limit, offset);
    // Ranked matches stream in BM25 order; keep those the filters let through until the page is full.
    const wanted = new Uint8Array(table.size);
    for (const p of positions) wanted[p] = 1;
    const page: number[] = [];
    let skipped = 0;
    for (const rowid of this.queries.rankedRowids(match)) {
      const position = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      if (position < 0 || !wanted[position] || skipped++ < offset) continue;
      page.push(rowid);
      if (page.length === limit) break;
    }
    return page;
  }

  /**
   * Every record a query matches, in the order its results are shown: what
   * "add all results" puts in a collection. More than `max` is refused rather
   * than cut, since a cut list would look complete.
   */
  matchingKeys(query: string, sort: 'rank' | 'date', max: number): Array<{ type: ContentType; id: string }> {
    const parsed = parseQuery(query);
    const ranked = parsed.match ? this.rankedMatches(parsed.clauses) : undefined;
    const { table, positions, filtered } = this.select(parsed.match, parsed.filters, parsed.kinds, ranked?.rowids);
    if (positions.length > max) throw new ContractError('invalid_arguments', `The search matches ${positions.length} records; at most ${max} can be added at once`);
    if (positions.length === 0) return [];
    return this.queries.keysOf(this.orderedRowids({ match: parsed.match, ranked, table, positions, filtered }, sort, positions.length, 0));
  }

  private hitsFor(table: FacetTable, rowids: number[], match: string): SearchHit[] {
    if (rowids.length === 0) return [];
    const records = new Map(this.queries.hitRecords(rowids).map((row) => [row.rowid, row]));
    const snippets = new Map<number, string>();
    if (match) for (const row of this.queries.snippets(match, rowids)) snippets.set(row.rowid, row.text);
    // Rows the expression found nothing to highlight in (or no words at all) open with their summary.
    const plain = rowids.filter((rowid) => !snippets.get(rowid));
    if (plain.length) for (const row of this.queries.openings(plain)) snippets.set(row.rowid, row.text);
    return rowids.flatMap((rowid) => {
      const record = records.get(rowid);
      if (!record) return [];
      const position = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      const kind = position >= 0 ? table.dictionaries.kind.values[table.kind[position]!] : undefined;
      return [
        {
          type: record.type,
          id: record.id,
          title: record.title,
          date: record.date,
          language: record.language,
          countries: record.countries ? record.countries.slice(1, -1).split(',') : [],
          ...(record.type === 'document' && kind ? { kind } : {}),
          snippet: snippetParts(snippets.get(rowid) ?? ''),
        },
      ];
    });
  }

  /** How many records a query matches whose version is above `sinceVersion` (new since then). */
  countNewer(query: string, sinceVersion: number): number {
    const parsed = parseQuery(query);
    const ranked = parsed.match ? this.rankedMatches(parsed.clauses) : undefined;
    const { table, positions } = this.select(parsed.match, parsed.filters, parsed.kinds, ranked?.rowids);
    return positions.filter((p) => table.versions[p]! > sinceVersion).length;
  }
}
