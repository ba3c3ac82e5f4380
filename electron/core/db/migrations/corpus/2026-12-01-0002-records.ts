import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The synced corpus: every record of every type, as served, plus the columns
// lists and filters need; attachment metadata and which records reference it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE records (
    rowid INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    parent_id TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    UNIQUE (type, id)
  )`.execute(db);
  await sql`CREATE INDEX records_type_date ON records (type, date)`.execute(db);
  await sql`CREATE INDEX records_version ON records (version)`.execute(db);
  await sql`CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mime_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    present INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE record_attachments (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (type, id, sha256)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX record_attachments_sha ON record_attachments (sha256)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE record_attachments`.execute(db);
  await sql`DROP TABLE attachments`.execute(db);
  await sql`DROP TABLE records`.execute(db);
}
