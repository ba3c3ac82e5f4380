import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The text of PDF attachments, page by page, searchable on its own: a page is
// what a hit names, so the index is of pages, keyed by the attachment's
// SHA-256 (content-addressed: a file two records share is extracted and indexed
// once, and a record that changes its file reaches the new pages through
// record_attachments, with no index entry of the record to rewrite). Kept out of
// search_index, whose columns are the records' own fields.
// attachment_text: per file, how far extraction got (resumable across restarts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE attachment_text (
    sha256 TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('pending', 'indexed', 'no-text-layer', 'failed')),
    reason TEXT,
    pages INTEGER,
    pages_done INTEGER NOT NULL DEFAULT 0,
    pages_with_text INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE attachment_pages (
    rowid INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (sha256, page)
  )`.execute(db);
  // External content: the text lives once, in attachment_pages; triggers keep the index in step.
  await sql`CREATE VIRTUAL TABLE attachment_pages_index USING fts5(text, content='attachment_pages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER attachment_pages_insert AFTER INSERT ON attachment_pages BEGIN
    INSERT INTO attachment_pages_index (rowid, text) VALUES (new.rowid, new.text);
  END`.execute(db);
  await sql`CREATE TRIGGER attachment_pages_delete AFTER DELETE ON attachment_pages BEGIN
    INSERT INTO attachment_pages_index (attachment_pages_index, rowid, text) VALUES ('delete', old.rowid, old.text);
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['attachment_pages_delete', 'attachment_pages_insert']) await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  await sql`DROP TABLE attachment_pages_index`.execute(db);
  await sql`DROP TABLE attachment_pages`.execute(db);
  await sql`DROP TABLE attachment_text`.execute(db);
}
