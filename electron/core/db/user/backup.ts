// The SQLite side of backing up and restoring the user store: a consistent copy
// by SQLite's backup API, a look inside a file offered as a backup, bringing a
// copy of it to the current schema with the app's own migrations, and replacing
// every user table's rows with its rows in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { userMigrations } from '../migrations';
import { allRows, firstRow, prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

/** SQLite's catalogue and the migrator's history, which every store has besides its own tables. */
type CatalogueTables = {
  sqlite_master: { type: string; name: string; sql: string | null };
  kysely_migration: { name: string; timestamp: string };
};


/**
 * The user tables of `schema` (everything but SQLite's and the migrator's own, and the
 * full-text indexes: virtual tables and their shadow tables are derived from
 * the others, and their triggers rebuild them as rows are restored).
 */
function userTables(sqlite: Database.Database, db: Kysely<UserDatabase & CatalogueTables>, schema: 'main' | 'restored'): string[] {
  const rows = allRows(
    sqlite,
    db
      .withSchema(schema)
      .selectFrom('sqlite_master')
      .select(['name', 'sql'])
      .where('type', '=', 'table')
      .where('name', 'not like', 'sqlite_%')
      .where('name', 'not like', 'kysely_%')
      .orderBy('name'),
  );
  const virtual = rows.filter((row) => /^CREATE VIRTUAL TABLE/i.test(row.sql ?? '')).map((row) => row.name);
  return rows.map((row) => row.name).filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)));
}

/** A file offered as a backup, opened read-only to be looked at before anything is restored from it. */
export class BackupProbe {
  private readonly sqlite: Database.Database;
  private readonly db: Kysely<CatalogueTables>;

  constructor(file: string) {
    this.sqlite = new Database(file, { readonly: true });
    this.db = new Kysely<CatalogueTables>({ dialect: new SqliteDialect({ database: this.sqlite }) });
  }

  /** SQLite's integrity check: 'ok', or what is damaged. */
  integrity(): string {
    return String(this.sqlite.pragma('integrity_check', { simple: true }));
  }

  /** Whether the file has the migrator's history (every EWSI store has). */
  hasSchemaHistory(): boolean {
    return firstRow(this.sqlite, this.db.selectFrom('sqlite_master').select((eb) => eb.lit(1).as('one')).where('type', '=', 'table').where('name', '=', 'kysely_migration')) !== undefined;
  }

  /** The names of the migrations applied to the file. */
  appliedMigrations(): string[] {
    return allRows(this.sqlite, this.db.selectFrom('kysely_migration').select('name')).map((row) => row.name);
  }

  close(): void {
    this.sqlite.close();
  }
}

/** Runs the user store's migrations on the file; answers the migrator's error, undefined when it succeeded. */
export async function migrateUserFile(file: string): Promise<unknown> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  try {
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => userMigrations } }).migrateToLatest();
    return error;
  } finally {
    await db.destroy();
  }
}

/** Backup and restore of one open user store. */
export class UserStoreBackup {
  private readonly catalogue: Kysely<UserDatabase & CatalogueTables>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.catalogue = store.db.withTables<CatalogueTables>();
  }

  /** Writes a consistent copy of the store to `file`. */
  async writeTo(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.store.sqlite.backup(file);
  }

  /**
   * Replaces the rows of every user table with those of the same table in `file`
   * (a user store at the current schema), in one transaction. Returns the rows
   * restored per table.
   */
  replaceAllFrom(file: string): Record<string, number> {
    const { sqlite } = this.store;
    const db = this.catalogue;
    prepareQuery(sqlite, (args: { file: string }) => sql`ATTACH DATABASE ${args.file} AS restored`.compile(db)).run({ file });
    try {
      const tables = userTables(sqlite, db, 'main');
      const restoredTables = new Set(userTables(sqlite, db, 'restored'));
      const counts: Record<string, number> = {};
      sqlite.transaction(() => {
        // Foreign keys are checked at commit, so tables can be filled in any order.
        sqlite.pragma('defer_foreign_keys = ON');
        for (const table of tables) prepareQuery(sqlite, () => sql`DELETE FROM ${sql.id('main', table)}`.compile(db)).run({});
        for (const table of tables) {
          if (!restoredTables.has(table)) continue;
          const columns = allRows(sqlite, sql<{ name: string }>`PRAGMA main.table_info(${sql.id(table)})`.compile(db)).map((column) => sql.id(column.name));
          const list = sql.join(columns);
          counts[table] = prepareQuery(sqlite, () => sql`INSERT INTO ${sql.id('main', table)} (${list}) SELECT ${list} FROM ${sql.id('restored', table)}`.compile(db)).run({}).changes;
        }
      })();
      return counts;
    } finally {
      prepareQuery(sqlite, () => sql`DETACH DATABASE restored`.compile(db)).run({});
    }
  }
}
