// Search across the corpus's languages: query words naming a concept of the
// vocabulary reach its records in every language, below the text matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

describe('multilingual search on the sample corpus', () => {
  let server: TestPortal;
  let core: Core;
  let close: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 2000, seed: 2009 });
    ({ core, close } = await startCore());
    await core.sync.run(server.url);
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  const search = (query: string, limit = 100) => core.search.search({ query, limit });

  it('finds the family-reunification records in at least three languages from a query in any one of them', () => {
    for (const query of ['family reunification', 'Familiennachzug', 'regroupement familial']) {
      const result = search(query);
      const languages = result.facets.language.map((facet) => facet.value);
      expect(languages.length, `${query}: ${languages.join(', ')}`).toBeGreaterThanOrEqual(3);
      // Beyond the page too: the last page holds records in other languages than the query's.
      const last = core.search.search({ query, limit: 100, offset: Math.max(0, result.total - 100) });
      expect(new Set(last.hits.map((hit) => hit.language)).size, query).toBeGreaterThanOrEqual(2);
      expect(result.facets.theme.find((f) => f.value === 'family-reunification')?.count, query).toBeGreaterThan(0);
    }
  });

  it('ranks same-language text matches above the other languages the concept brings', () => {
    const result = search('Familiennachzug');
    const firstOther = result.hits.findIndex((hit) => hit.language !== 'de');
    expect(firstOther).toBeGreaterThan(0);
    // Every German record before the first record of another language matched the word itself.
    const textOnly = core.search.search({ query: 'Familiennachzug lang:de', limit: 100 }).total;
    expect(firstOther).toBeGreaterThanOrEqual(Math.min(textOnly, 100) > 0 ? 1 : 0);
    expect(result.hits.slice(0, firstOther).every((hit) => hit.language === 'de')).toBe(true);
  });

  it('answers an English question with German legislation', () => {
    const result = search('family reunification type:legislation lang:de');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.kind === 'legislation' && hit.language === 'de')).toBe(true);
    // The corpus holds no German act on it in force in Germany: the empty result says which filter to drop.
    const none = search('family reunification type:legislation country:DE');
    expect(none.total).toBe(0);
    expect(none.relaxations.find((r) => r.dropped === 'country:DE')?.total).toBeGreaterThan(0);
  });

  it('takes country names in any language as words too', () => {
    const result = search('Allemagne logement');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.countries.includes('DE') || /allemagne/i.test(hit.title + hit.snippet.map((p) => p.text).join('')))).toBe(true);
  });
});
