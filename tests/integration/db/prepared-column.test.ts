// prepareColumn and prepareTuples: prepared Kysely queries that answer plain values or arrays, not an object per row.
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareColumn, prepareTuples } from '../../../electron/core/db/prepared-query';
import { makeTempDir } from '../../support/temp-dir';

interface TestDatabase {
  items: { id: string; rank: number; note: string | null };
}

describe('prepared queries without an object per row', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function store() {
    const temp = makeTempDir('prepared-column-');
    const sqlite = new Database(path.join(temp.dir, 'test.sqlite'));
    cleanups.push(() => {
      sqlite.close();
      temp.cleanup();
    });
    sqlite.exec("CREATE TABLE items (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, note TEXT); INSERT INTO items VALUES ('a', 1, NULL), ('b', 2, 'x'), ('c', 3, 'x')");
    return { sqlite, db: new Kysely<TestDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }) };
  }

  it('answers the values of a one-column query, bound by name', () => {
    const { sqlite, db } = store();
    const ids = prepareColumn(sqlite, (args: { min: number }) => db.selectFrom('items').select('id').where('rank', '>=', args.min).orderBy('rank'));
    const all: string[] = ids.all({ min: 2 });
    expect(all).toEqual(['b', 'c']);
    expect(ids.get({ min: 3 })).toBe('c');
    expect(ids.get({ min: 4 })).toBeUndefined();
    expect([...ids.iterate({ min: 1 })]).toEqual(['a', 'b', 'c']);
    const joined = prepareColumn(sqlite, () => sql<{ list: string | null }>`SELECT group_concat(id, ',') AS list FROM items`.compile(db));
    expect(joined.get({})).toBe('a,b,c');
  });

  it('refuses a query of more than one column', () => {
    const { sqlite, db } = store();
    expect(() => prepareColumn(sqlite, () => db.selectFrom('items').select(['id', 'rank']))).toThrow(/one column/);
  });

  it('answers rows as arrays in the order the columns are named, and checks that order', () => {
    const { sqlite, db } = store();
    const rows = prepareTuples(sqlite, (args: { note: string }) => db.selectFrom('items').select(['id', 'rank']).where('note', '=', args.note).orderBy('id'), ['id', 'rank']);
    const all: Array<[string, number]> = rows.all({ note: 'x' });
    expect(all).toEqual([['b', 2], ['c', 3]]);
    expect([...rows.iterate({ note: 'none' })]).toEqual([]);
    expect(() => prepareTuples(sqlite, () => db.selectFrom('items').select(['id', 'rank']), ['rank', 'id'])).toThrow(/expected columns rank, id/);
  });
});
