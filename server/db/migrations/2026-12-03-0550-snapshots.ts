import type { Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The corpus snapshots the portal has built (server/snapshots.ts); each file is
// named by its SHA-256 in the storage folder, this table lists them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('snapshots')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('records', 'bigint', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('snapshots_version').on('snapshots').column('version').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('snapshots').execute();
}
