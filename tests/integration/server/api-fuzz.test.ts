// A fuzzer of the portal API generated from its OpenAPI document: valid and
// bent requests to every route, from every kind of sender. Any 5xx, any answer
// slower than 5 s, or any write behind a 4xx is a finding.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../server/openapi';
import { testEngines } from '../../support/databases';
import { requestArbitrary, type OpenApiDocument } from '../../support/openapi-arbitraries';
import { EDITOR_TOKEN, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';

const RUNS = Number(process.env.EWSI_FUZZ_RUNS ?? 600);
const SEED = Number(process.env.EWSI_FUZZ_SEED ?? 20261203);
const GENEROUS = { limit: 1_000_000, windowMs: 60_000 };
const MEMBER = { email: 'fuzz@example.org', password: 'correct horse battery', displayName: 'Fuzz', country: 'PT' };
const TABLES = ['content', 'counters', 'members', 'sessions', 'idempotency_keys', 'attachments', 'member_stores', 'member_items', 'member_keyrings'] as const;

describe.each(testEngines())('portal API fuzzer on $name', (engine) => {
  let server: TestPortal;
  let memberToken: string;
  const knownIds = ['doc-fuzz-1', 'forum-employment', 'thread-fuzz-1', 'document', 'forum-thread', 'forum-post', 'partner-request', 'latest.yml'];

  const signIn = async () => {
    const response = await fetch(`${server.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MEMBER.email, password: MEMBER.password }) });
    return ((await response.json()) as { token: string }).token;
  };
  /** Row counts of every table, and the feed's counter: what any write would change. */
  const snapshot = async () => {
    const counts = await Promise.all(TABLES.map(async (table) => (await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(server.db)).rows[0]!.n));
    const latest = ((await (await fetch(`${server.url}/api/v1/changes?since=0&limit=1`)).json()) as { latest: number }).latest;
    return JSON.stringify({ counts: counts.map(Number), latest });
  };

  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { perAddress: GENEROUS, memberWrites: GENEROUS, signIn: GENEROUS } });
    await server.editor('PUT', '/api/v1/editor/document/doc-fuzz-1', sampleDocument('doc-fuzz-1'));
    await server.editor('PUT', '/api/v1/editor/forum/forum-employment', { id: 'forum-employment', language: 'en', title: 'Employment' });
    await server.editor('PUT', '/api/v1/editor/forum-thread/thread-fuzz-1', { id: 'thread-fuzz-1', forumId: 'forum-employment', language: 'en', title: 'A thread', authorName: 'Editor', createdAt: '2026-01-01T00:00:00.000Z' });
    const upload = await server.editor('POST', '/api/v1/editor/attachments?fileName=report.pdf', new Uint8Array([37, 80, 68, 70, 45, 49]), { 'content-type': 'application/pdf' });
    knownIds.push(((await upload.json()) as { sha256: string }).sha256);
    expect((await fetch(`${server.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) })).status).toBe(201);
    memberToken = await signIn();
  });
  afterAll(() => server?.close());

  it(`sends ${RUNS} generated requests: no 5xx, no hang past 5 s, no write behind a 4xx`, { timeout: 600_000 }, async () => {
    const document = buildOpenApiDocument() as unknown as OpenApiDocument;
    const statuses = new Map<number, number>();
    const routes = new Set<string>();
    const findings: string[] = [];
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary(document, knownIds), async (request) => {
        const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
        const before = isWrite ? await snapshot() : undefined;
        const auth = { none: undefined, member: memberToken, editor: EDITOR_TOKEN, forged: 'A'.repeat(43) }[request.credential];
        let status: number;
        try {
          const response = await fetch(`${server.url}${request.path}`, {
            method: request.method,
            headers: { ...request.headers, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
            body: request.body,
            signal: AbortSignal.timeout(5000),
          });
          // The change stream never ends: its head answered, which is all a request to it can show.
          if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
          else await response.arrayBuffer();
          status = response.status;
        } catch (error) {
          findings.push(`${request.method} ${request.path.slice(0, 120)}: no complete answer within 5 s (${error instanceof Error ? error.message : String(error)})`);
          return false;
        }
        sent += 1;
        routes.add(`${request.method} ${request.route}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) {
          findings.push(`${request.method} ${request.path.slice(0, 120)}: ${status}`);
          return false;
        }
        if (before !== undefined && status >= 400) {
          const after = await snapshot();
          if (after !== before) {
            findings.push(`${request.method} ${request.path.slice(0, 120)}: answered ${status} but wrote (${before} → ${after})`);
            return false;
          }
        }
        // The fuzzer signed its own member out: sign in again so member routes stay reachable.
        if (request.credential === 'member' && request.route.endsWith('/sessions/current') && status === 204) memberToken = await signIn();
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    ).finally(() => {
      const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
      console.log(`API fuzz on ${engine.name}: ${sent} requests to ${routes.size} operations (seed ${SEED}); statuses ${histogram}; findings: ${findings.length ? findings.join('; ') : 'none'}`);
    });
    expect(findings).toEqual([]);
    // Every operation of the document was reached.
    const operations = Object.values(document.paths).reduce((total, methods) => total + Object.keys(methods).length, 0);
    expect(routes.size).toBe(operations);
  });
});
