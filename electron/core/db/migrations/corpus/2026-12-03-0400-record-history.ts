import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Every synced version of legislation and country sheets, kept instead of
// overwritten. Texts are cut into blocks (a law's articles) stored once by
// their SHA-256 (its first 16 bytes), so a version costs only the blocks it changed plus
// its list of block numbers; `refs` counts the versions using a block, and a
// block no version uses is deleted. Written by the corpus writer in the
// transaction of the page that brought the version.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE history_blocks (
    id INTEGER PRIMARY KEY,
    hash BLOB NOT NULL UNIQUE,
    text TEXT NOT NULL,
    refs INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE TABLE record_versions (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    number INTEGER,
    in_force_from TEXT,
    change_note TEXT,
    updated_at TEXT NOT NULL,
    skeleton TEXT NOT NULL,
    blocks TEXT NOT NULL,
    PRIMARY KEY (type, id, version)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE record_versions`.execute(db);
  await sql`DROP TABLE history_blocks`.execute(db);
}
