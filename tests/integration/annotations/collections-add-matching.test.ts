// Adding every record of a list or of a search to a collection in one call
// (collections.addMatching), on a data folder synced from a real portal with
// the sample corpus: the items are the ones records.list and search.query
// show, in their order, and a second add changes nothing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import type { MethodName } from '../../../shared/contract';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

type Key = { type: string; id: string };
const keyOf = (item: Key) => `${item.type}/${item.id}`;

describe('collections.addMatching', () => {
  let server: TestPortal;
  let core: Core;
  let cleanup: () => void;

  async function call<T>(method: MethodName, args: unknown): Promise<T> {
    const envelope = await core.dispatch(method, args);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as T;
  }
  const itemsOf = async (name: string) => (await call<Array<{ name: string; items: Key[] }>>('collections.list', {})).find((collection) => collection.name === name)?.items.map(keyOf) ?? [];

  /** Every row of a list, window by window, as the virtualized list reads it. */
  async function wholeList(args: Record<string, unknown>): Promise<string[]> {
    const keys: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await call<{ total: number; items: Key[] }>('records.list', { ...args, offset, limit: 200 });
      keys.push(...page.items.map(keyOf));
      if (keys.length >= page.total || page.items.length === 0) return keys;
    }
  }
  /** Every hit of a search, page by page, as the Search screen pages through it. */
  async function allHits(query: string, sort: 'rank' | 'date'): Promise<string[]> {
    const keys: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call<{ total: number; hits: Key[] }>('search.query', { query, sort, offset, limit: 100 });
      keys.push(...page.hits.map(keyOf));
      if (keys.length >= page.total || page.hits.length === 0) return keys;
    }
  }

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 300 });
    const temp = makeTempDir('ewsi-add-matching-');
    cleanup = temp.cleanup;
    // Terms in 40 rows or more get postings, so both ways of ranking (FTS5 alone, BM25 from postings) are exercised.
    core = await createCore({ dataDir: path.join(temp.dir, 'desktop'), appVersion: '0.0.0-test', search: { frequentTermMinRows: 40 } });
    await core.sync.run(server.url);
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await server?.close();
    cleanup?.();
  });

  it('adds every record of a filtered list, in the list order, into a new collection', async () => {
    const filters = { types: ['document'], countries: ['DE'] };
    const expected = await wholeList({ ...filters, sort: 'title' });
    expect(expected.length).toBeGreaterThan(5);
    const result = await call<{ name: string; matched: number; added: number; items: number }>('collections.addMatching', { name: 'German documents', create: true, source: { from: 'list', filters, sort: 'title' } });
    expect(result).toEqual({ name: 'German documents', matched: expected.length, added: expected.length, items: expected.length });
    expect(await itemsOf('German documents')).toEqual(expected);
  });

  it('adds every result of a search in the order shown, ranked by FTS5 and then by BM25 from the postings', async () => {
    for (const [name, sort] of [
      ['Integration by rank', 'rank'],
      ['Integration by date', 'date'],
    ] as const) {
      const expected = await allHits('integration country:DE', sort);
      expect(expected.length).toBeGreaterThan(3);
      const result = await call<{ matched: number; added: number }>('collections.addMatching', { name, create: true, source: { from: 'search', query: 'integration country:DE', sort } });
      expect(result).toMatchObject({ matched: expected.length, added: expected.length });
      expect(await itemsOf(name)).toEqual(expected);
    }
    expect(await core.search.buildTermPostings()).toBe(true);
    expect(core.search.termPostings.hasFrequentTerms).toBe(true);
    const ranked = await allHits('integration', 'rank');
    await call('collections.addMatching', { name: 'Integration from the postings', create: true, source: { from: 'search', query: 'integration', sort: 'rank' } });
    expect(await itemsOf('Integration from the postings')).toEqual(ranked);
  });

  it('keeps the items already there in their place and counts only the new ones', async () => {
    const before = await itemsOf('German documents');
    const again = await call<{ matched: number; added: number; items: number }>('collections.addMatching', { name: 'German documents', source: { from: 'list', filters: { types: ['document'], countries: ['DE'] }, sort: 'date-desc' } });
    expect(again).toMatchObject({ matched: before.length, added: 0, items: before.length });
    expect(await itemsOf('German documents')).toEqual(before);

    const austria = await wholeList({ types: ['document'], countries: ['AT'], sort: 'title' });
    const overlap = austria.filter((key) => before.includes(key)).length;
    const grown = await call<{ added: number; items: number }>('collections.addMatching', { name: 'German documents', source: { from: 'list', filters: { types: ['document'], countries: ['AT'] }, sort: 'title' } });
    expect(grown).toMatchObject({ added: austria.length - overlap, items: before.length + austria.length - overlap });
    expect((await itemsOf('German documents')).slice(0, before.length)).toEqual(before);
  });

  it('refuses a missing collection, an empty search and more records than one call adds', async () => {
    const missing = await core.dispatch('collections.addMatching', { name: 'Nowhere', source: { from: 'list', filters: { types: ['document'] }, sort: 'title' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await core.dispatch('collections.addMatching', { name: 'German documents', source: { from: 'search', query: '  ', sort: 'rank' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    const documents = (await call<{ total: number }>('records.list', { types: ['document'], limit: 1 })).total;
    expect(() => core.library.records.keys({ types: ['document'], kinds: [], countries: [], themes: [], languages: [] }, 'title', documents - 1)).toThrow(/at most/);
    expect(core.library.records.keys({ types: ['document'], kinds: [], countries: [], themes: [], languages: [] }, 'title', documents)).toHaveLength(documents);
    const matches = (await call<{ total: number }>('search.query', { query: 'integration', limit: 1 })).total;
    expect(() => core.search.matchingKeys('integration', 'rank', matches - 1)).toThrow(/at most/);
    expect(await itemsOf('Nowhere')).toEqual([]);
  });
});
