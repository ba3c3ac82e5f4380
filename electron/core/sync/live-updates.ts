// While the app runs, the portal's change stream tells it when to sync: an
// announced version past the library's cursor starts a sync within moments
// of the publication, instead of at the next scheduled one. While the stream
// is down (a portal without one, a proxy cutting it, the bound reached), the
// feed is polled every `fallbackPollMs` instead, until the stream is back.
import { subscribeToChanges, type ChangeStreamOptions } from '../portal/change-stream';

export interface LiveUpdatesOptions {
  /** Poll interval while the stream is unavailable, in ms. */
  fallbackPollMs?: number;
  stream?: ChangeStreamOptions;
}

export interface LiveUpdatesDeps {
  /** The portal to follow; null: none configured (or not one the app may talk to). */
  portalUrl(): string | null;
  /** The library's cursor: an announcement at or below it needs no sync. */
  cursor(): number;
  /** Syncs now, or right after the sync under way (which may have read the feed before the publication). */
  requestSync(): void;
  /** The stream opened or dropped: an open stream proves the portal reachable. */
  connectedChanged(connected: boolean): void;
}

const DEFAULT_FALLBACK_POLL_MS = 60_000;

export class LiveUpdates {
  private subscription: { close(): void } | undefined;
  private following: string | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private connected = false;

  constructor(
    private readonly deps: LiveUpdatesDeps,
    private readonly options: LiveUpdatesOptions = {},
  ) {}

  get streaming(): boolean {
    return this.connected;
  }

  /** Follows the configured portal; a call after the portal changed follows the new one. */
  start(): void {
    const url = this.deps.portalUrl();
    if (this.subscription && url === this.following) return;
    this.stop();
    if (!url) return;
    this.following = url;
    this.subscription = subscribeToChanges(
      url,
      {
        onLatest: (latest) => {
          if (latest > this.deps.cursor()) this.deps.requestSync();
        },
        onConnected: (connected) => {
          this.connected = connected;
          this.deps.connectedChanged(connected);
          if (connected) this.stopPolling();
          else this.startPolling();
        },
      },
      this.options.stream,
    );
  }

  stop(): void {
    this.subscription?.close();
    this.subscription = undefined;
    this.following = null;
    this.connected = false;
    this.stopPolling();
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.deps.requestSync(), this.options.fallbackPollMs ?? DEFAULT_FALLBACK_POLL_MS);
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }
}
