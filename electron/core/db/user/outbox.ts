// The outbox table of the user store: every statement the outbox runs, prepared
// once. Each write is one statement or one IMMEDIATE transaction, so a crash
// leaves every row in a state the push loop knows how to continue from.
import type { OutboxKind, OutboxState } from '../../../../shared/outbox';
import { allRows, prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

/** A row of the outbox table, with its kind and state typed (only the outbox writes them). */
export type OutboxRow = Omit<UserDatabase['outbox'], 'kind' | 'state'> & { kind: OutboxKind; state: OutboxState };

type Typed = { kind: OutboxKind; state: OutboxState };

/** What a new item is queued with; the rest (state, attempts, place in the lane) the table decides. */
export interface NewOutboxItem {
  id: string;
  kind: OutboxKind;
  idempotencyKey: string;
  payload: string;
  lane: string;
  at: string;
}

export interface OutboxRowFilter {
  kind?: OutboxKind;
  lane?: string;
  states?: OutboxState[];
}

function prepareOutbox({ db, sqlite }: Store<UserDatabase>) {
  const rows = () => db.selectFrom('outbox').selectAll().$narrowType<Typed>();
  return {
    byId: prepareQuery(sqlite, (args: { id: string }) => rows().where('id', '=', args.id)),
    // Restored items hold their lane's place until they are confirmed or discarded.
    pending: prepareQuery(sqlite, () => rows().where('state', 'in', ['queued', 'sending', 'needs_attention', 'restored']).orderBy('seq')),
    countsByState: prepareQuery(sqlite, () =>
      db
        .selectFrom('outbox')
        .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
        .groupBy('state'),
    ),
    nextSeq: prepareQuery(sqlite, () => db.selectFrom('outbox').select((eb) => eb(eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)), '+', eb.lit(1)).as('next'))),
    insert: prepareQuery(sqlite, (args: NewOutboxItem & { seq: number }) =>
      db.insertInto('outbox').values({
        id: args.id,
        kind: args.kind,
        idempotency_key: args.idempotencyKey,
        payload: args.payload,
        state: 'queued',
        attempts: 0,
        last_error: null,
        result: null,
        created_at: args.at,
        updated_at: args.at,
        lane: args.lane,
        seq: args.seq,
        next_attempt_at: null,
        delivery_unknown: 0,
        sent_at: null,
      }),
    ),
    requeueEdited: prepareQuery(sqlite, (args: { id: string; payload: string; lane: string; at: string }) =>
      db
        .updateTable('outbox')
        .set({ payload: args.payload, lane: args.lane, state: 'queued', last_error: null, next_attempt_at: null, updated_at: args.at })
        .where('id', '=', args.id),
    ),
    cancel: prepareQuery(sqlite, (args: { id: string; at: string }) =>
      db.updateTable('outbox').set({ state: 'cancelled', next_attempt_at: null, updated_at: args.at }).where('id', '=', args.id),
    ),
    confirmRestored: prepareQuery(sqlite, (args: { id: string; at: string }) =>
      db.updateTable('outbox').set({ state: 'queued', next_attempt_at: null, updated_at: args.at }).where('id', '=', args.id).where('state', '=', 'restored'),
    ),
    requeueNow: prepareQuery(sqlite, (args: { id: string; at: string }) =>
      db.updateTable('outbox').set({ state: 'queued', next_attempt_at: null, updated_at: args.at }).where('id', '=', args.id),
    ),
    clearBackoff: prepareQuery(sqlite, () =>
      db.updateTable('outbox').set({ next_attempt_at: null }).where('state', '=', 'queued').where('next_attempt_at', 'is not', null),
    ),
    markSending: prepareQuery(sqlite, (args: { id: string; payload: string; at: string }) =>
      db
        .updateTable('outbox')
        .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', eb.lit(1)), delivery_unknown: 1, updated_at: args.at }))
        .where('id', '=', args.id)
        .where('state', 'in', ['queued', 'sending'])
        .where('payload', '=', args.payload),
    ),
    markSent: prepareQuery(sqlite, (args: { id: string; result: string; at: string }) =>
      db
        .updateTable('outbox')
        .set({ state: 'sent', result: args.result, last_error: null, next_attempt_at: null, delivery_unknown: 0, sent_at: args.at, updated_at: args.at })
        .where('id', '=', args.id),
    ),
    markRetry: prepareQuery(sqlite, (args: { id: string; error: string; nextAttemptAt: string; deliveryUnknown: number; at: string }) =>
      db
        .updateTable('outbox')
        .set({ state: 'queued', last_error: args.error, next_attempt_at: args.nextAttemptAt, delivery_unknown: args.deliveryUnknown, updated_at: args.at })
        .where('id', '=', args.id),
    ),
    markNeedsAttention: prepareQuery(sqlite, (args: { id: string; message: string; at: string }) =>
      db
        .updateTable('outbox')
        .set({ state: 'needs_attention', last_error: args.message, next_attempt_at: null, delivery_unknown: 0, updated_at: args.at })
        .where('id', '=', args.id),
    ),
  };
}

export class OutboxTable {
  private readonly queries: ReturnType<typeof prepareOutbox>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.queries = prepareOutbox(store);
  }

  /** Runs `fn` in an IMMEDIATE transaction: a read, a check and a write that no other writer can come between. */
  immediate<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn).immediate();
  }

  get(id: string): OutboxRow | undefined {
    return this.queries.byId.get({ id });
  }

  /** Queued, sending, needing attention and restored, in written order. */
  pending(): OutboxRow[] {
    return this.queries.pending.all({});
  }

  /** How many items are in each state (a state no item is in is absent). */
  countsByState(): Array<{ state: string; n: number }> {
    return this.queries.countsByState.all({});
  }

  rows(filter: OutboxRowFilter): OutboxRow[] {
    let query = this.store.db.selectFrom('outbox').selectAll().$narrowType<Typed>().orderBy('seq');
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.lane) query = query.where('lane', '=', filter.lane);
    if (filter.states) query = query.where('state', 'in', filter.states);
    return allRows(this.store.sqlite, query);
  }

  /** Queues a new item at the end of the outbox, its place taken in the same transaction. */
  insertQueued(item: NewOutboxItem): void {
    this.immediate(() => {
      const seq = this.queries.nextSeq.get({})!.next;
      this.queries.insert.run({ ...item, seq });
    });
  }

  /** A new payload (and lane), back in the queue at once with no error. */
  requeueEdited(id: string, payload: string, lane: string, at: string): void {
    this.queries.requeueEdited.run({ id, payload, lane, at });
  }

  cancel(id: string, at: string): void {
    this.queries.cancel.run({ id, at });
  }

  /** A restored item the member confirmed: queued to be sent. False when it was not (or no longer) restored. */
  confirmRestored(id: string, at: string): boolean {
    return this.queries.confirmRestored.run({ id, at }).changes === 1;
  }

  /** Back in the queue, to go at the next push. */
  requeueNow(id: string, at: string): void {
    this.queries.requeueNow.run({ id, at });
  }

  /** Every queued item may go now. */
  clearBackoff(): void {
    this.queries.clearBackoff.run({});
  }

  /** Counts an attempt and marks the item as possibly delivered; false when it is no longer queued with this payload. */
  markSending(id: string, expectedPayload: string, at: string): boolean {
    return this.queries.markSending.run({ id, payload: expectedPayload, at }).changes === 1;
  }

  markSent(id: string, result: string, at: string): void {
    this.queries.markSent.run({ id, result, at });
  }

  markRetry(id: string, error: string, nextAttemptAt: string, deliveryUnknown: boolean, at: string): void {
    this.queries.markRetry.run({ id, error, nextAttemptAt, deliveryUnknown: deliveryUnknown ? 1 : 0, at });
  }

  markNeedsAttention(id: string, message: string, at: string): void {
    this.queries.markNeedsAttention.run({ id, message, at });
  }
}
