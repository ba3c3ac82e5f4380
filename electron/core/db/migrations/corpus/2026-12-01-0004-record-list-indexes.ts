import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Covering indexes for records.list and records.facets: the filter columns are
// in the index, so a window or a count over 100,000 documents reads the index
// only, never the rows (whose JSON fills a page each). The list orders by every
// column of its index, so windows fetched by offset never need a sort.
// records_type_date is a prefix of records_list_date and goes; records_version
// gains the type, so "what changed since version V, by type" reads the index only.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX records_list_date ON records (type, date, kind, language, countries, themes)`.execute(db);
  await sql`CREATE INDEX records_list_title ON records (type, title COLLATE NOCASE, kind, language, countries, themes, date)`.execute(db);
  await sql`DROP INDEX records_type_date`.execute(db);
  await sql`CREATE INDEX records_version_type ON records (version, type)`.execute(db);
  await sql`DROP INDEX records_version`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX records_version ON records (version)`.execute(db);
  await sql`DROP INDEX records_version_type`.execute(db);
  await sql`CREATE INDEX records_type_date ON records (type, date)`.execute(db);
  await sql`DROP INDEX records_list_title`.execute(db);
  await sql`DROP INDEX records_list_date`.execute(db);
}
