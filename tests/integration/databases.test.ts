import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratePortal } from '../../server/db/database';
import { engineVersion, hasRealPostgres, testEngines } from '../support/databases';

describe.each(testEngines())('test database: $name', (engine) => {
  it('creates, writes and reads a table in a database of its own', async () => {
    const database = await engine.create();
    try {
      const version = await engineVersion(database.db, database.dialect);
      expect(version).toMatch(engine.dialect === 'sqlite' ? /^3\.\d+/ : /PostgreSQL \d+/);
      await database.db.schema.createTable('probe').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('note', 'text').execute();
      await database.db.insertInto('probe').values([{ id: 1, note: 'Ausländer' }, { id: 2, note: 'integración' }]).execute();
      const rows = await database.db.selectFrom('probe').selectAll().orderBy('id').execute();
      expect(rows).toEqual([{ id: 1, note: 'Ausländer' }, { id: 2, note: 'integración' }]);
    } finally {
      await database.cleanup();
    }
  });

  it('keeps two test databases apart', async () => {
    const [a, b] = [await engine.create(), await engine.create()];
    try {
      await a.db.schema.createTable('only_in_a').addColumn('x', 'integer').execute();
      await sql`select * from only_in_a`.execute(a.db);
      await expect(sql`select * from only_in_a`.execute(b.db)).rejects.toThrow(/only_in_a/);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});

describe.each(testEngines())('the portal migrations on $name', (engine) => {
  it('migrate a database beside another portal migrated in the same database', async () => {
    const [other, portal] = [await engine.create(), await engine.create()];
    try {
      // On PostgreSQL the two are schemas of one database: the first one's migration tables must not pass for the second's.
      await migratePortal(other.db);
      await migratePortal(portal.db);
      await sql`select count(*) from members`.execute(portal.db);
      await sql`select count(*) from kysely_migration`.execute(portal.db);
    } finally {
      await other.cleanup();
      await portal.cleanup();
    }
  });
});

describe('PostgreSQL in CI', () => {
  it.runIf(process.env.CI === 'true')('uses the real server CI started, not PGlite', () => {
    expect(hasRealPostgres).toBe(true);
  });
});
