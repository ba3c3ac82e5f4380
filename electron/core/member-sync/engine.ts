// One sync of the member's items: pull the change feed from the cursor and
// merge each item into the local tables, then push every item with a local
// edit. A write is stored (body and Idempotency-Key) before it leaves and
// resent byte-identical until the portal answers it; a 409 version_conflict
// merges the portal's current item and writes again on top of it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { memberItemKind, type MemberItem, type MemberItemKind, type MemberItemWrite } from '../../../shared/member-items';
import type { MemberSyncRow, MemberSyncTable } from '../db/user/member-sync';
import { fetchItemChanges, MemberStoreError, putItem, type MemberStoreSession } from '../portal/member-items';
import { retryDelay, type RetryPolicy } from '../portal/retry';
import type { ItemKeys } from './crypto';
import { capture, effective, fieldsSchema, itemDocument, mergeIncoming, valuesOf, type Fields, type LocalValues, type ThisDevice } from './documents';
import type { LocalKind, LocalKinds } from './local-items';

export interface EngineOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  pageLimit: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { timeoutMs: 30_000, retry: { baseDelayMs: 2000, maxDelayMs: 10 * 60_000 }, pageLimit: 500 };

export interface RunResult {
  pulled: number;
  pushed: number;
  /** Items from the portal that failed their check (tag, id, schema) and were skipped, stored data untouched. */
  skipped: number;
  /** Writes that failed and wait for their retry. */
  failed: number;
  conflictsMerged: number;
  unauthenticated: boolean;
}

/** A write on its way: resent as is until the portal answers it. */
const outgoingSchema = z.object({ body: z.string(), key: z.string(), remoteDoc: z.string().nullable() }).strict();
const deviceFields = z.object({ name: z.string().max(100), lastSeenAt: z.iso.datetime() }).strict();

export const STATE = { cursor: 'cursor' } as const;

const parseFields = (text: string | null): Fields => (text === null ? {} : fieldsSchema.parse(JSON.parse(text)));

export class MemberSyncEngine {
  /** Items of the page being applied that failed their checks (counted inside the page's transaction). */
  private skippedInPage = 0;

  constructor(
    private readonly table: MemberSyncTable,
    private readonly kinds: LocalKinds,
    private readonly me: ThisDevice,
    private readonly deviceName: (id: string) => string,
    private readonly options: EngineOptions,
  ) {}

  async run(session: MemberStoreSession, keys: ItemKeys, signal: AbortSignal): Promise<RunResult> {
    const result: RunResult = { pulled: 0, pushed: 0, skipped: 0, failed: 0, conflictsMerged: 0, unauthenticated: false };
    await this.pull(session, keys, signal, result);
    await this.push(session, keys, signal, result);
    return result;
  }

  private settings(signal: AbortSignal) {
    return { timeoutMs: this.options.timeoutMs, signal };
  }

  private async pull(session: MemberStoreSession, keys: ItemKeys, signal: AbortSignal, result: RunResult): Promise<void> {
    for (;;) {
      const cursor = Number(this.table.readState(STATE.cursor) ?? '0');
      let page;
      try {
        page = await fetchItemChanges(session, cursor, this.options.pageLimit, this.settings(signal));
      } catch (error) {
        if (!(error instanceof MemberStoreError && error.kind === 'resync') || cursor === 0) throw error;
        // The portal's store is behind what this device saw: everything here is checked against it again, from 0.
        this.table.immediate(() => {
          this.table.forgetRemote(new Date().toISOString());
          this.table.writeState(STATE.cursor, '0');
        });
        continue;
      }
      if (page.cursor < cursor) throw new MemberStoreError(`The portal's feed went back from ${cursor} to ${page.cursor}`, 'refused');
      // One transaction per page: the merged items and the cursor, so a crash repeats a whole page or none of it.
      this.table.immediate(() => {
        for (const item of page.items) if (this.applyIncoming(item, keys)) result.pulled += 1;
        this.table.writeState(STATE.cursor, String(page.cursor));
      });
      result.skipped += this.skippedInPage;
      this.skippedInPage = 0;
      if (!page.hasMore || page.items.length === 0) return;
    }
  }

  private kindOf(kind: MemberItemKind): LocalKind | null {
    return kind === 'device' ? null : this.kinds[kind];
  }

  /** The local values of an item: its user table's, or for a device item, this device's own name and last sync. */
  private readLocal(kind: MemberItemKind, localId: string, shown: Fields): LocalValues | null {
    const local = this.kindOf(kind);
    if (local) return local.read(localId);
    if (localId !== this.me.id) return valuesOf(shown); // Another device's entry: never edited here.
    return { name: this.table.readState('deviceName') ?? this.me.name, lastSeenAt: this.table.readState('lastSeenAt') ?? new Date().toISOString() };
  }

  /** Merges one item of the feed (inside the page's transaction); false when it was skipped. */
  applyIncoming(item: MemberItem, keys: ItemKeys): boolean {
    const known = this.table.byItemId(item.itemId);
    if (known && known.remote_version >= item.version) return true; // Already merged (a page read again).
    if (item.deleted || item.box === null) {
      const row = known;
      if (!row) return true;
      this.kindOf(item.kind)?.write(row.local_id, null);
      this.table.applyState(row.kind, row.local_id, { itemId: item.itemId, remoteDoc: null, remoteVersion: item.version, pending: '{}', pendingDelete: false, dirty: false }, item.updatedAt);
      return true;
    }
    let incoming: Fields;
    let localId: string;
    try {
      const document = itemDocument.parse(JSON.parse(keys.open(item.itemId, item.kind, item.box)));
      if (!keys.isItemId(item.itemId, item.kind, document.localId)) throw new Error('the item id is not the keyed hash of its local id');
      if (known && (known.local_id !== document.localId || known.kind !== item.kind)) throw new Error('the item names another local item than before');
      const local = this.kindOf(item.kind);
      if (local) local.validate(valuesOf(document.fields));
      else deviceFields.parse(valuesOf(document.fields));
      incoming = document.fields;
      localId = document.localId;
    } catch {
      this.skippedInPage += 1;
      return false;
    }
    // An item this device has but no longer knows the portal's id of (after a reset): merged with its local row all the same.
    const row = known ?? this.table.row(item.kind, localId);
    if (row && row.remote_version >= item.version) return true;
    const base = parseFields(row?.remote_doc ?? null);
    const now = new Date().toISOString();
    // Local edits not yet captured are part of what the portal's version is merged with.
    const pendingBefore = parseFields(row?.pending ?? null);
    const localNow = this.readLocal(item.kind, localId, effective(base, pendingBefore));
    const pendingDelete = row !== undefined && (row.pending_delete === 1 || (localNow === null && row.remote_doc !== null));
    const captured = localNow === null || !row ? pendingBefore : capture(base, pendingBefore, localNow, this.me, row.dirty_at ?? now);
    const kind = this.kindOf(item.kind);
    const pending = mergeIncoming(base, captured, incoming, (field) => kind?.isText(field) ?? false, this.me, now, this.deviceName);
    if (!pendingDelete) kind?.write(localId, valuesOf(effective(incoming, pending)));
    const dirty = pendingDelete || Object.keys(pending).length > 0;
    this.table.applyState(item.kind, localId, { itemId: item.itemId, remoteDoc: JSON.stringify(incoming), remoteVersion: item.version, pending: JSON.stringify(pending), pendingDelete, dirty }, now);
    return true;
  }

  private async push(session: MemberStoreSession, keys: ItemKeys, signal: AbortSignal, result: RunResult): Promise<void> {
    const now = Date.now();
    for (const head of this.table.dirty()) {
      if (signal.aborted || result.unauthenticated) return;
      if (head.next_attempt_at !== null && Date.parse(head.next_attempt_at) > now) continue;
      await this.pushItem(session, keys, signal, head, result);
    }
  }

  private async pushItem(session: MemberStoreSession, keys: ItemKeys, signal: AbortSignal, head: MemberSyncRow, result: RunResult): Promise<void> {
    const kind = memberItemKind.parse(head.kind);
    // A few rounds: each 409 merges the portal's newer version and writes on top of it.
    for (let round = 0; round < 5; round++) {
      const row = this.table.row(head.kind, head.local_id);
      if (!row || row.dirty === 0) return;
      const write = row.outgoing === null ? this.prepareWrite(row, kind, keys) : outgoingSchema.parse(JSON.parse(row.outgoing));
      if (write === null) return;
      try {
        const answer = await putItem(session, keys.itemId(kind, row.local_id), write.body, write.key, this.settings(signal));
        if (answer.kind === 'written') {
          this.table.markPushed(row.kind, row.local_id, write.remoteDoc, answer.item.version, row.dirty_at);
          result.pushed += 1;
          return;
        }
        this.table.immediate(() => {
          this.table.clearOutgoing(row.kind, row.local_id);
          if (!this.applyIncoming(answer.current, keys)) throw new MemberStoreError('The portal\u2019s current version of an item could not be read', 'refused');
        });
        result.conflictsMerged += 1;
      } catch (error) {
        const failure = error instanceof MemberStoreError ? error : new MemberStoreError(error instanceof Error ? error.message : String(error), 'refused');
        if (failure.kind === 'unauthenticated') result.unauthenticated = true;
        // A refused write frees its key on the portal: the next attempt builds a new one; anything else resends this one.
        if (failure.kind === 'refused') this.table.clearOutgoing(row.kind, row.local_id);
        const delay = retryDelay(row.attempts, this.options.retry, failure.retryAfterMs);
        this.table.markRetry(row.kind, row.local_id, failure.message, new Date(Date.now() + delay).toISOString());
        result.failed += 1;
        return;
      }
    }
  }

  /** Captures the local edits, seals the item (or its tombstone) and stores the write before it leaves; null when there is nothing to send. */
  private prepareWrite(row: MemberSyncRow, kind: MemberItemKind, keys: ItemKeys): z.infer<typeof outgoingSchema> | null {
    return this.table.immediate(() => {
      const remote = parseFields(row.remote_doc);
      const pendingBefore = parseFields(row.pending);
      const local = this.readLocal(kind, row.local_id, effective(remote, pendingBefore));
      const itemId = keys.itemId(kind, row.local_id);
      this.table.setItemId(row.kind, row.local_id, itemId);
      if (local === null) {
        if (row.remote_doc === null) {
          // Never on the portal, or already a tombstone there: nothing to tell it.
          this.table.markPushed(row.kind, row.local_id, null, row.remote_version, row.dirty_at);
          return null;
        }
        const body: MemberItemWrite = { deleted: true, kind, baseVersion: row.remote_version };
        return this.store(row, { body: JSON.stringify(body), key: randomUUID(), remoteDoc: null }, '{}', true);
      }
      const pending = capture(remote, pendingBefore, local, this.me, row.dirty_at ?? new Date().toISOString());
      if (Object.keys(pending).length === 0 && row.remote_doc !== null) {
        this.table.markPushed(row.kind, row.local_id, row.remote_doc, row.remote_version, row.dirty_at);
        return null;
      }
      const fields = effective(remote, pending);
      const box = keys.seal(itemId, kind, JSON.stringify({ format: 1, localId: row.local_id, fields }));
      const body: MemberItemWrite = { deleted: false, kind, baseVersion: row.remote_version, box };
      return this.store(row, { body: JSON.stringify(body), key: randomUUID(), remoteDoc: JSON.stringify(fields) }, JSON.stringify(pending), false);
    });
  }

  private store(row: MemberSyncRow, write: z.infer<typeof outgoingSchema>, pending: string, pendingDelete: boolean): z.infer<typeof outgoingSchema> {
    this.table.setPending(row.kind, row.local_id, pending, pendingDelete, true);
    this.table.setOutgoing(row.kind, row.local_id, JSON.stringify(write));
    return write;
  }
}
