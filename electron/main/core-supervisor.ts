// Keeps the core running: starts it, forwards its events, restarts it when it
// dies, and says so. No Electron import: the process is started by a spawner
// (Electron's utilityProcess in the app, see utility-core.ts; a Node child
// process in tests/integration/core-supervisor.test.ts).
import { eventNames, type Envelope } from '../../shared/contract';
import { CoreClient, type CoreChannel } from '../core/host/core-client';
import { CORE_ENV } from '../core/host/protocol';
import { fill, MAIN_STRINGS, type InterfaceLanguage } from './main-strings';

/** Starts one core process with these CORE_ENV variables (on top of the host's environment). */
export type CoreSpawner = (env: Record<string, string>) => CoreChannel;

/** What the user is told after the core died: it was restarted, or it died too often and was left stopped. */
export interface CoreCrashReport {
  kind: 'restarted' | 'gave-up';
  /** The exit code of the process that died; null when a signal ended it. */
  exitCode: number | null;
  /** Deaths within the last minute, this one included. */
  crashesInLastMinute: number;
}

export interface CoreSupervisorOptions {
  spawn: CoreSpawner;
  dataDir: string;
  appVersion: string;
  /** The key the core encrypts the session token with (see session-key.ts); none leaves it in a 0600 file. */
  tokenKey?: Buffer;
  /** What protects that key (session-key.ts, tokenProtectionOf): the keychain, or safeStorage's basic_text store. */
  tokenProtection?: 'keychain' | 'basic-text';
  /** Told when the core died and what happened next. */
  onCrash(report: CoreCrashReport): void;
  /** Receives every event the core emits (forwarded to the windows). */
  onEvent(name: string, payload: unknown): void;
  /** Deaths tolerated within a minute before the supervisor stops restarting (default 3). */
  maxRestartsPerMinute?: number;
}

const MINUTE = 60_000;

/** Runs the core in a process of its own and restarts it when it dies unexpectedly. */
export class CoreSupervisor {
  private client: CoreClient | undefined;
  private everReady = false;
  private stopping = false;
  private crashes: number[] = [];

  constructor(private readonly options: CoreSupervisorOptions) {}

  /** Starts the core; rejects when the first start fails (the caller reports it: there is nothing to restart). */
  async start(): Promise<CoreClient> {
    const client = this.launch();
    await client.ready;
    this.everReady = true;
    return client;
  }

  /** The running core, or undefined when it is not running (stopped, or given up after repeated deaths). */
  get current(): CoreClient | undefined {
    return this.client;
  }

  /**
   * Sends one raw call to the core. While a restarted core is still starting
   * the call waits for it; when no core can answer it is refused with
   * `unavailable`, never left pending.
   */
  async call(method: string, args: unknown): Promise<Envelope> {
    const client = this.client;
    if (!client) return { ok: false, error: { code: 'unavailable', message: 'The EWSI core is not running' } };
    try {
      await client.ready;
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `The EWSI core is not running: ${error instanceof Error ? error.message : String(error)}` } };
    }
    return client.call(method, args);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.close();
  }

  private launch(): CoreClient {
    const { dataDir, appVersion, tokenKey, tokenProtection } = this.options;
    const channel = this.options.spawn({ [CORE_ENV.dataDir]: dataDir, [CORE_ENV.appVersion]: appVersion });
    const client = new CoreClient(channel, { tokenKey, tokenProtection });
    // A core that dies while starting rejects `ready`; its exit is handled below, so this rejection needs no other handler.
    client.ready.catch(() => undefined);
    for (const name of eventNames) client.on(name, (payload) => this.options.onEvent(name, payload));
    channel.onExit((code) => this.exited(client, code));
    this.client = client;
    return client;
  }

  private exited(client: CoreClient, code: number | null): void {
    if (this.stopping || client !== this.client) return;
    // The first start failed: start() rejects and the caller reports it.
    if (!this.everReady) return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < MINUTE), now];
    const report = { exitCode: code, crashesInLastMinute: this.crashes.length };
    if (this.crashes.length > (this.options.maxRestartsPerMinute ?? 3)) {
      this.client = undefined;
      this.options.onCrash({ kind: 'gave-up', ...report });
      return;
    }
    // A restart that dies before it is ready exits too, and comes back here: counted, restarted or given up.
    const restarted = this.launch();
    restarted.ready.then(
      () => {
        if (!this.stopping && restarted === this.client) this.options.onCrash({ kind: 'restarted', ...report });
      },
      () => undefined,
    );
  }
}

/** The message box main shows for a crash report, in the interface language. */
export interface CrashDialog {
  type: 'warning' | 'error';
  message: string;
  detail: string;
  /** Buttons, the first the default; 'gave-up' offers to restart the app. */
  buttons: string[];
}

export function coreCrashDialog(report: CoreCrashReport, language: InterfaceLanguage): CrashDialog {
  const strings = MAIN_STRINGS[language].core;
  const detail = report.exitCode === null ? '' : fill(strings.exitCode, { code: report.exitCode });
  if (report.kind === 'restarted') return { type: 'warning', message: strings.restarted, detail, buttons: [strings.close] };
  return { type: 'error', message: fill(strings.gaveUp, { count: report.crashesInLastMinute }), detail, buttons: [strings.restartApp, strings.close] };
}
