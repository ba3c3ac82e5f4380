import { sql, type Kysely } from 'kysely';

// Released migrations are frozen: change the schema with a new file.
// The outbox of 0002 gets what the push loop needs: a lane (a reply's thread,
// or the item itself) and a sequence number that orders the items of a lane,
// when to try next, whether an attempt may have reached the portal without an
// answer, and when the portal confirmed it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN seq INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN delivery_unknown INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN sent_at TEXT`.execute(db);
  // Rows written before this migration (none were: nothing composed into the outbox yet) get a lane of their own, in written order.
  await sql`UPDATE outbox SET lane = 'item:' || id, seq = rowid WHERE lane = ''`.execute(db);
  await sql`CREATE UNIQUE INDEX outbox_seq ON outbox (seq)`.execute(db);
  await sql`CREATE INDEX outbox_lane ON outbox (lane, seq)`.execute(db);
  await sql`CREATE INDEX outbox_state ON outbox (state)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['outbox_state', 'outbox_lane', 'outbox_seq']) await sql`DROP INDEX ${sql.id(index)}`.execute(db);
  for (const column of ['sent_at', 'delivery_unknown', 'next_attempt_at', 'seq', 'lane']) await sql`ALTER TABLE outbox DROP COLUMN ${sql.id(column)}`.execute(db);
}
