// Kysely writes the SQL and types it from the schema; better-sqlite3 runs it.
// A query is built once with named placeholders, compiled, and prepared as a
// cached statement, so hot paths stay synchronous (transactions included) and
// as fast as hand-written prepared SQL, while the compiler checks every column.
import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, InferResult } from 'kysely';

// Placeholders are strings the query builder carries through to `parameters` untouched.
const PLACEHOLDER = '\u0000ewsi-placeholder:';

type Slot = { name: string } | { value: unknown };

const compile = (query: Compilable<unknown> | CompiledQuery<unknown>): CompiledQuery<unknown> => ('compile' in query ? query.compile() : query);

/** The row type a built query returns (`{}` for statements that return none). */
export type RowOf<Q> = Q extends Compilable<unknown> | CompiledQuery<unknown> ? InferResult<Q>[number] : never;

/** A compiled, cached statement: its SQL checked by Kysely, its arguments by name, its rows typed. */
export interface PreparedQuery<Args, Row> {
  readonly sql: string;
  all(args: Args): Row[];
  get(args: Args): Row | undefined;
  run(args: Args): Database.RunResult;
  iterate(args: Args): IterableIterator<Row>;
}

/** A built query's SQL, and how to turn named arguments into its positional parameters. */
function withPlaceholders<Args extends object>(build: (args: Args) => Compilable<unknown> | CompiledQuery<unknown>): { sql: string; bind: (args: Args) => unknown[] } {
  const placeholders = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `${PLACEHOLDER}${key}` : undefined) }) as Args;
  const built = build(placeholders);
  const compiled = compile(built);
  const slots: Slot[] = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(PLACEHOLDER) ? { name: value.slice(PLACEHOLDER.length) } : { value },
  );
  const bind = (args: Args): unknown[] =>
    slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const value = (args as Record<string, unknown>)[slot.name];
      if (value === undefined) throw new TypeError(`Missing argument '${slot.name}' for: ${compiled.sql}`);
      return value;
    });
  return { sql: compiled.sql, bind };
}

/**
 * Prepares the query `build` returns. `build` receives its arguments as
 * placeholders (use each only as a bound value, never to decide the query's
 * shape, and name each one: `values(args)` sees no keys, `values({ id: args.id })`
 * does); each call binds the real values by name. A query without arguments
 * takes `{}`. Raw SQL goes through Kysely's `sql` tag compiled against the store's Kysely.
 */
export function prepareQuery<Args extends object, Q extends Compilable<unknown> | CompiledQuery<unknown>>(
  sqlite: Database.Database,
  build: (args: Args) => Q,
): PreparedQuery<Args, RowOf<Q>> {
  const { sql, bind } = withPlaceholders(build);
  const statement = sqlite.prepare(sql);
  return {
    sql,
    all: (args) => statement.all(...bind(args)) as RowOf<Q>[],
    get: (args) => statement.get(...bind(args)) as RowOf<Q> | undefined,
    run: (args) => statement.run(...bind(args)),
    iterate: (args) => statement.iterate(...bind(args)) as IterableIterator<RowOf<Q>>,
  };
}

/** The value type of a one-column row. */
export type ColumnOf<Row> = Row[keyof Row];

/** A prepared one-column query that answers the column's values, not an object per row. */
export interface PreparedColumn<Args, Value> {
  readonly sql: string;
  all(args: Args): Value[];
  /** The first row's value; undefined when there is no row. */
  get(args: Args): Value | undefined;
  iterate(args: Args): IterableIterator<Value>;
}

/**
 * Like prepareQuery, for a query of one column whose values are all that is
 * wanted: no object is made per row, which makes reading 100,000 rowids about
 * three times faster.
 */
export function prepareColumn<Args extends object, Q extends Compilable<unknown> | CompiledQuery<unknown>>(
  sqlite: Database.Database,
  build: (args: Args) => Q,
): PreparedColumn<Args, ColumnOf<RowOf<Q>>> {
  const { sql, bind } = withPlaceholders(build);
  const statement = sqlite.prepare(sql);
  if (statement.columns().length !== 1) throw new TypeError(`prepareColumn needs a query of one column: ${sql}`);
  statement.pluck();
  return {
    sql,
    all: (args) => statement.all(...bind(args)) as ColumnOf<RowOf<Q>>[],
    get: (args) => statement.get(...bind(args)) as ColumnOf<RowOf<Q>> | undefined,
    iterate: (args) => statement.iterate(...bind(args)) as IterableIterator<ColumnOf<RowOf<Q>>>,
  };
}

/** The row as an array of the named columns' values, in that order. */
export type TupleOf<Row, Columns extends readonly (keyof Row)[]> = { -readonly [I in keyof Columns]: Row[Columns[I] & keyof Row] };

/** A prepared query that answers each row as an array of its values. */
export interface PreparedTuples<Args, Tuple> {
  readonly sql: string;
  all(args: Args): Tuple[];
  iterate(args: Args): IterableIterator<Tuple>;
}

/**
 * Like prepareQuery, answering each row as an array of its values in the
 * order `columns` names them (checked against the statement's own columns),
 * for long scans where an object per row is the main cost.
 */
export function prepareTuples<Args extends object, Q extends Compilable<unknown> | CompiledQuery<unknown>, const Columns extends readonly (keyof RowOf<Q>)[]>(
  sqlite: Database.Database,
  build: (args: Args) => Q,
  columns: Columns,
): PreparedTuples<Args, TupleOf<RowOf<Q>, Columns>> {
  const { sql, bind } = withPlaceholders(build);
  const statement = sqlite.prepare(sql);
  const names = statement.columns().map((column) => column.name);
  if (names.join('\u0000') !== columns.join('\u0000')) throw new TypeError(`prepareTuples expected columns ${columns.join(', ')} but the query returns ${names.join(', ')}: ${sql}`);
  statement.raw();
  return {
    sql,
    all: (args) => statement.all(...bind(args)) as TupleOf<RowOf<Q>, Columns>[],
    iterate: (args) => statement.iterate(...bind(args)) as IterableIterator<TupleOf<RowOf<Q>, Columns>>,
  };
}

// Statements of queries whose shape varies per call (optional filters), by SQL text: a filter set seen before
// reuses its statement. Bounded, since the shapes are few but not fixed.
const DYNAMIC_CACHE_LIMIT = 200;
const dynamicStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function dynamicStatement(sqlite: Database.Database, compiled: CompiledQuery<unknown>): Database.Statement {
  let cache = dynamicStatements.get(sqlite);
  if (!cache) dynamicStatements.set(sqlite, (cache = new Map()));
  let statement = cache.get(compiled.sql);
  if (!statement) {
    if (cache.size >= DYNAMIC_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    statement = sqlite.prepare(compiled.sql);
    cache.set(compiled.sql, statement);
  }
  return statement;
}

/** Runs a query built for this call (its shape depends on the arguments) synchronously: every row, typed. */
export function allRows<Q extends Compilable<unknown> | CompiledQuery<unknown>>(sqlite: Database.Database, query: Q): RowOf<Q>[] {
  const compiled = compile(query);
  return dynamicStatement(sqlite, compiled).all(...compiled.parameters) as RowOf<Q>[];
}

/** Runs a query built for this call synchronously: its first row, typed, or undefined. */
export function firstRow<Q extends Compilable<unknown> | CompiledQuery<unknown>>(sqlite: Database.Database, query: Q): RowOf<Q> | undefined {
  const compiled = compile(query);
  return dynamicStatement(sqlite, compiled).get(...compiled.parameters) as RowOf<Q> | undefined;
}
