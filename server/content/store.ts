// The portal's content: every record of every type in one table with one global
// change counter. Each create, update, delete and moderation takes the next
// counter value inside the same transaction that writes it; the counter row is
// locked until commit, so versions become visible strictly in order and a feed
// reader can never skip one committed "late" with a lower number.
import { sql, type Kysely, type Transaction } from 'kysely';
import { contentFieldSchemas, type AnyContentFields, type ContentType } from '../../shared/content';
import { keepsHistory } from '../../shared/history';
import type { ChangesPage } from '../../shared/portal-api';
import { listColumn, recordFacets } from '../../shared/record-facets';
import type { Dialect } from '../db/database';
import type { ContentTable, ServerDatabase } from '../db/schema';
import { NotFoundError, ValidationError, issuesOf } from '../errors';
import { dropHistory, historyJsonOf, keepVersions } from './history';

export type WriteOp =
  | { op: 'upsert'; type: ContentType; fields: unknown }
  | { op: 'delete'; type: ContentType; id: string }
  | { op: 'hide' | 'unhide'; type: ContentType; id: string };

export interface Written {
  type: ContentType;
  id: string;
  version: number;
  /** The record as served (upserts and unhides), or null for deletes and hides. */
  record: Record<string, unknown> | null;
}

export interface ListFilters {
  country?: string;
  theme?: string;
  language?: string;
  kind?: string;
  parent?: string;
}

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;

/** The columns the read API filters on, derived from a validated record. */
function indexColumns(type: ContentType, fields: AnyContentFields): Pick<ContentTable, 'language' | 'countries' | 'themes' | 'kind' | 'parent_id'> {
  const facets = recordFacets(type, fields);
  return { language: facets.language, countries: listColumn(facets.countries), themes: listColumn(facets.themes), kind: facets.kind, parent_id: facets.parentId };
}

/** Validates editor or member input for `type`; throws ValidationError naming every problem. */
export function validateFields(type: ContentType, fields: unknown, where = ''): AnyContentFields {
  const parsed = contentFieldSchemas[type].safeParse(fields);
  if (!parsed.success) throw new ValidationError(`Invalid ${type}${where}`, issuesOf(parsed.error));
  return parsed.data;
}

/** A content row as one change of the feed, from its stored JSON text (not parsed again); the snapshot's lines are these too. */
/** One change as the feed (and a snapshot) writes it; `earlier` are the versions kept before this one, as JSON. */
export function changeJson(row: Pick<ContentTable, 'type' | 'id' | 'version' | 'updated_at' | 'deleted' | 'hidden' | 'data'>, earlier?: readonly string[]): string {
  const head = `{"op":"${row.deleted || row.hidden ? 'delete' : 'upsert'}","version":${Number(row.version)},"type":${JSON.stringify(row.type)},"id":${JSON.stringify(row.id)},"updatedAt":${JSON.stringify(row.updated_at)}`;
  if (row.deleted || row.hidden) return `${head}}`;
  return `${head}${earlier?.length ? `,"history":[${earlier.join(',')}]` : ''},"record":${row.data}}`;
}

export class ContentStore {
  private readonly committedListeners = new Set<(latest: number) => void>();

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    readonly dialect: Dialect,
  ) {}

  /** Called after each write transaction commits, with its highest version: this instance's change streams announce it at once. */
  onCommitted(listener: (latest: number) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /**
   * Applies every operation in one transaction, or none of them: all input is
   * validated before anything is written, and a missing target rolls back.
   */
  async write(
    ops: readonly WriteOp[],
    now: Date = new Date(),
    /** Runs inside the same transaction after the writes (e.g. to store an idempotent response). */
    alongside?: (trx: Transaction<ServerDatabase>, written: Written[]) => Promise<void>,
  ): Promise<Written[]> {
    if (ops.length === 0) return [];
    const prepared = ops.map((op, index) => (op.op === 'upsert' ? { ...op, fields: validateFields(op.type, op.fields, ops.length > 1 ? ` (item ${index + 1})` : '') } : op));
    const written = await this.db.transaction().execute(async (trx) => {
      const first = await this.reserveVersions(trx, prepared.length);
      const updatedAt = now.toISOString();
      const written: Written[] = [];
      const upserts: ContentTable[] = [];
      const versions: ContentTable[] = [];
      for (const [index, op] of prepared.entries()) {
        const version = first + index;
        if (op.op === 'upsert') {
          const id = String(op.fields.id);
          const record = { ...op.fields, version, updatedAt };
          const row: ContentTable = { type: op.type, id, version, updated_at: updatedAt, deleted: 0, hidden: 0, ...indexColumns(op.type, op.fields), data: JSON.stringify(record) };
          upserts.push(row);
          if (keepsHistory(op.type, op.fields)) versions.push(row);
          written.push({ type: op.type, id, version, record });
        } else {
          written.push(await this.changeState(trx, op, version, updatedAt));
        }
      }
      for (let start = 0; start < upserts.length; start += INSERT_CHUNK) {
        await trx
          .insertInto('content')
          .values(upserts.slice(start, start + INSERT_CHUNK))
          .onConflict((conflict) =>
            conflict.columns(['type', 'id']).doUpdateSet((eb) => ({
              version: eb.ref('excluded.version'),
              updated_at: eb.ref('excluded.updated_at'),
              deleted: 0,
              language: eb.ref('excluded.language'),
              countries: eb.ref('excluded.countries'),
              themes: eb.ref('excluded.themes'),
              kind: eb.ref('excluded.kind'),
              parent_id: eb.ref('excluded.parent_id'),
              data: eb.ref('excluded.data'),
            })),
          )
          .execute();
      }
      await keepVersions(trx, versions);
      // An update of a hidden record stays hidden: serve it as a delete.
      for (const item of written) {
        if (item.record) {
          const row = await trx.selectFrom('content').select('hidden').where('type', '=', item.type).where('id', '=', item.id).executeTakeFirst();
          if (row?.hidden) item.record = null;
        }
      }
      await alongside?.(trx, written);
      return written;
    });
    const latest = written.at(-1)!.version;
    for (const listener of this.committedListeners) listener(latest);
    return written;
  }

  /** Takes `count` consecutive versions; the row lock serializes writers until commit. */
  private async reserveVersions(trx: Transaction<ServerDatabase>, count: number): Promise<number> {
    const row = await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', 'change')
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value) - count + 1;
  }

  private async changeState(trx: Transaction<ServerDatabase>, op: Exclude<WriteOp, { op: 'upsert' }>, version: number, updatedAt: string): Promise<Written> {
    const existing = await trx.selectFrom('content').selectAll().where('type', '=', op.type).where('id', '=', op.id).where('deleted', '=', 0).executeTakeFirst();
    if (!existing) throw new NotFoundError(`No ${op.type} with id ${op.id}`);
    if (op.op === 'delete') {
      await trx.updateTable('content').set({ version, updated_at: updatedAt, deleted: 1, hidden: 0, data: null }).where('type', '=', op.type).where('id', '=', op.id).execute();
      await dropHistory(trx, op.type, op.id);
      return { type: op.type, id: op.id, version, record: null };
    }
    const hidden = op.op === 'hide' ? 1 : 0;
    const record = { ...(JSON.parse(existing.data!) as Record<string, unknown>), version };
    await trx.updateTable('content').set({ version, hidden, data: JSON.stringify(record) }).where('type', '=', op.type).where('id', '=', op.id).execute();
    return { type: op.type, id: op.id, version, record: hidden ? null : record };
  }

  async latestVersion(executor: Kysely<ServerDatabase> = this.db): Promise<{ latest: number; horizon: number }> {
    const rows = await executor.selectFrom('counters').select(['name', 'value']).execute();
    const value = (name: string) => Number(rows.find((row) => row.name === name)?.value ?? 0);
    return { latest: value('change'), horizon: value('tombstone_horizon') };
  }

  /**
   * One page of the change feed as JSON text, built from the stored record text
   * without parsing it again. Returns `resync` when `since` is older than the
   * tombstone horizon (deletes were purged) or ahead of the server. A walk
   * that began at 0 under `walkHorizon` goes on while the horizon is still
   * there: a delete purged before the walk began took its record out of every
   * page the walk read, and one purged since moves the horizon.
   * An upsert of a record with a history carries, in `history`, its earlier
   * versions published after `historySince` (where the client's sync began):
   * the ones the compacted feed skipped for that client.
   */
  async changesJson(since: number, limit: number, walkHorizon?: number, historySince = 0): Promise<{ json: string; page: Omit<ChangesPage, 'changes'> } | { resync: number; reason: string }> {
    const { latest, horizon } = await this.latestVersion();
    const walkFromZeroUnderThisHorizon = walkHorizon !== undefined && walkHorizon >= horizon;
    if (since > 0 && since < horizon && !walkFromZeroUnderThisHorizon) return { resync: horizon, reason: `since=${since} is older than the tombstone horizon ${horizon}: deletes before it are gone` };
    if (since > latest) return { resync: horizon, reason: `since=${since} is ahead of the server's latest version ${latest}` };
    const rows = await this.db
      .selectFrom('content')
      .select(['type', 'id', 'version', 'updated_at', 'deleted', 'hidden', 'kind', 'data'])
      .where('version', '>', since)
      .orderBy('version')
      .limit(limit + 1)
      .execute();
    const hasMore = rows.length > limit;
    const pageRows = hasMore ? rows.slice(0, limit) : rows;
    // Only the page's laws and sheets can have a history (`kind` is a document's type): most pages need no second query.
    const withHistory = pageRows.filter((row) => !row.deleted && !row.hidden && (row.type === 'country-sheet' || (row.type === 'document' && row.kind === 'legislation')));
    const history = await historyJsonOf(this.db, withHistory, historySince);
    const parts = pageRows.map((row) => changeJson(row, history.get(`${row.type}/${row.id}`)));
    // The last page reaches `latest` even when the newest versions were purged tombstones (read before the rows,
    // so every version up to it is committed and either in this page or gone): a cursor left below the horizon
    // would send the client back to 0 at its next sync, and at every one after.
    const lastVersion = pageRows.length ? Number(pageRows.at(-1)!.version) : since;
    const cursor = hasMore ? lastVersion : Math.max(lastVersion, latest);
    const page = { cursor, hasMore, latest: Math.max(latest, cursor) };
    return { json: `{"changes":[${parts.join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore},"latest":${page.latest}}`, page };
  }

  /** A visible record as stored text, or undefined. */
  async getJson(type: ContentType, id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('content').select('data').where('type', '=', type).where('id', '=', id).where('deleted', '=', 0).where('hidden', '=', 0).executeTakeFirst();
    return row?.data ?? undefined;
  }

  /** Visible records of a type in id order, after `after`, narrowed by filters. */
  async listJson(type: ContentType, filters: ListFilters, after: string | undefined, limit: number): Promise<{ items: string[]; next: string | null }> {
    let query = this.db.selectFrom('content').select(['id', 'data']).where('type', '=', type).where('deleted', '=', 0).where('hidden', '=', 0);
    if (after) query = query.where('id', '>', after);
    if (filters.language) query = query.where('language', '=', filters.language);
    if (filters.kind) query = query.where('kind', '=', filters.kind);
    if (filters.parent) query = query.where('parent_id', '=', filters.parent);
    if (filters.country) query = query.where('countries', 'like', `%,${filters.country},%`);
    if (filters.theme) query = query.where('themes', 'like', `%,${filters.theme},%`);
    const rows = await query.orderBy('id').limit(limit + 1).execute();
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    return { items: page.map((row) => row.data!), next: hasMore ? page.at(-1)!.id : null };
  }

  /**
   * Removes tombstones up to `uptoVersion` and moves the horizon there: a
   * client that last synced before it must resync, since it missed deletes.
   */
  async purgeTombstones(uptoVersion: number): Promise<{ purged: number; horizon: number }> {
    return this.db.transaction().execute(async (trx) => {
      const { latest, horizon } = await this.latestVersion(trx);
      const upto = Math.min(uptoVersion, latest);
      const result = await trx.deleteFrom('content').where('deleted', '=', 1).where('version', '<=', upto).executeTakeFirst();
      const newHorizon = Math.max(horizon, upto);
      await trx.updateTable('counters').set({ value: newHorizon }).where('name', '=', 'tombstone_horizon').execute();
      return { purged: Number(result.numDeletedRows), horizon: newHorizon };
    });
  }

  /** Counts of visible records per type. */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('content')
      .select(['type', sql<number>`count(*)`.as('n')])
      .where('deleted', '=', 0)
      .where('hidden', '=', 0)
      .groupBy('type')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.n)]));
  }
}
