// The outbox as the core offers it: compose, edit, cancel, retry, list; push
// runs on demand and, in the app, whenever the member is signed in and the
// portal is reachable; `outbox.changed` reports counts for the badge.
import { ContractError } from '../../../shared/contract';
import type { OutboxItem, OutboxKind, OutboxStatus } from '../../../shared/outbox';
import type { CorpusRecords } from '../db/corpus/records';
import type { OutboxTable } from '../db/user/outbox';
import type { AuthService } from './auth';
import { OutboxStore, type ListFilter } from './outbox-store';
import { DEFAULT_PUSH_OPTIONS, PushRun, type PushOptions, type PushRunResult } from './push';

export interface OutboxServiceOptions {
  push?: Partial<PushOptions>;
}

export class OutboxService {
  readonly store: OutboxStore;
  private current: { run: PushRun; done: Promise<PushRunResult>; controller: AbortController } | undefined;
  private auto: { afterDelivery: () => void } | undefined;
  private closed = false;

  constructor(
    data: { outbox: OutboxTable; records: CorpusRecords },
    private readonly auth: AuthService,
    private readonly emit: (status: OutboxStatus) => void,
    private readonly options: OutboxServiceOptions = {},
  ) {
    this.store = new OutboxStore(data.outbox, data.records);
    auth.listeners.push(() => {
      this.changed();
      if (this.auth.session()) this.kick();
    });
  }

  get pushing(): boolean {
    return this.current !== undefined;
  }

  status(): OutboxStatus {
    const counts = this.store.counts();
    return { counts, pending: counts.queued + counts.sending + counts.needsAttention + counts.restored, pushing: this.pushing, signInRequired: this.auth.status().signInRequired };
  }

  /** Tells the interface the outbox changed from outside (a restore replaced it). */
  changed(): void {
    this.emit(this.status());
  }

  list(filter: ListFilter): { items: OutboxItem[]; counts: OutboxStatus['counts'] } {
    return { items: this.store.list(filter), counts: this.store.counts() };
  }

  compose(kind: OutboxKind, draft: unknown): OutboxItem {
    const row = this.store.compose(kind, draft);
    this.changed();
    this.nudge();
    return this.store.present(row);
  }

  update(id: string, kind: OutboxKind, draft: unknown): OutboxItem {
    const row = this.store.update(id, kind, draft);
    this.changed();
    this.nudge();
    return this.store.present(row);
  }

  cancel(id: string): OutboxItem {
    const row = this.store.cancel(id);
    this.changed();
    this.current?.run.wake();
    return this.store.present(row);
  }

  confirmRestored(id: string): OutboxItem {
    const row = this.store.confirmRestored(id);
    this.changed();
    this.nudge();
    return this.store.present(row);
  }

  retry(id: string): OutboxItem {
    const row = this.store.retry(id);
    this.changed();
    this.nudge();
    return this.store.present(row);
  }

  /**
   * Runs one push to its end (see PushRun) and answers its outcome; a call
   * while one runs joins it. Throws when signed out.
   */
  push(overrides: Partial<PushOptions> = {}): Promise<PushRunResult> {
    if (this.current) return this.current.done;
    if (this.closed) return Promise.reject(new ContractError('unavailable', 'The core is closing'));
    const session = this.auth.session();
    if (!session) {
      const status = this.auth.status();
      return Promise.reject(new ContractError('unauthenticated', status.signInRequired ? 'Sign in again: the portal no longer accepts the stored session' : 'Sign in first: only members can post to the portal'));
    }
    // The token and the posts would travel in clear: nothing is sent, everything stays queued.
    const refusal = this.auth.portalRefusal(session.serverUrl);
    if (refusal) return Promise.reject(new ContractError('unavailable', refusal));
    const controller = new AbortController();
    const options = { ...DEFAULT_PUSH_OPTIONS, ...this.options.push, ...overrides };
    const run = new PushRun(this.store, session, options, controller.signal, () => this.changed(), (token) => this.auth.markRejected(token));
    // Registered before the run starts, so its first events already say that a push runs.
    const current: { run: PushRun; done: Promise<PushRunResult>; controller: AbortController } = { run, controller, done: Promise.resolve(undefined as never) };
    this.current = current;
    this.changed();
    const done = run.run().finally(() => {
      this.current = undefined;
      this.changed();
    });
    current.done = done;
    void done.then(
      (result) => {
        if (result.sent > 0) this.auto?.afterDelivery();
      },
      () => undefined,
    );
    return done;
  }

  /** Starts a push in the background (outbox.push); the outcome arrives as outbox.changed events. */
  start(): { started: boolean; reason?: string } {
    if (this.current) {
      // "Push now" during a run that waits out a backoff (the portal was down): try again now.
      this.store.clearBackoff();
      this.current.run.wake();
      return { started: false, reason: 'A push is already running' };
    }
    const session = this.auth.session();
    if (!session) return { started: false, reason: this.auth.status().signInRequired ? 'Sign-in required' : 'Not signed in' };
    const refusal = this.auth.portalRefusal(session.serverUrl);
    if (refusal) return { started: false, reason: refusal };
    this.store.clearBackoff();
    this.push().catch(() => undefined);
    return { started: true };
  }

  /** The app's mode: push whenever there is something to send and a session (the CLI pushes only when asked). */
  startAuto(afterDelivery: () => void): void {
    this.auto = { afterDelivery };
    this.nudge();
  }

  /** The portal is reachable again (or the member signed in): send what waits for backoff now. */
  kick(): void {
    if (!this.auto || this.closed) return;
    this.store.clearBackoff();
    if (this.current) this.current.run.wake();
    else this.nudge();
  }

  private nudge(): void {
    if (!this.auto || this.closed) return;
    if (this.current) {
      this.current.run.wake();
      return;
    }
    const session = this.auth.session();
    if (!session || this.auth.portalRefusal(session.serverUrl)) return;
    const counts = this.store.counts();
    if (counts.queued + counts.sending > 0) this.push().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.auto = undefined;
    this.current?.controller.abort();
    await this.current?.done.catch(() => undefined);
  }
}
