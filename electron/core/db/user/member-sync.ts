// The member_sync_state and member_sync_items tables of the user store: every
// statement member sync runs on its own tables. The journal rows are written
// by triggers (migration 0630) in the transaction of each local edit.
import { prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

export type MemberSyncRow = UserDatabase['member_sync_items'];
type ItemKey = { kind: string; localId: string };

/** What a pull or a merge writes of an item in one go. */
export interface MemberSyncItemState {
  itemId: string;
  remoteDoc: string | null;
  remoteVersion: number;
  pending: string;
  pendingDelete: boolean;
  dirty: boolean;
}

function prepareMemberSync({ db, sqlite }: Store<UserDatabase>) {
  const items = () => db.selectFrom('member_sync_items').selectAll();
  const key = (args: ItemKey) => db.updateTable('member_sync_items').where('kind', '=', args.kind).where('local_id', '=', args.localId);
  return {
    readState: prepareQuery(sqlite, (args: { key: string }) => db.selectFrom('member_sync_state').select('value').where('key', '=', args.key)),
    writeState: prepareQuery(sqlite, (args: { key: string; value: string }) =>
      db
        .insertInto('member_sync_state')
        .values({ key: args.key, value: args.value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    ),
    deleteState: prepareQuery(sqlite, (args: { key: string }) => db.deleteFrom('member_sync_state').where('key', '=', args.key)),
    row: prepareQuery(sqlite, (args: ItemKey) => items().where('kind', '=', args.kind).where('local_id', '=', args.localId)),
    byItemId: prepareQuery(sqlite, (args: { itemId: string }) => items().where('item_id', '=', args.itemId)),
    ofKind: prepareQuery(sqlite, (args: { kind: string }) => items().where('kind', '=', args.kind).orderBy('local_id')),
    dirty: prepareQuery(sqlite, () => items().where('dirty', '=', 1).orderBy('dirty_at').orderBy('kind').orderBy('local_id')),
    withConflicts: prepareQuery(sqlite, () => items().where((eb) => eb.or([eb('pending', 'like', '%"conflict"%'), eb('remote_doc', 'like', '%"conflict"%')]))),
    dirtyCounts: prepareQuery(sqlite, () =>
      db
        .selectFrom('member_sync_items')
        .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
        .where('dirty', '=', 1)
        .groupBy('kind'),
    ),
    ensure: prepareQuery(sqlite, (args: ItemKey & { dirty: number; at: string }) =>
      db
        .insertInto('member_sync_items')
        .values({ kind: args.kind, local_id: args.localId, item_id: null, remote_doc: null, remote_version: 0, pending: '{}', pending_delete: 0, dirty: args.dirty, dirty_at: args.at, outgoing: null, attempts: 0, next_attempt_at: null, last_error: null })
        .onConflict((conflict) => conflict.columns(['kind', 'local_id']).doNothing()),
    ),
    setItemId: prepareQuery(sqlite, (args: ItemKey & { itemId: string }) => key(args).set({ item_id: args.itemId })),
    markDirty: prepareQuery(sqlite, (args: ItemKey & { at: string }) => key(args).set({ dirty: 1, dirty_at: args.at })),
    setPending: prepareQuery(sqlite, (args: ItemKey & { pending: string; pendingDelete: number; dirty: number }) =>
      key(args).set({ pending: args.pending, pending_delete: args.pendingDelete, dirty: args.dirty }),
    ),
    setOutgoing: prepareQuery(sqlite, (args: ItemKey & { outgoing: string }) => key(args).set({ outgoing: args.outgoing })),
    clearOutgoing: prepareQuery(sqlite, (args: ItemKey) => key(args).set({ outgoing: null })),
    // A write the portal stored: it is now what the portal has; an edit made while it was on its way keeps the item dirty.
    markPushed: prepareQuery(sqlite, (args: ItemKey & { remoteDoc: string | null; remoteVersion: number; dirtyAt: string | null }) =>
      key(args).set((eb) => ({
        remote_doc: args.remoteDoc,
        remote_version: args.remoteVersion,
        pending: '{}',
        pending_delete: 0,
        outgoing: null,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        dirty: eb.case().when('dirty_at', 'is', args.dirtyAt).then(0).else(1).end(),
      })),
    ),
    applyState: prepareQuery(sqlite, (args: ItemKey & { itemId: string; remoteDoc: string | null; remoteVersion: number; pending: string; pendingDelete: number; dirty: number; at: string }) =>
      db
        .insertInto('member_sync_items')
        .values({
          kind: args.kind,
          local_id: args.localId,
          item_id: args.itemId,
          remote_doc: args.remoteDoc,
          remote_version: args.remoteVersion,
          pending: args.pending,
          pending_delete: args.pendingDelete,
          dirty: args.dirty,
          dirty_at: args.at,
          outgoing: null,
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
        })
        .onConflict((conflict) =>
          conflict.columns(['kind', 'local_id']).doUpdateSet({
            item_id: args.itemId,
            remote_doc: args.remoteDoc,
            remote_version: args.remoteVersion,
            pending: args.pending,
            pending_delete: args.pendingDelete,
            dirty: args.dirty,
            dirty_at: args.at,
            outgoing: null,
          }),
        ),
    ),
    markRetry: prepareQuery(sqlite, (args: ItemKey & { error: string; nextAttemptAt: string }) =>
      key(args).set((eb) => ({ attempts: eb('attempts', '+', eb.lit(1)), last_error: args.error, next_attempt_at: args.nextAttemptAt })),
    ),
    clearBackoff: prepareQuery(sqlite, () => db.updateTable('member_sync_items').set({ next_attempt_at: null }).where('next_attempt_at', 'is not', null)),
    // Another member or another master key: nothing this device knew of the portal's items holds; everything local goes again.
    forgetRemote: prepareQuery(sqlite, (args: { at: string }) =>
      // The time of the last edit stays: it is the clock a stale local value competes with.
      db
        .updateTable('member_sync_items')
        .set((eb) => ({ item_id: null, remote_doc: null, remote_version: 0, pending: '{}', pending_delete: 0, outgoing: null, attempts: 0, next_attempt_at: null, last_error: null, dirty: 1, dirty_at: eb.fn.coalesce('dirty_at', eb.val(args.at)) })),
    ),
    dropDevices: prepareQuery(sqlite, () => db.deleteFrom('member_sync_items').where('kind', '=', 'device')),
    delete: prepareQuery(sqlite, (args: ItemKey) => db.deleteFrom('member_sync_items').where('kind', '=', args.kind).where('local_id', '=', args.localId)),
  };
}

export class MemberSyncTable {
  private readonly queries: ReturnType<typeof prepareMemberSync>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.queries = prepareMemberSync(store);
  }

  /** One IMMEDIATE transaction over the whole user store: a merge writes the user's tables and the journal together. */
  immediate<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn).immediate();
  }

  readState(key: string): string | undefined {
    return this.queries.readState.get({ key })?.value;
  }

  writeState(key: string, value: string): void {
    this.queries.writeState.run({ key, value });
  }

  deleteState(key: string): void {
    this.queries.deleteState.run({ key });
  }

  row(kind: string, localId: string): MemberSyncRow | undefined {
    return this.queries.row.get({ kind, localId });
  }

  byItemId(itemId: string): MemberSyncRow | undefined {
    return this.queries.byItemId.get({ itemId });
  }

  ofKind(kind: string): MemberSyncRow[] {
    return this.queries.ofKind.all({ kind });
  }

  /** Items with a local edit not yet on the portal, oldest edit first. */
  dirty(): MemberSyncRow[] {
    return this.queries.dirty.all({});
  }

  /** Items whose synced or pending state holds a conflict (a cheap prefilter: the caller reads the documents). */
  withConflicts(): MemberSyncRow[] {
    return this.queries.withConflicts.all({});
  }

  dirtyCounts(): Array<{ kind: string; n: number }> {
    return this.queries.dirtyCounts.all({});
  }

  /** A row for an item (a device's own, say) that has no user table behind it. */
  ensure(kind: string, localId: string, dirty: boolean, at: string): void {
    this.queries.ensure.run({ kind, localId, dirty: dirty ? 1 : 0, at });
  }

  setItemId(kind: string, localId: string, itemId: string): void {
    this.queries.setItemId.run({ kind, localId, itemId });
  }

  markDirty(kind: string, localId: string, at: string): void {
    this.queries.markDirty.run({ kind, localId, at });
  }

  setPending(kind: string, localId: string, pending: string, pendingDelete: boolean, dirty: boolean): void {
    this.queries.setPending.run({ kind, localId, pending, pendingDelete: pendingDelete ? 1 : 0, dirty: dirty ? 1 : 0 });
  }

  setOutgoing(kind: string, localId: string, outgoing: string): void {
    this.queries.setOutgoing.run({ kind, localId, outgoing });
  }

  clearOutgoing(kind: string, localId: string): void {
    this.queries.clearOutgoing.run({ kind, localId });
  }

  markPushed(kind: string, localId: string, remoteDoc: string | null, remoteVersion: number, dirtyAt: string | null): void {
    this.queries.markPushed.run({ kind, localId, remoteDoc, remoteVersion, dirtyAt });
  }

  applyState(kind: string, localId: string, state: MemberSyncItemState, at: string): void {
    this.queries.applyState.run({ kind, localId, ...state, pendingDelete: state.pendingDelete ? 1 : 0, dirty: state.dirty ? 1 : 0, at });
  }

  markRetry(kind: string, localId: string, error: string, nextAttemptAt: string): void {
    this.queries.markRetry.run({ kind, localId, error, nextAttemptAt });
  }

  clearBackoff(): void {
    this.queries.clearBackoff.run({});
  }

  forgetRemote(at: string): void {
    this.queries.forgetRemote.run({ at });
    this.queries.dropDevices.run({});
  }

  delete(kind: string, localId: string): void {
    this.queries.delete.run({ kind, localId });
  }
}
