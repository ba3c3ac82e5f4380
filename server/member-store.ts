// A member's private store (shared/member-items.ts): the wrapped master key and
// the encrypted items, kept as the opaque text the client sent. Each item write
// first bumps the member's row of `member_stores`; that row's lock is held
// until commit, so the member's versions become visible strictly in order (no
// reader sees version 11 while 10 is uncommitted, as with the public feed's
// `counters` row), and the quota totals on the same row cannot race.
import type { Kysely, Transaction } from 'kysely';
import {
  MAX_BYTES_PER_MEMBER,
  MAX_ITEMS_PER_MEMBER,
  type MemberItem,
  type MemberItemWrite,
  type MemberKeyring,
  type memberKeyringWrite,
} from '../shared/member-items';
import type { z } from 'zod';
import type { MemberItemTable, MemberKeyringTable, ServerDatabase } from './db/schema';
import { ApiFailure } from './errors';

export interface MemberQuotas {
  /** Live items per member. */
  items: number;
  /** Ciphertext characters of a member's live items. */
  bytes: number;
}

export const DEFAULT_MEMBER_QUOTAS: MemberQuotas = { items: MAX_ITEMS_PER_MEMBER, bytes: MAX_BYTES_PER_MEMBER };

/** A change page stops adding items past this many ciphertext characters (it always holds at least one): 1,000 items of 256 KiB would be 256 MiB. */
export const MAX_PAGE_CHARACTERS = 8 * 1024 * 1024;

/** Runs inside the write's transaction with what was written (the idempotency key's answer commits with the write). */
export type Alongside<T> = (trx: Transaction<ServerDatabase>, written: T) => Promise<void>;

type ItemRow = Pick<MemberItemTable, 'item_id' | 'kind' | 'version' | 'deleted' | 'box' | 'updated_at'>;

/** An item as served, as JSON text built from the stored box text (not parsed again). */
function itemJson(row: ItemRow): string {
  return `{"itemId":${JSON.stringify(row.item_id)},"kind":${JSON.stringify(row.kind)},"version":${Number(row.version)},"deleted":${row.deleted ? 'true' : 'false'},"updatedAt":${JSON.stringify(row.updated_at)},"box":${row.deleted ? 'null' : row.box}}`;
}

function itemOf(row: ItemRow): MemberItem {
  return JSON.parse(itemJson(row)) as MemberItem;
}

function keyringOf(row: MemberKeyringTable): MemberKeyring {
  const data = JSON.parse(row.data) as Pick<MemberKeyring, 'kdf' | 'wrappedKey'>;
  return { version: Number(row.version), kdf: data.kdf, wrappedKey: data.wrappedKey, updatedAt: row.updated_at };
}

const conflict = (message: string, current: MemberItem | MemberKeyring | null) => new ApiFailure(409, 'version_conflict', message, undefined, {}, { current });

export class MemberStore {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly quotas: MemberQuotas = DEFAULT_MEMBER_QUOTAS,
    private readonly pageCharacters = MAX_PAGE_CHARACTERS,
  ) {}

  async keyring(memberId: string, executor: Kysely<ServerDatabase> = this.db): Promise<MemberKeyring | null> {
    const row = await executor.selectFrom('member_keyrings').selectAll().where('member_id', '=', memberId).executeTakeFirst();
    return row ? keyringOf(row) : null;
  }

  /**
   * Creates the keyring (baseVersion 0, none stored) or replaces the version
   * named; one statement each, so of two first devices racing exactly one
   * creates it and the other gets 409 with the winner's keyring.
   */
  async putKeyring(memberId: string, input: z.output<typeof memberKeyringWrite>, at: Date, alongside?: Alongside<MemberKeyring>): Promise<MemberKeyring> {
    const data = JSON.stringify({ kdf: input.kdf, wrappedKey: input.wrappedKey });
    const updatedAt = at.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const written =
        input.baseVersion === 0
          ? await trx
              .insertInto('member_keyrings')
              .values({ member_id: memberId, version: 1, data, updated_at: updatedAt })
              .onConflict((onConflict) => onConflict.column('member_id').doNothing())
              .returningAll()
              .executeTakeFirst()
          : await trx
              .updateTable('member_keyrings')
              .set({ version: input.baseVersion + 1, data, updated_at: updatedAt })
              .where('member_id', '=', memberId)
              .where('version', '=', input.baseVersion)
              .returningAll()
              .executeTakeFirst();
      if (!written) {
        const current = await this.keyring(memberId, trx);
        throw conflict(
          current
            ? `The keyring is at version ${current.version}, not ${input.baseVersion}: another device wrote it; unwrap the current keyring and retry with its version`
            : `There is no keyring yet: create it with baseVersion 0`,
          current,
        );
      }
      const keyring = keyringOf(written);
      await alongside?.(trx, keyring);
      return keyring;
    });
  }

  /** Upserts or tombstones one item if `baseVersion` is its current version (0: no such item); checks the quotas. */
  async putItem(memberId: string, itemId: string, input: MemberItemWrite, at: Date, alongside?: Alongside<MemberItem>): Promise<MemberItem> {
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('member_stores').values({ member_id: memberId, latest: 0, items: 0, bytes: 0 }).onConflict((onConflict) => onConflict.column('member_id').doNothing()).execute();
      // Taken first: the row lock serializes this member's writers until commit.
      const store = await trx
        .updateTable('member_stores')
        .set((eb) => ({ latest: eb('latest', '+', 1) }))
        .where('member_id', '=', memberId)
        .returning(['latest', 'items', 'bytes'])
        .executeTakeFirstOrThrow();
      const existing = await trx.selectFrom('member_items').selectAll().where('member_id', '=', memberId).where('item_id', '=', itemId).executeTakeFirst();
      const currentVersion = existing ? Number(existing.version) : 0;
      if (input.baseVersion !== currentVersion) {
        if (!existing) throw new ApiFailure(404, 'not_found', `There is no item ${itemId} (baseVersion ${input.baseVersion} names a version it never had): write it as new with baseVersion 0`);
        throw conflict(`Item ${itemId} is at version ${currentVersion}, not ${input.baseVersion}: another device changed it; merge with current and retry with its version`, itemOf(existing));
      }
      const box = input.deleted ? null : JSON.stringify(input.box);
      const size = input.deleted ? 0 : input.box.ciphertext.length;
      const wasLive = existing !== undefined && !existing.deleted;
      const items = Number(store.items) + (input.deleted ? 0 : 1) - (wasLive ? 1 : 0);
      const bytes = Number(store.bytes) + size - (wasLive ? Number(existing.size) : 0);
      // Only a write that grows a total past its quota is refused: deleting and shrinking always work.
      if (items > this.quotas.items && items > Number(store.items)) {
        throw new ApiFailure(413, 'quota_exceeded', `Your encrypted store holds its most items (${this.quotas.items}): delete some before adding more`);
      }
      if (bytes > this.quotas.bytes && bytes > Number(store.bytes)) {
        throw new ApiFailure(413, 'quota_exceeded', `Your encrypted store would hold ${bytes} characters of ciphertext, over its quota of ${this.quotas.bytes}: delete or shrink items first`);
      }
      const row: MemberItemTable = { member_id: memberId, item_id: itemId, kind: input.kind, version: Number(store.latest), deleted: input.deleted ? 1 : 0, size, box, updated_at: at.toISOString() };
      await trx
        .insertInto('member_items')
        .values(row)
        .onConflict((onConflict) =>
          onConflict.columns(['member_id', 'item_id']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            version: eb.ref('excluded.version'),
            deleted: eb.ref('excluded.deleted'),
            size: eb.ref('excluded.size'),
            box: eb.ref('excluded.box'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      await trx.updateTable('member_stores').set({ items, bytes }).where('member_id', '=', memberId).execute();
      const item = itemOf(row);
      await alongside?.(trx, item);
      return item;
    });
  }

  /**
   * The member's items written after `since`, oldest first, tombstones
   * included, as the JSON text of a MemberItemChangesPage. `latest` is read
   * before the rows: every version up to it is committed, so it is either in
   * this page or was superseded by a later one, and a last page's cursor can
   * be `latest`. Returns `ahead` when `since` is past the member's head.
   */
  async changesJson(memberId: string, since: number, limit: number): Promise<{ json: string } | { ahead: number }> {
    const head = await this.db.selectFrom('member_stores').select('latest').where('member_id', '=', memberId).executeTakeFirst();
    const latest = Number(head?.latest ?? 0);
    if (since > latest) return { ahead: latest };
    // Sizes first, so a page of large items is cut before its boxes are read.
    const sizes = await this.db
      .selectFrom('member_items')
      .select(['version', 'size'])
      .where('member_id', '=', memberId)
      .where('version', '>', since)
      .orderBy('version')
      .limit(limit + 1)
      .execute();
    let taken = 0;
    let characters = 0;
    while (taken < Math.min(limit, sizes.length) && (taken === 0 || characters + Number(sizes[taken]!.size) <= this.pageCharacters)) {
      characters += Number(sizes[taken]!.size);
      taken += 1;
    }
    const hasMore = sizes.length > taken;
    const upto = taken > 0 ? Number(sizes[taken - 1]!.version) : since;
    // An item rewritten between the two reads has moved past `upto`: it is served in a later page, at its new version.
    const rows =
      taken > 0
        ? await this.db
            .selectFrom('member_items')
            .select(['item_id', 'kind', 'version', 'deleted', 'box', 'updated_at'])
            .where('member_id', '=', memberId)
            .where('version', '>', since)
            .where('version', '<=', upto)
            .orderBy('version')
            .execute()
        : [];
    const cursor = hasMore ? upto : Math.max(upto, latest);
    return { json: `{"items":[${rows.map(itemJson).join(',')}],"cursor":${cursor},"hasMore":${hasMore},"latest":${Math.max(latest, cursor)}}` };
  }
}
