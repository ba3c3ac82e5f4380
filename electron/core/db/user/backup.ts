// The SQLite side of backing up and restoring the open user store: a
// consistent copy by SQLite's backup API, and replacing every user table's rows
// with rows already read and checked, in one transaction. Reading a file
// offered as a backup is in backup-file.ts.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { allRows, prepareQuery, type PreparedQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';
import { insertStatement, schemaObjects, tableColumns, userTables, type Catalogue, type SqlRow } from './backup-file';

export { BackupFile, RestoreScratch, isDamage, isPlainTable, userTables, type BackupSafeguards, type ColumnInfo, type SchemaObject, type SqlRow } from './backup-file';

/** Rows a foreign key check took out again: they refer to a row that is not there. */
export interface OrphanedRows {
  table: string;
  parent: string;
  count: number;
}

export class UserStoreBackup {
  private readonly db;

  constructor(private readonly store: Store<UserDatabase>) {
    this.db = store.db.withTables<Catalogue>();
  }

  /** Writes a consistent copy of the store to `file`. */
  async writeTo(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.store.sqlite.backup(file);
  }

  /** Each user table of the store with the columns it declares (stored ones: the app's tables have no others). */
  tables(): Array<{ table: string; columns: string[] }> {
    const { sqlite } = this.store;
    return userTables(schemaObjects(sqlite, this.db)).map((table) => ({
      table,
      columns: tableColumns(sqlite, this.db, table)
        .filter((column) => column.hidden === 0)
        .map((column) => column.name),
    }));
  }

  /**
   * Replaces the rows of every user table with `rows` (table → rows, each with
   * the table's declared columns), in one transaction: all of them are in, or
   * nothing changed. Rows whose foreign key finds no parent are taken out again
   * before the commit and answered as orphans.
   */
  replaceAll(rows: Map<string, SqlRow[]>): OrphanedRows[] {
    const { sqlite } = this.store;
    const db = this.db;
    const tables = this.tables();
    const orphans: OrphanedRows[] = [];
    sqlite.transaction(() => {
      // Foreign keys are checked at commit, so tables can be filled in any order.
      sqlite.pragma('defer_foreign_keys = ON');
      for (const { table } of tables) prepareQuery(sqlite, () => sql`DELETE FROM ${sql.id('main', table)}`.compile(db)).run({});
      for (const { table, columns } of tables) {
        const insert: PreparedQuery<SqlRow, unknown> = insertStatement(sqlite, db, table, columns);
        for (const row of rows.get(table) ?? []) insert.run(row);
      }
      const violations = allRows(sqlite, sql<{ table: string; rowid: number; parent: string }>`PRAGMA main.foreign_key_check`.compile(db));
      for (const violation of violations) {
        prepareQuery(sqlite, (args: { rowid: number }) => sql`DELETE FROM ${sql.id('main', violation.table)} WHERE rowid = ${args.rowid}`.compile(db)).run({ rowid: violation.rowid });
        const counted = orphans.find((orphan) => orphan.table === violation.table && orphan.parent === violation.parent);
        if (counted) counted.count += 1;
        else orphans.push({ table: violation.table, parent: violation.parent, count: 1 });
      }
    })();
    return orphans;
  }
}
