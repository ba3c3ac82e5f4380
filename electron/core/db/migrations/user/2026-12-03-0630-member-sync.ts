import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Member sync (electron/core/member-sync/): what this device knows of the
// member's encrypted items on the portal, and a journal of local edits.
// Triggers mark an item `dirty` in the same transaction as any edit of an
// annotation, a collection (or one of its items), a saved search or the
// settings, so a crash never loses an edit that was not yet pushed; the push
// compares the item with what the portal has and sends only real changes.
// Data made before this migration is journalled as dirty once, here.
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

// Not INSERT OR IGNORE: inside a trigger, an outer statement's own conflict clause (the settings' upsert) would override it.
function markDirty(kind: string, localId: string): string {
  return `INSERT INTO member_sync_items (kind, local_id, dirty, dirty_at) SELECT '${kind}', ${localId}, 1, ${NOW}
      WHERE NOT EXISTS (SELECT 1 FROM member_sync_items WHERE kind = '${kind}' AND local_id = ${localId});
    UPDATE member_sync_items SET dirty = 1, dirty_at = ${NOW} WHERE kind = '${kind}' AND local_id = ${localId};`;
}

const TRIGGERS: Array<{ name: string; on: string; kind: string; localId: string }> = [
  { name: 'annotation_insert', on: 'AFTER INSERT ON annotations', kind: 'annotation', localId: 'NEW.id' },
  { name: 'annotation_update', on: 'AFTER UPDATE ON annotations', kind: 'annotation', localId: 'NEW.id' },
  { name: 'annotation_delete', on: 'AFTER DELETE ON annotations', kind: 'annotation', localId: 'OLD.id' },
  { name: 'collection_insert', on: 'AFTER INSERT ON collections', kind: 'collection', localId: 'NEW.id' },
  { name: 'collection_update', on: 'AFTER UPDATE ON collections', kind: 'collection', localId: 'NEW.id' },
  { name: 'collection_delete', on: 'AFTER DELETE ON collections', kind: 'collection', localId: 'OLD.id' },
  { name: 'collection_item_insert', on: 'AFTER INSERT ON collection_items', kind: 'collection', localId: 'NEW.collection_id' },
  { name: 'collection_item_update', on: 'AFTER UPDATE ON collection_items', kind: 'collection', localId: 'NEW.collection_id' },
  { name: 'collection_item_delete', on: 'AFTER DELETE ON collection_items', kind: 'collection', localId: 'OLD.collection_id' },
  { name: 'saved_search_insert', on: 'AFTER INSERT ON saved_searches', kind: 'saved-search', localId: 'NEW.id' },
  // What has been seen of a saved search is this computer's own: only its name and query are synced.
  { name: 'saved_search_update', on: 'AFTER UPDATE OF name, query ON saved_searches', kind: 'saved-search', localId: 'NEW.id' },
  { name: 'saved_search_delete', on: 'AFTER DELETE ON saved_searches', kind: 'saved-search', localId: 'OLD.id' },
  { name: 'settings_insert', on: "AFTER INSERT ON settings WHEN NEW.key = 'settings'", kind: 'settings', localId: "'settings'" },
  { name: 'settings_update', on: "AFTER UPDATE ON settings WHEN NEW.key = 'settings'", kind: 'settings', localId: "'settings'" },
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE member_sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE member_sync_items (
    kind TEXT NOT NULL,
    local_id TEXT NOT NULL,
    -- The keyed hash the portal knows the item by; null until sync is enabled.
    item_id TEXT UNIQUE,
    -- The item as the portal has it at remote_version (JSON, fields with their clocks); null when the portal has none.
    remote_doc TEXT,
    remote_version INTEGER NOT NULL DEFAULT 0,
    -- Local field changes not yet on the portal, with their clocks and any conflict (JSON), and a pending delete.
    pending TEXT NOT NULL DEFAULT '{}',
    pending_delete INTEGER NOT NULL DEFAULT 0,
    dirty INTEGER NOT NULL DEFAULT 0,
    dirty_at TEXT,
    -- The write on its way: its body and Idempotency-Key, resent byte-identical until it is answered.
    outgoing TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    PRIMARY KEY (kind, local_id)
  )`.execute(db);
  await sql`CREATE INDEX member_sync_items_dirty ON member_sync_items (dirty, kind)`.execute(db);
  for (const trigger of TRIGGERS) {
    await sql.raw(`CREATE TRIGGER member_sync_${trigger.name} ${trigger.on} BEGIN ${markDirty(trigger.kind, trigger.localId)} END`).execute(db);
  }
  for (const [kind, table] of [['annotation', 'annotations'], ['collection', 'collections'], ['saved-search', 'saved_searches']] as const) {
    await sql.raw(`INSERT OR IGNORE INTO member_sync_items (kind, local_id, dirty, dirty_at) SELECT '${kind}', id, 1, ${NOW} FROM ${table}`).execute(db);
  }
  await sql.raw(`INSERT OR IGNORE INTO member_sync_items (kind, local_id, dirty, dirty_at) SELECT 'settings', 'settings', 1, ${NOW} FROM settings WHERE key = 'settings'`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of TRIGGERS) await sql.raw(`DROP TRIGGER member_sync_${trigger.name}`).execute(db);
  await sql`DROP TABLE member_sync_items`.execute(db);
  await sql`DROP TABLE member_sync_state`.execute(db);
}
