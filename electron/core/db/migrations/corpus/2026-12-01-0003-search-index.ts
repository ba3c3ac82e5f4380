import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The full-text index over every synced record: its rowid is the record's
// rowid, so results join back to `records` for facets and filters.
// remove_diacritics 2: "integracion" matches "integración", "Auslander" "Ausländer".
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  // Title above summary above body.
  await sql`INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_index`.execute(db);
}
