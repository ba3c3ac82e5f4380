// A real loopback HTTP proxy that injects faults per request, placed between a
// client (the sync engine, the outbox push loop) and a real portal server, so
// tests can prove the client survives lost, failed, slow, repeated, cut and
// corrupted exchanges over actual sockets. A Server-Sent Events stream (the
// change stream) is never buffered: it is passed through, dropped before
// forwarding, delayed or answered with a status, and any fault that would read
// the whole answer (drop-after, duplicate, truncate, replace-body, throttle)
// relays the stream untouched instead.
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { pipeline } from 'node:stream';
import { seededRandom as mulberry32 } from '../../server/sample/random';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop-before' } // destroy the client socket before forwarding: the server never sees the request
  | { kind: 'drop-after' } // forward, let the server answer (and commit), then destroy the client socket without sending the answer
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> } // answer directly, e.g. 500, or 429 with Retry-After
  | { kind: 'delay'; ms: number } // wait, then forward (used to exceed a client's timeout)
  // Forward the same request twice to the server, answer the client with the second answer; one after the other,
  // or both at once (`concurrent`: a retry racing its original, which an Idempotency-Key answers with 409 in progress).
  | { kind: 'duplicate'; concurrent?: boolean }
  | { kind: 'truncate'; bytes?: number } // forward, then send the status, headers and only the first `bytes` (default: half) of the body, then destroy the socket
  | { kind: 'replace-body'; body: string; status?: number; contentType?: string } // forward, discard the server's body, answer this instead (e.g. a schema-invalid page)
  | { kind: 'throttle'; bytesPerSecond: number }; // forward, and stream the answer back no faster than this (a slow line)

export interface ProxyRequestInfo {
  index: number;
  method: string;
  /** The path with its query string, as the client sent it. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FaultProxy {
  readonly url: string; // http://127.0.0.1:PORT, or the host it was started on
  /** Decides the fault for each request (index counts from 0). Replaceable at any time. */
  plan: (request: ProxyRequestInfo) => Fault;
  /** Every request received, in order, with the fault applied. */
  readonly log: Array<ProxyRequestInfo & { fault: Fault['kind']; upstreamStatus?: number }>;
  /** How many requests reached the upstream server (counting duplicates twice). */
  readonly forwarded: number;
  /** Counts so far: requests received, forwarded upstream, and how many got each fault. */
  readonly stats: FaultProxyStats;
  close(): Promise<void>;
}

export interface FaultProxyStats {
  requests: number;
  forwarded: number;
  faults: Partial<Record<Fault['kind'], number>>;
}

type LogEntry = ProxyRequestInfo & { fault: Fault['kind']; upstreamStatus?: number };

const isEventStream = (headers: IncomingHttpHeaders): boolean => /^text\/event-stream\b/i.test(String(headers['content-type'] ?? ''));

/** Thrown by a buffering fault that met an event stream: it never ends, so it is relayed as it comes instead. */
class EventStreamAnswer extends Error {
  constructor(readonly response: IncomingMessage) {
    super('the answer is an event stream');
  }
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the message; a proxy must not pass them on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function endToEndHeaders(headers: Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  // Connection may name further per-connection headers.
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) result[name] = value;
  }
  return result;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    // A peer that goes away mid-body ends the stream with 'aborted'/'close' but no 'end'.
    stream.once('close', () => {
      if (!stream.complete) reject(new Error('the message was cut off before its end'));
    });
  });
}

/**
 * `host`: the address the proxy listens on and names in its url (default 127.0.0.1); another of this
 * machine's addresses stands for a portal away from this computer (see nonLoopbackAddress).
 */
export async function startFaultProxy(targetUrl: string, plan: (request: ProxyRequestInfo) => Fault = () => ({ kind: 'pass' }), options: { host?: string } = {}): Promise<FaultProxy> {
  const host = options.host ?? '127.0.0.1';
  const target = new URL(targetUrl);
  if (target.protocol !== 'http:') throw new Error(`The fault proxy forwards to http: only, not ${target.protocol}`);
  const basePath = target.pathname.replace(/\/+$/, '');

  const log: LogEntry[] = [];
  let forwarded = 0;
  let closing: Promise<void> | undefined;
  // Everything close() must end at once: client sockets, upstream requests, pending delays.
  const sockets = new Set<Socket>();
  const upstreamRequests = new Set<http.ClientRequest>();
  const delays = new Set<() => void>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        delays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      delays.add(finish);
    });

  /** Sends the request upstream on a connection of its own and resolves with the response head; the body is left to stream. */
  const sendUpstream = (info: ProxyRequestInfo): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      if (closing) {
        reject(new Error('the fault proxy is closing'));
        return;
      }
      const headers = endToEndHeaders(info.headers);
      headers.host = target.host;
      // The body was read whole, so it goes with a length rather than in chunks.
      if (info.body.length > 0 || info.headers['content-length'] !== undefined) headers['content-length'] = String(info.body.length);
      // agent: false gives one fresh connection per request, so a fault on one exchange never leaks into another through a pooled socket.
      const upstream = http.request({ protocol: 'http:', hostname: target.hostname, port: target.port, method: info.method, path: basePath + info.path, headers, agent: false });
      upstreamRequests.add(upstream);
      upstream.once('close', () => upstreamRequests.delete(upstream));
      upstream.once('response', resolve);
      // `on`, not `once`: a request can fail again after its response began (close() destroys it), and an unheard 'error' would crash the run.
      upstream.on('error', reject);
      // Counted once the whole request has been handed to the server's connection.
      upstream.end(info.body, () => {
        forwarded += 1;
      });
    });

  const fetchUpstream = async (info: ProxyRequestInfo): Promise<UpstreamAnswer> => {
    const response = await sendUpstream(info);
    if (isEventStream(response.headers)) throw new EventStreamAnswer(response);
    return { status: response.statusCode ?? 502, headers: response.headers, body: await readAll(response) };
  };

  const answer = (res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer | string) => {
    if (res.destroyed || res.headersSent) return;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
    res.writeHead(status, { ...sent, 'content-length': String(bytes.length) });
    res.end(bytes);
  };

  const badGateway = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    answer(res, 502, { 'content-type': 'text/plain; charset=utf-8' }, `fault proxy: upstream failed: ${error instanceof Error ? error.message : String(error)}`);
  };

  /** Streams an upstream answer back as it comes, as a transparent proxy would. */
  const relayResponse = (response: IncomingMessage, entry: LogEntry, res: ServerResponse) => {
    entry.upstreamStatus = response.statusCode;
    res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEndHeaders(response.headers));
    // pipeline destroys both sides if either fails, so a cut upstream body is a cut downstream body.
    pipeline(response, res, () => {});
  };

  const relay = async (info: ProxyRequestInfo, entry: LogEntry, res: ServerResponse) => relayResponse(await sendUpstream(info), entry, res);

  const apply = async (fault: Fault, info: ProxyRequestInfo, entry: LogEntry, req: IncomingMessage, res: ServerResponse) => {
    switch (fault.kind) {
      case 'pass':
        return relay(info, entry, res);
      case 'drop-before':
        req.socket.destroy();
        return;
      case 'drop-after': {
        // Reading the whole answer first means the server has finished (and committed) before the client loses it.
        const upstream = await fetchUpstream(info).catch((error: unknown) => {
          // An event stream is relayed (it would never end to be dropped after); a failed upstream leaves nothing to drop.
          if (error instanceof EventStreamAnswer) throw error;
          return undefined;
        });
        entry.upstreamStatus = upstream?.status;
        req.socket.destroy();
        return;
      }
      case 'status': {
        const headers: OutgoingHttpHeaders = { ...fault.headers };
        const body = fault.body ?? '';
        if (body.length > 0 && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
        answer(res, fault.status, headers, body);
        return;
      }
      case 'delay':
        // The request goes on even if the client gave up meanwhile: that is the case a client timeout must handle (the server may still commit).
        await wait(fault.ms);
        if (closing) {
          res.destroy();
          return;
        }
        return relay(info, entry, res);
      case 'duplicate': {
        // An event stream never ends: its duplicate goes one after the other (the first is relayed, see EventStreamAnswer).
        if (fault.concurrent && !/text\/event-stream/i.test(String(info.headers.accept ?? ''))) {
          const [first, second] = await Promise.all([fetchUpstream(info), fetchUpstream(info)]);
          entry.upstreamStatus = first.status;
          answer(res, second.status, endToEndHeaders(second.headers), second.body);
          return;
        }
        const first = await fetchUpstream(info);
        entry.upstreamStatus = first.status;
        return relay(info, entry, res);
      }
      case 'truncate': {
        const upstream = await fetchUpstream(info);
        entry.upstreamStatus = upstream.status;
        const headers = endToEndHeaders(upstream.headers);
        // Announce the full length, so the client can tell the body was cut.
        headers['content-length'] = String(upstream.body.length);
        const kept = Math.max(0, Math.min(fault.bytes ?? Math.floor(upstream.body.length / 2), upstream.body.length));
        res.writeHead(upstream.status, headers);
        res.flushHeaders();
        if (kept > 0) res.write(upstream.body.subarray(0, kept));
        // end() flushes the headers and the partial body before the FIN; destroying at once could discard them unsent.
        const socket = req.socket;
        socket.end(() => socket.destroy());
        return;
      }
      case 'throttle': {
        const response = await sendUpstream(info);
        if (isEventStream(response.headers)) throw new EventStreamAnswer(response);
        entry.upstreamStatus = response.statusCode;
        res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEndHeaders(response.headers));
        const started = Date.now();
        let sent = 0;
        pipeline(
          response,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              // Slices of 16 KiB, each sent when the rate allows it.
              for (let offset = 0; offset < chunk.length; offset += 16 * 1024) {
                const slice = chunk.subarray(offset, offset + 16 * 1024);
                sent += slice.length;
                const due = started + (sent / fault.bytesPerSecond) * 1000 - Date.now();
                if (due > 0) await wait(due);
                if (closing) throw new Error('the fault proxy is closing');
                yield slice;
              }
            }
          },
          res,
          () => {},
        );
        return;
      }
      case 'replace-body': {
        const upstream = await fetchUpstream(info);
        entry.upstreamStatus = upstream.status;
        const headers = endToEndHeaders(upstream.headers);
        // The new body is sent as is: the server's encoding, length and validators described the old one.
        for (const name of ['content-length', 'content-encoding', 'content-range', 'etag', 'content-md5']) delete headers[name];
        headers['content-type'] = fault.contentType ?? upstream.headers['content-type'] ?? 'text/plain; charset=utf-8';
        answer(res, fault.status ?? upstream.status, headers, fault.body);
        return;
      }
    }
  };

  const server = http.createServer((req, res) => {
    // A client that already left must not turn into an unhandled 'error'.
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => {});
    req.on('end', () => {
      if (closing) {
        req.socket.destroy();
        return;
      }
      const info: ProxyRequestInfo = { index: log.length, method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers }, body: Buffer.concat(chunks) };
      let fault: Fault;
      try {
        fault = proxy.plan(info);
      } catch (error) {
        // A broken plan is a bug in the test: answer loudly rather than guess a fault.
        fault = { kind: 'status', status: 500, body: `fault proxy: the plan threw: ${error instanceof Error ? error.message : String(error)}` };
      }
      const entry: LogEntry = { ...info, fault: fault.kind };
      log.push(entry);
      apply(fault, info, entry, req, res).catch((error: unknown) => {
        if (!(error instanceof EventStreamAnswer)) return badGateway(res, error);
        entry.fault = 'pass';
        relayResponse(error.response, entry, res);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A malformed request or a reset client must not crash the test process.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    plan,
    log,
    get forwarded() {
      return forwarded;
    },
    get stats() {
      const faults: FaultProxyStats['faults'] = {};
      for (const entry of log) faults[entry.fault] = (faults[entry.fault] ?? 0) + 1;
      return { requests: log.length, forwarded, faults };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const finish of [...delays]) finish();
        for (const request of upstreamRequests) request.destroy();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
  return proxy;
}

const FAULT_KINDS: ReadonlyArray<Fault['kind']> = ['pass', 'drop-before', 'drop-after', 'status', 'delay', 'duplicate', 'truncate', 'replace-body', 'throttle'];

/** A seeded plan for randomized fault runs: each request draws a fault with the given weights (mulberry32 PRNG; deterministic for a seed). */
export function randomFaultPlan(
  seed: number,
  weights: Partial<Record<Fault['kind'], number>>,
  options: {
    /** A fixed delay, or [min, max] ms drawn per request from the seeded generator (default 100). */
    delayMs?: number | readonly [number, number];
    statusChoices?: number[];
    /** Duplicates sent both at once rather than one after the other (default false). */
    concurrentDuplicates?: boolean;
    /** Requests this returns false for pass untouched (e.g. faults on /api/v1/me/ only); default: every request. */
    applies?: (request: ProxyRequestInfo) => boolean;
  } = {},
): (request: ProxyRequestInfo) => Fault {
  for (const [kind, weight] of Object.entries(weights)) {
    if (!FAULT_KINDS.includes(kind as Fault['kind'])) throw new RangeError(`Unknown fault kind ${kind}`);
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`The weight of ${kind} must be a finite number ≥ 0, not ${weight}`);
  }
  const choices = FAULT_KINDS.map((kind) => ({ kind, weight: weights[kind] ?? 0 })).filter((choice) => choice.weight > 0);
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  if (total === 0) throw new RangeError('At least one fault kind needs a weight above 0');
  const statusChoices = options.statusChoices ?? [500, 502, 503, 429];
  if (statusChoices.length === 0) throw new RangeError('statusChoices must not be empty');
  const [delayMin, delayMax] = typeof options.delayMs === 'object' ? options.delayMs : [options.delayMs ?? 100, options.delayMs ?? 100];
  if (!(delayMin >= 0 && delayMax >= delayMin)) throw new RangeError(`delayMs must be ms ≥ 0, or [min, max] with 0 ≤ min ≤ max, not ${String(options.delayMs)}`);

  return (request) => {
    if (options.applies && !options.applies(request)) return { kind: 'pass' };
    // Each request gets a generator of its own, derived from (seed, index): the fault depends only on the
    // request's position, not on how often or in which order the plan is called, so a failing seed replays exactly.
    const random = mulberry32((seed ^ Math.imul(request.index + 1, 0x9e3779b9)) >>> 0);
    let draw = random() * total;
    // The last positive weight catches the draw if rounding leaves it just at `total`.
    let kind = choices[choices.length - 1]!.kind;
    for (const choice of choices) {
      if (draw < choice.weight) {
        kind = choice.kind;
        break;
      }
      draw -= choice.weight;
    }
    switch (kind) {
      case 'pass':
      case 'drop-before':
      case 'drop-after':
      case 'truncate':
        return { kind };
      case 'duplicate':
        return options.concurrentDuplicates ? { kind, concurrent: true } : { kind };
      case 'delay':
        return { kind, ms: Math.round(delayMin + random() * (delayMax - delayMin)) };
      case 'status': {
        const status = statusChoices[Math.floor(random() * statusChoices.length)]!;
        // 429 and 503 carry Retry-After, as the portal's rate limiter does, so clients exercise their back-off.
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...(status === 429 || status === 503 ? { 'retry-after': '1' } : {}) };
        return { kind, status, headers, body: JSON.stringify({ error: 'fault_injected', message: `The fault proxy answered ${status}` }) };
      }
      case 'replace-body':
        // Well-formed JSON of the wrong shape: the client's schema check, not its JSON parser, must reject it.
        return { kind, body: JSON.stringify({ faultProxy: 'replaced body', changes: 'not a list' }), contentType: 'application/json; charset=utf-8' };
      case 'throttle':
        return { kind, bytesPerSecond: 256 * 1024 };
    }
  };
}

/**
 * One of this machine's own IPv4 addresses outside 127.0.0.0/8: a proxy listening
 * there is "a portal away from this computer" to the app's transport rule, yet
 * reachable in a test. Throws when the machine has no such address.
 */
export function nonLoopbackAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  throw new Error('This machine has no IPv4 address outside 127.0.0.0/8: the insecure-portal tests need one to stand for a portal elsewhere');
}
