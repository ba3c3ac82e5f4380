// A record whose text no derivation expected must not stop the sync: the
// record is stored and every record after it arrives.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { indexText, recordDerivations, type RecordDerivations } from '../../../electron/core/corpus/indexed-record';
import { FAST_PULL } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';
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

describe('a derivation that throws', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
    for (let i = 0; i < 30; i += 1) {
      const id = `doc-${String(i).padStart(3, '0')}`;
      const response = await server.editor('PUT', `/api/v1/editor/document/${id}`, { ...sampleDocument(id), title: `Report ${i} on civic orientation`, body: `<p>Body words number ${i} about language courses</p>` });
      expect(response.status).toBe(200);
    }
  });
  afterAll(() => server?.close());

  // The real derivations, made to fail on two records the way an unforeseen input would.
  const failingOnTwoRecordsForTests: RecordDerivations = {
    facets: (typed) => {
      if (typed.record.id === 'doc-020') throw new RangeError('Invalid time value');
      return recordDerivations.facets(typed);
    },
    text: (typed, title) => {
      if (typed.record.id === 'doc-010') throw new RangeError('Invalid code point 99999999');
      return recordDerivations.text(typed, title);
    },
  };

  it('stores the record with what could be derived, applies the rest of the feed, and lists the problem in the status and `ewsi status --json`', async () => {
    const temp = makeTempDir('ewsi-problems-');
    try {
      const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: { ...FAST_PULL, pageLimit: 7 }, derivations: failingOnTwoRecordsForTests } });
      try {
        const result = await core.sync.run(server.url);
        expect(result.problems).toBe(2);
        expect(localContent(temp.dir)).toEqual(await serverContent(server.url));
        // Found by its title; its body was not indexed.
        expect((await core.search.search({ query: '"Report 10 on"', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['doc-010']);
        expect((await core.search.search({ query: '"number 10 about"', limit: 5 })).hits).toEqual([]);
        // Its facets failed: its text is indexed all the same.
        expect((await core.search.search({ query: '"number 20 about"', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['doc-020']);
        expect((await core.search.search({ query: '"number 29 about"', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['doc-029']);
        const status = core.sync.status();
        expect(status.lastError).toBeNull();
        expect(status.problems.count).toBe(2);
        expect(status.problems.newest.map((problem) => `${problem.id}: ${problem.reason}`).sort()).toEqual([
          'doc-010: index text: Invalid code point 99999999',
          'doc-020: facets: Invalid time value',
        ]);
      } finally {
        await core.close();
      }

      const cli = spawnSync(process.execPath, [path.resolve('bin/ewsi.mjs'), 'status', '--json', '--data', temp.dir], { encoding: 'utf8' });
      expect(cli.status).toBe(0);
      const printed = JSON.parse(cli.stdout) as { problems: { count: number; newest: Array<{ type: string; id: string; reason: string }> } };
      expect(printed.problems.count).toBe(2);
      expect(printed.problems.newest.map((problem) => `${problem.type}/${problem.id}`).sort()).toEqual(['document/doc-010', 'document/doc-020']);

      // A new version that derives cleanly ends the record's problem.
      const edited = await server.editor('PUT', '/api/v1/editor/document/doc-010', { ...sampleDocument('doc-010'), title: 'Report 10 on civic orientation', body: '<p>Body words number 10 about language courses, revised</p>' });
      expect(edited.status).toBe(200);
      const again = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL } });
      try {
        expect((await again.sync.run(server.url)).problems).toBe(0);
        expect(again.sync.status().problems.newest.map((problem) => problem.id)).toEqual(['doc-020']);
        expect((await again.search.search({ query: '"number 10 about"', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['doc-010']);
      } finally {
        await again.close();
      }
    } finally {
      temp.cleanup();
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
