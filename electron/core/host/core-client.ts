import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createContractClient, type Envelope, type EwsiApi, type MethodName } from '../../../shared/contract';
import { CORE_ENV, fromCoreSchema, type ToCore } from './protocol';

/** The two ends a host needs of a core process, whatever started it. */
export interface CoreChannel {
  send(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** What the host hands the core when it asks (`waiting`), over the channel, never in the environment. */
export interface CoreInitOptions {
  /** The 32-byte key for the session token (the app's main gives one; none keeps the token in a 0600 file). */
  tokenKey?: Buffer;
  /** What protects that key: the OS keychain (default), or safeStorage's basic_text store on Linux without a keyring. */
  tokenProtection?: 'keychain' | 'basic-text';
  /** Tests only: the public key (PEM) update info must be signed with, in place of the release key. */
  updateSigningKeyForTests?: string;
}

/** Talks to a core process: pairs each call with its answer by id. */
export class CoreClient {
  readonly api: EwsiApi;
  readonly ready: Promise<void>;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope) => void>();
  private exited: string | undefined;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  /** `tokenKey`: the key the core encrypts the session token with (and what protects it), handed over the channel when the core asks. */
  constructor(
    private readonly channel: CoreChannel,
    options: CoreInitOptions = {},
  ) {
    this.api = createContractClient((method, args) => this.call(method, args));
    let markReady!: () => void;
    let markFailed!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    channel.onMessage((raw) => {
      const parsed = fromCoreSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.kind === 'waiting') {
        channel.send({
          kind: 'init',
          tokenKey: options.tokenKey?.toString('base64') ?? null,
          tokenProtection: options.tokenProtection ?? 'keychain',
          updateSigningKeyForTests: options.updateSigningKeyForTests ?? null,
        });
      } else if (message.kind === 'ready') markReady();
      else if (message.kind === 'fatal') markFailed(new Error(message.message));
      else if (message.kind === 'event') {
        for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
      } else {
        this.pending.get(message.id)?.(message.envelope);
        this.pending.delete(message.id);
      }
    });
    channel.onExit((code) => {
      this.exited = `the core process exited (code ${code ?? 'signal'})`;
      markFailed(new Error(this.exited));
      for (const answer of this.pending.values()) answer({ ok: false, error: { code: 'unavailable', message: this.exited } });
      this.pending.clear();
    });
  }

  /** Sends a raw call; the answer is an envelope, never a rejection. */
  call(method: MethodName | string, args: unknown): Promise<Envelope> {
    if (this.exited) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: this.exited } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.channel.send({ kind: 'call', id, method, args });
      } catch (error) {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'unavailable', message: `Cannot reach the core process: ${String(error)}` } });
      }
    });
  }

  /** Listens to an event of the core (see contractEvents); returns the function that stops listening. */
  on(name: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Ends the core process at once, as a crash would (SIGKILL for a child process). */
  kill(): void {
    this.channel.kill();
  }

  /** Asks the core to close its stores and exit; kills it if it does not within `graceMs`. */
  async close(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.channel.onExit(() => resolve()));
    this.channel.send({ kind: 'shutdown' });
    const timer = setTimeout(() => this.channel.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

export interface ForkCoreOptions extends CoreInitOptions {
  dataDir: string;
  appVersion?: string;
  /** Extra environment for the core process (CORE_ENV names). */
  env?: Record<string, string>;
}

/**
 * Starts the core from its TypeScript sources in a Node child process and
 * returns the channel to it (`env`: CORE_ENV values, on top of this process's
 * environment). The app starts it as an Electron utilityProcess instead
 * (electron/main/utility-core.ts); the channel is the same.
 */
export function forkCoreChannel(env: Record<string, string>): CoreChannel {
  const entry = fileURLToPath(new URL('./core-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Starts the core from its TypeScript sources in a Node child process (CLI, harness, tests). */
export async function forkCoreProcess(options: ForkCoreOptions): Promise<CoreClient> {
  const client = new CoreClient(
    forkCoreChannel({
      [CORE_ENV.dataDir]: options.dataDir,
      ...(options.appVersion ? { [CORE_ENV.appVersion]: options.appVersion } : {}),
      ...options.env,
    }),
    { tokenKey: options.tokenKey, tokenProtection: options.tokenProtection, updateSigningKeyForTests: options.updateSigningKeyForTests },
  );
  await client.ready;
  return client;
}
