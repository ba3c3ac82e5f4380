// A file offered as a backup is input from outside: someone else may have made
// it, or changed it after it was saved. It is opened read-only, with its schema
// untrusted and SQLite's defensive mode on, and only ever read by explicit
// column lists from its plain tables. Its own triggers, views, generated
// columns, CHECK and DEFAULT expressions are never evaluated, nor written to
// (a write would run its triggers). Its rows are copied into a scratch store
// built by the app's own migrations (RestoreScratch), which is then brought to
// the current schema: the migrations only ever run on the app's own schema.
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Migration } from 'kysely';
import { allRows, firstRow, prepareQuery, type PreparedQuery } from '../prepared-query';

/** An entry of sqlite_master. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** A column as `PRAGMA table_xinfo` describes it. */
export interface ColumnInfo {
  name: string;
  /** 0: stored; 1: hidden (a virtual table's); 2: a virtual generated column; 3: a stored generated column. */
  hidden: number;
}

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlRow = Record<string, SqlValue>;

/** Which protections the connection to a backup file has. */
export interface BackupSafeguards {
  readonly: boolean;
  /** PRAGMA trusted_schema: when false, functions that are not innocuous may not run from the file's schema. */
  trustedSchema: boolean;
  queryOnly: boolean;
  /** Every b-tree cell's size is checked as it is read: damage is found while reading, not only by an integrity check. */
  cellSizeCheck: boolean;
  /** SQLITE_DBCONFIG_DEFENSIVE: no writable_schema, no writes to shadow tables. */
  defensive: boolean;
}

/** What every connection to a backup file must have. */
const SAFE: BackupSafeguards = { readonly: true, trustedSchema: false, queryOnly: true, cellSizeCheck: true, defensive: true };

/** The names the catalogue queries use; every other table is read by a name checked against the catalogue. */
export type Catalogue = { sqlite_master: { type: string; name: string; tbl_name: string; sql: string | null } };

function catalogueOf(sqlite: Database.Database): Kysely<Catalogue> {
  return new Kysely<Catalogue>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function schemaObjects(sqlite: Database.Database, db: Kysely<Catalogue>): SchemaObject[] {
  return allRows(sqlite, db.selectFrom('sqlite_master').select(['type', 'name', 'tbl_name', 'sql']).orderBy('type').orderBy('name')).map((row) => ({
    type: row.type,
    name: row.name,
    tableName: row.tbl_name,
    sql: row.sql,
  }));
}

export function tableColumns(sqlite: Database.Database, db: Kysely<Catalogue>, table: string): ColumnInfo[] {
  return allRows(sqlite, sql<{ name: string; hidden: number }>`PRAGMA table_xinfo(${sql.id(table)})`.compile(db)).map((column) => ({ name: column.name, hidden: column.hidden }));
}

const isVirtualTable = (object: SchemaObject) => object.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(object.sql ?? '');

/** A table of rows (not SQLite's, not the migrator's, not a virtual table). */
export function isPlainTable(objects: SchemaObject[], name: string): boolean {
  return objects.some((object) => object.type === 'table' && object.name === name && !isVirtualTable(object));
}

/**
 * Tables about this computer's library rather than the user's work: what the
 * user has not seen yet of what this library's syncs brought. A restore leaves
 * them as they are (the backup's marks would name another library's changes).
 */
// Member sync's journal and state describe this computer's copy against the portal (its device id, cursor, writes on
// their way): a restore keeps them, and its rows going in are journalled as edits by the triggers, so they sync everywhere.
const KEPT_ON_THIS_COMPUTER = new Set(['unseen_changes', 'unseen_sections', 'change_tracking', 'member_sync_state', 'member_sync_items']);

/**
 * The user tables among `objects` that a restore replaces: everything but
 * SQLite's and the migrator's own, the full-text indexes (virtual tables and
 * their shadow tables are derived from the others; the app's triggers rebuild
 * them as rows go in) and the tables kept on this computer.
 */
export function userTables(objects: SchemaObject[]): string[] {
  const virtual = objects.filter(isVirtualTable).map((object) => object.name);
  return objects
    .filter((object) => object.type === 'table' && !object.name.startsWith('sqlite_') && !object.name.startsWith('kysely_') && !KEPT_ON_THIS_COMPUTER.has(object.name))
    .map((object) => object.name)
    .filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)));
}

/** `INSERT INTO table (columns) VALUES (…)`, prepared once, bound by column name. */
export function insertStatement(sqlite: Database.Database, db: Kysely<Catalogue>, table: string, columns: string[]): PreparedQuery<SqlRow, unknown> {
  return prepareQuery(sqlite, (row: SqlRow) =>
    sql`INSERT INTO ${sql.id(table)} (${sql.join(columns.map((column) => sql.id(column)))}) VALUES (${sql.join(columns.map((column) => sql`${row[column]}`))})`.compile(db),
  );
}

/** The rows of `table`, only the named columns, in the order they were written. */
export function readRows(sqlite: Database.Database, db: Kysely<Catalogue>, table: string, columns: string[]): SqlRow[] {
  return allRows(sqlite, sql<SqlRow>`SELECT ${sql.join(columns.map((column) => sql.id(column)))} FROM ${sql.id(table)} ORDER BY rowid`.compile(db));
}

/** Whether SQLite failed because the file is damaged (or not a database at all). */
export function isDamage(error: unknown): error is Error {
  return error instanceof Database.SqliteError && ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].some((code) => error.code.startsWith(code));
}

/** A file offered as a backup, opened so that nothing in it can run. */
export class BackupFile {
  private readonly sqlite: Database.Database;
  private readonly db: Kysely<Catalogue>;

  constructor(file: string) {
    this.sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // better-sqlite3 turns SQLITE_DBCONFIG_DEFENSIVE on when it opens a file unless unsafe mode is asked for; say so here.
      this.sqlite.unsafeMode(false);
      this.sqlite.pragma('trusted_schema = OFF');
      this.sqlite.pragma('query_only = ON');
      this.sqlite.pragma('cell_size_check = ON');
      const safeguards = this.safeguards();
      const missing = (Object.keys(SAFE) as Array<keyof BackupSafeguards>).filter((name) => safeguards[name] !== SAFE[name]);
      if (missing.length > 0) throw new Error(`The backup could not be opened safely (${missing.map(([name]) => name).join(', ')} not in force)`);
    } catch (error) {
      this.sqlite.close();
      throw error;
    }
    this.db = catalogueOf(this.sqlite);
  }

  safeguards(): BackupSafeguards {
    const flag = (name: string) => Number(this.sqlite.pragma(name, { simple: true })) === 1;
    // Defensive mode has no getter: it is the mode in which asking for writable_schema is ignored.
    this.sqlite.pragma('writable_schema = ON');
    const defensive = !flag('writable_schema');
    this.sqlite.pragma('writable_schema = OFF');
    return { readonly: this.sqlite.readonly, trustedSchema: flag('trusted_schema'), queryOnly: flag('query_only'), cellSizeCheck: flag('cell_size_check'), defensive };
  }

  schemaObjects(): SchemaObject[] {
    return schemaObjects(this.sqlite, this.db);
  }

  columns(table: string): ColumnInfo[] {
    return tableColumns(this.sqlite, this.db, table);
  }

  /**
   * SQLite's integrity check: 'ok', or what is damaged. It computes generated
   * columns and CHECK constraints, so it may only run on a file whose schema
   * is exactly the app's.
   */
  integrity(): string {
    return String(this.sqlite.pragma('integrity_check', { simple: true }));
  }

  /** The migrations applied to the file; undefined when it has no readable history. */
  appliedMigrations(): string[] | undefined {
    const objects = this.schemaObjects();
    if (!isPlainTable(objects, 'kysely_migration')) return undefined;
    if (this.columns('kysely_migration').find((column) => column.name === 'name')?.hidden !== 0) return undefined;
    return readRows(this.sqlite, this.db, 'kysely_migration', ['name']).map((row) => String(row.name));
  }

  rowCount(table: string): number {
    return Number(firstRow(this.sqlite, sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.compile(this.db))?.n ?? 0);
  }

  rows(table: string, columns: string[]): SqlRow[] {
    return readRows(this.sqlite, this.db, table, columns);
  }

  close(): void {
    this.sqlite.close();
  }
}

/**
 * A new user store made by the app's migrations up to the backup's schema,
 * filled with the backup's rows, then migrated to the current schema: the
 * migrations run on the app's own tables and triggers only.
 */
export class RestoreScratch {
  private constructor(
    private readonly sqlite: Database.Database,
    private readonly db: Kysely<Catalogue>,
  ) {}

  /** Creates the store at `file` with the migrations named in `applied` (those the backup has). */
  static async create(file: string, migrations: Record<string, Migration>, applied: string[]): Promise<RestoreScratch> {
    const sqlite = new Database(file);
    // Rows go in table by table; whether each finds its parent is checked once all are in the live store.
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('trusted_schema = OFF');
    const db = catalogueOf(sqlite);
    const scratch = new RestoreScratch(sqlite, db);
    try {
      await scratch.migrate(Object.fromEntries(applied.map((name) => [name, migrations[name]!])));
      return scratch;
    } catch (error) {
      await scratch.close();
      throw error;
    }
  }

  /** Runs the migrations not yet applied; throws the migrator's error. */
  async migrate(migrations: Record<string, Migration>): Promise<void> {
    const { error } = await new Migrator({ db: this.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    if (error) throw error;
  }

  schemaObjects(): SchemaObject[] {
    return schemaObjects(this.sqlite, this.db);
  }

  columns(table: string): ColumnInfo[] {
    return tableColumns(this.sqlite, this.db, table);
  }

  /** Copies rows in one transaction; `insert` answers SQLite's refusal of one row (a constraint), or undefined when it went in. */
  fill(fn: (insert: (table: string, row: SqlRow) => string | undefined) => void): void {
    const inserts = new Map<string, PreparedQuery<SqlRow, unknown>>();
    const insert = (table: string, row: SqlRow): string | undefined => {
      const columns = Object.keys(row);
      const key = JSON.stringify([table, columns]);
      let statement = inserts.get(key);
      if (!statement) inserts.set(key, (statement = insertStatement(this.sqlite, this.db, table, columns)));
      try {
        statement.run(row);
        return undefined;
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) return error.message;
        throw error;
      }
    };
    this.sqlite.transaction(() => fn(insert))();
  }

  rows(table: string, columns: string[]): SqlRow[] {
    return readRows(this.sqlite, this.db, table, columns);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
