// The OpenAPI 3.1 document served at /api/openapi.json, generated from the same
// zod schemas the server validates with, so it cannot drift from the code.
import { z } from 'zod';
import { COLLECTION_PATHS, CONTENT_TYPES, contentFieldSchemas, contentRecordSchemas } from '../shared/content';
import {
  API_PREFIX,
  apiError,
  CHANGE_STREAM_PATH,
  changeAnnouncement,
  changesPage,
  DEFAULT_CHANGES_LIMIT,
  MAX_CHANGES_LIMIT,
  memberRegistration,
  newForumPost,
  newForumThread,
  newPartnerRequest,
  publicMember,
  REGISTRATION_PATH,
  resyncRequired,
  sessionRequest,
  sessionResponse,
  writeResult,
} from '../shared/portal-api';
import {
  DEFAULT_ITEM_CHANGES_LIMIT,
  MAX_ITEM_CHANGES_LIMIT,
  MAX_ITEM_CIPHERTEXT,
  MEMBER_ITEM_CHANGES_PATH,
  MEMBER_ITEMS_PATH,
  MEMBER_KEYRING_PATH,
  memberItemChangesPage,
  memberItemConflict,
  memberItemWrite,
  memberItemWriteResult,
  memberKeyring,
  memberKeyringResponse,
  memberKeyringWrite,
} from '../shared/member-items';
import { snapshotInfo, snapshotListing } from '../shared/snapshot';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  return rest;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => jsonBody(ref('ApiError'), description);
const htmlPage = (description: string): Json => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const pathParam = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'path', required: true, description, schema });
const queryParam = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'query', required: false, description, schema });
const bearer = [{ memberToken: [] }];
const editor = [{ editorToken: [] }];
const idempotencyHeader = { name: 'Idempotency-Key', in: 'header', required: true, description: 'Created once per item and reused on every retry', schema: { type: 'string', minLength: 8, maxLength: 255 } };

const schemaName = (type: string): string => type.split('-').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');

function memberWrite(summary: string, requestSchema: string, extra: Json[] = []): Json {
  return {
    post: {
      summary,
      security: bearer,
      parameters: [idempotencyHeader, ...extra],
      requestBody: { required: true, content: { 'application/json': { schema: ref(requestSchema) } } },
      responses: {
        201: jsonBody(ref('WriteResult'), 'Created (or replayed, with Idempotent-Replayed: true)'),
        400: error('Invalid body or missing Idempotency-Key'),
        401: error('No or unknown member token'),
        404: error('The forum or thread does not exist'),
        409: error('A request with this key is still in progress'),
        422: error('The key was used for a different request'),
        429: error('Rate limited; see Retry-After'),
      },
    },
  };
}

/** The member's own encrypted store (shared/member-items.ts): opaque blobs the portal versions but cannot read. */
function memberStorePaths(): Json {
  const signedIn = { 401: error('No or unknown member token'), 429: error('Rate limited (per member); see Retry-After') };
  const writeErrors = {
    ...signedIn,
    400: error('Invalid body, item id or Idempotency-Key, or no Idempotency-Key'),
    413: error(`quota_exceeded: an item's ciphertext over ${MAX_ITEM_CIPHERTEXT} characters, or the member's item or byte quota reached (or the body over 4 MB: payload_too_large)`),
    415: error('The body is not application/json'),
    422: error('The Idempotency-Key was used for a different request'),
  };
  return {
    [MEMBER_KEYRING_PATH]: {
      get: { summary: "The member's wrapped master key, or null until a first device has created one", security: bearer, responses: { 200: jsonBody(ref('MemberKeyringResponse'), 'The keyring or null'), ...signedIn } },
      put: {
        summary: 'Create the keyring (baseVersion 0, none stored) or re-wrap the master key (baseVersion = the current version): of two first devices racing, one creates it and the other gets 409',
        security: bearer,
        parameters: [idempotencyHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref('MemberKeyringWrite') } } },
        responses: {
          200: jsonBody(ref('MemberKeyringResponse'), 'Stored (or replayed, with Idempotent-Replayed: true); the keyring is never null here'),
          409: jsonBody(ref('MemberKeyringConflict'), 'version_conflict: baseVersion is not the current version; `current` is the stored keyring (null when there is none). Or request_in_progress: a request with this key is still running'),
          ...writeErrors,
        },
      },
    },
    [MEMBER_ITEM_CHANGES_PATH]: {
      get: {
        summary: "The member's own items written after `since`, oldest first, each once at its latest version, tombstones included",
        security: bearer,
        parameters: [
          queryParam('since', 'The cursor of the previous page (0 for everything)', { type: 'integer', minimum: 0, default: 0 }),
          queryParam('limit', 'Items per page (a page also stops at 8 MiB of ciphertext)', { type: 'integer', minimum: 1, maximum: MAX_ITEM_CHANGES_LIMIT, default: DEFAULT_ITEM_CHANGES_LIMIT }),
        ],
        responses: {
          200: jsonBody(ref('MemberItemChangesPage'), 'A page; continue with since=cursor while hasMore'),
          400: error('Invalid since or limit'),
          409: jsonBody(ref('ResyncRequired'), "since is ahead of the member's latest version (the store was reset): read again from since=0"),
          ...signedIn,
        },
      },
    },
    [`${MEMBER_ITEMS_PATH}/{itemId}`]: {
      put: {
        summary: 'Upsert (box) or delete (deleted: true, no box) one item, if baseVersion is its current version (0: a new item)',
        security: bearer,
        parameters: [pathParam('itemId', 'Chosen by the client: 16–64 letters, digits, underscores or hyphens', { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' }), idempotencyHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref('MemberItemWrite') } } },
        responses: {
          200: jsonBody(ref('MemberItemWriteResult'), 'Stored at a new version (or replayed, with Idempotent-Replayed: true)'),
          404: error('baseVersion is not 0 but the item does not exist'),
          409: jsonBody(ref('MemberItemConflict'), 'version_conflict: baseVersion is not the current version; `current` is the stored item. Or request_in_progress'),
          ...writeErrors,
        },
      },
    },
  };
}

export function buildOpenApiDocument(): Json {
  const schemas: Json = {
    ApiError: schemaOf(apiError, 'output'),
    ChangesPage: schemaOf(changesPage, 'output'),
    ResyncRequired: schemaOf(resyncRequired, 'output'),
    MemberRegistration: schemaOf(memberRegistration, 'input'),
    PublicMember: schemaOf(publicMember, 'output'),
    SessionRequest: schemaOf(sessionRequest, 'input'),
    SessionResponse: schemaOf(sessionResponse, 'output'),
    NewForumThread: schemaOf(newForumThread, 'input'),
    NewForumPost: schemaOf(newForumPost, 'input'),
    NewPartnerRequest: schemaOf(newPartnerRequest, 'input'),
    WriteResult: schemaOf(writeResult, 'output'),
    ChangeAnnouncement: schemaOf(changeAnnouncement, 'output'),
    SnapshotInfo: schemaOf(snapshotInfo, 'output'),
    MemberKeyringResponse: schemaOf(memberKeyringResponse, 'output'),
    MemberKeyringWrite: schemaOf(memberKeyringWrite, 'input'),
    MemberKeyringConflict: { type: 'object', properties: { error: { const: 'version_conflict' }, message: { type: 'string' }, current: { anyOf: [schemaOf(memberKeyring, 'output'), { type: 'null' }] } }, required: ['error', 'message', 'current'] },
    MemberItemWrite: schemaOf(memberItemWrite, 'input'),
    MemberItemWriteResult: schemaOf(memberItemWriteResult, 'output'),
    MemberItemConflict: schemaOf(memberItemConflict, 'output'),
    MemberItemChangesPage: schemaOf(memberItemChangesPage, 'output'),
    SnapshotListing: schemaOf(snapshotListing, 'output'),
  };
  const paths: Json = {
    '/healthz': { get: { summary: 'Liveness: the process answers and reads its database', responses: { 200: { description: 'Healthy' }, 503: { description: 'The database does not answer' } } } },
    '/readyz': {
      get: {
        summary: 'Readiness for a load balancer: the database answers and has every migration, and the instance is not shutting down',
        responses: { 200: { description: 'Ready' }, 503: { description: 'Draining (shutting down), migrations missing, or the database does not answer' } },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus text metrics of this instance: requests and latencies by route, the feed version, snapshot age, connected change streams',
        responses: { 200: { description: 'Prometheus exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    [CHANGE_STREAM_PATH]: {
      get: {
        summary: 'Server-Sent Events announcing the change feed\'s newest version: sync when it moves',
        description:
          'A `latest` event (its `id` the version, its data a ChangeAnnouncement) comes first with the version as of connecting, then whenever a publication on any instance moves it; a comment line (`: heartbeat`) comes every 15 s. The stream carries no records: read them from the change feed. Each instance holds a bounded number of streams.',
        responses: {
          200: { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string', description: 'Events whose data is a ChangeAnnouncement (#/components/schemas/ChangeAnnouncement)' } } } },
          503: error('This instance holds its most streams, or is shutting down; see Retry-After, and poll the change feed meanwhile'),
        },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } } },
    [REGISTRATION_PATH]: {
      get: { summary: 'A page with the form that creates a community account, for people (the app links to it)', responses: { 200: htmlPage('The form') } },
      post: {
        summary: 'Creates a community account from the page\'s form (the same registration as POST /api/v1/members), answering with a page',
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: ref('MemberRegistration') } } },
        responses: {
          201: htmlPage('The account is created'),
          400: htmlPage('The form again, with each problem at its field'),
          409: htmlPage('The form again: the e-mail address has an account'),
          413: htmlPage('The form again: the body is larger than 16 KB'),
          415: htmlPage('The body is not application/x-www-form-urlencoded'),
          429: htmlPage('Rate limited; see Retry-After'),
        },
      },
    },
    [`${API_PREFIX}/changes`]: {
      get: {
        summary: 'Every create, update and delete after `since`, in one global order',
        parameters: [
          queryParam('since', 'The cursor of the previous page (0 for a full sync)', { type: 'integer', minimum: 0, default: 0 }),
          queryParam('limit', 'Changes per page', { type: 'integer', minimum: 1, maximum: MAX_CHANGES_LIMIT, default: DEFAULT_CHANGES_LIMIT }),
          queryParam('horizon', 'For a walk that began at since=0 after a 409: the horizon that 409 named. While the horizon has not moved, the walk is not sent back to 0', { type: 'integer', minimum: 0 }),
          queryParam('historySince', 'Where the client\'s sync began (0 for a full sync): an upsert of legislation or a country sheet carries in `history` its earlier versions published after it, oldest first', { type: 'integer', minimum: 0, default: 0 }),
        ],
        responses: {
          200: jsonBody(ref('ChangesPage'), 'A page of changes; continue with since=cursor while hasMore'),
          304: { description: 'Not modified since the ETag sent in If-None-Match' },
          400: error('Invalid since or limit'),
          409: jsonBody(ref('ResyncRequired'), 'since is older than the tombstone horizon: resync from 0, naming this horizon in every request of that walk'),
        },
      },
    },
    [`${API_PREFIX}/attachments/{sha256}`]: {
      get: {
        summary: 'An attachment by its SHA-256; immutable; supports Range',
        parameters: [pathParam('sha256', 'Lower-case hex SHA-256', { type: 'string', pattern: '^[0-9a-f]{64}$' }), { name: 'Range', in: 'header', required: false, schema: { type: 'string' } }],
        responses: { 200: { description: 'The file' }, 206: { description: 'The requested byte range' }, 404: error('Unknown attachment'), 416: { description: 'Range not satisfiable' } },
      },
    },
    [`${API_PREFIX}/snapshot`]: {
      get: {
        summary: 'The newest corpus snapshot: the whole public corpus at one feed version, for a first sync; continue with changes?since=version',
        responses: { 200: jsonBody(ref('SnapshotListing'), 'The newest snapshot, and the prebuilt corpora (one per client schema level)'), 404: error('No snapshot built yet: sync through the change feed') },
      },
    },
    [`${API_PREFIX}/snapshots/{sha256}`]: {
      get: {
        summary: 'A snapshot file by its SHA-256 (gzip-compressed JSON Lines: a header line, then one feed upsert per record; or a prebuilt corpus listed under prebuilt: a gzip-compressed SQLite database); immutable; supports Range and If-Range',
        parameters: [
          pathParam('sha256', 'Lower-case hex SHA-256 of the file', { type: 'string', pattern: '^[0-9a-f]{64}$' }),
          { name: 'Range', in: 'header', required: false, schema: { type: 'string' } },
          { name: 'If-Range', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: { description: 'The file', content: { 'application/gzip': { schema: { type: 'string', contentMediaType: 'application/gzip' } } } },
          206: { description: 'The requested byte range' },
          404: error('Unknown snapshot (or pruned: ask GET /api/v1/snapshot again)'),
          416: { description: 'Range not satisfiable' },
        },
      },
    },
    [`${API_PREFIX}/editor/snapshots`]: {
      post: {
        summary: 'Build a corpus snapshot now, unless the newest one already holds the latest version (editors)',
        security: editor,
        responses: { 200: jsonBody(ref('SnapshotInfo'), 'The snapshot at the latest version'), 401: error('No editor token') },
      },
    },
    '/updates/{file}': {
      get: {
        summary: "A file of the app's updates folder (electron-builder's latest*.yml and beta*.yml, installers, blockmaps); supports Range and If-Range",
        parameters: [
          pathParam('file', 'A plain file name directly inside the folder (no dotfiles, no paths)'),
          { name: 'Range', in: 'header', required: false, schema: { type: 'string' } },
          { name: 'If-Range', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: { description: 'The file (update info files with Cache-Control: no-cache)' },
          206: { description: 'The requested byte range' },
          304: { description: 'Not modified (If-None-Match, If-Modified-Since)' },
          400: error('Not a plain file name'),
          404: error('No such file, or the portal publishes no updates'),
          416: { description: 'Range not satisfiable' },
        },
      },
    },
    [`${API_PREFIX}/members`]: {
      post: {
        summary: 'Register as a community member',
        requestBody: { required: true, content: { 'application/json': { schema: ref('MemberRegistration') } } },
        responses: { 201: jsonBody(ref('PublicMember'), 'Registered'), 400: error('Invalid registration'), 409: error('E-mail already registered'), 429: error('Rate limited') },
      },
    },
    [`${API_PREFIX}/sessions`]: {
      post: {
        summary: 'Sign in: a bearer token for member routes',
        requestBody: { required: true, content: { 'application/json': { schema: ref('SessionRequest') } } },
        responses: { 201: jsonBody(ref('SessionResponse'), 'Signed in'), 400: error('Invalid request'), 401: error('Wrong e-mail or password'), 429: error('Rate limited') },
      },
    },
    [`${API_PREFIX}/sessions/current`]: {
      delete: {
        summary: 'Sign out: the bearer token is revoked on the portal',
        security: [{ memberToken: [] }],
        responses: { 204: { description: 'Signed out' }, 401: error('No valid session token'), 429: error('Rate limited') },
      },
    },
    [`${API_PREFIX}/forum/threads`]: memberWrite('Start a forum thread with its first post', 'NewForumThread'),
    [`${API_PREFIX}/forum/threads/{id}/posts`]: memberWrite('Reply in a forum thread', 'NewForumPost', [pathParam('id', 'Thread id')]),
    [`${API_PREFIX}/partner-requests`]: memberWrite('Publish a partner request', 'NewPartnerRequest'),
    ...memberStorePaths(),
    [`${API_PREFIX}/editor/{type}/{id}`]: {
      put: {
        summary: 'Create or update a record (editors)',
        security: editor,
        parameters: [pathParam('type', 'Content type', { enum: CONTENT_TYPES }), pathParam('id', 'Record id')],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: CONTENT_TYPES.map((type) => ref(`${schemaName(type)}Input`)) } } } },
        responses: { 200: { description: 'Written, with its new version' }, 400: error('Invalid record'), 401: error('No editor token') },
      },
      delete: {
        summary: 'Delete a record, leaving a tombstone in the feed (editors)',
        security: editor,
        parameters: [pathParam('type', 'Content type', { enum: CONTENT_TYPES }), pathParam('id', 'Record id')],
        responses: { 200: { description: 'Deleted' }, 401: error('No editor token'), 404: error('No such record') },
      },
    },
    ...Object.fromEntries(
      (['hide', 'unhide'] as const).map((op) => [
        `${API_PREFIX}/editor/{type}/{id}/${op}`,
        {
          post: {
            summary: op === 'hide' ? 'Moderation: hide a record (served as a delete in the feed)' : 'Moderation: show a hidden record again',
            security: editor,
            parameters: [pathParam('type', 'Content type', { enum: CONTENT_TYPES }), pathParam('id', 'Record id')],
            responses: { 200: { description: 'Done' }, 401: error('No editor token'), 404: error('No such record') },
          },
        },
      ]),
    ),
    [`${API_PREFIX}/editor/import`]: {
      post: {
        summary: 'Apply a JSON Lines file of upsert/delete/hide/unhide operations, all or nothing (editors)',
        security: editor,
        requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        responses: { 200: { description: 'Applied' }, 400: error('A line is invalid: nothing written'), 401: error('No editor token') },
      },
    },
    [`${API_PREFIX}/editor/attachments`]: {
      post: {
        summary: 'Upload an attachment; answers its SHA-256 (editors)',
        security: editor,
        parameters: [{ name: 'fileName', in: 'query', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
        responses: { 201: { description: 'Stored' }, 400: error('Missing file name or type'), 401: error('No editor token'), 413: error('Too large') },
      },
    },
    [`${API_PREFIX}/editor/tombstones/purge`]: {
      post: {
        summary: 'Purge tombstones up to a version; clients behind it must resync (editors)',
        security: editor,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { uptoVersion: { type: 'integer', minimum: 0 } }, required: ['uptoVersion'] } } } },
        responses: { 200: { description: 'Purged' }, 400: error('Invalid request'), 401: error('No editor token') },
      },
    },
  };
  for (const type of CONTENT_TYPES) {
    const name = schemaName(type);
    schemas[name] = schemaOf(contentRecordSchemas[type], 'output');
    schemas[`${name}Input`] = schemaOf(contentFieldSchemas[type], 'input');
    const base = `${API_PREFIX}/${COLLECTION_PATHS[type]}`;
    paths[base] = {
      ...(paths[base] as Json | undefined),
      get: {
        summary: `List ${type} records in id order`,
        parameters: [
          queryParam('country', 'ISO 3166-1 alpha-2'),
          queryParam('theme', 'Theme slug'),
          queryParam('language', 'ISO 639-1'),
          queryParam('kind', 'Document type, funder type, link category or organisation type'),
          queryParam('parent', 'Forum of a thread, thread of a post'),
          queryParam('after', 'The `next` of the previous page'),
          queryParam('limit', 'Items per page', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
        ],
        responses: {
          200: jsonBody({ type: 'object', properties: { items: { type: 'array', items: ref(name) }, next: { type: ['string', 'null'] } }, required: ['items', 'next'] }, 'A page'),
          400: error('Invalid filter'),
        },
      },
    };
    paths[`${base}/{id}`] = {
      get: { summary: `One ${type}`, parameters: [pathParam('id', 'Record id')], responses: { 200: jsonBody(ref(name), 'The record'), 404: error('No such record') } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'EWSI portal API',
      version: '1.0.0',
      description: 'The European Web Site on Integration: content, change feed, members and community writes. Content HTML is untrusted: sanitize before display.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        memberToken: { type: 'http', scheme: 'bearer', description: 'From POST /api/v1/sessions' },
        editorToken: { type: 'http', scheme: 'bearer', description: "The server's editor token" },
      },
    },
  };
}
