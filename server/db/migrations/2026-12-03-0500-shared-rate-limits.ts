import type { Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// Rate-limit windows live in the database so that every portal instance on it
// counts the same requests: N instances must not allow N times the limit.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_buckets')
    // Which limit (perAddress, memberWrites, signIn, signInPerAccount) and whose requests (an address, a member, an e-mail).
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // The window's start, in ms since the epoch, on the clock of the instance that opened it.
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_buckets_pk', ['name', 'key'])
    .execute();
  // Expired windows are swept by age.
  await db.schema.createIndex('rate_limit_buckets_window').on('rate_limit_buckets').columns(['name', 'window_start']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_buckets').execute();
}
