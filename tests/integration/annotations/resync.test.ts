// A resync never deletes annotations: after the portal deletes a document and
// purges its tombstone, the client is told to resync, the document does not
// come back, and its annotation stays, as an orphan with its old quote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { testEngines } from '../../support/databases';
import { readFeed, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

describe('annotations across a resync', () => {
  let server: TestPortal;
  let local: Awaited<ReturnType<typeof startCore>>;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    for (const id of ['gone', 'kept']) expect((await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, { body: `<p>The ${id} document says integration matters.</p>` }))).status).toBe(200);
    local = await startCore();
    local.core.settings.update({ serverUrl: server.url });
    await local.core.sync.run();
  });
  afterAll(async () => {
    await local?.close();
    await server?.close();
  });

  it('orphans the annotations of a record that does not come back, and keeps the others placed', async () => {
    const annotate = (id: string) => {
      const text = local.core.annotations.forTarget({ type: 'document', id, key: null }).text!;
      const start = text.indexOf('integration matters');
      return local.core.annotations.create({ target: { type: 'document', id, key: null }, start, end: start + 19, color: 'pink', note: id, tags: [] });
    };
    const gone = annotate('gone');
    const kept = annotate('kept');
    expect((await server.editor('DELETE', '/api/v1/editor/document/gone')).status).toBe(200);
    const { cursor } = await readFeed(server.url);
    expect((await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: cursor })).status).toBe(200);
    const result = await local.core.sync.run();
    expect(result.resynced).toBe(true);
    const after = new Map(local.core.annotations.list({ limit: 10, offset: 0 }).annotations.map((a): [string, Annotation] => [a.id, a]));
    expect(after.size).toBe(2);
    expect(after.get(gone.id)!.anchoring).toMatchObject({ status: 'orphaned', reason: 'target-deleted', oldQuote: 'integration matters', changedPassage: '' });
    expect(after.get(kept.id)!.anchoring).toMatchObject({ status: 'placed' });
    expect(after.get(kept.id)!.quote.exact).toBe('integration matters');
  });
});
