// Full-text search over the synced corpus: FTS5 finds the matches, an
// in-memory facet table filters and counts them, BM25 ranks only what is
// shown, and snippets are made for the page of results alone (a plain
// `ORDER BY rank` with snippet() computes a snippet for every match).
import type Database from 'better-sqlite3';
import { parseQuery, type SearchFilters } from './query';

export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

export interface SearchRequest {
  query: string;
  sort?: 'rank' | 'date';
  limit?: number;
  offset?: number;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  date: string;
  language: string;
  countries: string[];
  /** Plain-text excerpt split into parts; `match` parts are the query's words. Never HTML. */
  snippet: SnippetPart[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { type: FacetCount[]; country: FacetCount[]; theme: FacetCount[]; language: FacetCount[]; year: FacetCount[] };
  notice?: string;
}

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

/** Compact per-record facets, indexed by position; rebuilt when the corpus changes. */
class FacetTable {
  readonly position = new Map<number, number>();
  readonly rowids: number[] = [];
  readonly types: string[] = [];
  readonly kinds: string[] = [];
  readonly languages: string[] = [];
  readonly countries: string[][] = [];
  readonly themes: string[][] = [];
  readonly years: number[] = [];
  readonly dates: string[] = [];
  readonly versions: number[] = [];

  constructor(sqlite: Database.Database) {
    const split = (list: string) => (list ? list.slice(1, -1).split(',') : []);
    for (const row of sqlite.prepare('SELECT rowid, type, kind, language, countries, themes, date, version FROM records').iterate() as IterableIterator<{
      rowid: number;
      type: string;
      kind: string;
      language: string;
      countries: string;
      themes: string;
      date: string;
      version: number;
    }>) {
      this.position.set(row.rowid, this.rowids.length);
      this.rowids.push(row.rowid);
      this.types.push(row.type);
      this.kinds.push(row.kind);
      this.languages.push(row.language);
      this.countries.push(split(row.countries));
      this.themes.push(split(row.themes));
      this.years.push(row.date ? Number(row.date.slice(0, 4)) : 0);
      this.dates.push(row.date);
      this.versions.push(row.version);
    }
  }
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

function countInto(map: Map<string, number>, value: string): void {
  if (value) map.set(value, (map.get(value) ?? 0) + 1);
}

function sorted(map: Map<string, number>, limit = 50): FacetCount[] {
  return [...map]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

export class SearchEngine {
  private facets: FacetTable | undefined;
  private facetsGeneration = -1;
  private readonly matchRowids: Database.Statement<[string], { rowid: number }>;
  private readonly rankedPage: Database.Statement<[string, number, number], { rowid: number }>;
  private readonly rankedAll: Database.Statement<[string], { rowid: number }>;

  constructor(
    private readonly sqlite: Database.Database,
    /** Changes whenever the corpus does (the writer's page counter). */
    private readonly generation: () => number,
  ) {
    // Facets need every match but no score; the page needs scores, and FTS5 answers
    // `ORDER BY rank LIMIT` without making the caller sort every match.
    this.matchRowids = sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?');
    this.rankedPage = sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ? OFFSET ?');
    this.rankedAll = sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank');
  }

  private facetTable(): FacetTable {
    const generation = this.generation();
    if (!this.facets || this.facetsGeneration !== generation) {
      this.facets = new FacetTable(this.sqlite);
      this.facetsGeneration = generation;
    }
    return this.facets;
  }

  /** Positions (in the facet table) of the records a query and its filters select. */
  private select(match: string, filters: SearchFilters, kinds: string[]): { table: FacetTable; positions: number[]; filtered: boolean } {
    const table = this.facetTable();
    let candidates: number[];
    if (match) {
      candidates = [];
      for (const row of this.matchRowids.all(match)) {
        const position = table.position.get(row.rowid);
        if (position !== undefined) candidates.push(position);
      }
    } else {
      candidates = table.rowids.map((_, i) => i);
    }
    const filtered = filters.types.length + kinds.length + filters.languages.length + filters.countries.length + filters.themes.length > 0 || filters.yearFrom !== undefined || filters.yearTo !== undefined;
    const positions = candidates.filter((p) => {
      if (filters.types.length && !filters.types.includes(table.types[p]!)) return false;
      if (kinds.length && !(table.types[p] === 'document' && kinds.includes(table.kinds[p]!))) return false;
      if (filters.languages.length && !filters.languages.includes(table.languages[p]!)) return false;
      if (filters.countries.length && !filters.countries.some((c) => table.countries[p]!.includes(c))) return false;
      if (filters.themes.length && !filters.themes.some((t) => table.themes[p]!.includes(t))) return false;
      const year = table.years[p]!;
      if (filters.yearFrom !== undefined && year < filters.yearFrom) return false;
      if (filters.yearTo !== undefined && (year === 0 || year > filters.yearTo)) return false;
      return true;
    });
    return { table, positions, filtered };
  }

  search(request: SearchRequest): SearchResult {
    const limit = Math.min(Math.max(request.limit ?? 20, 1), 100);
    const offset = Math.max(request.offset ?? 0, 0);
    const parsed = parseQuery(request.query);
    const { table, positions, filtered } = this.select(parsed.match, parsed.filters, parsed.kinds);

    const facetMaps = { type: new Map<string, number>(), country: new Map<string, number>(), theme: new Map<string, number>(), language: new Map<string, number>(), year: new Map<string, number>() };
    for (const p of positions) {
      countInto(facetMaps.type, table.types[p] === 'document' && table.kinds[p] ? `document:${table.kinds[p]}` : table.types[p]!);
      for (const country of table.countries[p]!) countInto(facetMaps.country, country);
      for (const theme of table.themes[p]!) countInto(facetMaps.theme, theme);
      countInto(facetMaps.language, table.languages[p]!);
      if (table.years[p]) countInto(facetMaps.year, String(table.years[p]));
    }

    let page: number[];
    if (request.sort === 'date' || !parsed.match) {
      const byDate = (a: number, b: number) => (table.dates[b]! < table.dates[a]! ? -1 : table.dates[b]! > table.dates[a]! ? 1 : 0);
      page = topPositions(positions, offset + limit, byDate).slice(offset).map((p) => table.rowids[p]!);
    } else if (!filtered) {
      page = this.rankedPage.all(parsed.match, limit, offset).map((row) => row.rowid);
    } else {
      // Ranked matches stream in BM25 order; keep those the filters let through until the page is full.
      const wanted = new Set(positions.map((p) => table.rowids[p]!));
      page = [];
      let skipped = 0;
      for (const row of this.rankedAll.iterate(parsed.match)) {
        if (!wanted.has(row.rowid) || skipped++ < offset) continue;
        page.push(row.rowid);
        if (page.length === limit) break;
      }
    }

    return {
      total: positions.length,
      hits: this.hitsFor(page, parsed.match),
      facets: { type: sorted(facetMaps.type), country: sorted(facetMaps.country), theme: sorted(facetMaps.theme), language: sorted(facetMaps.language), year: sorted(facetMaps.year, 100) },
      ...(parsed.notice ? { notice: parsed.notice } : {}),
    };
  }

  private hitsFor(rowids: number[], match: string): SearchHit[] {
    if (rowids.length === 0) return [];
    const placeholders = rowids.map(() => '?').join(',');
    const records = new Map(
      (this.sqlite.prepare(`SELECT rowid, type, id, title, date, language, countries FROM records WHERE rowid IN (${placeholders})`).all(...rowids) as Array<{
        rowid: number;
        type: string;
        id: string;
        title: string;
        date: string;
        language: string;
        countries: string;
      }>).map((row) => [row.rowid, row]),
    );
    const snippets = new Map<number, string>();
    if (match) {
      const rows = this.sqlite
        .prepare(`SELECT rowid, snippet(search_index, -1, '${SNIPPET_START}', '${SNIPPET_END}', '…', 24) AS text FROM search_index WHERE search_index MATCH ? AND rowid IN (${placeholders})`)
        .all(match, ...rowids) as Array<{ rowid: number; text: string }>;
      for (const row of rows) snippets.set(row.rowid, row.text);
    } else {
      const rows = this.sqlite.prepare(`SELECT rowid, substr(summary || ' ' || body, 1, 160) AS text FROM search_index WHERE rowid IN (${placeholders})`).all(...rowids) as Array<{ rowid: number; text: string }>;
      for (const row of rows) snippets.set(row.rowid, row.text);
    }
    return rowids.flatMap((rowid) => {
      const record = records.get(rowid);
      if (!record) return [];
      return [
        {
          type: record.type,
          id: record.id,
          title: record.title,
          date: record.date,
          language: record.language,
          countries: record.countries ? record.countries.slice(1, -1).split(',') : [],
          snippet: snippetParts(snippets.get(rowid) ?? ''),
        },
      ];
    });
  }

  /** How many records a query matches whose version is above `sinceVersion` (new since then). */
  countNewer(query: string, sinceVersion: number): number {
    const parsed = parseQuery(query);
    const { table, positions } = this.select(parsed.match, parsed.filters, parsed.kinds);
    return positions.filter((p) => table.versions[p]! > sinceVersion).length;
  }
}
