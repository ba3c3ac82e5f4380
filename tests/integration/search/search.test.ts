import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { EU_COUNTRIES, THEMES } from '../../../shared/content';
import { CORPUS_LANGUAGES } from '../../../shared/search-vocabulary';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

describe('search over the synced corpus', () => {
  let server: TestPortal;
  let core: Core;
  let close: () => Promise<void>;
  const ids = (query: string, extra: { sort?: 'rank' | 'date'; limit?: number } = {}) => core.search.search({ query, limit: 100, ...extra }).hits.map((hit) => hit.id);

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 200 });
    const put = (id: string, fields: Record<string, unknown>) => server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, fields));
    await put('doc-es', { language: 'es', countries: ['ES'], title: 'Plan de integración de inmigrantes', summary: 'Estrategia de integración', body: '<p>Quiénes participan</p>', publishedOn: '2021-03-01' });
    await put('doc-de', { language: 'de', countries: ['DE'], title: 'Beratung für Ausländer in Köln', summary: 'Ausländer und Behörden', body: '<p>Beratungsstellen</p>', publishedOn: '2018-06-01' });
    await put('doc-x', { title: 'Zebrafinch scheme alpha', summary: 'quokka', body: '<p>Unique <script>alert(1)</script> wombat &amp; kiwi</p>', publishedOn: '2020-01-01' });
    await put('doc-y', { title: 'Zebrafinch scheme beta', summary: 'quokka numbat', body: '<p>Another</p>', countries: ['FR'], publishedOn: '2023-01-01' });
    for (const id of ['doc-d1', 'doc-d2', 'doc-d3']) await put(id, { title: 'Okapi guidance', summary: 'okapi', publishedOn: '2022-01-01' });
    await put('doc-d4', { title: 'Okapi guidance', summary: 'okapi', documentType: 'study', publishedOn: '2022-01-01' });
    // Same text, so the same score: an article written first, a policy document after it, and a clearly better article.
    await put('doc-a1', { title: 'Guidance note', summary: 'Guidance', body: '<p>kiwibird</p>', documentType: 'article', publishedOn: '2022-01-01' });
    await put('doc-a2', { title: 'Guidance note', summary: 'Guidance', body: '<p>kiwibird</p>', documentType: 'policy-document', publishedOn: '2022-01-01' });
    await put('doc-a3', { title: 'Kiwibird', summary: 'Guidance', body: '<p>kiwibird</p>', documentType: 'article', publishedOn: '2022-01-01' });
    ({ core, close } = await startCore());
    await core.sync.run(server.url);
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('ignores accents both ways', () => {
    expect(ids('integracion')).toContain('doc-es');
    expect(ids('integración')).toContain('doc-es');
    expect(ids('Auslander')).toContain('doc-de');
    expect(ids('AUSLÄNDER koln')[0]).toBe('doc-de'); // the words as typed first; stem variants (Ausländern, Auslands) after
  });

  it('understands words, phrases, prefixes, OR and exclusions', () => {
    expect(ids('zebrafinch')).toEqual(expect.arrayContaining(['doc-x', 'doc-y']));
    expect(ids('zebrafinch numbat')).toEqual(['doc-y']);
    expect(ids('"scheme alpha"')).toEqual(['doc-x']);
    expect(ids('"alpha scheme"')).toEqual([]);
    expect(ids('zebrafin*')).toHaveLength(2);
    expect(ids('wombat OR numbat').sort()).toEqual(['doc-x', 'doc-y']);
    expect(ids('zebrafinch -numbat')).toEqual(['doc-x']);
  });

  it('applies filters: type, document type, country, language, theme and year ranges', () => {
    expect(ids('zebrafinch country:FR')).toEqual(['doc-y']);
    expect(ids('zebrafinch year:2022..')).toEqual(['doc-y']);
    expect(ids('zebrafinch year:2020')).toEqual(['doc-x']);
    expect(ids('zebrafinch year:..2021')).toEqual(['doc-x']);
    expect(ids('integracion lang:es type:document')).toContain('doc-es');
    expect(ids('integracion lang:fr')).not.toContain('doc-es');
    expect(ids('zebrafinch type:report')).toHaveLength(2);
    expect(ids('zebrafinch type:legislation')).toEqual([]);
    const byTheme = core.search.search({ query: 'theme:housing', limit: 100 });
    expect(byTheme.total).toBeGreaterThan(0);
    expect(byTheme.facets.theme.find((f) => f.value === 'housing')?.count).toBe(byTheme.total);
  });

  it('never throws on malformed input: degrades to a literal search and says so', () => {
    for (const query of ['"unclosed zebrafinch', 'zebrafinch OR', 'OR', '-zebrafinch', 'year:abc zebrafinch', 'country:France zebrafinch', 'NEAR(', '***', ')(', 'zebrafinch AND', "'; DROP TABLE records; --"]) {
      const result = core.search.search({ query });
      expect(result.total, query).toBeGreaterThanOrEqual(0);
    }
    const degraded = core.search.search({ query: '"zebrafinch scheme' });
    expect(degraded.notices).toEqual([{ kind: 'literal', reason: 'unclosed-quote', typed: '"zebrafinch scheme' }]);
    expect(degraded.hits.map((h) => h.id).sort()).toEqual(['doc-x', 'doc-y']);
    expect(core.search.search({ query: 'zebrafinch AND' }).total).toBe(2); // A typed AND means what words do anyway.
  });

  it('names the closest valid value for every mistyped filter, and searches without it', () => {
    const cases: Array<[query: string, kind: string, suggestion: string]> = [
      ['zebrafinch theme:nonsense', 'unknown-value', 'theme:'],
      ['zebrafinch type:legislaton', 'unknown-value', 'type:legislation'],
      ['zebrafinch lang:xx', 'unknown-value', 'lang:'],
      ['zebrafinch countr:DE', 'unknown-filter', 'country:DE'],
      ['zebrafinch year:2030..2019', 'reversed-years', 'year:2019..2030'],
      ['zebrafinch country:Atlantis', 'unknown-value', 'country:'],
    ];
    const valid = new Set([...THEMES.map((t) => `theme:${t}`), ...CORPUS_LANGUAGES.map((l) => `lang:${l}`), ...EU_COUNTRIES.map((c) => `country:${c}`)]);
    for (const [query, kind, suggestion] of cases) {
      const result = core.search.search({ query });
      expect(result.notices, query).toHaveLength(1);
      const [notice] = result.notices;
      expect(notice!.kind, query).toBe(kind);
      expect(notice!.typed, query).toBe(query.split(' ')[1]);
      if (notice!.kind === 'literal') throw new Error(`${query} was searched literally`);
      expect(notice!.suggestions[0], query).toMatch(new RegExp(`^${suggestion}`));
      if (suggestion.endsWith(':')) expect(notice!.suggestions.every((s) => valid.has(s)), `${query}: ${notice!.suggestions.join(', ')}`).toBe(true);
      expect(result.hits.map((h) => h.id).sort(), query).toEqual(['doc-x', 'doc-y']); // left out, not failing the search
    }
    expect(core.search.search({ query: 'zebrafinch year:abc' }).notices).toMatchObject([{ kind: 'unknown-value', filter: 'year', typed: 'year:abc' }]);
    expect(core.search.search({ query: 'zebrafinch country:FR' }).notices).toEqual([]);
  });

  it('takes country names, aliases and demonyms in any language as the country', () => {
    for (const name of ['germany', 'Deutschland', 'Allemagne', 'DE', 'deutsch', 'Niemcy']) {
      const result = core.search.search({ query: `country:${name}`, limit: 100 });
      expect(result.notices, name).toEqual([]);
      expect(result.hits.map((h) => h.id), name).toContain('doc-de');
      expect(result.facets.country.find((f) => f.value === 'DE')?.count, name).toBe(result.total);
    }
    expect(ids('zebrafinch country:France')).toEqual(['doc-y']);
    expect(ids('zebrafinch country:Frankreich')).toEqual(['doc-y']);
    expect(ids('type:Bericht zebrafinch').sort()).toEqual(['doc-x', 'doc-y']); // document types by name, too
  });

  it('offers to drop each filter of an empty result, with the count it would give', () => {
    const result = core.search.search({ query: 'zebrafinch type:legislation country:FR' });
    expect(result.total).toBe(0);
    expect(result.relaxations).toEqual([
      { dropped: 'type:legislation', query: 'zebrafinch country:FR', total: 1 },
      { dropped: 'country:FR', query: 'zebrafinch type:legislation', total: 0 },
    ]);
    expect(core.search.search({ query: 'zebrafinch country:FR' }).relaxations).toEqual([]);
  });

  it('folds hits with the same title and kind into one with a count, and gives each hit its kind', () => {
    const folded = core.search.search({ query: 'okapi' });
    expect(folded.total).toBe(4);
    expect(folded.hits.map((hit) => [hit.kind, hit.similar])).toEqual([
      ['report', 2],
      ['study', 0],
    ]);
    expect(core.search.search({ query: 'okapi', collapse: false }).hits).toHaveLength(4);
    expect(core.search.search({ query: 'okapi', limit: 1, offset: 1 }).hits.map((hit) => hit.kind)).toEqual(['study']);
  });

  it('puts the more authoritative of two equally good matches first, never above a better one', () => {
    expect(ids('kiwibird')).toEqual(['doc-a3', 'doc-a2', 'doc-a1']);
    expect(core.search.search({ query: 'kiwibird', collapse: false }).hits.map((hit) => hit.id)).toEqual(['doc-a3', 'doc-a1', 'doc-a2']); // BM25 alone
  });

  it('returns plain-text snippets with marked matches, never HTML', () => {
    const [hit] = core.search.search({ query: 'wombat' }).hits;
    expect(hit!.id).toBe('doc-x');
    const text = hit!.snippet.map((part) => part.text).join('');
    expect(text).toContain('wombat & kiwi');
    expect(text).not.toMatch(/[<>]/);
    expect(hit!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual(['wombat']);
  });

  it('counts facets for the current query and pages through results', () => {
    const all = core.search.search({ query: 'integration', limit: 10 });
    const typeTotal = all.facets.type.reduce((sum, facet) => sum + facet.count, 0);
    expect(typeTotal).toBe(all.total);
    const narrowed = core.search.search({ query: 'integration country:DE', limit: 10 });
    expect(narrowed.total).toBeLessThan(all.total);
    expect(narrowed.facets.country.find((f) => f.value === 'DE')?.count).toBe(narrowed.total);
    const page2 = core.search.search({ query: 'integration', limit: 10, offset: 10 });
    expect(page2.hits.map((h) => h.id)).not.toContain(all.hits[0]!.id);
    const byDate = core.search.search({ query: 'zebrafinch', sort: 'date' });
    expect(byDate.hits.map((h) => h.id)).toEqual(['doc-y', 'doc-x']);
  });

  it('keeps the index in step with incremental syncs: edits and deletes, without a rebuild', async () => {
    await server.editor('PUT', '/api/v1/editor/document/doc-x', sampleDocument('doc-x', { title: 'Platypus scheme gamma', summary: 'quokka', body: '<p>none</p>' }));
    await server.editor('DELETE', '/api/v1/editor/document/doc-y');
    const result = await core.sync.run();
    expect(result).toMatchObject({ upserts: 1, deletes: 1, resynced: false });
    expect(ids('platypus')).toEqual(['doc-x']);
    expect(ids('zebrafinch')).toEqual([]);
    expect(ids('numbat')).toEqual([]);
    expect(core.sync.writer.ensureSearchIndex()).toBe(false); // Index and records agree: nothing to rebuild.
  });

  it('counts new matches for saved searches since they were last seen', async () => {
    const saved = core.handlers['savedSearches.save']({ name: 'Capybaras', query: 'capybara' });
    expect(await saved).toMatchObject({ total: 0, newMatches: 0 });
    await server.editor('PUT', '/api/v1/editor/document/doc-c1', sampleDocument('doc-c1', { title: 'Capybara project' }));
    await server.editor('PUT', '/api/v1/editor/document/doc-c2', sampleDocument('doc-c2', { title: 'Capybara follow-up' }));
    await core.sync.run();
    const [listed] = (await core.handlers['savedSearches.list']({})).filter((s) => s.name === 'Capybaras');
    expect(listed).toMatchObject({ total: 2, newMatches: 2 });
    expect(await core.handlers['savedSearches.markSeen']({ id: listed!.id })).toMatchObject({ total: 2, newMatches: 0 });
  });

  it('suggests titles, countries and themes as the user types, typo-tolerant', async () => {
    const suggestions = await core.handlers['search.suggest']({ query: 'germ', limit: 8 });
    expect(suggestions.map((s) => s.text)).toContain('Germany');
    const typo = await core.handlers['search.suggest']({ query: 'platypsu', limit: 8 });
    expect(typo.map((s) => s.id)).toContain('doc-x');
  });
});
