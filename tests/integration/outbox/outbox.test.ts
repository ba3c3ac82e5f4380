// The outbox against a real portal on 127.0.0.1: compose, edit and cancel
// rules, lane order, refusals with the portal's message, 401, Retry-After,
// sign-in and its token file, and a sent item giving way to its synced copy.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { TOKEN_FILE } from '../../../electron/core/outbox/token-store';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { createThread, FORUM_ID, MEMBER, startCommunityPortal } from '../../support/community';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { readFeed, samplePartnerRequest, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

const FAST = { baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000, maxRetryAfterMs: 20 };

describe('the outbox', () => {
  let server: TestPortal;
  let core: Core;
  let temp: { dir: string; cleanup(): void };
  let proxy: FaultProxy | undefined;

  const call = async (method: string, args: unknown) => {
    const envelope = await core.dispatch(method, args);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as never;
  };
  const failure = async (method: string, args: unknown) => {
    const envelope = await core.dispatch(method, args);
    if (envelope.ok) throw new Error(`${method} succeeded`);
    return envelope.error;
  };
  /** Forum posts in the feed after `since`, by body. */
  const postsSince = async (since: number) => (await readFeed(server.url, since)).changes.filter((c) => c.op === 'upsert' && c.type === 'forum-post');

  beforeAll(async () => {
    server = await startCommunityPortal(['thread-a', 'thread-b']);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    temp = makeTempDir('ewsi-outbox-');
    core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', outbox: { push: FAST } });
  });
  afterEach(async () => {
    await core.close();
    await proxy?.close();
    proxy = undefined;
    temp.cleanup();
  });
  const signIn = (url = server.url) => call('auth.signIn', { serverUrl: url, email: MEMBER.email, password: MEMBER.password });

  it('composes each kind in one row with its own key, lane and place, validated strictly', async () => {
    const first = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'First reply' })) as { id: string; idempotencyKey: string; lane: string; seq: number; state: string; payload: unknown; editable: boolean };
    const second = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Second reply', language: 'fr' })) as typeof first;
    const thread = (await call('outbox.composeThread', { forumId: FORUM_ID, title: 'New topic', body: 'Opening post' })) as typeof first;
    const partner = (await call('outbox.composePartnerRequest', samplePartnerRequest())) as typeof first;
    expect(first).toMatchObject({ state: 'queued', lane: 'thread:thread-a', seq: 1, editable: true, payload: { threadId: 'thread-a', body: 'First reply', language: 'en' } });
    expect(second).toMatchObject({ lane: 'thread:thread-a', seq: 2 });
    expect(thread.lane).toBe(`forum.thread:${thread.id}`);
    expect(partner.lane).toBe(`partner.request:${partner.id}`);
    const keys = [first, second, thread, partner].map((item) => item.idempotencyKey);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(4);

    expect(await failure('outbox.composeReply', { threadId: 'thread-a', body: '   ' })).toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('args.body') });
    expect(await failure('outbox.composeReply', { threadId: 'thread-a', body: 'x', author: 'me' })).toMatchObject({ code: 'invalid_arguments', message: expect.stringMatching(/author/) });
    expect(await failure('outbox.composePartnerRequest', { ...samplePartnerRequest(), projectIdea: 'short' })).toMatchObject({ message: expect.stringContaining('at least 20 characters') });
    const listed = (await call('outbox.list', {})) as { items: Array<{ id: string }>; counts: Record<string, number> };
    expect(listed.items.map((item) => item.id)).toEqual([first.id, second.id, thread.id, partner.id]);
    expect(listed.counts).toEqual({ queued: 4, sending: 0, needsAttention: 0, sent: 0, cancelled: 0, restored: 0 });
    expect(((await call('outbox.list', { threadId: 'thread-a' })) as typeof listed).items).toHaveLength(2);
  });

  it('"push now" during a run that waits out a backoff sends at once', async () => {
    let posts = 0;
    proxy = await startFaultProxy(server.url, (request) => (request.path.endsWith('/posts') && posts++ === 0 ? { kind: 'drop-before' } : { kind: 'pass' }));
    await signIn(proxy.url);
    const item = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Sent when asked' })) as { id: string };
    // A run whose backoff after the dropped request is a minute: far longer than this test may take.
    const run = core.outbox.push({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    while (core.outbox.store.require(item.id).next_attempt_at === null) await new Promise((resolve) => setImmediate(resolve));
    expect(core.outbox.store.present(core.outbox.store.require(item.id))).toMatchObject({ state: 'queued', attempts: 1 });
    expect(await call('outbox.push', {})).toMatchObject({ started: false });
    expect(await run).toMatchObject({ sent: 1, remaining: 0 });
    expect(posts).toBe(2);
  });

  it('edits and cancels unsent items only, keeping the key', async () => {
    const item = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Draft' })) as { id: string; idempotencyKey: string };
    const edited = (await call('outbox.update', { id: item.id, kind: 'forum.reply', payload: { threadId: 'thread-b', body: 'Edited' } })) as { idempotencyKey: string; lane: string; payload: { body: string } };
    expect(edited).toMatchObject({ idempotencyKey: item.idempotencyKey, lane: 'thread:thread-b', payload: { body: 'Edited' } });
    expect(await failure('outbox.update', { id: item.id, kind: 'forum.thread', payload: { forumId: FORUM_ID, title: 't', body: 'b' } })).toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('is a forum.reply') });
    expect(await failure('outbox.cancel', { id: 'outbox-nope' })).toMatchObject({ code: 'not_found' });

    const cancelled = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Never mind' })) as { id: string };
    expect(await call('outbox.cancel', { id: cancelled.id })).toMatchObject({ state: 'cancelled', editable: false });
    expect(await failure('outbox.update', { id: cancelled.id, kind: 'forum.reply', payload: { threadId: 'thread-a', body: 'Again' } })).toMatchObject({ code: 'conflict' });

    await signIn();
    const since = (await readFeed(server.url)).cursor;
    expect(await core.outbox.push()).toMatchObject({ sent: 1, remaining: 0 });
    expect(await failure('outbox.update', { id: item.id, kind: 'forum.reply', payload: { threadId: 'thread-b', body: 'Too late' } })).toMatchObject({ code: 'conflict', message: expect.stringContaining('already sent') });
    expect(await failure('outbox.cancel', { id: item.id })).toMatchObject({ code: 'conflict' });
    const posts = await postsSince(since);
    expect(posts.map((p) => p.record?.body)).toEqual(['Edited']);
    expect(posts[0]!.record?.threadId).toBe('thread-b');
  });

  it('refuses to edit an item whose attempt got no answer, until a push settles it, and delivers it once', async () => {
    let posts = 0;
    proxy = await startFaultProxy(server.url, (request) => (request.path.endsWith('/posts') && posts++ === 0 ? { kind: 'drop-after' } : { kind: 'pass' }));
    await signIn(proxy.url);
    const item = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Maybe delivered' })) as { id: string };
    const since = (await readFeed(server.url)).cursor;
    expect(await core.outbox.push({ maxAttemptsPerRun: 1 })).toMatchObject({ sent: 0, remaining: 1 });
    const waiting = core.outbox.store.present(core.outbox.store.require(item.id));
    expect(waiting).toMatchObject({ state: 'queued', deliveryUnknown: true, editable: false, attempts: 1 });
    expect(await failure('outbox.update', { id: item.id, kind: 'forum.reply', payload: { threadId: 'thread-a', body: 'Changed' } })).toMatchObject({ code: 'conflict', message: expect.stringContaining('may already have reached the portal') });
    expect(await failure('outbox.cancel', { id: item.id })).toMatchObject({ code: 'conflict' });
    expect(await core.outbox.push()).toMatchObject({ sent: 1, remaining: 0 });
    expect((await postsSince(since)).map((p) => p.record?.body)).toEqual(['Maybe delivered']);
    // The second request carried the same key and the portal replayed its first answer.
    const writes = proxy.log.filter((entry) => entry.path.endsWith('/posts'));
    expect(writes.map((entry) => entry.headers['idempotency-key'])).toEqual([waiting.idempotencyKey, waiting.idempotencyKey]);
    expect(writes.map((entry) => [entry.fault, entry.upstreamStatus])).toEqual([['drop-after', 201], ['pass', 201]]);
  });

  it('sends each lane in written order', async () => {
    await signIn();
    const since = (await readFeed(server.url)).cursor;
    const written: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const threadId = i % 2 === 0 ? 'thread-a' : 'thread-b';
      written.push(`${threadId} #${i}`);
      await call('outbox.composeReply', { threadId, body: `${threadId} #${i}` });
    }
    expect(await core.outbox.push()).toMatchObject({ sent: 6, remaining: 0 });
    const posts = await postsSince(since);
    for (const thread of ['thread-a', 'thread-b']) {
      const inFeed = posts.filter((p) => p.record?.threadId === thread).map((p) => p.record?.body);
      expect(inFeed).toEqual(written.filter((body) => body.startsWith(thread)));
    }
    const items = core.outbox.list({ includeSynced: true }).items;
    expect(items.every((item) => item.state === 'sent' && item.result?.type === 'forum-post')).toBe(true);
    expect(new Set(items.map((item) => item.result!.id))).toEqual(new Set(posts.map((p) => p.id)));
  });

  it("marks a refused item with the portal's message, blocks its lane, and sends it once fixed", async () => {
    await signIn();
    const since = (await readFeed(server.url)).cursor;
    const badThread = (await call('outbox.composeThread', { forumId: 'forum-missing', title: 'Housing question', body: 'Where to start?' })) as { id: string };
    const early = (await call('outbox.composeReply', { threadId: 'thread-later', body: 'Reply before the thread exists' })) as { id: string };
    const late = (await call('outbox.composeReply', { threadId: 'thread-later', body: 'Second reply' })) as { id: string };
    const other = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Unaffected lane' })) as { id: string };

    expect(await core.outbox.push()).toMatchObject({ sent: 1, refused: 2, remaining: 3 });
    const view = (id: string) => core.outbox.store.present(core.outbox.store.require(id));
    expect(view(badThread.id)).toMatchObject({ state: 'needs_attention', lastError: 'No forum with id forum-missing', editable: true, deliveryUnknown: false });
    expect(view(early.id)).toMatchObject({ state: 'needs_attention', lastError: 'No forum thread with id thread-later' });
    expect(view(late.id)).toMatchObject({ state: 'queued', attempts: 0 }); // Blocked behind the refused reply.
    expect(view(other.id)).toMatchObject({ state: 'sent' });
    expect(core.outbox.status()).toMatchObject({ pending: 3, counts: { needsAttention: 2, queued: 1, sent: 1 } });

    // Fix: the thread gets the right forum; the missing thread is published, and the refused reply is retried as it is.
    await call('outbox.update', { id: badThread.id, kind: 'forum.thread', payload: { forumId: FORUM_ID, title: 'Housing question', body: 'Where to start?' } });
    await createThread(server, 'thread-later');
    await call('outbox.retry', { id: early.id });
    expect(await core.outbox.push()).toMatchObject({ sent: 3, refused: 0, remaining: 0 });
    const changes = (await readFeed(server.url, since)).changes;
    expect(changes.filter((c) => c.type === 'forum-thread' && c.record?.title === 'Housing question')).toHaveLength(1);
    const later = changes.filter((c) => c.type === 'forum-post' && c.record?.threadId === 'thread-later').map((c) => c.record?.body);
    expect(later).toEqual(['Reply before the thread exists', 'Second reply']);
  });

  it('stops on 401, keeps everything, and asks to sign in again', async () => {
    await signIn();
    for (let i = 0; i < 3; i += 1) await call('outbox.composeReply', { threadId: 'thread-a', body: `Kept ${i}` });
    // The portal forgets every session (an expiry, a revocation).
    await (server.portal.members as unknown as { db: Kysely<ServerDatabase> }).db.deleteFrom('sessions').execute();
    const result = await core.outbox.push();
    expect(result).toMatchObject({ sent: 0, signInRequired: true, remaining: 3 });
    expect(core.outbox.list({ includeSynced: true }).items.map((item) => item.state)).toEqual(['queued', 'queued', 'queued']);
    expect(core.outbox.list({ includeSynced: true }).items[0]!.lastError).toMatch(/^Sign-in required: The session token is unknown or has expired/);
    expect(await call('auth.status', {})).toMatchObject({ signedIn: false, signInRequired: true, email: MEMBER.email });
    expect(await call('outbox.status', {})).toMatchObject({ signInRequired: true, pending: 3 });
    expect(await call('outbox.push', {})).toEqual({ started: false, reason: 'Sign-in required' });
    await expect(core.outbox.push()).rejects.toMatchObject({ code: 'unauthenticated' });

    await signIn();
    expect(await core.outbox.push()).toMatchObject({ sent: 3, remaining: 0 });
  });

  it('honours Retry-After on 429 and waits out a 409 for a key in flight', async () => {
    let answered = 0;
    proxy = await startFaultProxy(server.url, (request) => {
      if (!request.path.endsWith('/posts')) return { kind: 'pass' };
      answered += 1;
      if (answered === 1) return { kind: 'status', status: 429, headers: { 'retry-after': '7', 'content-type': 'application/json' }, body: JSON.stringify({ error: 'rate_limited', message: 'Too many requests' }) };
      if (answered === 2) return { kind: 'status', status: 409, headers: { 'retry-after': '1', 'content-type': 'application/json' }, body: JSON.stringify({ error: 'request_in_progress', message: 'Still processing' }) };
      return { kind: 'pass' };
    });
    await core.dispatch('auth.signIn', { serverUrl: proxy.url, email: MEMBER.email, password: MEMBER.password });
    const item = (await call('outbox.composeReply', { threadId: 'thread-a', body: 'Patient reply' })) as { id: string };
    const before = Date.now();
    // With Retry-After honoured up to an hour, the item's next attempt is 7 s away.
    expect(await core.outbox.push({ maxAttemptsPerRun: 1, maxRetryAfterMs: 3_600_000 })).toMatchObject({ sent: 0, remaining: 1 });
    const waiting = core.outbox.store.present(core.outbox.store.require(item.id));
    expect(waiting).toMatchObject({ state: 'queued', lastError: 'Too many requests', deliveryUnknown: false, editable: true });
    expect(Date.parse(waiting.nextAttemptAt!) - before).toBeGreaterThanOrEqual(7000);
    core.outbox.store.clearBackoff();
    expect(await core.outbox.push()).toMatchObject({ sent: 1, remaining: 0 });
    expect(answered).toBe(3);
  });

  it('hides a sent item once its synced copy is in the corpus', async () => {
    await signIn();
    const item = (await call('outbox.composeReply', { threadId: 'thread-b', body: 'Shown once' })) as { id: string };
    await core.outbox.push();
    const visible = (await call('outbox.list', { threadId: 'thread-b', includeSynced: false })) as { items: Array<{ id: string; synced: boolean; state: string }> };
    expect(visible.items.map((i) => [i.id, i.state, i.synced])).toEqual([[item.id, 'sent', false]]);
    await core.sync.run(server.url);
    expect(((await call('outbox.list', { threadId: 'thread-b', includeSynced: false })) as typeof visible).items).toEqual([]);
    const all = (await call('outbox.list', { threadId: 'thread-b' })) as typeof visible;
    expect(all.items.map((i) => [i.id, i.synced])).toEqual([[item.id, true]]);
  });

  it("in the app's background mode, pushes after a compose, waits while the portal is away, resumes when it answers, and syncs the copy", async () => {
    await core.close();
    let offline = false;
    proxy = await startFaultProxy(server.url, () => (offline ? { kind: 'drop-before' } : { kind: 'pass' }));
    const listeners: Array<(name: string) => void> = [];
    const events: string[] = [];
    core = await createCore({
      dataDir: temp.dir,
      appVersion: '0.0.0-test',
      // Backoff of a minute: only the portal coming back can make the second attempt happen within this test.
      outbox: { push: { baseDelayMs: 60_000, maxDelayMs: 60_000, timeoutMs: 2000 } },
      sync: { pull: { retries: 0, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 2000 } },
      emit: (name) => {
        events.push(name);
        for (const listener of [...listeners]) listener(name);
      },
    });
    const until = (check: () => boolean) =>
      new Promise<void>((resolve) => {
        if (check()) return resolve();
        const listener = () => {
          if (!check()) return;
          listeners.splice(listeners.indexOf(listener), 1);
          resolve();
        };
        listeners.push(listener);
      });
    await call('settings.update', { syncIntervalMinutes: 0 });
    await signIn(proxy.url);
    core.startBackground();
    await core.sync.run().catch(() => undefined);

    offline = true;
    await core.sync.run().catch(() => undefined); // The portal is away: the core knows it is offline.
    expect(core.sync.status().online).toBe(false);
    const item = core.outbox.compose('forum.reply', { threadId: 'thread-a', body: 'Written offline' });
    const view = () => core.outbox.store.present(core.outbox.store.require(item.id));
    await until(() => view().attempts === 1 && view().state === 'queued');
    expect(view()).toMatchObject({ state: 'queued', deliveryUnknown: true });
    expect(Date.parse(view().nextAttemptAt!)).toBeGreaterThan(Date.now() + 30_000);

    offline = false;
    await core.sync.run(); // The portal answers again: the outbox goes at once, then a sync brings the copy.
    await until(() => core.outbox.list({ includeSynced: false }).items.length === 0);
    expect(view()).toMatchObject({ state: 'sent', synced: true, attempts: 2 });
    expect(events).toContain('outbox.changed');
  });

  it('keeps the token in a 0600 file named session-token, and deletes it on sign-out', async () => {
    expect(await call('auth.status', {})).toMatchObject({ signedIn: false, signInRequired: false });
    expect(await failure('auth.signIn', { serverUrl: server.url, email: MEMBER.email, password: 'wrong password' })).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('E-mail or password is wrong') });
    expect(fs.existsSync(path.join(temp.dir, TOKEN_FILE))).toBe(false);
    const status = await signIn();
    expect(status).toMatchObject({ signedIn: true, serverUrl: server.url, member: { displayName: MEMBER.displayName }, tokenStorage: expect.stringContaining(TOKEN_FILE) });
    const file = path.join(temp.dir, TOKEN_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(core.settings.get().serverUrl).toBe(server.url);
    expect(await call('auth.signOut', {})).toMatchObject({ signedIn: false, signInRequired: false });
    expect(fs.existsSync(file)).toBe(false);
  });
});
