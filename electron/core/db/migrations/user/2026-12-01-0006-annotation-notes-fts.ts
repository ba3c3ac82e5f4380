import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// A full-text index of the user's annotation notes, in the user store (the
// corpus index in corpus.sqlite never holds user data). External content: the
// notes live once, in annotations; triggers keep the index in step with every
// insert, update and delete, including a restore's.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE annotation_notes USING fts5(note, content='annotations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER annotation_notes_insert AFTER INSERT ON annotations BEGIN
    INSERT INTO annotation_notes (rowid, note) VALUES (new.rowid, new.note);
  END`.execute(db);
  await sql`CREATE TRIGGER annotation_notes_delete AFTER DELETE ON annotations BEGIN
    INSERT INTO annotation_notes (annotation_notes, rowid, note) VALUES ('delete', old.rowid, old.note);
  END`.execute(db);
  await sql`CREATE TRIGGER annotation_notes_update AFTER UPDATE OF note ON annotations BEGIN
    INSERT INTO annotation_notes (annotation_notes, rowid, note) VALUES ('delete', old.rowid, old.note);
    INSERT INTO annotation_notes (rowid, note) VALUES (new.rowid, new.note);
  END`.execute(db);
  await sql`INSERT INTO annotation_notes (annotation_notes) VALUES ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['annotation_notes_update', 'annotation_notes_delete', 'annotation_notes_insert']) await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  await sql`DROP TABLE annotation_notes`.execute(db);
}
