import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Annotations and the versions of their text: `made_on` the version and
// selectors the note was made on (an orphan shows that passage), `reviewed`
// the version and passage the member last accepted, `text_changed` set when a
// sync changed the text under or around the note since then ("text changed
// since your note"), cleared when the member accepts, moves or re-attaches it.
// Existing annotations were made on, and reviewed at, the text they are on now.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE annotations ADD COLUMN made_on TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE annotations ADD COLUMN reviewed TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE annotations ADD COLUMN text_changed INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`UPDATE annotations SET made_on = json_object('version', target_version, 'selector', json(selector)), reviewed = json_object('version', target_version, 'selector', json(selector))
    WHERE json_valid(selector)`.execute(db);
  await sql`CREATE INDEX annotations_text_changed ON annotations (text_changed)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX annotations_text_changed`.execute(db);
  for (const column of ['text_changed', 'reviewed', 'made_on']) await sql`ALTER TABLE annotations DROP COLUMN ${sql.id(column)}`.execute(db);
}
