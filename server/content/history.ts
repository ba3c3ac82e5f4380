// The portal's history of legislation and country sheets: every publication
// kept in `content_history` (the `content` table holds only the latest), so
// that the compacted change feed can still give a client each version it has
// not seen, not only the last one.
import type { Kysely, Transaction } from 'kysely';
import type { ContentTable, ServerDatabase } from '../db/schema';

/** Rows per INSERT statement, as for `content`. */
const INSERT_CHUNK = 500;

/** Keeps these publications as versions (in the transaction that publishes them). */
export async function keepVersions(trx: Transaction<ServerDatabase>, rows: readonly ContentTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK).flatMap((row) => (row.data === null ? [] : [{ type: row.type, id: row.id, version: row.version, data: row.data }]));
    if (chunk.length) await trx.insertInto('content_history').values(chunk).execute();
  }
}

/** A deleted record takes its history with it. */
export async function dropHistory(trx: Transaction<ServerDatabase>, type: string, id: string): Promise<void> {
  await trx.deleteFrom('content_history').where('type', '=', type).where('id', '=', id).execute();
}

/**
 * For the upserts of a feed page: each record's earlier versions published
 * after `historySince` (and before the version the page serves), oldest
 * first, as stored JSON text, by "type/id". Records without such versions are absent.
 */
export async function historyJsonOf(db: Kysely<ServerDatabase>, upserts: ReadonlyArray<Pick<ContentTable, 'type' | 'id' | 'version'>>, historySince: number): Promise<Map<string, string[]>> {
  const served = new Map(upserts.filter((row) => row.type === 'document' || row.type === 'country-sheet').map((row) => [`${row.type}/${row.id}`, Number(row.version)]));
  const found = new Map<string, string[]>();
  if (served.size === 0) return found;
  const ids = [...new Set([...served.keys()].map((key) => key.slice(key.indexOf('/') + 1)))];
  const rows = await db
    .selectFrom('content_history')
    .select(['type', 'id', 'version', 'data'])
    .where('type', 'in', ['document', 'country-sheet'])
    .where('id', 'in', ids)
    .where('version', '>', historySince)
    .orderBy('version')
    .execute();
  for (const row of rows) {
    const key = `${row.type}/${row.id}`;
    const current = served.get(key);
    if (current === undefined || Number(row.version) >= current) continue;
    const list = found.get(key) ?? [];
    list.push(row.data);
    found.set(key, list);
  }
  return found;
}
