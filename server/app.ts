// The portal's HTTP API (Hono): public reads and the change feed, attachments,
// the editor API, members and their idempotent community writes.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { COLLECTION_PATHS, CONTENT_TYPES, contentType as contentTypeSchema, countryCode, id as idSchema, languageCode, themeSlug, type ContentType } from '../shared/content';
import {
  API_PREFIX,
  CHANGE_STREAM_PATH,
  changesQuery,
  idempotencyKey,
  IDEMPOTENCY_HEADER,
  memberRegistration,
  newForumPost,
  newForumThread,
  newPartnerRequest,
  sessionRequest,
} from '../shared/portal-api';
import { AttachmentStore, fileResponse } from './attachments';
import { ChangeStreams, DEFAULT_CHANGE_STREAM_OPTIONS, type ChangeStreamOptions } from './change-streams';
import { Members } from './auth';
import { ContentStore, type WriteOp } from './content/store';
import type { PortalDatabase } from './db/database';
import type { MemberTable } from './db/schema';
import { ApiFailure, NotFoundError, parseWith, ValidationError } from './errors';
import { IdempotencyKeys, requestFingerprint } from './idempotency';
import { memberStoreRoutes } from './member-routes';
import { DEFAULT_MEMBER_QUOTAS, MemberStore, type MemberQuotas } from './member-store';
import { parseImportLines } from './import';
import type { PortalLog } from './log';
import { buildOpenApiDocument } from './openapi';
import { operationsRoutes, PortalMetrics, requestObserver } from './operations';
import { RateLimiter, type RateLimit } from './rate-limit';
import { registrationPageRoutes } from './registration-page';
import { SnapshotStore } from './snapshots';
import { snapshotRoutes } from './snapshot-routes';
import { serveUpdateFile, UPDATES_PATH } from './updates';

export interface PortalOptions {
  database: PortalDatabase;
  /** Folder for attachments. */
  storageDir: string;
  /** Folder served at /updates/ (electron-builder's latest*.yml, installers, blockmaps); none: /updates/ is 404. */
  updatesDir?: string;
  /** Bearer token of the editor API. */
  editorToken: string;
  rateLimits?: Partial<Record<RateLimitName, RateLimit>>;
  /**
   * Addresses of reverse proxies in front of the portal. Only a request from one
   * of them has its client address read from X-Forwarded-For (the right-most
   * entry that is not itself a trusted proxy); anyone else could forge it.
   */
  trustedProxies?: readonly string[];
  /** The change streams' bound, heartbeat and head polling. */
  changeStreams?: Partial<ChangeStreamOptions>;
  /** Each member's encrypted store: live items and ciphertext characters (shared/member-items.ts by default). */
  memberQuotas?: Partial<MemberQuotas>;
  /** Request and error log (JSON lines in the CLI); none: errors go to stderr, requests unlogged. */
  log?: PortalLog;
  now?: () => Date;
}

type RateLimitName = 'perAddress' | 'memberWrites' | 'signIn' | 'signInPerAccount' | 'memberStore';

export const DEFAULT_RATE_LIMITS: Record<RateLimitName, RateLimit> = {
  perAddress: { limit: 300, windowMs: 60_000 },
  memberWrites: { limit: 30, windowMs: 60_000 },
  /** Sign-in attempts from one address. */
  signIn: { limit: 10, windowMs: 60_000 },
  /** Sign-in attempts at one account from all addresses together: guessing spread over many addresses. */
  signInPerAccount: { limit: 10, windowMs: 60_000 },
  /** Requests to a member's own encrypted store, per member: a first sync of a few hundred notes must not wait minutes. */
  memberStore: { limit: 1200, windowMs: 60_000 },
};

const MAX_JSON_BYTES = 4 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_LIST_LIMIT = 200;

export interface Portal {
  app: Hono;
  content: ContentStore;
  attachments: AttachmentStore;
  members: Members;
  streams: ChangeStreams;
  /**
   * Begins a graceful shutdown: /readyz answers 503 so no new requests are sent
   * here, and the change streams end (their clients reconnect elsewhere); the
   * caller then closes the server, which lets requests in flight finish.
   */
  drain(): void;
  snapshots: SnapshotStore;
  memberStore: MemberStore;
}

function failureResponse(c: Context, failure: ApiFailure): Response {
  const body = { error: failure.code, message: failure.message, ...(failure.issues ? { issues: failure.issues } : {}), ...failure.details };
  return c.json(body, failure.status, failure.headers);
}

const tooLarge = (max: number) => new ApiFailure(413, 'payload_too_large', `The request body is larger than ${max} bytes`, undefined, { Connection: 'close' });

/**
 * Reads the body, counting bytes as they stream in and stopping past `max`:
 * a chunked body declares no length, so the declared one alone proves nothing.
 */
async function readBytes(c: Context, max: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > max) throw tooLarge(max);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Released, not cancelled: cancelling destroys the socket before the 413
      // is written, and the client sees a broken pipe instead of the answer.
      // The server drains what follows (bounded in bytes and time) and closes.
      reader.releaseLock();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Deeper than any request of the API needs; recursive code downstream (validation, fingerprints) stays far from the stack's end. */
const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest in JSON text, counted without recursion (brackets inside strings skipped). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, (depth += 1));
    else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

async function readJson(c: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiFailure(415, 'unsupported_media_type', 'Send the request body as Content-Type: application/json');
  }
  const text = new TextDecoder().decode(await readBytes(c, MAX_JSON_BYTES));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiFailure(400, 'invalid_json', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new ApiFailure(400, 'invalid_json', `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
}

/**
 * Members write plain text; post bodies are served as HTML. Escaping the three
 * characters that can open markup makes any member text inert HTML for every
 * client and web front end (stored XSS needs a tag or an entity), and leaves
 * text without them byte for byte as written.
 */
export function memberTextAsHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function jsonText(c: Context, text: string, status: 200 | 201 = 200, headers: Record<string, string> = {}): Response {
  return c.body(text, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createPortal(options: PortalOptions): Portal {
  const { db, dialect } = options.database;
  const now = options.now ?? (() => new Date());
  const content = new ContentStore(db, dialect);
  const attachments = new AttachmentStore(db, path.join(options.storageDir, 'attachments'));
  const members = new Members(db);
  const snapshots = new SnapshotStore(db, dialect, path.join(options.storageDir, 'snapshots'));
  const keys = new IdempotencyKeys(db);
  const memberStore = new MemberStore(db, { ...DEFAULT_MEMBER_QUOTAS, ...options.memberQuotas });
  // A caller who loosens the per-address sign-in limit (tests) loosens the per-account one with it unless it says otherwise.
  const limits = { ...DEFAULT_RATE_LIMITS, ...(options.rateLimits?.signIn ? { signInPerAccount: options.rateLimits.signIn } : {}), ...options.rateLimits };
  const perAddress = new RateLimiter(db, 'perAddress', limits.perAddress);
  const perMemberWrites = new RateLimiter(db, 'memberWrites', limits.memberWrites);
  const signInAttempts = new RateLimiter(db, 'signIn', limits.signIn);
  const signInAttemptsPerAccount = new RateLimiter(db, 'signInPerAccount', limits.signInPerAccount);
  const memberStoreRequests = new RateLimiter(db, 'memberStore', limits.memberStore);
  const trustedProxies = new Set(options.trustedProxies ?? []);
  const openApi = JSON.stringify(buildOpenApiDocument());
  const logError = (msg: string, error: unknown, fields: Record<string, string> = {}) =>
    options.log ? options.log.error(msg, { ...fields, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }) : console.error(msg, error);
  const streams = new ChangeStreams(async () => (await content.latestVersion()).latest, { ...DEFAULT_CHANGE_STREAM_OPTIONS, ...options.changeStreams }, (error) =>
    logError('reading the feed head for the change streams failed', error),
  );
  content.onCommitted((latest) => streams.published(latest));
  const metrics = new PortalMetrics();
  let draining = false;

  const app = new Hono();
  app.use(requestObserver(metrics, options.log));
  app.use(compress({ contentTypeFilter: /^application\/json/ }));

  app.onError((error, c) => {
    if (error instanceof ApiFailure) return failureResponse(c, error);
    logError(`${c.req.method} ${c.req.path} failed`, error, { method: c.req.method, path: c.req.path });
    return c.json({ error: 'internal', message: 'The server failed to answer this request; it has been logged' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404));

  const address = (c: Context): string => {
    let remote: string;
    try {
      remote = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
    if (!trustedProxies.has(remote)) return remote;
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    for (let i = forwarded.length - 1; i >= 0; i -= 1) if (!trustedProxies.has(forwarded[i]!)) return forwarded[i]!;
    return remote;
  };

  // Health, readiness, metrics and the API description.
  operationsRoutes(app, { database: options.database, content, streams, metrics, draining: () => draining, snapshotAgeSeconds: () => snapshots.ageSeconds() });
  app.get('/api/openapi.json', (c) => jsonText(c, openApi));

  // The change feed.
  app.get(`${API_PREFIX}/changes`, async (c) => {
    const query = parseWith(changesQuery, c.req.query(), 'change-feed query');
    const { latest, horizon } = await content.latestVersion();
    // The page for (since, limit) can only change when a write moves `latest` or a purge moves the horizon.
    const etag = `W/"${latest}-${horizon}-${query.since}-${query.limit}-${query.horizon ?? ''}-${query.historySince}"`;
    const cacheHeaders = { ETag: etag, 'Cache-Control': 'public, no-cache', Vary: 'Accept-Encoding' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, cacheHeaders);
    const result = await content.changesJson(query.since, query.limit, query.horizon, query.historySince);
    if ('resync' in result) {
      return c.json({ error: 'resync_required', message: `Resync needed: ${result.reason}. Drop the synced corpus (never the user's own data) and sync again from since=0.`, horizon: result.resync }, 409);
    }
    return jsonText(c, result.json, 200, cacheHeaders);
  });
  // Announcements of the feed's newest version (Server-Sent Events): clients sync when it moves.
  app.get(CHANGE_STREAM_PATH, () => streams.open());

  // The read API: one collection per content type.
  const listQueryKeys = { country: countryCode, theme: themeSlug, language: languageCode, kind: themeSlug, parent: idSchema, after: idSchema };
  for (const type of CONTENT_TYPES) {
    const base = `${API_PREFIX}/${COLLECTION_PATHS[type]}`;
    app.get(base, async (c) => {
      const query = c.req.query();
      const filters: Record<string, string> = {};
      for (const [key, schema] of Object.entries(listQueryKeys)) {
        if (query[key] !== undefined) filters[key] = parseWith(schema, query[key], `query parameter ${key}`);
      }
      const limit = query.limit === undefined ? 50 : Number(query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
        throw new ApiFailure(400, 'invalid_request', `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
      }
      const { after, ...rest } = filters;
      const page = await content.listJson(type, rest, after, limit);
      return jsonText(c, `{"items":[${page.items.join(',')}],"next":${JSON.stringify(page.next)}}`);
    });
    app.get(`${base}/:id`, async (c) => {
      const itemId = parseWith(idSchema, c.req.param('id'), 'id');
      const record = await content.getJson(type, itemId);
      if (!record) throw new NotFoundError(`No ${type} with id ${itemId}`);
      return jsonText(c, record);
    });
  }

  // Attachments, addressed by SHA-256.
  app.on(['GET', 'HEAD'], `${API_PREFIX}/attachments/:sha256`, async (c) => {
    const row = await attachments.get(c.req.param('sha256'));
    if (!row) throw new NotFoundError(`No attachment ${c.req.param('sha256')}`);
    const headers: Record<string, string> = {
      'Content-Type': row.mime_type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${row.sha256}"`,
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
    };
    return fileResponse(c, attachments.pathOf(row.sha256), row.size, headers);
  });

  snapshotRoutes(app, { snapshots, requireEditor: (c) => requireEditor(c), now });

  // The app's updates: electron-updater's generic provider reads this folder.
  app.on(['GET', 'HEAD'], `${UPDATES_PATH}/:file`, (c) => serveUpdateFile(c, options.updatesDir, c.req.param('file')));

  // The editor API.
  const requireEditor = (c: Context): void => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !sameSecret(token, options.editorToken)) {
      throw new ApiFailure(401, 'unauthenticated', 'The editor API needs "Authorization: Bearer <editor token>"', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
  };
  const editorType = (c: Context): ContentType => parseWith(contentTypeSchema, c.req.param('type'), 'content type');

  app.put(`${API_PREFIX}/editor/:type/:id`, async (c) => {
    requireEditor(c);
    const type = editorType(c);
    const itemId = parseWith(idSchema, c.req.param('id'), 'id');
    const body = await readJson(c);
    const fields = typeof body === 'object' && body !== null ? { ...(body as object), id: (body as { id?: unknown }).id ?? itemId } : body;
    if ((fields as { id?: unknown }).id !== itemId) throw new ApiFailure(400, 'invalid_request', `The body's id ${JSON.stringify((fields as { id?: unknown }).id)} differs from the path's ${itemId}`);
    const [written] = await content.write([{ op: 'upsert', type, fields }], now());
    return c.json(written, 200);
  });
  app.delete(`${API_PREFIX}/editor/:type/:id`, async (c) => {
    requireEditor(c);
    const [written] = await content.write([{ op: 'delete', type: editorType(c), id: parseWith(idSchema, c.req.param('id'), 'id') }], now());
    return c.json(written, 200);
  });
  for (const op of ['hide', 'unhide'] as const) {
    app.post(`${API_PREFIX}/editor/:type/:id/${op}`, async (c) => {
      requireEditor(c);
      const [written] = await content.write([{ op, type: editorType(c), id: parseWith(idSchema, c.req.param('id'), 'id') }], now());
      return c.json(written, 200);
    });
  }
  app.post(`${API_PREFIX}/editor/import`, async (c) => {
    requireEditor(c);
    const ops: WriteOp[] = parseImportLines(new TextDecoder().decode(await readBytes(c, MAX_UPLOAD_BYTES)));
    const written = await content.write(ops, now());
    return c.json({ written: written.length, latest: written.at(-1)?.version ?? null }, 200);
  });
  app.post(`${API_PREFIX}/editor/attachments`, async (c) => {
    requireEditor(c);
    const fileName = c.req.query('fileName');
    const mimeType = c.req.header('content-type')?.split(';')[0]?.trim();
    if (!fileName || !mimeType) throw new ApiFailure(400, 'invalid_request', 'Upload the raw file with ?fileName=NAME and its Content-Type');
    const row = await attachments.put(await readBytes(c, MAX_UPLOAD_BYTES), fileName, mimeType, now());
    return c.json({ sha256: row.sha256, size: Number(row.size), fileName: row.file_name, mimeType: row.mime_type }, 201);
  });
  app.post(`${API_PREFIX}/editor/tombstones/purge`, async (c) => {
    requireEditor(c);
    const body = (await readJson(c)) as { uptoVersion?: unknown };
    if (!Number.isInteger(body?.uptoVersion) || (body.uptoVersion as number) < 0) throw new ApiFailure(400, 'invalid_request', 'Send {"uptoVersion": N} with N a whole number');
    return c.json(await content.purgeTombstones(body.uptoVersion as number), 200);
  });

  // Members.
  app.post(`${API_PREFIX}/members`, async (c) => {
    await perAddress.take(address(c));
    const input = parseWith(memberRegistration, await readJson(c), 'registration');
    return c.json(await members.register(input, now()), 201);
  });
  // The same registration as a page for people, linked from the app's sign-in card.
  registrationPageRoutes(app, { members, readBody: readBytes, limit: (c) => perAddress.take(address(c)), now });
  app.post(`${API_PREFIX}/sessions`, async (c) => {
    await signInAttempts.take(address(c));
    const input = parseWith(sessionRequest, await readJson(c), 'sign-in');
    await signInAttemptsPerAccount.take(input.email.toLowerCase());
    return c.json(await members.signIn(input.email, input.password, now()), 201);
  });
  app.delete(`${API_PREFIX}/sessions/current`, async (c) => {
    await perAddress.take(address(c));
    await members.signOut(c.req.header('authorization'), now());
    return c.body(null, 204);
  });

  // A member's own end-to-end encrypted store: the wrapped key, the items, their change feed.
  memberStoreRoutes(app, { store: memberStore, members, keys, limiter: memberStoreRequests, readJson, now });

  /**
   * A member write: authenticated, rate limited, validated, and idempotent. The
   * records and the stored response commit in one transaction, so a crash can
   * never leave content written without its key marked done (no duplicates).
   */
  async function memberWrite<S extends z.ZodType>(c: Context, schema: S, toOps: (member: MemberTable, input: z.output<S>, at: Date) => Promise<WriteOp[]>): Promise<Response> {
    await perAddress.take(address(c));
    const member = await members.authenticate(c.req.header('authorization'), now());
    const rawKey = c.req.header(IDEMPOTENCY_HEADER);
    if (rawKey === undefined) throw new ApiFailure(400, 'idempotency_key_missing', `Member writes need an ${IDEMPOTENCY_HEADER} header, created once per item and reused on every retry`);
    const key = parseWith(idempotencyKey, rawKey, IDEMPOTENCY_HEADER);
    await perMemberWrites.take(member.id);
    const body = await readJson(c);
    const input = parseWith(schema, body, 'request');
    const replay = await keys.claim(member.id, key, requestFingerprint(c.req.method, c.req.path, body), now());
    if (replay) return c.body(replay.body, replay.status as 201, { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replayed': 'true' });
    try {
      const at = now();
      const ops = await toOps(member, input, at);
      let response = '';
      await content.write(ops, at, async (trx, written) => {
        const main = written[0]!;
        response = JSON.stringify({ type: main.type, id: main.id, version: main.version, record: main.record });
        await keys.complete(member.id, key, { status: 201, body: response }, trx);
      });
      return jsonText(c, response, 201);
    } catch (error) {
      await keys.release(member.id, key);
      throw error;
    }
  }

  app.post(`${API_PREFIX}/forum/threads`, (c) =>
    memberWrite(c, newForumThread, async (member, input, at) => {
      if (!(await content.getJson('forum', input.forumId))) throw new NotFoundError(`No forum with id ${input.forumId}`);
      const threadId = `thread-${randomUUID()}`;
      const common = { language: input.language, themes: input.themes, countries: [], authorName: member.display_name, createdAt: at.toISOString() };
      return [
        { op: 'upsert', type: 'forum-thread', fields: { ...common, id: threadId, forumId: input.forumId, title: input.title } },
        { op: 'upsert', type: 'forum-post', fields: { ...common, id: `post-${randomUUID()}`, threadId, body: memberTextAsHtml(input.body) } },
      ];
    }),
  );
  app.post(`${API_PREFIX}/forum/threads/:id/posts`, (c) =>
    memberWrite(c, newForumPost, async (member, input, at) => {
      const threadId = parseWith(idSchema, c.req.param('id'), 'thread id');
      if (!(await content.getJson('forum-thread', threadId))) throw new NotFoundError(`No forum thread with id ${threadId}`);
      return [
        {
          op: 'upsert',
          type: 'forum-post',
          fields: { id: `post-${randomUUID()}`, threadId, body: memberTextAsHtml(input.body), language: input.language, authorName: member.display_name, createdAt: at.toISOString() },
        },
      ];
    }),
  );
  app.post(`${API_PREFIX}/partner-requests`, (c) =>
    memberWrite(c, newPartnerRequest, async (member, input, at) => {
      // A rule of the portal's own, on its clock: a request must not be published already expired.
      if (input.expiresOn < at.toISOString().slice(0, 10)) {
        throw new ValidationError('Invalid request', [{ path: 'expiresOn', message: `the expiry date ${input.expiresOn} has passed; choose today or a later day` }]);
      }
      return [{ op: 'upsert', type: 'partner-request', fields: { ...input, id: `partner-${randomUUID()}`, authorName: member.display_name, createdAt: at.toISOString() } }];
    }),
  );

  const drain = () => {
    draining = true;
    streams.close();
  };
  return { app, content, attachments, members, streams, drain, snapshots, memberStore };
}
