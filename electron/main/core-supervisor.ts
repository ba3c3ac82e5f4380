import { utilityProcess } from 'electron';
import { eventNames } from '../../shared/contract';
import { CoreClient } from '../core/host/core-client';
import { CORE_ENV } from '../core/host/protocol';

export interface CoreSupervisorOptions {
  entry: string;
  dataDir: string;
  appVersion: string;
  /** The key the core encrypts the session token with (see session-key.ts); none leaves it in a 0600 file. */
  tokenKey?: Buffer;
  /** Told when the core died and what happened next. */
  onCrash(message: string): void;
  /** Receives every event the core emits (forwarded to the windows). */
  onEvent(name: string, payload: unknown): void;
}

const MAX_RESTARTS_PER_MINUTE = 3;

/** Runs the core as a utilityProcess and restarts it when it dies unexpectedly. */
export class CoreSupervisor {
  private client: CoreClient | undefined;
  private stopping = false;
  private restarts: number[] = [];

  constructor(private readonly options: CoreSupervisorOptions) {}

  async start(): Promise<CoreClient> {
    const child = utilityProcess.fork(this.options.entry, [], {
      serviceName: 'EWSI core',
      stdio: 'inherit',
      env: {
        ...process.env,
        [CORE_ENV.dataDir]: this.options.dataDir,
        [CORE_ENV.appVersion]: this.options.appVersion,
        ...(this.options.tokenKey ? { [CORE_ENV.tokenKey]: this.options.tokenKey.toString('base64') } : {}),
      },
    });
    const client = new CoreClient({
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', listener),
      kill: () => child.kill(),
    });
    for (const name of eventNames) client.on(name, (payload) => this.options.onEvent(name, payload));
    child.once('exit', (code) => {
      if (!this.stopping) this.restartAfterCrash(code);
    });
    this.client = client;
    await client.ready;
    return client;
  }

  get current(): CoreClient | undefined {
    return this.client;
  }

  private restartAfterCrash(code: number): void {
    const now = Date.now();
    this.restarts = this.restarts.filter((at) => now - at < 60_000);
    if (this.restarts.length >= MAX_RESTARTS_PER_MINUTE) {
      this.options.onCrash(`The EWSI core stopped (exit code ${code}) ${MAX_RESTARTS_PER_MINUTE} times within a minute and was not restarted. Your data is safe; restart the app.`);
      return;
    }
    this.restarts.push(now);
    this.start().then(
      () => this.options.onCrash(`The EWSI core stopped (exit code ${code}) and was restarted. Nothing you saved was lost.`),
      (error: unknown) => this.options.onCrash(`The EWSI core stopped and could not be restarted: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.close();
  }
}
