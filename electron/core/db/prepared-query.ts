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
  const placeholders = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `${PLACEHOLDER}${key}` : undefined) }) as Args;
  const built = build(placeholders);
  const compiled = compile(built);
  const slots: Slot[] = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(PLACEHOLDER) ? { name: value.slice(PLACEHOLDER.length) } : { value },
  );
  const statement = sqlite.prepare(compiled.sql);
  const bind = (args: Args): unknown[] =>
    slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const value = (args as Record<string, unknown>)[slot.name];
      if (value === undefined) throw new TypeError(`Missing argument '${slot.name}' for: ${compiled.sql}`);
      return value;
    });
  return {
    sql: compiled.sql,
    all: (args) => statement.all(...bind(args)) as RowOf<Q>[],
    get: (args) => statement.get(...bind(args)) as RowOf<Q> | undefined,
    run: (args) => statement.run(...bind(args)),
    iterate: (args) => statement.iterate(...bind(args)) as IterableIterator<RowOf<Q>>,
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
