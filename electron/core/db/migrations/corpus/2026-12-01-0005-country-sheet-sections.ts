import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// What each country-sheet section looked like before it last changed, so the
// interface can mark (and show) the sections a sync changed. Written by the
// corpus writer in the transaction that writes the sheet.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE country_sheet_sections (
    sheet_id TEXT NOT NULL,
    section TEXT NOT NULL,
    changed_version INTEGER NOT NULL,
    previous_title TEXT,
    previous_body TEXT,
    PRIMARY KEY (sheet_id, section)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE country_sheet_sections`.execute(db);
}
