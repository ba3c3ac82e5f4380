// The outbox in the user's own store: every forum post or partner request the
// member composes, with the Idempotency-Key it was created with (reused on every
// retry), its lane and place in it, and its delivery state. Each change is one
// SQLite statement or transaction, so a crash leaves every row in a state the
// push loop knows how to continue from.
import type Database from 'better-sqlite3';
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
import type { UserDatabase } from '../db/schema';

/** A row of the outbox table, with its kind and state typed. */
export type OutboxRow = Omit<UserDatabase['outbox'], 'kind' | 'state'> & { kind: OutboxKind; state: OutboxState };

/** States an item can still leave by being sent. */
export const PENDING_STATES: readonly OutboxState[] = ['queued', 'sending', 'needs_attention'];

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

export class OutboxStore {
  private readonly byId: Database.Statement<[string], OutboxRow>;
  private readonly pendingRows: Database.Statement<[], OutboxRow>;
  private readonly countRows: Database.Statement<[], { state: OutboxState; n: number }>;
  private readonly corpusHas: Database.Statement<[string, string], { one: number }>;

  constructor(
    private readonly user: Database.Database,
    corpus: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.byId = user.prepare('SELECT * FROM outbox WHERE id = ?');
    this.pendingRows = user.prepare(`SELECT * FROM outbox WHERE state IN ('queued', 'sending', 'needs_attention') ORDER BY seq`);
    this.countRows = user.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state');
    this.corpusHas = corpus.prepare('SELECT 1 AS one FROM records WHERE type = ? AND id = ?');
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  get(id: string): OutboxRow | undefined {
    return this.byId.get(id);
  }

  require(id: string): OutboxRow {
    const row = this.get(id);
    if (!row) throw new ContractError('not_found', `No outbox item with id ${JSON.stringify(id)}`);
    return row;
  }

  /** Validates the draft and queues it, key and place in its lane included, in one transaction. */
  compose<K extends OutboxKind>(kind: K, draft: unknown): OutboxRow {
    const parsed = draftSchemas[kind].safeParse(draft);
    if (!parsed.success) {
      throw new ContractError('invalid_arguments', `Invalid ${kind}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(draft)'}: ${i.message}`).join('; ')}`);
    }
    const payload = parsed.data as OutboxPayload;
    const id = `outbox-${randomUUID()}`;
    const at = this.stamp();
    const insert = this.user.transaction(() => {
      const { next } = this.user.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM outbox').get() as { next: number };
      this.user
        .prepare(
          `INSERT INTO outbox (id, kind, idempotency_key, payload, state, attempts, last_error, result, created_at, updated_at, lane, seq, next_attempt_at, delivery_unknown, sent_at)
           VALUES (?, ?, ?, ?, 'queued', 0, NULL, NULL, ?, ?, ?, ?, NULL, 0, NULL)`,
        )
        .run(id, kind, randomUUID(), JSON.stringify(payload), at, at, laneOf(kind, payload, id), next);
    });
    insert.immediate();
    return this.require(id);
  }

  /** Replaces the payload of an editable item; a refused one goes back to the queue with the same key. */
  update(id: string, kind: OutboxKind, draft: unknown): OutboxRow {
    const parsed = draftSchemas[kind].safeParse(draft);
    if (!parsed.success) {
      throw new ContractError('invalid_arguments', `Invalid ${kind}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(draft)'}: ${i.message}`).join('; ')}`);
    }
    const payload = parsed.data as OutboxPayload;
    const run = this.user.transaction(() => {
      const row = this.require(id);
      if (row.kind !== kind) throw new ContractError('invalid_arguments', `Outbox item ${id} is a ${row.kind}, not a ${kind}`);
      if (!isEditable(row)) throw refusalToEdit(row, 'edited');
      this.user
        .prepare(`UPDATE outbox SET payload = ?, lane = ?, state = 'queued', last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`)
        .run(JSON.stringify(payload), laneOf(kind, payload, id), this.stamp(), id);
    });
    run.immediate();
    return this.require(id);
  }

  cancel(id: string): OutboxRow {
    const run = this.user.transaction(() => {
      const row = this.require(id);
      if (!isEditable(row)) throw refusalToEdit(row, 'cancelled');
      this.user.prepare(`UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(this.stamp(), id);
    });
    run.immediate();
    return this.require(id);
  }

  /** Queues a waiting or refused item for the next push, at once. */
  retry(id: string): OutboxRow {
    const run = this.user.transaction(() => {
      const row = this.require(id);
      if (row.state === 'sent' || row.state === 'cancelled') throw new ContractError('conflict', `Outbox item ${id} is ${row.state}: there is nothing to retry`);
      if (row.state === 'sending') throw new ContractError('conflict', `Outbox item ${id} is being sent right now`);
      this.user.prepare(`UPDATE outbox SET state = 'queued', next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(this.stamp(), id);
    });
    run.immediate();
    return this.require(id);
  }

  /** Every queued item may go now (the portal just came back, or the member asked to push). */
  clearBackoff(): void {
    this.user.prepare(`UPDATE outbox SET next_attempt_at = NULL WHERE state = 'queued' AND next_attempt_at IS NOT NULL`).run();
  }

  /** The first unsent item of each lane, in written order: only these may be sent. */
  laneHeads(): OutboxRow[] {
    const heads = new Map<string, OutboxRow>();
    for (const row of this.pendingRows.all()) if (!heads.has(row.lane)) heads.set(row.lane, row);
    return [...heads.values()];
  }

  /**
   * Marks the item as on its way, before the request leaves: after a crash it is
   * found in `sending` and resent with the same key. Undefined when the item
   * changed meanwhile (cancelled, edited into another lane's place, or sent).
   */
  markSending(id: string, expectedPayload: string): OutboxRow | undefined {
    const changes = this.user
      .prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, delivery_unknown = 1, updated_at = ? WHERE id = ? AND state IN ('queued', 'sending') AND payload = ?`)
      .run(this.stamp(), id, expectedPayload).changes;
    return changes === 1 ? this.get(id) : undefined;
  }

  markSent(id: string, result: OutboxResult): void {
    const at = this.stamp();
    this.user
      .prepare(`UPDATE outbox SET state = 'sent', result = ?, last_error = NULL, next_attempt_at = NULL, delivery_unknown = 0, sent_at = ?, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(result), at, at, id);
  }

  /** Back to the queue after a failure. `deliveryUnknown` says whether the portal may have committed it. */
  markRetry(id: string, error: string, nextAttemptAt: Date, deliveryUnknown: boolean): void {
    this.user
      .prepare(`UPDATE outbox SET state = 'queued', last_error = ?, next_attempt_at = ?, delivery_unknown = ?, updated_at = ? WHERE id = ?`)
      .run(error, nextAttemptAt.toISOString(), deliveryUnknown ? 1 : 0, this.stamp(), id);
  }

  /** The portal refused it (and committed nothing): it waits, with the portal's reason, for an edit or a cancel. */
  markNeedsAttention(id: string, message: string): void {
    this.user
      .prepare(`UPDATE outbox SET state = 'needs_attention', last_error = ?, next_attempt_at = NULL, delivery_unknown = 0, updated_at = ? WHERE id = ?`)
      .run(message, this.stamp(), id);
  }

  counts(): OutboxCounts {
    const counts: OutboxCounts = { queued: 0, sending: 0, needsAttention: 0, sent: 0, cancelled: 0 };
    for (const { state, n } of this.countRows.all()) {
      if (state === 'needs_attention') counts.needsAttention = n;
      else if (state in counts) counts[state as Exclude<keyof OutboxCounts, 'needsAttention'>] = n;
    }
    return counts;
  }

  rows(filter: Omit<ListFilter, 'includeSynced'> = {}): OutboxRow[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.threadId) {
      where.push('lane = ?');
      params.push(`thread:${filter.threadId}`);
    }
    if (filter.states) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    return this.user.prepare(`SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`).all(...params) as OutboxRow[];
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
      synced: result !== null && this.corpusHas.get(result.type, result.id) !== undefined,
      editable: isEditable(row),
    } as OutboxItem;
  }
}
