import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { readFeed, samplePartnerRequest, startTestPortal, type TestPortal } from '../../support/portal';

const partnerRequest = samplePartnerRequest();

describe.each(testEngines())('members and community writes on $name', (engine) => {
  let server: TestPortal;
  let token: string;
  let keyCounter = 0;
  const newKey = () => `key-${engine.dialect}-${Date.now()}-${keyCounter++}`;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  /** `key: null` sends no Idempotency-Key at all. */
  const asMember = (path: string, body: unknown, key: string | null = newKey(), headers: Record<string, string> = {}) =>
    post(path, body, { authorization: `Bearer ${token}`, ...(key === null ? {} : { 'idempotency-key': key }), ...headers });

  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { memberWrites: { limit: 1000, windowMs: 60_000 }, perAddress: { limit: 10_000, windowMs: 60_000 } } });
    await server.editor('PUT', '/api/v1/editor/forum/forum-employment', { id: 'forum-employment', language: 'en', title: 'Employment' });
    const registered = await post('/api/v1/members', { email: 'Ana@Example.org', password: 'correct horse battery', displayName: 'Ana Silva', organisation: 'CPR', country: 'PT' });
    expect(registered.status).toBe(201);
    const session = await post('/api/v1/sessions', { email: 'ana@example.org', password: 'correct horse battery' });
    expect(session.status).toBe(201);
    token = ((await session.json()) as { token: string }).token;
  });
  afterAll(() => server?.close());

  it('registers members once, stores passwords hashed and tokens only as hashes', async () => {
    const again = await post('/api/v1/members', { email: 'ana@example.org', password: 'another password', displayName: 'Ana', country: 'PT' });
    expect(again.status).toBe(409);
    const weak = await post('/api/v1/members', { email: 'b@example.org', password: 'short', displayName: 'B', country: 'PT' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'password' })] });
    const wrong = await post('/api/v1/sessions', { email: 'ana@example.org', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    const db = (server.portal.members as unknown as { db: import('kysely').Kysely<import('../../../server/db/schema').ServerDatabase> }).db;
    const member = await db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
    expect(member.password_hash).toMatch(/^scrypt\$/);
    expect(member.password_hash).not.toContain('correct horse');
    const sessions = await db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 401 on every member route without a valid token', async () => {
    for (const path of ['/api/v1/forum/threads', '/api/v1/forum/threads/thread-x/posts', '/api/v1/partner-requests']) {
      const none = await post(path, {}, { 'idempotency-key': newKey() });
      expect(none.status, path).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      const forged = await post(path, {}, { 'idempotency-key': newKey(), authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
      expect(forged.status, path).toBe(401);
    }
  });

  it('creates a thread with its first post, and replies, visible in the feed', async () => {
    const created = await asMember('/api/v1/forum/threads', { forumId: 'forum-employment', title: 'Recognition of qualifications', body: 'How do you handle it?' });
    expect(created.status).toBe(201);
    const thread = (await created.json()) as { id: string; version: number; record: { authorName: string } };
    expect(thread.record.authorName).toBe('Ana Silva');
    const reply = await asMember(`/api/v1/forum/threads/${thread.id}/posts`, { body: 'Through the national ENIC-NARIC centre.' });
    expect(reply.status).toBe(201);
    const { changes } = await readFeed(server.url, thread.version - 1);
    expect(changes.map((c) => c.type)).toEqual(['forum-thread', 'forum-post', 'forum-post']);
    expect((await asMember('/api/v1/forum/threads/thread-missing/posts', { body: 'x' })).status).toBe(404);
    expect((await asMember('/api/v1/forum/threads', { forumId: 'forum-missing', title: 't', body: 'b' })).status).toBe(404);
  });

  it('replays the same key and payload, refuses another payload (422) and a missing key (400)', async () => {
    const key = newKey();
    const first = await asMember('/api/v1/partner-requests', partnerRequest, key);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const replay = await asMember('/api/v1/partner-requests', partnerRequest, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstBody);
    const other = await asMember('/api/v1/partner-requests', { ...partnerRequest, title: 'Another title entirely' }, key);
    expect(other.status).toBe(422);
    const missing = await asMember('/api/v1/partner-requests', partnerRequest, null);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'idempotency_key_missing' });
    const id = (JSON.parse(firstBody) as { id: string }).id;
    const { changes } = await readFeed(server.url);
    expect(changes.filter((c) => c.id === id)).toHaveLength(1);
  });

  it('answers 409 while the first request with a key is still running', async () => {
    const key = newKey();
    const db = (server.portal.members as unknown as { db: import('kysely').Kysely<import('../../../server/db/schema').ServerDatabase> }).db;
    const member = await db.selectFrom('members').select('id').executeTakeFirstOrThrow();
    const body = { body: 'A reply whose first attempt is still in flight.' };
    const { requestFingerprint } = await import('../../../server/idempotency');
    const thread = ((await (await asMember('/api/v1/forum/threads', { forumId: 'forum-employment', title: 'In flight', body: 'x' })).json()) as { id: string }).id;
    const path = `/api/v1/forum/threads/${thread}/posts`;
    // The state a concurrent first request leaves while it runs.
    await db.insertInto('idempotency_keys').values({ member_id: member.id, key, request_hash: requestFingerprint('POST', path, body), state: 'in-flight', response_status: null, response_body: null, created_at: new Date().toISOString() }).execute();
    const retry = await asMember(path, body, key);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
  });

  it('creates exactly one record when the same request arrives many times at once', async () => {
    const key = newKey();
    const responses = await Promise.all(Array.from({ length: 12 }, () => asMember('/api/v1/partner-requests', partnerRequest, key)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(await Promise.all(responses.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const { changes } = await readFeed(server.url);
    expect(changes.filter((c) => ids.has(c.id))).toHaveLength(1);
  });

  it('validates community writes and writes nothing on bad input', async () => {
    const before = await server.portal.content.latestVersion();
    const invalid = await asMember('/api/v1/partner-requests', { ...partnerRequest, country: 'France', projectIdea: 'short' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['country', 'projectIdea']));
    expect((await asMember('/api/v1/partner-requests', '{broken')).status).toBe(400);
    expect((await asMember('/api/v1/partner-requests', partnerRequest, 'bad key with spaces')).status).toBe(400);
    expect(await server.portal.content.latestVersion()).toEqual(before);
  });

  it('refuses a partner request that has already expired, and takes the same key once it is fixed', async () => {
    const before = await server.portal.content.latestVersion();
    const key = newKey();
    const expired = await asMember('/api/v1/partner-requests', { ...partnerRequest, expiresOn: '2020-01-31' }, key);
    expect(expired.status).toBe(400);
    const body = (await expired.json()) as { message: string; issues: Array<{ path: string }> };
    expect(body.message).toContain('expiry date 2020-01-31 has passed');
    expect(body.issues.map((issue) => issue.path)).toEqual(['expiresOn']);
    expect(await server.portal.content.latestVersion()).toEqual(before);
    const fixed = await asMember('/api/v1/partner-requests', { ...partnerRequest, expiresOn: '2099-12-31' }, key);
    expect(fixed.status).toBe(201);
  });
});

describe.each(testEngines())('rate limits on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { memberWrites: { limit: 2, windowMs: 60_000 }, signIn: { limit: 3, windowMs: 60_000 } } });
  });
  afterAll(() => server?.close());

  it('answers 429 with Retry-After per member and per address', async () => {
    const json = { 'content-type': 'application/json' };
    await fetch(`${server.url}/api/v1/members`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'r@example.org', password: 'long enough password', displayName: 'R', country: 'AT' }) });
    const signIns = [];
    for (let i = 0; i < 4; i += 1) signIns.push(await fetch(`${server.url}/api/v1/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'r@example.org', password: 'long enough password' }) }));
    expect(signIns.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(Number(signIns[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    const token = ((await signIns[0]!.json()) as { token: string }).token;
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${server.url}/api/v1/partner-requests`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': `rate-${i}-abcdefgh` }, body: '{}' });
      statuses.push(response.status);
      if (response.status === 429) expect(await response.json()).toMatchObject({ error: 'rate_limited' });
    }
    expect(statuses).toEqual([400, 400, 429]);
  });
});
