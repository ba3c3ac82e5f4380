import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChangesPage } from '../../../shared/portal-api';
import { testEngines } from '../../support/databases';
import { readFeed, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';

describe.each(testEngines())('change feed and editor API on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine);
  });
  afterAll(() => server?.close());

  it('answers /healthz when the database does', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: engine.dialect });
  });

  it('publishes, updates and deletes through one ordered feed with tombstones', async () => {
    const before = (await readFeed(server.url)).cursor;
    expect((await server.editor('PUT', '/api/v1/editor/document/doc-a', sampleDocument('doc-a'))).status).toBe(200);
    expect((await server.editor('PUT', '/api/v1/editor/document/doc-b', sampleDocument('doc-b'))).status).toBe(200);
    const updated = await server.editor('PUT', '/api/v1/editor/document/doc-a', sampleDocument('doc-a', { title: 'Amended' }));
    expect(await updated.json()).toMatchObject({ id: 'doc-a', version: before + 3, record: { title: 'Amended', version: before + 3 } });
    expect((await server.editor('DELETE', '/api/v1/editor/document/doc-b')).status).toBe(200);

    const { changes, cursor } = await readFeed(server.url, before);
    expect(changes.map((c) => [c.op, c.id, c.version])).toEqual([
      ['upsert', 'doc-a', before + 3],
      ['delete', 'doc-b', before + 4],
    ]);
    expect(changes[0]!.record).toMatchObject({ title: 'Amended', updatedAt: expect.any(String) });
    expect(cursor).toBe(before + 4);

    expect((await fetch(`${server.url}/api/v1/documents/doc-b`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/v1/documents/doc-a`)).json()).toMatchObject({ id: 'doc-a', title: 'Amended' });
    expect((await server.editor('DELETE', '/api/v1/editor/document/doc-b')).status).toBe(404);
  });

  it('pages from 0 to the end returning every record exactly once, each page valid', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `doc-p${String(i).padStart(3, '0')}`);
    const lines = ids.map((id) => JSON.stringify({ op: 'upsert', type: 'document', record: sampleDocument(id) })).join('\n');
    expect((await server.editor('POST', '/api/v1/editor/import', lines, { 'content-type': 'application/x-ndjson' })).status).toBe(200);
    const seen: string[] = [];
    let since = 0;
    for (;;) {
      const response = await fetch(`${server.url}/api/v1/changes?since=${since}&limit=25`);
      const page = parseChangesPage(await response.json());
      expect(page.changes.length).toBeLessThanOrEqual(25);
      seen.push(...page.changes.filter((c) => c.op === 'upsert').map((c) => c.id));
      since = page.cursor;
      if (!page.hasMore) break;
    }
    const visible = await server.portal.content.counts();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Object.values(visible).reduce((a, b) => a + b, 0));
    for (const id of ids) expect(seen).toContain(id);
  });

  it('serves ETag, 304, no-cache and gzip', async () => {
    const first = await fetch(`${server.url}/api/v1/changes?since=0&limit=50`, { headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toContain('no-cache');
    const again = await fetch(`${server.url}/api/v1/changes?since=0&limit=50`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    await server.editor('PUT', '/api/v1/editor/document/doc-etag', sampleDocument('doc-etag'));
    expect((await fetch(`${server.url}/api/v1/changes?since=0&limit=50`, { headers: { 'if-none-match': etag! } })).status).toBe(200);
    // fetch() decodes gzip itself; check the raw encoding with node:http semantics via the header and a manual decode.
    const raw = await import('node:http').then(
      (http) =>
        new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
          http.get(`${server.url}/api/v1/changes?since=0&limit=50`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          }).on('error', reject);
        }),
    );
    expect(raw.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(raw.body).toString('utf8'))).toMatchObject({ changes: expect.any(Array) });
  });

  it('signals a resync below the tombstone horizon, never for a full sync', async () => {
    await server.editor('PUT', '/api/v1/editor/document/doc-t', sampleDocument('doc-t'));
    const deleted = (await (await server.editor('DELETE', '/api/v1/editor/document/doc-t')).json()) as { version: number };
    const purge = await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: deleted.version });
    expect(await purge.json()).toMatchObject({ horizon: deleted.version });
    const stale = await fetch(`${server.url}/api/v1/changes?since=${deleted.version - 1}`);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'resync_required', horizon: deleted.version });
    expect((await fetch(`${server.url}/api/v1/changes?since=0`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/changes?since=${deleted.version}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/changes?since=999999999`)).status).toBe(409);
  });

  it('lets a walk from 0 that names the horizon it began under reach the end, until a purge moves the horizon', async () => {
    for (const id of ['doc-w1', 'doc-w2', 'doc-w3']) await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id));
    const deleted = (await (await server.editor('DELETE', '/api/v1/editor/document/doc-w3')).json()) as { version: number };
    const { horizon } = (await (await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: deleted.version })).json()) as { horizon: number };
    const first = (await (await fetch(`${server.url}/api/v1/changes?since=0&limit=1`)).json()) as { cursor: number };
    expect(first.cursor).toBeLessThan(horizon);
    // Without the horizon the second page sends the walk back to 0; naming it, the walk goes on.
    expect((await fetch(`${server.url}/api/v1/changes?since=${first.cursor}&limit=1`)).status).toBe(409);
    expect((await fetch(`${server.url}/api/v1/changes?since=${first.cursor}&limit=1&horizon=${horizon}`)).status).toBe(200);
    // A purge since the walk began moves the horizon: the walk may have missed its deletes, so it starts over.
    await server.editor('PUT', '/api/v1/editor/document/doc-w4', sampleDocument('doc-w4'));
    const later = (await (await server.editor('DELETE', '/api/v1/editor/document/doc-w4')).json()) as { version: number };
    await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: later.version });
    const moved = await fetch(`${server.url}/api/v1/changes?since=${first.cursor}&limit=1&horizon=${horizon}`);
    expect(moved.status).toBe(409);
    expect(await moved.json()).toMatchObject({ error: 'resync_required', horizon: later.version });
  });

  it('hides and shows records through the feed (moderation)', async () => {
    await server.editor('PUT', '/api/v1/editor/link/link-m', { id: 'link-m', language: 'en', url: 'https://example.org', title: 'A link', category: 'ngo' });
    const hidden = (await (await server.editor('POST', '/api/v1/editor/link/link-m/hide')).json()) as { version: number };
    let feed = await readFeed(server.url, hidden.version - 1);
    expect(feed.changes).toEqual([expect.objectContaining({ op: 'delete', id: 'link-m', version: hidden.version })]);
    expect((await fetch(`${server.url}/api/v1/links/link-m`)).status).toBe(404);
    const shown = (await (await server.editor('POST', '/api/v1/editor/link/link-m/unhide')).json()) as { version: number };
    feed = await readFeed(server.url, hidden.version);
    expect(feed.changes).toEqual([expect.objectContaining({ op: 'upsert', id: 'link-m', version: shown.version })]);
  });

  it('lists with filters and cursor paging', async () => {
    for (const [id, country, type] of [['doc-f1', 'FR', 'legislation'], ['doc-f2', 'FR', 'report'], ['doc-f3', 'IT', 'report']] as const) {
      const legal = type === 'legislation' ? { legal: { identifierScheme: 'CELEX', identifier: '32003L0086', status: 'in-force' } } : {};
      expect((await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, { countries: [country], documentType: type, language: 'fr', ...legal }))).status).toBe(200);
    }
    const fr = (await (await fetch(`${server.url}/api/v1/documents?country=FR&language=fr`)).json()) as { items: Array<{ id: string }>; next: string | null };
    expect(fr.items.map((i) => i.id)).toEqual(['doc-f1', 'doc-f2']);
    const legislation = (await (await fetch(`${server.url}/api/v1/documents?kind=legislation`)).json()) as { items: Array<{ id: string }> };
    expect(legislation.items.map((i) => i.id)).toEqual(['doc-f1']);
    const first = (await (await fetch(`${server.url}/api/v1/documents?language=fr&limit=2`)).json()) as { items: Array<{ id: string }>; next: string };
    expect(first.items).toHaveLength(2);
    const second = (await (await fetch(`${server.url}/api/v1/documents?language=fr&limit=2&after=${first.next}`)).json()) as { items: Array<{ id: string }>; next: null };
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'doc-f3' })], next: null });
    expect((await fetch(`${server.url}/api/v1/documents?country=France`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/documents?limit=5000`)).status).toBe(400);
  });

  it('serves authors as persons (family, given) or organisations, reads an older string author as an organisation, refuses a malformed one', async () => {
    const authors = [{ kind: 'person', family: 'de Vries', given: 'Pieter' }, { kind: 'organisation', name: 'Caritas Europa' }, '  Red Cross Brussels '];
    const { latest: before } = await server.portal.content.latestVersion();
    expect((await server.editor('PUT', '/api/v1/editor/document/doc-authors', sampleDocument('doc-authors', { authors }))).status).toBe(200);
    const served = (await (await fetch(`${server.url}/api/v1/documents/doc-authors`)).json()) as { authors: unknown };
    expect(served.authors).toEqual([
      { kind: 'person', family: 'de Vries', given: 'Pieter' },
      { kind: 'organisation', name: 'Caritas Europa' },
      { kind: 'organisation', name: 'Red Cross Brussels' },
    ]);
    const { changes } = await readFeed(server.url, before);
    expect(changes.find((c) => c.id === 'doc-authors')!.record!.authors).toEqual(served.authors);
    for (const bad of [{ kind: 'person', given: 'Anna' }, { kind: 'person', family: '' }, { kind: 'robot', name: 'X' }, { kind: 'organisation', name: 'Evil\u202Eexe' }]) {
      const refused = await server.editor('PUT', '/api/v1/editor/document/doc-authors', sampleDocument('doc-authors', { authors: [bad] }));
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      const { issues } = (await refused.json()) as { issues: Array<{ path: string; message: string }> };
      expect(issues.length, JSON.stringify(bad)).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.path, JSON.stringify(bad)).toMatch(/^authors\.0\b/);
    }
  });

  it('refuses bad editor input with a clear 4xx and writes nothing', async () => {
    const before = await server.portal.content.latestVersion();
    const noToken = await fetch(`${server.url}/api/v1/editor/document/doc-x`, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noToken.status).toBe(401);
    const badJson = await server.editor('PUT', '/api/v1/editor/document/doc-x', '{"id":');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: 'invalid_json' });
    const wrongType = await server.editor('PUT', '/api/v1/editor/document/doc-x', 'x', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const invalid = await server.editor('PUT', '/api/v1/editor/document/doc-x', sampleDocument('doc-x', { documentType: 'legislation', countries: ['Germany'] }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { message: string; issues: Array<{ path: string }> };
    expect(body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['countries.0', 'legal']));
    expect(body.message).toContain('countries.0');
    expect((await server.editor('PUT', '/api/v1/editor/novel/doc-x', sampleDocument('doc-x'))).status).toBe(400);
    expect((await server.editor('PUT', '/api/v1/editor/document/doc-y', sampleDocument('doc-x'))).status).toBe(400);
    const mixed = [JSON.stringify({ op: 'upsert', type: 'document', record: sampleDocument('doc-ok') }), '{"op":"upsert","type":"document","record":{"id":"doc-bad"}}'].join('\n');
    const imported = await server.editor('POST', '/api/v1/editor/import', mixed, { 'content-type': 'application/x-ndjson' });
    expect(imported.status).toBe(400);
    expect(await imported.json()).toMatchObject({ message: expect.stringContaining('item 2') });
    expect((await fetch(`${server.url}/api/v1/changes?since=abc`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/nothing-here`)).status).toBe(404);
    expect(await server.portal.content.latestVersion()).toEqual(before);
  });
});
