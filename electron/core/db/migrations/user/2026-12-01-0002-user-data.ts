import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The user's own data, which no resync may touch: annotations, collections and
// the outbox of writes waiting for the portal.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    target_version INTEGER NOT NULL,
    selector TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT 'yellow',
    tags TEXT NOT NULL DEFAULT '[]',
    orphaned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX annotations_target ON annotations (target_type, target_id)`.execute(db);
  await sql`CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE collection_items (
    collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    PRIMARY KEY (collection_id, item_type, item_id)
  )`.execute(db);
  await sql`CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    result TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox', 'collection_items', 'collections', 'annotations']) await sql`DROP TABLE ${sql.table(table)}`.execute(db);
}
