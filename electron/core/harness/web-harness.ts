// The loopback harness: serves the built renderer and the real core over the
// app contract on 127.0.0.1, for end-to-end tests and for trying the app where
// the Electron binary is missing. Only this machine, only with the run's token.
// The page and its assets are served to anyone on this machine and hold no
// secret; every call and the event stream need the token, which reaches the
// page only in the fragment of the address the harness prints (pageUrl):
// a browser never sends a fragment, and another local process cannot read it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_SECURITY_HEADERS } from '../../../shared/csp';
import { eventNames, failureEnvelope, ContractError, type Envelope } from '../../../shared/contract';
import { HARNESS_CALL_PATH, HARNESS_EVENTS_PATH, HARNESS_MAX_BODY, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_PARAMETER, harnessPageUrl } from '../../../shared/harness';
import { forkCoreProcess, type CoreClient, type CoreInitOptions } from '../host/core-client';
import { resolveStaticPath, staticContentType } from '../static-path';

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export interface WebHarnessOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Built renderer (electron-vite's out/renderer). */
  rendererDir?: string;
  appVersion?: string;
  /** Environment for the core process (e.g. EWSI_PORTAL_URL, EWSI_AUTO_SYNC). */
  coreEnv?: Record<string, string>;
  /**
   * What the core is handed over its channel, as the app's main hands it: a session key and what
   * protects it (tests make one with a fake safeStorage), the test key update info must be signed with.
   * Without them the token is kept in a 0600 file and update info must carry the release key's signature.
   */
  coreInit?: CoreInitOptions;
}

export interface WebHarness {
  /** The harness's origin, `http://127.0.0.1:PORT/`: what a request goes to. Opening it alone does not connect the app. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The address that opens the app with the token in its fragment; `route` a hash route such as `/settings`. */
  pageUrl(route?: string): string;
  readonly core: CoreClient;
  close(): Promise<void>;
}


const WRONG_TOKEN = `Missing or wrong harness token: open the address the harness printed in its terminal, with its #${HARNESS_TOKEN_PARAMETER}=… part`;

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...RENDERER_SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope): void {
  send(res, status, 'application/json', JSON.stringify(envelope));
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > HARNESS_MAX_BODY) throw new ContractError('invalid_arguments', `Request body exceeds ${HARNESS_MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first`);
  }
  const token = randomBytes(24).toString('base64url');
  const core = await forkCoreProcess({ ...options.coreInit, dataDir: options.dataDir, appVersion: options.appVersion, env: options.coreEnv });
  // Server-sent events: the browser's EventSource cannot send headers, so the token comes in the query.
  const eventStreams = new Set<http.ServerResponse>();
  for (const name of eventNames) {
    core.on(name, (payload) => {
      const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    });
  }
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page from another origin (or a DNS-rebound name) must never reach the core.
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return sendEnvelope(res, 403, { ok: false, error: { code: 'unavailable', message: 'Foreign origin refused' } });
    }
    const given = req.headers[HARNESS_TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      return sendEnvelope(res, 401, { ok: false, error: { code: 'unavailable', message: WRONG_TOKEN } });
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendEnvelope(res, 415, failureEnvelope(new ContractError('invalid_arguments', 'Calls must be sent as application/json')));
    }
    let call: { method?: unknown; args?: unknown };
    try {
      call = JSON.parse(await readBody(req)) as { method?: unknown; args?: unknown };
      if (typeof call !== 'object' || call === null) throw new Error('not an object');
    } catch (error) {
      const message = error instanceof ContractError ? error.message : 'Request body is not a JSON object';
      return sendEnvelope(res, 400, failureEnvelope(new ContractError('invalid_arguments', message)));
    }
    const envelope = await core.call(String(call.method), call.args);
    sendEnvelope(res, 200, envelope);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
    const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = urlPath === '/' ? indexFile : resolveStaticPath(rendererDir, urlPath);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // Client-side routes fall back to the app; anything with an extension is a real miss.
      if (path.extname(urlPath) === '') return handleIndex(res);
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    send(res, 200, staticContentType(file), fs.readFileSync(file));
  }

  /** The built page as it is: the token is never in it. */
  function handleIndex(res: http.ServerResponse): void {
    send(res, 200, staticContentType(indexFile), fs.readFileSync(indexFile));
  }

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return send(res, 421, 'text/plain; charset=utf-8', 'This harness answers only on 127.0.0.1');
    }
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const urlPath = requestUrl.pathname;
    if (urlPath === HARNESS_EVENTS_PATH) {
      if (!sameToken(requestUrl.searchParams.get('token') ?? undefined, token)) return send(res, 401, 'text/plain; charset=utf-8', WRONG_TOKEN);
      res.writeHead(200, { ...RENDERER_SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }
    if (urlPath === HARNESS_CALL_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
      handleCall(req, res).catch((error: unknown) => sendEnvelope(res, 500, failureEnvelope(error)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    handleStatic(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  port = (server.address() as { port: number }).port;

  const origin = `http://127.0.0.1:${port}/`;
  return {
    url: origin,
    port,
    token,
    pageUrl: (route) => harnessPageUrl(origin, token, route),
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
