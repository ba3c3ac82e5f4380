// records.list and records.facets: windows of a filtered, sorted list for a
// virtualized view, and the facet counts of its filters. Both read the covering
// indexes of migration 2026-12-01-0004 only, so their cost does not depend on
// how large the records' JSON is.
import type Database from 'better-sqlite3';
import type { RecordFacetsResult, RecordFilters, RecordListRequest, RecordListResult } from '../../../shared/library';
import { LIST_COLUMNS_SQL, splitListColumn, toListItem, type ListRow } from './record-rows';

export interface Where {
  sql: string;
  params: string[];
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** WHERE clause of a filter set: AND across fields, OR within one field. Values are bound, never spliced. */
export function filterClause(filters: RecordFilters): Where {
  const clauses: string[] = [];
  const params: string[] = [];
  const oneOf = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(values.length === 1 ? `${column} = ?` : `${column} IN (${placeholders(values)})`);
    params.push(...values);
  };
  const containsAny = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`(${values.map(() => `instr(${column}, ?) > 0`).join(' OR ')})`);
    params.push(...values.map((value) => `,${value},`));
  };
  oneOf('type', filters.types);
  oneOf('kind', filters.kinds);
  oneOf('language', filters.languages);
  oneOf('parent_id', filters.parents ?? []);
  containsAny('countries', filters.countries);
  containsAny('themes', filters.themes);
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) clauses.push("date <> ''");
  if (filters.yearFrom !== undefined) {
    clauses.push('date >= ?');
    params.push(String(filters.yearFrom).padStart(4, '0'));
  }
  if (filters.yearTo !== undefined) {
    clauses.push('date < ?');
    params.push(String(filters.yearTo + 1).padStart(4, '0'));
  }
  return { sql: clauses.join(' AND '), params };
}

// Every column of the matching index, in its order: a total order (stable
// windows) that the index delivers without sorting. The index is named because
// without statistics SQLite would take a year range on the date index and then
// sort every row it reads by title; a walk of the title index reads no row.
const ORDER_BY: Record<RecordListRequest['sort'], { index: string; order: string }> = {
  'date-desc': { index: 'records_list_date', order: 'date DESC, kind DESC, language DESC, countries DESC, themes DESC, rowid DESC' },
  'date-asc': { index: 'records_list_date', order: 'date, kind, language, countries, themes, rowid' },
  title: { index: 'records_list_title', order: 'title COLLATE NOCASE, kind, language, countries, themes, date, rowid' },
};

/** The SQL of a window's rowids: exported so a test can check its query plan stays on the covering index. */
export const windowSql = (where: Where, sort: RecordListRequest['sort']) =>
  `SELECT rowid FROM records INDEXED BY ${ORDER_BY[sort].index} WHERE ${where.sql} ORDER BY ${ORDER_BY[sort].order} LIMIT ? OFFSET ?`;
export const countSql = (where: Where) => `SELECT count(*) AS n FROM records WHERE ${where.sql}`;

/** A few recent results keyed by their arguments, dropped whenever the corpus changes. */
class GenerationCache<T> {
  private generation = -1;
  private readonly entries = new Map<string, T>();
  constructor(
    private readonly currentGeneration: () => number,
    private readonly size: number,
  ) {}

  get(key: string, compute: () => T): T {
    if (this.generation !== this.currentGeneration()) {
      this.entries.clear();
      this.generation = this.currentGeneration();
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

type FacetName = Exclude<keyof RecordFacetsResult, 'total'>;

export class RecordList {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly totals: GenerationCache<number>;
  private readonly facetCache: GenerationCache<RecordFacetsResult>;

  constructor(
    private readonly sqlite: Database.Database,
    /** Bumped by the corpus writer on every change (CorpusWriter.generation). */
    generation: () => number,
    /** The version above which records changed in the last sync; null when none did. */
    private readonly changedSince: () => number | null,
  ) {
    // The virtualized list asks for many windows of one filter set: count it once.
    this.totals = new GenerationCache(generation, 50);
    this.facetCache = new GenerationCache(generation, 20);
  }

  /** Filter shapes are few: prepare each SQL text once. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  list(request: RecordListRequest): RecordListResult {
    const where = filterClause(request);
    const total = this.count(where);
    if (request.offset >= total) return { total, items: [] };
    const rowids = this.statement(windowSql(where, request.sort))
      .pluck()
      .all(...where.params, request.limit, request.offset) as number[];
    const byRowid = this.statement(`SELECT ${LIST_COLUMNS_SQL} FROM records WHERE rowid = ?`);
    const changedSince = this.changedSince();
    const items = rowids.map((rowid) => toListItem(byRowid.get(rowid) as ListRow, changedSince));
    return { total, items };
  }

  /**
   * Counts per facet value. Each facet is counted under every filter but its
   * own, so choosing "report" still shows how many studies there are.
   */
  facets(filters: RecordFilters): RecordFacetsResult {
    return this.facetCache.get(JSON.stringify(filters), () => this.countFacets(filters));
  }

  private countFacets(filters: RecordFilters): RecordFacetsResult {
    // One GROUP BY per facet over the covering index. Countries and themes are
    // grouped by their whole list (a few hundred distinct lists), then split.
    const dimensions: Array<{ facet: FacetName; expression: string; without: Partial<RecordFilters>; lists?: boolean }> = [
      { facet: 'kind', expression: 'kind', without: { kinds: [] } },
      { facet: 'language', expression: 'language', without: { languages: [] } },
      { facet: 'year', expression: 'substr(date, 1, 4)', without: { yearFrom: undefined, yearTo: undefined } },
      { facet: 'country', expression: 'countries', without: { countries: [] }, lists: true },
      { facet: 'theme', expression: 'themes', without: { themes: [] }, lists: true },
    ];
    const result = { total: this.count(filterClause(filters)) } as RecordFacetsResult;
    for (const { facet, expression, without, lists } of dimensions) {
      const where = filterClause({ ...filters, ...without });
      const groups = this.statement(`SELECT ${expression} AS value, count(*) AS n FROM records WHERE ${where.sql} GROUP BY 1`).raw().all(...where.params) as Array<[string, number]>;
      const counts = new Map<string, number>();
      for (const [value, n] of groups) {
        for (const single of lists ? splitListColumn(value) : [value]) if (single) counts.set(single, (counts.get(single) ?? 0) + n);
      }
      result[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => (facet === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    }
    return result;
  }

  private count(where: Where): number {
    return this.totals.get(JSON.stringify(where), () => (this.statement(countSql(where)).get(...where.params) as { n: number }).n);
  }
}
