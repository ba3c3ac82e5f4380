// The database engines the server's tests loop over: SQLite (a real file) and
// PostgreSQL (the real server named by TEST_DATABASE_URL, as CI starts one;
// otherwise PGlite, the same PostgreSQL compiled to WebAssembly, in-process).
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { pglitePool } from './pglite-pool';
import { makeTempDir } from './temp-dir';

export interface TestDatabase {
  readonly db: Kysely<any>;
  readonly dialect: 'sqlite' | 'postgres';
  /** For PostgreSQL: a connection URL others (a spawned server) can use; the schema is in its search_path. */
  readonly url?: string;
  cleanup(): Promise<void>;
}

export interface TestEngine {
  readonly name: string;
  readonly dialect: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

export const sqliteEngine: TestEngine = sqliteEngineWith({});

/** SQLite in WAL mode with extra pragmas, e.g. `{ synchronous: 'NORMAL' }` for tests that write thousands of records. */
export function sqliteEngineWith(pragmas: Record<string, string>): TestEngine {
  return {
  name: 'sqlite',
  dialect: 'sqlite',
  async create() {
    const temp = makeTempDir('ewsi-db-');
    const sqlite = new Database(path.join(temp.dir, 'test.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    for (const [name, value] of Object.entries(pragmas)) sqlite.pragma(`${name} = ${value}`);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      db,
      dialect: 'sqlite',
      cleanup: async () => {
        await db.destroy();
        temp.cleanup();
      },
    };
  },
  };
}

/** Each test database is a fresh schema of the real server, dropped afterwards. */
export function postgresServerEngine(baseUrl: string): TestEngine {
  return {
    name: 'postgres',
    dialect: 'postgres',
    async create() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 10 }) }) });
      return {
        db,
        dialect: 'postgres',
        url: url.toString(),
        cleanup: async () => {
          await db.destroy();
          const dropper = new pg.Client({ connectionString: baseUrl });
          await dropper.connect();
          await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
          await dropper.end();
        },
      };
    },
  };
}

const pgliteEngine: TestEngine = {
  name: 'postgres (PGlite)',
  dialect: 'postgres',
  async create() {
    const pglite = await PGlite.create();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
    return {
      db,
      dialect: 'postgres',
      cleanup: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  },
};

/** True when the PostgreSQL tests run against a real server rather than PGlite. */
export const hasRealPostgres = Boolean(process.env.TEST_DATABASE_URL);

export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  return [sqliteEngine, url ? postgresServerEngine(url) : pgliteEngine];
}

/** The server's version string, to show in test names and reports. */
export async function engineVersion(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<string> {
  const query = dialect === 'sqlite' ? sql<{ v: string }>`select sqlite_version() as v` : sql<{ v: string }>`select version() as v`;
  return (await query.execute(db)).rows[0]!.v;
}
