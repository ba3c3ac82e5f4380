import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    seen_version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE saved_searches`.execute(db);
}
