// GET /api/v1/changes/stream: the portal's announcements of its newest feed
// version (Server-Sent Events), held open while the app runs and reopened with
// backoff when it drops. The records still come from the change feed: a
// stream only says when to read it.
import http from 'node:http';
import https from 'node:https';
import { CHANGE_STREAM_EVENT, changeAnnouncement } from '../../../shared/portal-api';
import { describePortalAnswer, parseJson } from './errors';
import { readShortBody } from './http';
import { parseRetryAfter, retryDelay, sleep, type RetryPolicy } from './retry';
import { portalPaths, portalUrl } from './urls';

export interface ChangeStreamOptions {
  /** Backoff between reconnections: base and ceiling, in ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * A stream silent this long is taken for dead and reopened: the portal sends a
   * heartbeat every 15 s, and a connection lost without a reset never says so.
   */
  idleTimeoutMs?: number;
  /** How long to wait before asking again a portal that has no stream (an older one: 404). */
  unsupportedRetryMs?: number;
  random?: () => number;
}

export interface ChangeStreamHandlers {
  /** The portal's newest version: on connecting, then on every publication. */
  onLatest(latest: number): void;
  /** The stream opened (true), or dropped or could not open (false, with the reason). */
  onConnected(connected: boolean, reason?: string): void;
}

const DEFAULTS = { baseDelayMs: 1000, maxDelayMs: 60_000, idleTimeoutMs: 45_000, unsupportedRetryMs: 5 * 60_000 };
/** An event longer than this is not an announcement: the stream is dropped. */
const MAX_EVENT_BYTES = 64 * 1024;

/** Why a stream ended, and how long to wait before the next try. */
interface Ended {
  reason: string;
  /** The stream was open: the backoff starts over. */
  wasOpen: boolean;
  retryAfterMs?: number;
  unsupported?: boolean;
}

/** Subscribes to the portal's change stream until `close()`; reconnects by itself. */
export function subscribeToChanges(serverUrl: string, handlers: ChangeStreamHandlers, options: ChangeStreamOptions = {}): { close(): void } {
  const settings = { ...DEFAULTS, ...options };
  const policy: RetryPolicy = { baseDelayMs: settings.baseDelayMs, maxDelayMs: settings.maxDelayMs, maxRetryAfterMs: settings.unsupportedRetryMs, random: options.random };
  const controller = new AbortController();
  void (async () => {
    let attempt = 0;
    while (!controller.signal.aborted) {
      const ended = await readStream(serverUrl, handlers, settings.idleTimeoutMs, controller.signal);
      if (controller.signal.aborted) return;
      handlers.onConnected(false, ended.reason);
      if (ended.wasOpen) attempt = 0;
      const delay = ended.unsupported ? settings.unsupportedRetryMs : retryDelay(attempt, policy, ended.retryAfterMs);
      attempt += 1;
      try {
        await sleep(delay, controller.signal);
      } catch {
        return;
      }
    }
  })();
  return { close: () => controller.abort() };
}

/** One connection: resolves when it ends, however it ends (never rejects). */
function readStream(serverUrl: string, handlers: ChangeStreamHandlers, idleTimeoutMs: number, signal: AbortSignal): Promise<Ended> {
  const target = new URL(portalUrl(serverUrl, portalPaths.changeStream));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let open = false;
    let settled = false;
    const finish = (ended: Omit<Ended, 'wasOpen'>) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      request.destroy();
      resolve({ ...ended, wasOpen: open });
    };
    // Its own connection, not the keep-alive pool's: a stream holds its socket for hours.
    const request = client.request(target, { method: 'GET', agent: false, headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', 'accept-encoding': 'identity' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200 || !/^text\/event-stream\b/.test(response.headers['content-type'] ?? '')) {
        void readShortBody(response).then((body) =>
          finish({
            reason: describePortalAnswer(status, body),
            retryAfterMs: parseRetryAfter(response.headers['retry-after']),
            // A portal without streams (older) or a proxy refusing them: poll, and ask again much later.
            unsupported: status === 404 || status === 405 || status === 501 || status === 200,
          }),
        );
        return;
      }
      open = true;
      handlers.onConnected(true);
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const latest = announcedVersion(block);
          if (latest !== undefined) handlers.onLatest(latest);
        }
        if (buffer.length > MAX_EVENT_BYTES) finish({ reason: `the portal sent an event longer than ${MAX_EVENT_BYTES} bytes` });
      });
      response.on('end', () => finish({ reason: 'the portal ended the change stream' }));
      response.on('aborted', () => finish({ reason: 'the change stream dropped' }));
      response.on('error', (error) => finish({ reason: `the change stream failed: ${error.message}` }));
    });
    // Idle: no byte (not even a heartbeat) for this long.
    request.setTimeout(idleTimeoutMs, () => finish({ reason: `the change stream was silent for ${idleTimeoutMs / 1000} s` }));
    request.on('error', (error) => finish({ reason: `cannot reach ${target.host}: ${error.message}` }));
    const onAbort = () => finish({ reason: 'closed' });
    signal.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}

/** The version a `latest` event names, validated; undefined for comments (heartbeats), other events and bad data. */
export function announcedVersion(block: string): number | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== CHANGE_STREAM_EVENT || data.length === 0) return undefined;
  const parsed = changeAnnouncement.safeParse(parseJson(data.join('\n')));
  return parsed.success ? parsed.data.latest : undefined;
}
