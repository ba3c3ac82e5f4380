// The portal's HTTP client over node:http(s) with keep-alive: measurably faster
// than fetch() for multi-megabyte feed pages, and it tells a truncated body
// (connection dropped mid-answer) from a complete one. requestText reads whole
// answers (feed pages, sign-in, posts, update info); openStream hands a
// download the answer's head and leaves the body to it.
import http from 'node:http';
import https from 'node:https';

export interface TextResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A failure worth retrying: the connection failed, dropped, stalled or was cut short. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** The portal's answer is larger than such an answer may be: reading stopped. Not worth retrying. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly host: string,
    readonly limitBytes: number,
  ) {
    super(`The answer from ${host} is larger than the ${formatMiB(limitBytes)} such an answer may be; reading stopped`);
    this.name = 'ResponseTooLargeError';
  }
}

const formatMiB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** The largest answer of each kind read whole into memory; anything past it is refused unread. */
export const RESPONSE_LIMITS = {
  /** A page of up to 1,000 records of the change feed. */
  feedPage: 64 * 1024 * 1024,
  /** Everything else read whole: error bodies, sign-in, posts, update info, health. */
  small: 1024 * 1024,
} as const;

/** How long a whole answer may take by default, however steadily it trickles in. */
const DEFAULT_DEADLINE_MS = 120_000;

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Keep-alive agents shared by every portal call: one portal, many requests. */
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }) };

export interface RequestOptions {
  signal?: AbortSignal;
  /** Longest silence (connecting or between chunks). */
  timeoutMs?: number;
  /** Longest the whole exchange may take (default 120 s): a body trickled a byte at a time never idles. */
  deadlineMs?: number;
  /** Largest answer read (default RESPONSE_LIMITS.small). */
  maxBytes?: number;
  headers?: Record<string, string>;
  /** Sent with its length; a POST's JSON, for instance. */
  body?: string;
}

export function getText(url: string, options: Omit<RequestOptions, 'body'> = {}): Promise<TextResponse> {
  return requestText('GET', url, options);
}

/** One HTTP exchange over the keep-alive agents; NetworkError for anything but a complete answer. */
export function requestText(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: RequestOptions = {}): Promise<TextResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.reject(new Error(`Unsupported protocol in ${url}: use http or https`));
  if (options.signal?.aborted) return Promise.reject(new CancelledError());
  const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string> = { 'accept-encoding': 'identity', ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const maxBytes = options.maxBytes ?? RESPONSE_LIMITS.small;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, value?: TextResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(value!);
    };
    const request = client.request(target, { method, agent: agents[target.protocol as 'http:' | 'https:'], headers }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const tooLarge = () => {
        finish(new ResponseTooLargeError(target.host, maxBytes));
        request.destroy();
      };
      if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return tooLarge();
        chunks.push(chunk);
      });
      response.on('aborted', () => finish(new NetworkError(`The connection to ${target.host} dropped in the middle of an answer`)));
      response.on('error', (error) => finish(new NetworkError(`Reading the answer from ${target.host} failed: ${error.message}`, { cause: error })));
      response.on('end', () => {
        const expected = Number(response.headers['content-length'] ?? NaN);
        if (!response.complete || (Number.isFinite(expected) && received !== expected)) {
          finish(new NetworkError(`The answer from ${target.host} was cut short (${received} of ${Number.isFinite(expected) ? expected : '?'} bytes)`));
          return;
        }
        finish(undefined, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks, received).toString('utf8') });
      });
    });
    request.setTimeout(options.timeoutMs ?? 30_000, () => request.destroy(new NetworkError(`${target.host} did not answer within ${(options.timeoutMs ?? 30_000) / 1000} s`)));
    request.on('error', (error) => finish(error instanceof NetworkError || error instanceof CancelledError ? error : new NetworkError(`Cannot reach ${target.host}: ${error.message}`, { cause: error })));
    const deadline = setTimeout(() => request.destroy(new NetworkError(`${target.host} did not finish its answer within ${deadlineMs / 1000} s`)), deadlineMs);
    const onAbort = () => request.destroy(new CancelledError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}

/**
 * Sends a GET and resolves with the answer's head; the body is the caller's to read.
 * `onRequest` receives the request so an idle timer can destroy it.
 */
export function openStream(url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal | undefined, onRequest: (request: http.ClientRequest) => void): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const attempt = (mayRetryStale: boolean) => {
      let answered = false;
      const onResponse = (response: http.IncomingMessage) => {
        answered = true;
        resolve(response);
      };
      const request =
        url.protocol === 'https:' ? https.request(url, { agent: agents['https:'], headers, signal }, onResponse) : http.request(url, { agent: agents['http:'], headers, signal }, onResponse);
      onRequest(request);
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return; // Errors after the head surface on the response, which the caller reads.
        // A kept-alive socket the server closed while idle fails at once; Node's docs advise retrying such a request once.
        if (mayRetryStale && request.reusedSocket && error.code === 'ECONNRESET' && !signal?.aborted) attempt(false);
        else reject(error);
      });
      request.end();
    };
    attempt(true);
  });
}

/** The body of an answer whose status says it is not the file asked for, up to `limit` bytes; '' when longer or unreadable. */
export async function readShortBody(response: http.IncomingMessage, limit = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length > limit) {
        response.destroy();
        return '';
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return '';
  }
}
