import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import * as portal from './migrations/2026-12-01-0001-portal';
import * as contentHistory from './migrations/2026-12-03-0400-content-history';
import * as sharedRateLimits from './migrations/2026-12-03-0500-shared-rate-limits';
import * as snapshots from './migrations/2026-12-03-0550-snapshots';
import * as memberItems from './migrations/2026-12-03-0600-member-items';
import type { ServerDatabase } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface PortalDatabase {
  readonly db: Kysely<ServerDatabase>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

// Listed statically so a bundled server carries them; names sort by date prefix.
const migrations: Record<string, Migration> = {
  '2026-12-01-0001-portal': portal,
  '2026-12-03-0400-content-history': contentHistory,
  '2026-12-03-0500-shared-rate-limits': sharedRateLimits,
  '2026-12-03-0550-snapshots': snapshots,
  '2026-12-03-0600-member-items': memberItems,
};

// PostgreSQL's bigint arrives as a string by default; our versions fit in 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * On PostgreSQL the migration tables are looked for in the schema the portal
 * writes to (the first of its search_path): Kysely's migrator otherwise takes
 * a `kysely_migration` table of any schema of the database (another app's, or
 * another portal's) as ours, skips creating its own, and fails.
 */
async function migrationSchema(db: Kysely<ServerDatabase>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

async function portalMigrator(db: Kysely<ServerDatabase>): Promise<Migrator> {
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: await migrationSchema(db) });
}

/** The portal's migrations not yet applied to this database (readiness: an instance serves only a fully migrated one). */
export async function pendingMigrations(db: Kysely<ServerDatabase>): Promise<string[]> {
  const known = await (await portalMigrator(db)).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

export async function migratePortal(db: Kysely<ServerDatabase>): Promise<void> {
  const migrator = await portalMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migrating the portal database failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`, { cause: error });
  }
}

export type DatabaseLocation = { url: string } | { file: string };

/** Opens the portal database (a PostgreSQL URL or a SQLite file) and brings its schema up to date. */
export async function openPortalDatabase(location: DatabaseLocation): Promise<PortalDatabase> {
  let db: Kysely<ServerDatabase>;
  let dialect: Dialect;
  if ('url' in location) {
    if (!/^postgres(ql)?:\/\//.test(location.url)) throw new Error(`DATABASE_URL must be a postgres:// URL, got ${location.url}`);
    dialect = 'postgres';
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 20 }) }) });
  } else {
    fs.mkdirSync(path.dirname(path.resolve(location.file)), { recursive: true });
    const sqlite = new Database(location.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    dialect = 'sqlite';
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migratePortal(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}
