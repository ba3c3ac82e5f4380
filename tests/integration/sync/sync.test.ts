import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { integrityCheck, localContent, presentAttachmentHashes, serverContent, startCore } from '../../support/sync';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function coreFor(options: { pageLimit?: number; retries?: number } = {}) {
  const started = await startCore(options);
  cleanups.push(() => started.close());
  return started;
}

async function proxyTo(server: TestPortal): Promise<FaultProxy> {
  const proxy = await startFaultProxy(server.url);
  cleanups.push(() => proxy.close());
  return proxy;
}

describe.each(testEngines())('sync against a real portal on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 300 });
  });
  afterAll(() => server?.close());

  it('a full sync equals the server exactly: every type, every field, attachments by hash', async () => {
    const { core, dataDir } = await coreFor({ pageLimit: 97 });
    const result = await core.sync.run(server.url);
    const expected = await serverContent(server.url);
    expect(result.upserts).toBe(expected.size);
    expect(localContent(dataDir)).toEqual(expected);
    const status = core.sync.status();
    expect(status.cursor).toBe(status.latest);
    expect(Object.keys(status.counts).sort()).toEqual(['country-sheet', 'document', 'event', 'forum', 'forum-post', 'forum-thread', 'funding', 'good-practice', 'link', 'news', 'partner-request']);
    const hashes = presentAttachmentHashes(dataDir);
    expect(hashes.length).toBeGreaterThanOrEqual(3);
    expect(status.attachments).toMatchObject({ present: hashes.length, missing: 0 });
    for (const { expected: sha, actual } of hashes) expect(actual).toBe(sha);
  });

  it('an incremental sync applies only what changed: edits, deletes and additions', async () => {
    const { core, dataDir } = await coreFor();
    await core.sync.run(server.url);
    await server.editor('PUT', '/api/v1/editor/document/doc-000002', { ...sampleDocument('doc-000002'), title: 'Amended title' });
    await server.editor('DELETE', '/api/v1/editor/document/doc-000003');
    await server.editor('DELETE', '/api/v1/editor/link/link-00001');
    await server.editor('PUT', '/api/v1/editor/document/doc-new', sampleDocument('doc-new'));
    const result = await core.sync.run();
    expect(result).toMatchObject({ upserts: 2, deletes: 2, resynced: false });
    expect(localContent(dataDir)).toEqual(await serverContent(server.url));
    const noop = await core.sync.run();
    expect(noop).toMatchObject({ pages: 1, upserts: 0, deletes: 0 });
  });

  it('a resync rebuilds the corpus and keeps annotations, collections and outbox rows', async () => {
    const { core, dataDir } = await coreFor();
    await core.sync.run(server.url);
    const user = core.stores.user.sqlite;
    const now = new Date().toISOString();
    user.prepare("INSERT INTO annotations (id, target_type, target_id, target_version, selector, note, created_at, updated_at) VALUES ('a1', 'document', 'doc-000010', 1, '{}', 'check article 3', ?, ?)").run(now, now);
    user.prepare("INSERT INTO collections (id, name, created_at, updated_at) VALUES ('c1', 'Family reunification', ?, ?)").run(now, now);
    user.prepare("INSERT INTO collection_items (collection_id, item_type, item_id, added_at) VALUES ('c1', 'document', 'doc-000011', ?)").run(now);
    user.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, state, created_at, updated_at) VALUES ('o1', 'forum-post', 'key-12345678', '{}', 'queued', ?, ?)").run(now, now);
    const userRowsBefore = ['annotations', 'collections', 'collection_items', 'outbox'].map((t) => user.prepare(`SELECT * FROM ${t}`).all());

    // Deletes the client has not seen are purged: its cursor is now behind the horizon.
    await server.editor('DELETE', '/api/v1/editor/document/doc-000010');
    const { latest } = await server.portal.content.latestVersion();
    await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: latest });
    const result = await core.sync.run();
    expect(result.resynced).toBe(true);
    expect(localContent(dataDir)).toEqual(await serverContent(server.url));
    expect(['annotations', 'collections', 'collection_items', 'outbox'].map((t) => user.prepare(`SELECT * FROM ${t}`).all())).toEqual(userRowsBefore);
  });
});

describe('sync through faults', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 100 });
  });
  afterAll(() => server?.close());

  /** The local store is what some prefix of the feed made it, and SQLite agrees it is sound. */
  async function expectConsistent(dataDir: string, core: Awaited<ReturnType<typeof coreFor>>['core']) {
    expect(integrityCheck(dataDir)).toBe('ok');
    const { cursor } = core.sync.status();
    const prefix = new Map([...(await serverContent(server.url))].filter(([, record]) => (record as { version: number }).version <= cursor));
    expect(localContent(dataDir)).toEqual(prefix);
  }

  it('rejects a schema-invalid page whole, says why, and leaves the store untouched', async () => {
    const proxy = await proxyTo(server);
    const { core, dataDir } = await coreFor({ pageLimit: 50 });
    await core.sync.run(proxy.url);
    await server.editor('PUT', '/api/v1/editor/document/doc-000001', sampleDocument('doc-000001', { title: 'Edited' }));
    const before = localContent(dataDir);
    const cursorBefore = core.sync.status().cursor;
    proxy.plan = (request) =>
      request.path.startsWith('/api/v1/changes')
        ? { kind: 'replace-body', body: JSON.stringify({ changes: [{ op: 'upsert', version: cursorBefore + 1, type: 'document', id: 'doc-000001', updatedAt: new Date().toISOString(), record: { id: 'doc-000001', title: 42 } }], cursor: cursorBefore + 1, hasMore: false, latest: cursorBefore + 1 }) }
        : { kind: 'pass' };
    await expect(core.sync.run()).rejects.toThrow(/Invalid document doc-000001 in change 0: .*nothing from this page was applied/);
    expect(core.sync.status().lastError).toMatch(/Invalid document/);
    expect(core.sync.status().cursor).toBe(cursorBefore);
    expect(localContent(dataDir)).toEqual(before);
    expect(integrityCheck(dataDir)).toBe('ok');
  });

  it('retries 500s, dropped connections and truncated bodies, then completes', async () => {
    const proxy = await proxyTo(server);
    const faults = ['status', 'drop-before', 'truncate', 'drop-after', 'pass'] as const;
    let feedRequests = 0;
    proxy.plan = (request) => {
      if (!request.path.startsWith('/api/v1/changes')) return { kind: 'pass' };
      const kind = faults[feedRequests++ % faults.length]!;
      return kind === 'status' ? { kind, status: 500, body: 'boom' } : { kind };
    };
    const { core, dataDir } = await coreFor({ pageLimit: 40 });
    const result = await core.sync.run(proxy.url);
    expect(result.cursor).toBe(result.latest);
    expect(proxy.log.map((entry) => entry.fault)).toEqual(expect.arrayContaining(['status', 'drop-before', 'truncate', 'drop-after']));
    expect(localContent(dataDir)).toEqual(await serverContent(server.url));
  });

  it('when the portal stays broken, fails with a visible error and a consistent store', async () => {
    const proxy = await proxyTo(server);
    let feedRequests = 0;
    proxy.plan = (request) => (request.path.startsWith('/api/v1/changes') && feedRequests++ >= 2 ? { kind: 'status', status: 503, body: '{"error":"maintenance","message":"down for maintenance"}' } : { kind: 'pass' });
    const { core, dataDir } = await coreFor({ pageLimit: 60, retries: 2 });
    await expect(core.sync.run(proxy.url)).rejects.toThrow(/after 3 attempts: the portal answered 503: down for maintenance/);
    expect(core.sync.status().lastError).toMatch(/503/);
    expect(core.sync.status().cursor).toBeGreaterThan(0);
    await expectConsistent(dataDir, core);
    proxy.plan = () => ({ kind: 'pass' });
    await core.sync.run();
    expect(localContent(dataDir)).toEqual(await serverContent(server.url));
  });

  it('marks the portal offline when it cannot be reached, keeping what was synced', async () => {
    const proxy = await proxyTo(server);
    const { core, dataDir } = await coreFor({ retries: 1 });
    await core.sync.run(proxy.url);
    proxy.plan = () => ({ kind: 'drop-before' });
    await expect(core.sync.run()).rejects.toThrow(/dropped|socket|reach/i);
    expect(core.sync.status().online).toBe(false);
    await expectConsistent(dataDir, core);
  });

  it('can be cancelled, leaving whole pages only', async () => {
    const proxy = await proxyTo(server);
    proxy.plan = (request) => (request.path.startsWith('/api/v1/changes') ? { kind: 'delay', ms: 150 } : { kind: 'pass' });
    const { core, dataDir } = await coreFor({ pageLimit: 20 });
    const running = core.sync.run(proxy.url);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(core.sync.cancel()).toBe(true);
    await expect(running).rejects.toThrow(/cancelled/);
    await expectConsistent(dataDir, core);
  });
});
