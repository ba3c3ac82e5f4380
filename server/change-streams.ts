// GET /api/v1/changes/stream: Server-Sent Events announcing the change feed's
// newest version, so an open app syncs within seconds of a publication.
//
// How an instance learns of a publication made on another instance: it polls
// the feed head (the `change` counter, one primary-key read) every `pollMs`,
// and announces its own commits at once (ContentStore.onCommitted). Polling
// rather than PostgreSQL's LISTEN/NOTIFY because it works on both engines
// (several processes on one SQLite file too), needs no connection held
// outside the pool (LISTEN does not survive a transaction-mode pooler), and
// cannot miss anything: a notification lost while a connection was being
// re-established would leave an instance silent until the next write, while
// the head is the truth each time it is read. It costs one cheap query per
// instance per interval whatever the number of subscribers, and bounds the
// cross-instance delay by the interval.
import { CHANGE_STREAM_EVENT, type ChangeAnnouncement } from '../shared/portal-api';
import { ApiFailure } from './errors';

export interface ChangeStreamOptions {
  /** Streams one instance holds at most; past it, 503 with Retry-After. */
  maxStreams: number;
  /** A comment line this often keeps proxies from closing an idle stream and lets clients tell a dead one. */
  heartbeatMs: number;
  /** How often the feed head is read for publications made on other instances. */
  pollMs: number;
  /** The Retry-After of a refused stream, in seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_CHANGE_STREAM_OPTIONS: ChangeStreamOptions = { maxStreams: 5000, heartbeatMs: 15_000, pollMs: 500, retryAfterSeconds: 10 };

/** The reconnection delay (ms) an EventSource is told to use after a dropped stream. */
const CLIENT_RETRY_MS = 3000;
/** A subscriber that has not read this many queued events is dropped: it reconnects if it is alive. */
const MAX_QUEUED_EVENTS = 64;

const encoder = new TextEncoder();

interface Subscriber {
  controller: ReadableStreamDefaultController<Uint8Array>;
}

export class ChangeStreams {
  private readonly subscribers = new Set<Subscriber>();
  private latest = -1;
  private pollTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private closed = false;
  /** Streams refused at the bound, since start: a metric. */
  refused = 0;
  /** Announcements sent (events, not bytes), since start: a metric. */
  announcements = 0;

  constructor(
    /** The feed's newest version, read from the database. */
    private readonly readLatest: () => Promise<number>,
    private readonly options: ChangeStreamOptions = DEFAULT_CHANGE_STREAM_OPTIONS,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get connected(): number {
    return this.subscribers.size;
  }

  /** Starts polling the head and sending heartbeats; idempotent. Timers are unref'd: they never keep a process alive. */
  start(): void {
    if (this.pollTimer || this.closed) return;
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollMs);
    this.pollTimer.unref();
    this.heartbeatTimer = setInterval(() => this.broadcast(': heartbeat\n\n'), this.options.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** A version committed on this instance, or read from the head: announced when it is newer than the last one. */
  published(latest: number): void {
    if (latest <= this.latest) return;
    this.latest = latest;
    if (this.subscribers.size === 0) return;
    this.announcements += 1;
    this.broadcast(eventText({ latest }));
  }

  private async poll(): Promise<void> {
    // Only while someone listens, and one read at a time: a slow database must not pile reads up.
    if (this.polling || this.subscribers.size === 0) return;
    this.polling = true;
    try {
      this.published(await this.readLatest());
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
  }

  /**
   * A new stream: the current head first, then every newer one. Throws ApiFailure 503
   * with Retry-After past the bound, and while the instance shuts down.
   */
  async open(): Promise<Response> {
    if (this.closed) throw this.refusal('This portal instance is shutting down; connect again (another instance will answer)');
    if (this.subscribers.size >= this.options.maxStreams) {
      this.refused += 1;
      throw this.refusal(`This portal instance holds its most change streams (${this.options.maxStreams}); retry in ${this.options.retryAfterSeconds} s or poll the change feed`);
    }
    this.start();
    // The head as of now: a subscriber is never told less than what is committed when it connects.
    try {
      this.published(await this.readLatest());
    } catch (error) {
      this.onError(error);
      throw this.refusal('The portal cannot read its database just now; retry later or poll the change feed');
    }
    const subscribers = this.subscribers;
    let subscriber: Subscriber | undefined;
    const latest = this.latest;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        subscriber = { controller };
        subscribers.add(subscriber);
        controller.enqueue(encoder.encode(`retry: ${CLIENT_RETRY_MS}\n${eventText({ latest })}`));
      },
      cancel: () => {
        if (subscriber) subscribers.delete(subscriber);
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        // nginx and others buffer answers unless told not to: an announcement must not wait in a proxy.
        'X-Accel-Buffering': 'no',
      },
    });
  }

  private refusal(message: string): ApiFailure {
    return new ApiFailure(503, 'streams_unavailable', message, undefined, { 'Retry-After': String(this.options.retryAfterSeconds) });
  }

  private broadcast(text: string): void {
    if (this.subscribers.size === 0) return;
    const bytes = encoder.encode(text);
    for (const subscriber of this.subscribers) {
      const { controller } = subscriber;
      if ((controller.desiredSize ?? 0) < -MAX_QUEUED_EVENTS) {
        this.drop(subscriber);
        continue;
      }
      try {
        controller.enqueue(bytes);
      } catch {
        this.subscribers.delete(subscriber);
      }
    }
  }

  private drop(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    try {
      subscriber.controller.close();
    } catch {
      // Already closed or errored: nothing left to end.
    }
  }

  /** Ends every stream (their clients reconnect, to another instance) and refuses new ones: graceful shutdown. */
  close(): void {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeatTimer);
    for (const subscriber of [...this.subscribers]) this.drop(subscriber);
  }
}

function eventText(announcement: ChangeAnnouncement): string {
  return `event: ${CHANGE_STREAM_EVENT}\nid: ${announcement.latest}\ndata: ${JSON.stringify(announcement)}\n\n`;
}
