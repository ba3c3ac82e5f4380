// The record_versions and history_blocks tables: every synced version of
// legislation and country sheets, its long texts as lists of content-addressed
// blocks stored once (migration 2026-12-03-0400-record-history). The corpus
// writer keeps versions in the page's transaction; the history service reads them.
import { sql } from 'kysely';
import type { ContentType } from '../../../../shared/content';
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';

/** A version as the writer hands it over: its long texts already cut into blocks. */
export interface VersionToKeep {
  type: ContentType;
  id: string;
  version: number;
  number: number | null;
  inForceFrom: string | null;
  changeNote: string | null;
  updatedAt: string;
  /** The record's JSON without its long texts. */
  skeleton: string;
  /** Each long text (by field name) as its blocks, in order; `hash` the SHA-256 of `text`. */
  fields: Record<string, Array<{ hash: Buffer; text: string }>>;
}

export interface KeptVersion {
  version: number;
  number: number | null;
  inForceFrom: string | null;
  changeNote: string | null;
  updatedAt: string;
}

/** A kept version read back: its skeleton and each long text whole again. */
export interface StoredVersion extends KeptVersion {
  skeleton: string;
  fields: Record<string, string>;
}

const blockLists = (json: string): Record<string, number[]> => {
  const parsed: unknown = JSON.parse(json);
  const lists: Record<string, number[]> = {};
  if (typeof parsed !== 'object' || parsed === null) return lists;
  for (const [field, ids] of Object.entries(parsed)) if (Array.isArray(ids)) lists[field] = ids.filter((value): value is number => Number.isInteger(value));
  return lists;
};

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  const versions = () => db.selectFrom('record_versions');
  return {
    addBlock: prepareQuery(sqlite, (block: { hash: Buffer; text: string }) =>
      db.insertInto('history_blocks').values({ hash: block.hash, text: block.text }).onConflict((conflict) => conflict.column('hash').doNothing()),
    ),
    blockId: prepareQuery(sqlite, (block: { hash: Buffer }) => db.selectFrom('history_blocks').select('id').where('hash', '=', block.hash)),
    addRefs: prepareQuery(sqlite, (args: { ids: string; by: number }) =>
      sql`UPDATE history_blocks SET refs = refs + ${args.by} WHERE id IN (SELECT value FROM json_each(${args.ids}))`.compile(db),
    ),
    dropUnused: prepareQuery(sqlite, (args: { ids: string }) => sql`DELETE FROM history_blocks WHERE refs <= 0 AND id IN (SELECT value FROM json_each(${args.ids}))`.compile(db)),
    texts: prepareQuery(sqlite, (args: { ids: string }) =>
      sql<{ id: number; text: string }>`SELECT b.id, b.text FROM history_blocks b WHERE b.id IN (SELECT value FROM json_each(${args.ids}))`.compile(db),
    ),
    insertVersion: prepareQuery(sqlite, (row: { type: ContentType; id: string; version: number; number: number | null; inForceFrom: string | null; changeNote: string | null; updatedAt: string; skeleton: string; blocks: string }) =>
      db.insertInto('record_versions').values({
        type: row.type,
        id: row.id,
        version: row.version,
        number: row.number,
        in_force_from: row.inForceFrom,
        change_note: row.changeNote,
        updated_at: row.updatedAt,
        skeleton: row.skeleton,
        blocks: row.blocks,
      }),
    ),
    deleteVersion: prepareQuery(sqlite, (key: { type: ContentType; id: string; version: number }) =>
      db.deleteFrom('record_versions').where('type', '=', key.type).where('id', '=', key.id).where('version', '=', key.version),
    ),
    list: prepareQuery(sqlite, (key: { type: ContentType; id: string }) =>
      versions().select(['version', 'number', 'in_force_from', 'change_note', 'updated_at', 'blocks']).where('type', '=', key.type).where('id', '=', key.id).orderBy('version'),
    ),
    one: prepareQuery(sqlite, (key: { type: ContentType; id: string; version: number }) =>
      versions().select(['version', 'number', 'in_force_from', 'change_note', 'updated_at', 'skeleton', 'blocks']).where('type', '=', key.type).where('id', '=', key.id).where('version', '=', key.version),
    ),
    clearVersions: prepareQuery(sqlite, () => db.deleteFrom('record_versions')),
    clearBlocks: prepareQuery(sqlite, () => db.deleteFrom('history_blocks')),
    versionBytes: prepareQuery(sqlite, (key: { type: ContentType; id: string }) =>
      versions()
        .select(sql<number>`coalesce(sum(length(CAST(skeleton AS BLOB)) + length(CAST(blocks AS BLOB)) + coalesce(length(CAST(change_note AS BLOB)), 0)), 0)`.as('bytes'))
        .where('type', '=', key.type)
        .where('id', '=', key.id),
    ),
    blockBytes: prepareQuery(sqlite, (args: { ids: string }) =>
      sql<{ bytes: number }>`SELECT coalesce(sum(length(CAST(text AS BLOB)) + 2 * length(hash) + 16), 0) AS bytes FROM history_blocks WHERE id IN (SELECT value FROM json_each(${args.ids}))`.compile(db),
    ),
  };
}

export class RecordVersions {
  private readonly queries: ReturnType<typeof prepare>;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
  }

  /** The kept versions of a record, oldest first. */
  list(type: ContentType, id: string): KeptVersion[] {
    return this.queries.list.all({ type, id }).map((row) => ({ version: row.version, number: row.number, inForceFrom: row.in_force_from, changeNote: row.change_note, updatedAt: row.updated_at }));
  }

  has(type: ContentType, id: string, version: number): boolean {
    return this.queries.one.get({ type, id, version }) !== undefined;
  }

  /** Stores a version, its blocks once each; a version already kept is left as it is. */
  keep(version: VersionToKeep): void {
    if (this.has(version.type, version.id, version.version)) return;
    const lists: Record<string, number[]> = {};
    for (const [field, blocks] of Object.entries(version.fields)) {
      lists[field] = blocks.map((block) => {
        this.queries.addBlock.run(block);
        const found = this.queries.blockId.get({ hash: block.hash });
        if (!found) throw new Error(`The history block of ${version.type} ${version.id} was not stored`);
        return found.id;
      });
    }
    const used = JSON.stringify([...new Set(Object.values(lists).flat())]);
    this.queries.addRefs.run({ ids: used, by: 1 });
    const { type, id, number, inForceFrom, changeNote, updatedAt, skeleton } = version;
    this.queries.insertVersion.run({ type, id, version: version.version, number, inForceFrom, changeNote, updatedAt, skeleton, blocks: JSON.stringify(lists) });
  }

  /** Drops one kept version; blocks no other version uses go with it. */
  drop(type: ContentType, id: string, version: number): void {
    const row = this.queries.one.get({ type, id, version });
    if (!row) return;
    const used = JSON.stringify([...new Set(Object.values(blockLists(row.blocks)).flat())]);
    this.queries.deleteVersion.run({ type, id, version });
    this.queries.addRefs.run({ ids: used, by: -1 });
    this.queries.dropUnused.run({ ids: used });
  }

  /** The record was deleted: its whole history goes. */
  forget(type: ContentType, id: string): void {
    for (const kept of this.list(type, id)) this.drop(type, id, kept.version);
  }

  clear(): void {
    this.queries.clearVersions.run({});
    this.queries.clearBlocks.run({});
  }

  /** One kept version with its long texts joined again from their blocks. */
  read(type: ContentType, id: string, version: number): StoredVersion | undefined {
    const row = this.queries.one.get({ type, id, version });
    if (!row) return undefined;
    const lists = blockLists(row.blocks);
    const texts = new Map(this.queries.texts.all({ ids: JSON.stringify([...new Set(Object.values(lists).flat())]) }).map((block) => [block.id, block.text]));
    const fields: Record<string, string> = {};
    for (const [field, ids] of Object.entries(lists)) fields[field] = ids.map((blockId) => texts.get(blockId) ?? '').join('');
    return { version: row.version, number: row.number, inForceFrom: row.in_force_from, changeNote: row.change_note, updatedAt: row.updated_at, skeleton: row.skeleton, fields };
  }

  /**
   * Bytes the record's history takes: each version's row (skeleton, block lists, note) and each block it uses
   * once (its text, its hash in the row and in the unique index, and about 16 bytes of row and index keys).
   */
  storedBytes(type: ContentType, id: string): number {
    const rows = this.queries.list.all({ type, id });
    const ids = JSON.stringify([...new Set(rows.flatMap((row) => Object.values(blockLists(row.blocks)).flat()))]);
    return (this.queries.versionBytes.get({ type, id })?.bytes ?? 0) + (this.queries.blockBytes.get({ ids })?.bytes ?? 0);
  }
}
