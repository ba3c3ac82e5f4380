import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// What the user has not seen yet of what syncs brought: each record new or
// changed since the user last opened it, each country-sheet section changed
// since then with the text the user last saw (NULL: the section is new), and
// the tracker's own state (whether the corpus is still catching up from
// version 0, when nothing is marked). In the user store, so a resync that drops
// the corpus keeps what the user has not seen.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE unseen_changes (
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new', 'changed')),
    noticed_at TEXT NOT NULL,
    PRIMARY KEY (item_type, item_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE unseen_sections (
    sheet_id TEXT NOT NULL,
    section TEXT NOT NULL,
    previous_body TEXT,
    noticed_at TEXT NOT NULL,
    PRIMARY KEY (sheet_id, section)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE change_tracking (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE change_tracking`.execute(db);
  await sql`DROP TABLE unseen_sections`.execute(db);
  await sql`DROP TABLE unseen_changes`.execute(db);
}
