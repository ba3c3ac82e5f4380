import type { Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// A member's private, end-to-end encrypted store (shared/member-items.ts): the
// wrapped master key, the encrypted items, and one row per member holding the
// member's feed counter and quota totals. Every item write first bumps that
// row, so its lock orders the member's versions (as `counters` does for the
// public feed) and the totals the quotas read cannot race.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_stores')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    // The member's feed head: the version of the member's newest item write.
    .addColumn('latest', 'bigint', (c) => c.notNull())
    // Live items (tombstones not counted) and their ciphertext characters, for the quotas.
    .addColumn('items', 'bigint', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_items')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    // The ciphertext's length in characters (0 for a tombstone): what the byte quota counts.
    .addColumn('size', 'bigint', (c) => c.notNull())
    // The sealed box as JSON text, opaque to the portal; null for a tombstone.
    .addColumn('box', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_items_pk', ['member_id', 'item_id'])
    .execute();
  // The member's change feed reads by version; unique, as each write takes a version of its own.
  await db.schema.createIndex('member_items_feed').on('member_items').columns(['member_id', 'version']).unique().execute();

  await db.schema
    .createTable('member_keyrings')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    // {kdf, wrappedKey} as JSON text: the KDF's parameters and the master key sealed under the passphrase's key.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['member_keyrings', 'member_items', 'member_stores']) await db.schema.dropTable(table).execute();
}
