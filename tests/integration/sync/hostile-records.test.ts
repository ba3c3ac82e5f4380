// A record whose text no derivation expected must not stop the sync: the
// record is stored and every record after it arrives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexText } from '../../../electron/core/corpus/indexed-record';
import { contentRecordSchemas } from '../../../shared/content';
import { htmlToText } from '../../../shared/text';
import { sqliteEngine } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { localContent, serverContent, startCore } from '../../support/sync';

describe('hostile record text', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
    for (let i = 0; i < 30; i += 1) {
      const id = `doc-${String(i).padStart(3, '0')}`;
      const body = i === 10 ? '<p>Out of range &#99999999; and a surrogate &#xD800; and none &#0;</p>' : `<p>Ordinary text number ${i} about reception centres</p>`;
      const response = await server.editor('PUT', `/api/v1/editor/document/${id}`, { ...sampleDocument(id), title: `Document ${i}`, body });
      expect(response.status).toBe(200);
    }
  });
  afterAll(() => server?.close());

  it('a body with &#99999999; syncs, and every record after it arrives and is searchable', async () => {
    const { core, dataDir, close } = await startCore({ pageLimit: 7 });
    try {
      const result = await core.sync.run(server.url);
      expect(result.upserts).toBe((await serverContent(server.url)).size);
      expect(localContent(dataDir)).toEqual(await serverContent(server.url));
      const found = await core.search.search({ query: '"number 29"', limit: 5 });
      expect(found.hits.map((hit) => hit.id)).toEqual(['doc-029']);
      const hostile = await core.search.search({ query: 'surrogate', limit: 5 });
      expect(hostile.hits.map((hit) => hit.id)).toEqual(['doc-010']);
    } finally {
      await close();
    }
  });
});

describe('the text derivations, fuzzed', () => {
  const hostileHtml = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.oneof(fc.constantFrom('<', '>', '&', '#', ';', 'x', '&#', '&#x', '</', '<script>', '</script>', '<p>', '\uD800', '\uDFFF', '\u0000'), fc.integer({ min: 0, max: 0x7fffffff }).map(String)), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.tuple(fc.string({ maxLength: 10 }), fc.nat(), fc.boolean()).map(([text, code, hex]) => `${text}&#${hex ? `x${code.toString(16)}` : code};${text}`),
    fc.integer({ min: 1, max: 100_000 }).map((depth) => '<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth)),
    fc.integer({ min: 1, max: 1_000_000 }).map((length) => 'w'.repeat(length)),
  );

  it('htmlToText and the index text never throw, whatever the HTML', () => {
    const document = contentRecordSchemas.document.parse({ ...sampleDocument('doc-fuzz'), version: 1, updatedAt: '2026-01-01T00:00:00.000Z' });
    fc.assert(
      fc.property(hostileHtml, (html) => {
        expect(typeof htmlToText(html)).toBe('string');
        expect(typeof htmlToText(html, { validReferencesOnly: true, blanksInEndTags: true })).toBe('string');
        const text = indexText({ type: 'document', record: { ...document, body: html, summary: html } });
        expect(typeof text.body).toBe('string');
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
