// Member sync as the core offers it: enable (make or unwrap the master key),
// disable, change the passphrase (re-wrap only), sync now and in the
// background, the device list, pending edits and conflicts. The unwrapped key
// is kept like the session token (a TokenStore: 0600 file, or encrypted under
// main's safeStorage key in the app), never in the user store.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ContractError } from '../../../shared/contract';
import { memberItemKind, type MemberKeyring } from '../../../shared/member-items';
import { MEMBER_SYNC_KINDS, type MemberSyncConflict, type MemberSyncStatus } from '../../../shared/member-sync';
import type { MemberSyncTable } from '../db/user/member-sync';
import { fetchKeyring, MemberStoreError, putKeyring, type MemberStoreSession } from '../portal/member-items';
import type { AuthService } from '../outbox/auth';
import type { TokenStore } from '../outbox/token-store';
import { deriveWrappingKey, ItemKeys, newKdf, newMasterKey, PASSPHRASE_KDF_COST, SealError, TEST_KDF_COST, unwrapMasterKey, wrapMasterKey, type MasterKey } from './crypto';
import { conflictsOf, effective, fieldsSchema, resolvedEntry, valuesOf, type Fields } from './documents';
import { DEFAULT_ENGINE_OPTIONS, MemberSyncEngine, type EngineOptions, type RunResult } from './engine';
import type { LocalKinds } from './local-items';

export interface MemberSyncOptions {
  engine?: Partial<EngineOptions>;
  /** Tests only: scrypt at the lowest cost the wire format allows (N=2^14) instead of N=2^17, so a test derives in milliseconds. */
  weakKdfForTests?: boolean;
  /** How often the background checks for edits to push (and pulls, every PULL_EVERY checks). */
  checkIntervalMs?: number;
}

const storedKey = z.object({ memberId: z.string(), serverUrl: z.string(), keyId: z.string(), key: z.base64() }).strict();
const storedError = z.object({ code: z.string(), message: z.string() });
const PULL_EVERY = 12;
/** A device's "last seen" is written at most this often: not one write per sync. */
const LAST_SEEN_EVERY_MS = 10 * 60_000;
/** How long the portal's "no key yet" is believed before a status read asks again. */
const PORTAL_KEY_RECHECK_MS = 3_000;

export const WRONG_PASSPHRASE = 'This passphrase does not open your synced notes. Enter the passphrase you chose when you first enabled sync.';
export const NOT_SIGNED_IN = 'Sign in to the portal first: your notes and collections sync through your member account.';
export const NOT_ENABLED = 'Sync of your notes and collections is not enabled on this computer.';

export class MemberSyncService {
  private running: Promise<RunResult | null> | undefined;
  private controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;
  private lastEmitted = '';
  private closed = false;
  /** What the portal answered for the signed-in member's keyring, by `serverUrl member`, and when it was asked. */
  private portalKey: { session: string; has: boolean | null; askedAt: number; asking: boolean } | undefined;

  constructor(
    private readonly table: MemberSyncTable,
    private readonly kinds: LocalKinds,
    private readonly auth: AuthService,
    private readonly keyStore: TokenStore,
    private readonly emit: (status: MemberSyncStatus) => void,
    private readonly options: MemberSyncOptions = {},
  ) {
    auth.listeners.push(() => this.changed());
  }

  private session(): (MemberStoreSession & { memberId: string; memberName: string }) | null {
    const session = this.auth.session();
    if (!session || this.auth.portalRefusal(session.serverUrl)) return null;
    return { serverUrl: session.serverUrl, token: session.token, memberId: session.member.id, memberName: session.member.displayName };
  }

  /** The master key of the signed-in member on this portal, if this device holds it. */
  private masterKey(): (MasterKey & { memberId: string }) | null {
    const raw = this.keyStore.load();
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null; // A damaged key file: as if sync were off here; enabling again replaces it.
    }
    const parsed = storedKey.safeParse(json);
    if (!parsed.success) return null;
    const session = this.auth.session();
    if (session && (session.member.id !== parsed.data.memberId || session.serverUrl !== parsed.data.serverUrl)) return null;
    return { memberId: parsed.data.memberId, keyId: parsed.data.keyId, key: Buffer.from(parsed.data.key, 'base64') };
  }

  private deviceId(): string {
    let id = this.table.readState('deviceId');
    if (!id) {
      id = randomUUID();
      this.table.writeState('deviceId', id);
    }
    return id;
  }

  private deviceFields(): Array<{ id: string; fields: Fields }> {
    return this.table.ofKind('device').map((row) => ({ id: row.local_id, fields: effective(fieldsSchema.parse(JSON.parse(row.remote_doc ?? '{}')), fieldsSchema.parse(JSON.parse(row.pending))) }));
  }

  private deviceName = (id: string): string => {
    if (id === this.table.readState('deviceId')) return this.table.readState('deviceName') ?? 'This computer';
    const device = this.deviceFields().find((entry) => entry.id === id);
    const name = device?.fields.name?.value;
    return typeof name === 'string' ? name : 'Another computer';
  };

  /**
   * Whether the portal holds the member's key (for the enable dialog's wording), as last asked. A status
   * read by the interface (`fresh`) asks again in the background when the last answer was "no key yet" and
   * is a few seconds old: another computer may have turned sync on since. The background's ticks never ask.
   */
  private portalHasKey(session: MemberStoreSession & { memberId: string }, enabled: boolean, fresh: boolean): boolean | null {
    if (enabled) return true;
    const key = `${session.serverUrl} ${session.memberId}`;
    const known = this.portalKey?.session === key ? this.portalKey : undefined;
    if (known && (!fresh || known.has === true || known.asking || Date.now() - known.askedAt < PORTAL_KEY_RECHECK_MS)) return known.has;
    const entry = { session: key, has: known?.has ?? null, askedAt: Date.now(), asking: true };
    this.portalKey = entry;
    fetchKeyring(session, { timeoutMs: this.engineOptions().timeoutMs }).then(
      (keyring) => {
        entry.asking = false;
        if (this.portalKey !== entry || this.closed) return;
        entry.has = keyring !== null;
        this.changed();
      },
      // Unknown (offline, refused): asked again at a later read.
      () => {
        entry.asking = false;
      },
    );
    return entry.has;
  }

  /** `fresh`: read by the interface, so worth asking the portal again what may have changed there. */
  status(fresh = false): MemberSyncStatus {
    const session = this.session();
    const enabled = this.table.readState('enabled') === '1' && this.masterKey() !== null;
    const thisId = this.table.readState('deviceId') ?? null;
    const thisName = this.table.readState('deviceName') ?? '';
    const thisSeen = this.table.readState('lastSeenAt') ?? new Date(0).toISOString();
    const pending = { annotation: 0, collection: 0, 'saved-search': 0, settings: 0 };
    for (const { kind, n } of this.table.dirtyCounts()) if ((MEMBER_SYNC_KINDS as readonly string[]).includes(kind)) pending[kind as keyof typeof pending] = n;
    const error = storedError.safeParse(JSON.parse(this.table.readState('lastError') ?? 'null'));
    return {
      enabled,
      signedIn: session !== null,
      memberName: session?.memberName ?? null,
      thisDevice: thisId && enabled ? { id: thisId, name: thisName } : null,
      portalHasKey: session ? this.portalHasKey(session, enabled, fresh) : null,
      // This computer's own entry says what this computer knows of itself even before its first push.
      devices: this.deviceFields().map(({ id, fields }) => ({
        id,
        name: typeof fields.name?.value === 'string' ? fields.name.value : id === thisId ? thisName : '',
        lastSeenAt: typeof fields.lastSeenAt?.value === 'string' ? fields.lastSeenAt.value : id === thisId ? thisSeen : new Date(0).toISOString(),
        thisDevice: id === thisId,
      })),
      lastSyncAt: this.table.readState('lastSyncAt') ?? null,
      lastError: error.success ? error.data : null,
      syncing: this.running !== undefined,
      pending,
      conflicts: this.conflicts().length,
    };
  }

  /** Tells the interface when the status changed. */
  changed(): void {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.emit(status);
  }

  private requireSession() {
    const session = this.session();
    if (!session) throw new ContractError('not_signed_in', NOT_SIGNED_IN);
    return session;
  }

  private portalCall<T>(call: Promise<T>): Promise<T> {
    return call.catch((error: unknown) => {
      if (error instanceof MemberStoreError && error.kind === 'unauthenticated') throw new ContractError('not_signed_in', NOT_SIGNED_IN);
      if (error instanceof MemberStoreError && error.retryable) throw new ContractError('unavailable', `The portal cannot be reached now (${error.message}); try again when it is online.`);
      throw new ContractError('failed', error instanceof Error ? error.message : String(error));
    });
  }

  private kdfCost() {
    return this.options.weakKdfForTests ? TEST_KDF_COST : PASSPHRASE_KDF_COST;
  }

  private async unwrap(keyring: MemberKeyring, passphrase: string, memberId: string): Promise<MasterKey> {
    try {
      return unwrapMasterKey(keyring.wrappedKey, await deriveWrappingKey(passphrase, keyring.kdf), memberId);
    } catch (error) {
      if (error instanceof SealError) throw new ContractError('wrong_passphrase', WRONG_PASSPHRASE);
      throw error;
    }
  }

  /** First device: makes the master key and stores it wrapped; a later device: unwraps it with the passphrase. */
  async enable(passphrase: string, deviceName: string): Promise<MemberSyncStatus> {
    const session = this.requireSession();
    const timeout = { timeoutMs: this.engineOptions().timeoutMs };
    const keyring = await this.portalCall(fetchKeyring(session, timeout));
    let master: MasterKey;
    if (keyring === null) {
      master = newMasterKey();
      const kdf = newKdf(this.kdfCost());
      const wrappedKey = wrapMasterKey(master, await deriveWrappingKey(passphrase, kdf), session.memberId);
      const answer = await this.portalCall(putKeyring(session, JSON.stringify({ baseVersion: 0, kdf, wrappedKey }), randomUUID(), timeout));
      // Another first device won the race: join its key instead.
      if (answer.kind === 'conflict' && answer.current) master = await this.unwrap(answer.current, passphrase, session.memberId);
    } else {
      master = await this.unwrap(keyring, passphrase, session.memberId);
    }
    const previous = this.table.readState('keyId');
    const previousMember = this.table.readState('memberId');
    this.table.immediate(() => {
      // Another member or another key: what this device knew of the portal's items no longer holds; everything goes again.
      if (previous !== master.keyId || previousMember !== session.memberId) {
        this.table.forgetRemote(new Date().toISOString());
        this.table.deleteState('cursor');
      }
      const deviceId = this.deviceId();
      this.table.writeState('enabled', '1');
      this.table.writeState('deviceName', deviceName);
      this.table.writeState('memberId', session.memberId);
      this.table.writeState('keyId', master.keyId);
      this.table.writeState('lastSeenAt', new Date().toISOString());
      this.table.deleteState('lastError');
      this.table.ensure('device', deviceId, true, new Date().toISOString());
      this.table.markDirty('device', deviceId, new Date().toISOString());
    });
    this.keyStore.save(JSON.stringify({ memberId: session.memberId, serverUrl: session.serverUrl, keyId: master.keyId, key: master.key.toString('base64') }));
    this.portalKey = { session: `${session.serverUrl} ${session.memberId}`, has: true, askedAt: Date.now(), asking: false };
    this.start();
    return this.status();
  }

  /** Stops syncing and forgets the key here; the local data and the journal of edits stay. */
  async disable(): Promise<MemberSyncStatus> {
    this.controller.abort();
    await this.running;
    this.controller = new AbortController();
    this.keyStore.delete();
    this.table.writeState('enabled', '0');
    this.changed();
    return this.status();
  }

  /** Re-wraps the master key under `next` (compare-and-swap on the keyring's version); no item is re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<MemberSyncStatus> {
    const session = this.requireSession();
    const held = this.masterKey();
    if (!held || this.table.readState('enabled') !== '1') throw new ContractError('not_enabled', NOT_ENABLED);
    const timeout = { timeoutMs: this.engineOptions().timeoutMs };
    const keyring = await this.portalCall(fetchKeyring(session, timeout));
    if (!keyring) throw new ContractError('failed', 'The portal holds no key for your notes any more: enable sync again.');
    const master = await this.unwrap(keyring, current, session.memberId);
    if (master.keyId !== held.keyId) throw new ContractError('conflict', 'Your notes are now sealed with another key (set up again on another computer): disable and enable sync here.');
    const kdf = newKdf(this.kdfCost());
    const wrappedKey = wrapMasterKey(master, await deriveWrappingKey(next, kdf), session.memberId);
    const answer = await this.portalCall(putKeyring(session, JSON.stringify({ baseVersion: keyring.version, kdf, wrappedKey }), randomUUID(), timeout));
    if (answer.kind === 'conflict') throw new ContractError('conflict', 'The passphrase was changed on another computer at the same time: use the new passphrase, or try again.');
    return this.status();
  }

  private engineOptions(): EngineOptions {
    return { ...DEFAULT_ENGINE_OPTIONS, ...this.options.engine };
  }

  private keysAndSession(): { keys: ItemKeys; session: MemberStoreSession } | null {
    if (this.table.readState('enabled') !== '1') return null;
    const session = this.session();
    const master = this.masterKey();
    if (!session || !master) return null;
    return { keys: new ItemKeys(master, session.memberId), session };
  }

  /** Runs one sync to its end (a call while one runs joins it); null when sync is not enabled or nobody is signed in. */
  sync(): Promise<RunResult | null> {
    if (this.running) return this.running;
    const ready = this.keysAndSession();
    if (!ready || this.closed) return Promise.resolve(null);
    const deviceId = this.deviceId();
    const engine = new MemberSyncEngine(this.table, this.kinds, { id: deviceId, name: this.table.readState('deviceName') ?? '' }, this.deviceName, this.engineOptions());
    const lastSeen = Date.parse(this.table.readState('lastSeenAt') ?? '0');
    if (Date.now() - lastSeen > LAST_SEEN_EVERY_MS) {
      this.table.writeState('lastSeenAt', new Date().toISOString());
      this.table.ensure('device', deviceId, true, new Date().toISOString());
      this.table.markDirty('device', deviceId, new Date().toISOString());
    }
    const run = engine
      .run(ready.session, ready.keys, this.controller.signal)
      .then((result) => {
        this.record(result);
        return result;
      })
      .catch((error: unknown) => {
        const unauthenticated = error instanceof MemberStoreError && error.kind === 'unauthenticated';
        const code = unauthenticated ? 'not_signed_in' : error instanceof MemberStoreError && error.retryable ? 'portal_unreachable' : 'portal_refused';
        this.table.writeState('lastError', JSON.stringify({ code, message: unauthenticated ? NOT_SIGNED_IN : error instanceof Error ? error.message : String(error) }));
        return null;
      })
      .finally(() => {
        this.running = undefined;
        this.changed();
      });
    this.running = run;
    this.changed();
    return run;
  }

  private record(result: RunResult): void {
    this.table.writeState('lastSyncAt', new Date().toISOString());
    const problem = result.unauthenticated
      ? { code: 'not_signed_in', message: NOT_SIGNED_IN }
      : result.skipped > 0
        ? { code: 'invalid_item', message: `${result.skipped} item(s) from the portal could not be read and were skipped; nothing stored here was changed.` }
        : result.refused > 0
          ? { code: 'portal_refused', message: `The portal refused ${result.refused} change(s), which stay on this computer: ${result.refusal}` }
          : result.failed > 0
            ? { code: 'portal_unreachable', message: `${result.failed} change(s) could not be sent yet; they will be sent again.` }
            : null;
    if (problem) this.table.writeState('lastError', JSON.stringify(problem));
    else this.table.deleteState('lastError');
  }

  /** syncNow: starts a sync in the background; the outcome arrives as memberSync.changed. */
  start(): MemberSyncStatus {
    if (this.table.readState('enabled') !== '1' || !this.masterKey()) throw new ContractError('not_enabled', NOT_ENABLED);
    this.table.clearBackoff();
    void this.sync();
    return this.status();
  }

  /** The app's mode: push edits within a few seconds, pull now and then (the CLI and tests sync when asked). */
  startBackground(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      this.ticks += 1;
      const due = this.ticks % PULL_EVERY === 0 || this.table.dirty().some((row) => row.next_attempt_at === null || Date.parse(row.next_attempt_at) <= Date.now());
      if (due) void this.sync();
      else this.changed();
    }, this.options.checkIntervalMs ?? 5000);
    this.timer.unref();
  }

  conflicts(): MemberSyncConflict[] {
    const conflicts: MemberSyncConflict[] = [];
    for (const row of this.table.withConflicts()) {
      const kind = memberItemKind.safeParse(row.kind);
      if (!kind.success || kind.data === 'device' || row.item_id === null) continue;
      const fields = effective(fieldsSchema.parse(JSON.parse(row.remote_doc ?? '{}')), fieldsSchema.parse(JSON.parse(row.pending)));
      const title = this.kinds[kind.data].title(valuesOf(fields));
      for (const { field, texts } of conflictsOf(fields)) {
        conflicts.push({ itemId: row.item_id, kind: kind.data, title, field, versions: texts.map((text) => ({ text: text.text, deviceName: text.deviceName, editedAt: text.at })) });
      }
    }
    return conflicts;
  }

  /** Keeps `text` for the conflicted field: written locally and pushed like any edit. */
  resolveConflict(itemId: string, field: string, text: string): { remaining: number } {
    const row = this.table.byItemId(itemId);
    const kind = row ? memberItemKind.safeParse(row.kind) : undefined;
    if (!row || !kind?.success || kind.data === 'device') throw new ContractError('not_found', 'No synced item has this id.');
    const remote = fieldsSchema.parse(JSON.parse(row.remote_doc ?? '{}'));
    const pending = fieldsSchema.parse(JSON.parse(row.pending));
    const current = effective(remote, pending)[field];
    if (!current?.conflict) throw new ContractError('not_found', 'This text has no conflict to merge (it may have been merged on another computer).');
    const now = new Date().toISOString();
    const next = { ...pending, [field]: resolvedEntry(current, text, { id: this.deviceId(), name: this.table.readState('deviceName') ?? '' }, now) };
    const local = this.kinds[kind.data];
    this.table.immediate(() => {
      local.write(row.local_id, valuesOf(effective(remote, next)));
      this.table.setPending(row.kind, row.local_id, JSON.stringify(next), false, true);
    });
    this.changed();
    if (this.keysAndSession()) void this.sync();
    return { remaining: this.conflicts().length };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.controller.abort();
    await this.running;
  }
}
