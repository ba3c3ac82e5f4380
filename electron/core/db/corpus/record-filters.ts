// The records list's filter sets and the queries of a list window: its rowids,
// its count and its facet counts. They read the covering indexes of migration
// 2026-12-01-0004 only, so their cost does not depend on how large the records' JSON is.
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, expressionBuilder, sql, type AliasableExpression, type Expression, type SqlBool } from 'kysely';
import type { RecordFacetsResult, RecordFilters, RecordListRequest } from '../../../../shared/library';
import type { CorpusDatabase } from '../schema';

// Compiles without a database: a filter set's SQL and values exist before (and apart from) any open store.
const compiler = new Kysely<CorpusDatabase>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const records = expressionBuilder<CorpusDatabase, 'records'>();

/** A filter set's condition on records, with its SQL and bound values (the key caches keep it under). */
export interface Where {
  readonly condition: Expression<SqlBool>;
  readonly sql: string;
  readonly params: unknown[];
}

type ListColumn = 'kind' | 'language' | 'parent_id';

/** The condition of a filter set: AND across fields, OR within one field. Values are bound, never spliced. */
export function filterClause(filters: RecordFilters): Where {
  const eb = records;
  const clauses: Array<Expression<SqlBool>> = [];
  // One value as `=`, several as IN: the plan of the covering index is the same, the SQL reads as intended.
  if (filters.types.length > 0) clauses.push(filters.types.length === 1 ? eb('type', '=', filters.types[0]!) : eb('type', 'in', filters.types));
  const oneOf = (column: ListColumn, values: readonly string[]) => {
    if (values.length > 0) clauses.push(values.length === 1 ? eb(column, '=', values[0]!) : eb(column, 'in', values));
  };
  // List columns hold ",DE,FR," (shared/record-facets.ts listColumn): a value matches with its commas.
  const containsAny = (column: 'countries' | 'themes', values: readonly string[]) => {
    if (values.length > 0) clauses.push(eb.or(values.map((value) => eb(eb.fn<number>('instr', [eb.ref(column), eb.val(`,${value},`)]), '>', sql.lit(0)))));
  };
  oneOf('kind', filters.kinds);
  oneOf('language', filters.languages);
  oneOf('parent_id', filters.parents ?? []);
  containsAny('countries', filters.countries);
  containsAny('themes', filters.themes);
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) clauses.push(eb('date', '<>', sql.lit('')));
  if (filters.yearFrom !== undefined) clauses.push(eb('date', '>=', String(filters.yearFrom).padStart(4, '0')));
  if (filters.yearTo !== undefined) clauses.push(eb('date', '<', String(filters.yearTo + 1).padStart(4, '0')));
  const condition = eb.and(clauses);
  const compiled = sql`${condition}`.compile(compiler);
  return { condition, sql: compiled.sql, params: [...compiled.parameters] };
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

/** The rowids of a window (Kysely has no INDEXED BY: raw SQL around the built condition). */
export const windowQuery = (where: Where, sort: RecordListRequest['sort'], limit: number, offset: number) =>
  sql<{ rowid: number }>`SELECT rowid FROM records INDEXED BY ${sql.raw(ORDER_BY[sort].index)} WHERE ${where.condition} ORDER BY ${sql.raw(ORDER_BY[sort].order)} LIMIT ${limit} OFFSET ${offset}`;

export const countQuery = (db: Kysely<CorpusDatabase>, where: Where) =>
  db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where.condition);

export type FacetName = Exclude<keyof RecordFacetsResult, 'total'>;

// Countries and themes are grouped by their whole list (a few hundred distinct lists); the caller splits them.
const FACET_EXPRESSIONS: Record<FacetName, AliasableExpression<string>> = {
  kind: records.ref('kind'),
  language: records.ref('language'),
  year: sql<string>`substr(date, 1, 4)`,
  country: records.ref('countries'),
  theme: records.ref('themes'),
};

/** One GROUP BY over the covering index: each value of a facet (a whole list for countries and themes) with its count. */
export const facetQuery = (db: Kysely<CorpusDatabase>, where: Where, facet: FacetName) =>
  db
    .selectFrom('records')
    .select((eb) => [FACET_EXPRESSIONS[facet].as('value'), eb.fn.countAll<number>().as('n')])
    .where(where.condition)
    .groupBy(sql`1`);

/** The SQL of a window's rowids, bound to `[...where.params, limit, offset]`: a test checks its plan stays on the covering index. */
export const windowSql = (where: Where, sort: RecordListRequest['sort']): string => windowQuery(where, sort, 0, 0).compile(compiler).sql;
/** The SQL of a filter set's count, bound to `where.params`. */
export const countSql = (where: Where): string => countQuery(compiler, where).compile().sql;
