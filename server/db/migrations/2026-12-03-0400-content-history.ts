import type { Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Every publication of a record that has a history (legislation, country
// sheets), kept beside `content` (which holds only the latest), so the change
// feed can carry the versions a client has not seen. Written by the content
// store in the transaction that publishes the version; dropped with the record.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_history')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_history_pk', ['type', 'id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_history').execute();
}
