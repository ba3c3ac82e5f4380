// A resync over a feed of many pages, against a real portal whose tombstone
// horizon lies past the first page: the walk from 0 names the horizon its 409
// gave, so the portal lets it reach the end (without it, every page after the
// first was sent back to 0, forever). A library that held a copy keeps it until
// the new one is complete; a first sync into an empty library resyncs in place.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { integrityCheck, localContent, serverContent, startCore } from '../../support/sync';

const PAGE = 40;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe.each(testEngines())('a resync of many pages on $name', (engine) => {
  let server: TestPortal;
  let proxy: FaultProxy;
  const feedRequests = () => proxy.log.filter((entry) => entry.path.startsWith('/api/v1/changes')).length;

  beforeAll(async () => {
    server = await startTestPortal(engine);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 120 });
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  /** Deletes a document the client has not seen go and purges every tombstone: the horizon is the latest version. */
  async function purgeEverything(id: string): Promise<number> {
    await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id));
    const { version } = (await (await server.editor('DELETE', `/api/v1/editor/document/${id}`)).json()) as { version: number };
    const { horizon } = (await (await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: version })).json()) as { horizon: number };
    return horizon;
  }

  it('rebuilds a library beside itself and swaps it in, in a bounded number of requests', async () => {
    const started = await startCore({ pageLimit: PAGE });
    cleanups.push(() => started.close());
    const { core, dataDir } = started;
    await core.sync.run(proxy.url);
    const pages = Math.ceil((await serverContent(server.url)).size / PAGE);
    await purgeEverything('doc-purged-1');
    proxy.log.length = 0;
    const result = await core.sync.run();
    expect(result.resynced).toBe(true);
    expect(localContent(dataDir)).toEqual(await serverContent(server.url));
    expect(integrityCheck(dataDir)).toBe('ok');
    expect(fs.existsSync(path.join(dataDir, 'corpus.next.sqlite'))).toBe(false);
    // The 409, then one walk from 0 to the end.
    expect(feedRequests()).toBeLessThanOrEqual(pages + 2);
    expect(await core.sync.run()).toMatchObject({ resynced: false, upserts: 0, deletes: 0 });
  });

  it('completes a first sync from a portal whose horizon is past the first page', async () => {
    const horizon = await purgeEverything('doc-purged-2');
    const { changes } = (await (await fetch(`${server.url}/api/v1/changes?since=0&limit=${PAGE}`)).json()) as { changes: Array<{ version: number }> };
    expect(changes.at(-1)!.version).toBeLessThan(horizon);
    const started = await startCore({ pageLimit: PAGE });
    cleanups.push(() => started.close());
    proxy.log.length = 0;
    const result = await started.core.sync.run(proxy.url);
    expect(result.resynced).toBe(true);
    expect(localContent(started.dataDir)).toEqual(await serverContent(server.url));
    const pages = Math.ceil((await serverContent(server.url)).size / PAGE);
    // The first page, the 409 at the second, then one walk from 0 to the end.
    expect(feedRequests()).toBeLessThanOrEqual(pages + 3);
  });
});
