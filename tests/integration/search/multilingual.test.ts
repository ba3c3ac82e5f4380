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

  const keys = (query: string) => core.search.search({ query, limit: 100 }).hits.map((hit) => `${hit.type}/${hit.id}`);

  /** Records of a language whose indexed text holds the word itself, read from the FTS5 index directly. */
  const holding = (word: string, language: string): string[] =>
    (
      core.stores.corpus.sqlite
        .prepare('SELECT r.type, r.id FROM search_index s JOIN records r ON r.rowid = s.rowid WHERE search_index MATCH ? AND r.language = ?')
        .raw()
        .all(`"${word}"`, language) as Array<[string, string]>
    ).map(([type, id]) => `${type}/${id}`);

  it('finds base forms from inflected words and the reverse, in each stemmed language, exact forms first', () => {
    // [inflected, base]: both forms occur in the corpus's titles; each finds the titles holding the other.
    // Pairs read off the sample corpus's titles and summaries (both forms occur there).
    const pairs: Array<[language: string, inflected: string, base: string]> = [
      ['en', 'languages', 'language'],
      ['en', 'employers', 'employer'],
      ['de', 'Einbürgerungen', 'Einbürgerung'],
      ['de', 'Kindern', 'Kinder'],
      ['fr', 'demandeurs', 'demandeur'],
      ['fr', 'contrats', 'contrat'],
      ['es', 'extranjeros', 'extranjero'],
      ['it', 'comuni', 'comune'],
      ['nl', 'gemeenten', 'gemeente'],
      ['sv', 'kommuner', 'kommun'],
      ['pt', 'estrangeiros', 'estrangeiras'],
    ];
    for (const [language, inflected, base] of pairs) {
      for (const [query, other] of [[inflected, base], [base, inflected]] as const) {
        const found = keys(`${query} lang:${language}`);
        const withOther = holding(other, language);
        const exact = holding(query, language);
        const onlyOther = withOther.filter((key) => !exact.includes(key));
        expect(onlyOther.length, `some ${language} records hold "${other}" but not "${query}"`).toBeGreaterThan(0);
        const everything = core.search.matchingKeys(`${query} lang:${language}`, 'rank', 100_000).map((key) => `${key.type}/${key.id}`);
        expect(onlyOther.filter((key) => everything.includes(key)), `${query} finds the records with only "${other}"`).toEqual(onlyOther);
        // What holds the word as typed comes before what holds only a variant.
        const firstVariantOnly = found.findIndex((key) => !exact.includes(key));
        if (firstVariantOnly >= 0) expect(found.slice(firstVariantOnly).filter((key) => exact.includes(key)), `${query}: exact forms first (${found.length}, ${exact.length}, ${firstVariantOnly})`).toEqual([]);
      }
    }
  });

  it('keeps phrases and prefixes exact, and does not require stopwords', () => {
    const phrase = core.search.search({ query: '"family reunification procedures"', limit: 100 });
    expect(phrase.total).toBeGreaterThan(0);
    // Only the exact phrase: no hit holds just "procedure" or the words apart.
    for (const hit of phrase.hits) expect(hit.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase()).join(' ')).toMatch(/family reunification procedures/);
    expect(core.search.search({ query: 'integr*' }).total).toBeGreaterThan(0);
    const withStopwords = core.search.search({ query: 'the reception of asylum seekers' });
    const without = core.search.search({ query: 'reception asylum seekers' });
    expect(withStopwords.total).toBeGreaterThanOrEqual(without.total);
  });
});
