import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Annotations of 0002 get what re-anchoring needs: the section or field of the
// target, the SHA-256 of the plain text the selectors were made on, and the
// current anchoring (placed, or orphaned with the old quote and changed passage).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE annotations ADD COLUMN target_key TEXT`.execute(db);
  await sql`ALTER TABLE annotations ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE annotations ADD COLUMN anchoring TEXT NOT NULL DEFAULT '{}'`.execute(db);
  await sql`CREATE INDEX annotations_orphaned ON annotations (orphaned)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX annotations_orphaned`.execute(db);
  for (const column of ['anchoring', 'text_hash', 'target_key']) await sql`ALTER TABLE annotations DROP COLUMN ${sql.id(column)}`.execute(db);
}
