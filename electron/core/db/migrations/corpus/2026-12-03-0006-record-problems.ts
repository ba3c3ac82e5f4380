import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The records a sync stored with less than their full derivation (a facet or
// the index text could not be computed), and why: shown by the sync status and
// `ewsi status`, cleared when a later version of the record derives cleanly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE record_problems (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (type, id)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE record_problems`.execute(db);
}
