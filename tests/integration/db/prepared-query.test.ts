import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, firstRow, prepareQuery } from '../../../electron/core/db/prepared-query';
import { makeTempDir } from '../../support/temp-dir';

interface TestDatabase {
  items: { id: string; rank: number; note: string | null };
}

describe('prepareQuery: Kysely-built SQL on a cached better-sqlite3 statement', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function store() {
    const temp = makeTempDir('prepared-query-');
    const sqlite = new Database(path.join(temp.dir, 'test.sqlite'));
    cleanups.push(() => {
      sqlite.close();
      temp.cleanup();
    });
    sqlite.exec('CREATE TABLE items (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, note TEXT)');
    return { sqlite, db: new Kysely<TestDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }) };
  }

  it('binds arguments by name wherever they stand, keeps constants, and types the rows', () => {
    const { sqlite, db } = store();
    const insert = prepareQuery(sqlite, (args: { id: string; rank: number; note: string | null }) => db.insertInto('items').values({ id: args.id, rank: args.rank, note: args.note }));
    insert.run({ id: 'a', rank: 2, note: null });
    insert.run({ id: 'b', rank: 5, note: 'kept' });
    insert.run({ id: 'c', rank: 9, note: 'kept' });
    const above = prepareQuery(sqlite, (args: { min: number; limit: number }) =>
      db.selectFrom('items').select(['id', 'note']).where('rank', '>', args.min).where('note', '=', 'kept').orderBy('rank').limit(args.limit),
    );
    const rows: Array<{ id: string; note: string | null }> = above.all({ min: 1, limit: 10 });
    expect(rows).toEqual([{ id: 'b', note: 'kept' }, { id: 'c', note: 'kept' }]);
    expect(above.get({ min: 6, limit: 1 })).toEqual({ id: 'c', note: 'kept' });
    expect(above.all({ min: 9, limit: 10 })).toEqual([]);
    expect([...above.iterate({ min: 0, limit: 1 })]).toEqual([{ id: 'b', note: 'kept' }]);
  });

  it('runs raw SQL compiled through the sql tag, and says which argument is missing', () => {
    const { sqlite, db } = store();
    sqlite.exec("INSERT INTO items VALUES ('x', 1, NULL), ('y', 2, NULL)");
    const count = prepareQuery(sqlite, (args: { min: number }) => sql<{ n: number }>`SELECT count(*) AS n FROM items WHERE rank >= ${args.min}`.compile(db));
    expect(count.get({ min: 2 })).toEqual({ n: 1 });
    expect(() => count.get({} as { min: number })).toThrow(/Missing argument 'min'/);
  });

  it('runs a query whose shape is built per call, reusing the statement of a shape seen before', () => {
    const { sqlite, db } = store();
    sqlite.exec("INSERT INTO items VALUES ('x', 1, 'a'), ('y', 2, NULL), ('z', 3, 'a')");
    const filtered = (note?: string) => {
      let query = db.selectFrom('items').select('id').orderBy('id');
      if (note !== undefined) query = query.where('note', '=', note);
      return query;
    };
    const ids: string[] = allRows(sqlite, filtered('a')).map((row) => row.id);
    expect(ids).toEqual(['x', 'z']);
    expect(allRows(sqlite, filtered()).map((row) => row.id)).toEqual(['x', 'y', 'z']);
    expect(firstRow(sqlite, filtered('none'))).toBeUndefined();
    expect(firstRow(sqlite, filtered('a'))).toEqual({ id: 'x' });
  });
});
