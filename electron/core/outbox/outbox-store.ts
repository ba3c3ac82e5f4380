// The outbox in the user's own store: every forum post or partner request the
// member composes, with the Idempotency-Key it was created with (reused on every
// retry), its lane and place in it, and its delivery state. The rules of which
// item may be edited, cancelled or retried live here; the statements (each change
// one statement or transaction, crash-safe) in db/user/outbox.ts.
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../shared/contract';
import {
  draftSchemas,
  outboxResultSchema,
  type OutboxCounts,
  type OutboxItem,
  type OutboxKind,
  type OutboxPayload,
  type OutboxResult,
  type OutboxState,
} from '../../../shared/outbox';
import type { CorpusRecords } from '../db/corpus/records';
import type { OutboxRow, OutboxTable } from '../db/user/outbox';

export type { OutboxRow } from '../db/user/outbox';

/** States an item can still leave by being sent. */
export const PENDING_STATES: readonly OutboxState[] = ['queued', 'sending', 'needs_attention', 'restored'];

/** A reply waits for the replies before it in its thread; a new thread or partner request has a lane of its own. */
export function laneOf(kind: OutboxKind, payload: OutboxPayload, itemId: string): string {
  if (kind === 'forum.reply') return `thread:${(payload as { threadId: string }).threadId}`;
  return `${kind}:${itemId}`;
}

/** Editing or cancelling is safe only for an item nothing of which may have reached the portal. */
export function isEditable(row: Pick<OutboxRow, 'state' | 'delivery_unknown'>): boolean {
  return (row.state === 'queued' || row.state === 'needs_attention') && row.delivery_unknown === 0;
}

function refusalToEdit(row: OutboxRow, verb: string): ContractError {
  if (row.state === 'sent') return new ContractError('conflict', `Outbox item ${row.id} was already sent and cannot be ${verb}`);
  if (row.state === 'cancelled') return new ContractError('conflict', `Outbox item ${row.id} was cancelled`);
  if (row.state === 'sending') return new ContractError('conflict', `Outbox item ${row.id} is being sent right now and cannot be ${verb}`);
  return new ContractError(
    'conflict',
    `Outbox item ${row.id} may already have reached the portal (an attempt got no answer: ${row.last_error ?? 'unknown'}); it cannot be ${verb} until a push settles it`,
  );
}

export interface ListFilter {
  threadId?: string;
  kind?: OutboxKind;
  states?: OutboxState[];
  includeSynced: boolean;
}

/** Where each state is counted. */
const COUNT_OF_STATE = new Map<string, keyof OutboxCounts>([
  ['queued', 'queued'],
  ['sending', 'sending'],
  ['needs_attention', 'needsAttention'],
  ['sent', 'sent'],
  ['cancelled', 'cancelled'],
  ['restored', 'restored'],
]);

function parseDraft(kind: OutboxKind, draft: unknown): OutboxPayload {
  const parsed = draftSchemas[kind].safeParse(draft);
  if (!parsed.success) {
    throw new ContractError('invalid_arguments', `Invalid ${kind}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(draft)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as OutboxPayload;
}

export class OutboxStore {
  constructor(
    private readonly table: OutboxTable,
    /** The corpus, where a sent item's record arrives with the next sync. */
    private readonly records: CorpusRecords,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  get(id: string): OutboxRow | undefined {
    return this.table.get(id);
  }

  require(id: string): OutboxRow {
    const row = this.get(id);
    if (!row) throw new ContractError('not_found', `No outbox item with id ${JSON.stringify(id)}`);
    return row;
  }

  /** Validates the draft and queues it, key and place in its lane included, in one transaction. */
  compose<K extends OutboxKind>(kind: K, draft: unknown): OutboxRow {
    const payload = parseDraft(kind, draft);
    const id = `outbox-${randomUUID()}`;
    this.table.insertQueued({ id, kind, idempotencyKey: randomUUID(), payload: JSON.stringify(payload), lane: laneOf(kind, payload, id), at: this.stamp() });
    return this.require(id);
  }

  /** Replaces the payload of an editable item; a refused one goes back to the queue with the same key. */
  update(id: string, kind: OutboxKind, draft: unknown): OutboxRow {
    const payload = parseDraft(kind, draft);
    this.table.immediate(() => {
      const row = this.require(id);
      if (row.kind !== kind) throw new ContractError('invalid_arguments', `Outbox item ${id} is a ${row.kind}, not a ${kind}`);
      if (!isEditable(row)) throw refusalToEdit(row, 'edited');
      this.table.requeueEdited(id, JSON.stringify(payload), laneOf(kind, payload, id), this.stamp());
    });
    return this.require(id);
  }

  /** Withdraws an editable item, or discards a restored one (it was never sent from here). */
  cancel(id: string): OutboxRow {
    this.table.immediate(() => {
      const row = this.require(id);
      if (row.state !== 'restored' && !isEditable(row)) throw refusalToEdit(row, 'cancelled');
      this.table.cancel(id, this.stamp());
    });
    return this.require(id);
  }

  /** The member confirms an item restored from a backup: from now on it is theirs to send. */
  confirmRestored(id: string): OutboxRow {
    this.table.immediate(() => {
      const row = this.require(id);
      if (row.state !== 'restored') throw new ContractError('conflict', `Outbox item ${id} is ${row.state}, not waiting for confirmation after a restore`);
      this.table.confirmRestored(id, this.stamp());
    });
    return this.require(id);
  }

  /** Queues a waiting or refused item for the next push, at once. */
  retry(id: string): OutboxRow {
    this.table.immediate(() => {
      const row = this.require(id);
      if (row.state === 'sent' || row.state === 'cancelled') throw new ContractError('conflict', `Outbox item ${id} is ${row.state}: there is nothing to retry`);
      if (row.state === 'restored') throw new ContractError('conflict', `Outbox item ${id} came from a backup: confirm it before it is sent`);
      if (row.state === 'sending') throw new ContractError('conflict', `Outbox item ${id} is being sent right now`);
      this.table.requeueNow(id, this.stamp());
    });
    return this.require(id);
  }

  /** Every queued item may go now (the portal just came back, or the member asked to push). */
  clearBackoff(): void {
    this.table.clearBackoff();
  }

  /** The first unsent item of each lane, in written order: only these may be sent (a restored one only once confirmed). */
  laneHeads(): OutboxRow[] {
    const heads = new Map<string, OutboxRow>();
    for (const row of this.table.pending()) if (!heads.has(row.lane)) heads.set(row.lane, row);
    return [...heads.values()];
  }

  /**
   * Marks the item as on its way, before the request leaves: after a crash it is
   * found in `sending` and resent with the same key. Undefined when the item
   * changed meanwhile (cancelled, edited into another lane's place, or sent).
   */
  markSending(id: string, expectedPayload: string): OutboxRow | undefined {
    return this.table.markSending(id, expectedPayload, this.stamp()) ? this.get(id) : undefined;
  }

  markSent(id: string, result: OutboxResult): void {
    this.table.markSent(id, JSON.stringify(result), this.stamp());
  }

  /** Back to the queue after a failure. `deliveryUnknown` says whether the portal may have committed it. */
  markRetry(id: string, error: string, nextAttemptAt: Date, deliveryUnknown: boolean): void {
    this.table.markRetry(id, error, nextAttemptAt.toISOString(), deliveryUnknown, this.stamp());
  }

  /** The portal refused it (and committed nothing): it waits, with the portal's reason, for an edit or a cancel. */
  markNeedsAttention(id: string, message: string): void {
    this.table.markNeedsAttention(id, message, this.stamp());
  }

  counts(): OutboxCounts {
    const counts: OutboxCounts = { queued: 0, sending: 0, needsAttention: 0, sent: 0, cancelled: 0, restored: 0 };
    for (const { state, n } of this.table.countsByState()) {
      const key = COUNT_OF_STATE.get(state);
      if (key) counts[key] = n;
    }
    return counts;
  }

  rows(filter: Omit<ListFilter, 'includeSynced'> = {}): OutboxRow[] {
    return this.table.rows({ kind: filter.kind, lane: filter.threadId ? `thread:${filter.threadId}` : undefined, states: filter.states });
  }

  /** The contract's view of the outbox; with includeSynced false, a sent item gives way to its synced copy. */
  list(filter: ListFilter): OutboxItem[] {
    return this.rows(filter)
      .map((row) => this.present(row))
      .filter((item) => filter.includeSynced || !item.synced);
  }

  present(row: OutboxRow): OutboxItem {
    const result = row.result === null ? null : outboxResultSchema.parse(JSON.parse(row.result));
    return {
      id: row.id,
      kind: row.kind,
      payload: JSON.parse(row.payload),
      state: row.state,
      lane: row.lane,
      seq: row.seq,
      idempotencyKey: row.idempotency_key,
      attempts: row.attempts,
      lastError: row.last_error,
      result,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sentAt: row.sent_at,
      nextAttemptAt: row.next_attempt_at,
      deliveryUnknown: row.delivery_unknown === 1,
      synced: result !== null && this.records.exists(result.type, result.id),
      editable: isEditable(row),
    } as OutboxItem;
  }
}
