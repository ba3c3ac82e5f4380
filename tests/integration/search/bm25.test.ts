// BM25 from in-memory postings must be FTS5's bm25(): the same rows, the
// same scores (to the last bit of a logarithm), in step with every sync edit and delete.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { SearchQueries } from '../../../electron/core/db/corpus/search-queries';
import { Bm25Evaluator } from '../../../electron/core/search/bm25';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { conceptPositions, FacetTable } from '../../../electron/core/search/facet-table';
import { parseQuery } from '../../../electron/core/search/query';
import { TermPostings } from '../../../electron/core/search/term-postings';
import { generateSampleCorpus } from '../../../server/sample/generate';
import type { ChangesPage } from '../../../shared/portal-api';
import { sampleDocument } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

const QUERIES = [
  'integration',
  'housing',
  'integration housing',
  'refugees OR asylum',
  'integr*',
  'naturali*',
  'Einbürger*',
  '"language courses"',
  '"family reunification" OR housing',
  'housing -Berlin',
  'employment -"language courses"',
  'integracion',
  'Auslanderbehorden',
  'Malmö mentoring',
  '(unbalanced "quote',
  'migrants OR integr* health',
];

let version = 0;
const updatedAt = '2026-11-01T00:00:00.000Z';

function upsertChange(type: string, fields: Record<string, unknown> & { id: string }): ChangesPage['changes'][number] {
  version += 1;
  const record = { countries: [], themes: [], ...fields, version, updatedAt };
  return { op: 'upsert', version, type, id: fields.id, updatedAt, record } as unknown as ChangesPage['changes'][number];
}

function apply(core: Core, changes: ChangesPage['changes']): void {
  core.sync.writer.applyPage({ changes, cursor: version, hasMore: false, latest: version }, 'http://portal.invalid');
}

/** FTS5's own answer: every matching rowid with its score (negated rank). */
function ftsScores(core: Core, match: string): Map<number, number> {
  const rows = core.stores.corpus.sqlite.prepare('SELECT rowid, rank FROM search_index WHERE search_index MATCH ?').raw().all(match) as Array<[number, number]>;
  return new Map(rows.map(([rowid, rank]) => [rowid, -rank]));
}

function evaluatorScores(evaluator: Bm25Evaluator, query: string): Map<number, number> {
  const ranked = evaluator.evaluate(parseQuery(query).clauses);
  expect(ranked, `evaluator declined ${query}`).toBeDefined();
  return new Map([...ranked!.rowids].map((rowid) => [rowid, ranked!.scoreOf[rowid]!]));
}

function expectSameScores(core: Core, evaluator: Bm25Evaluator, query: string): void {
  const expected = ftsScores(core, parseQuery(query).match);
  const actual = evaluatorScores(evaluator, query);
  expect([...actual.keys()].sort((a, b) => a - b), query).toEqual([...expected.keys()].sort((a, b) => a - b));
  // JavaScript's Math.log and C's log() may differ in the last bit; nothing else may.
  for (const [rowid, score] of expected) expect(Math.abs(actual.get(rowid)! - score), `${query}: row ${rowid}`).toBeLessThanOrEqual(Math.abs(score) * 1e-14);
}

describe('BM25 from postings', () => {
  const temp = makeTempDir('ewsi-bm25-');
  let core: Core;
  let postings: TermPostings;
  let evaluator: Bm25Evaluator;

  beforeAll(async () => {
    // Frequent-term threshold low enough that both kinds of terms (in memory, read on demand) are exercised.
    core = await createCore({ dataDir: path.join(temp.dir, 'desktop'), appVersion: '0.0.0-test', search: { frequentTermMinRows: 40 } });
    const corpus = generateSampleCorpus({ documents: 600 });
    let changes: ChangesPage['changes'] = [];
    for (const item of corpus.items()) {
      changes.push(upsertChange(item.type, item.fields as Record<string, unknown> & { id: string }));
      if (changes.length === 500) {
        apply(core, changes);
        changes = [];
      }
    }
    apply(core, changes);
    postings = core.search.termPostings;
    evaluator = new Bm25Evaluator(new SearchQueries(core.stores.corpus), postings);
    expect(await core.search.buildTermPostings()).toBe(true);
  });
  afterAll(async () => {
    await core?.close();
    temp.cleanup();
  });

  it('holds frequent terms in memory and reads the rest on demand', () => {
    const stats = postings.stats();
    expect(stats.frequentTerms).toBeGreaterThan(50);
    expect(stats.terms).toBeGreaterThan(stats.frequentTerms);
    const totals = postings.totals();
    expect(totals.rows).toBe((core.stores.corpus.sqlite.prepare('SELECT count(*) FROM search_index').pluck().get() as number));
  });

  it('matches the rows FTS5 matches, with the same scores', () => {
    for (const query of QUERIES) expectSameScores(core, evaluator, query);
  });

  it('ranks pages exactly as ORDER BY rank does, filters and paging included', () => {
    const sqlite = core.stores.corpus.sqlite;
    for (const query of ['integration', 'integr*', 'refugees OR asylum', '"language courses"', 'housing -Berlin']) {
      const match = parseQuery(query).match;
      const expected = sqlite.prepare('SELECT r.id FROM search_index s JOIN records r ON r.rowid = s.rowid WHERE search_index MATCH ? ORDER BY s.rank, s.rowid LIMIT 10 OFFSET 5').pluck().all(match);
      expect(core.search.search({ query, limit: 10, offset: 5, collapse: false }).hits.map((hit) => hit.id), query).toEqual(expected);
    }
    const filtered = core.search.search({ query: 'integration lang:fr', limit: 100 });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.hits.every((hit) => hit.language === 'fr')).toBe(true);
  });

  it('finds the same rows without scores as with them (what a tier is counted by before it is ranked)', () => {
    for (const query of [...QUERIES, '"family reunification" housing', 'integration -housing -"language courses"']) {
      const { clauses, match } = parseQuery(query);
      if (!match) continue;
      const scored = evaluator.evaluate(clauses);
      const unscored = evaluator.matchingRows(clauses);
      expect(unscored === undefined, query).toBe(scored === undefined);
      if (!scored || !unscored) continue;
      expect([...unscored].sort((a, b) => a - b), query).toEqual([...scored.rowids].sort((a, b) => a - b));
      expect([...unscored].sort((a, b) => a - b), query).toEqual([...ftsScores(core, match).keys()].sort((a, b) => a - b));
    }
  });

  it('makes the same snippets in a scratch index of the rows shown as in the index (prefixes, long ORs)', () => {
    const queries = new SearchQueries(core.stores.corpus);
    const direct = core.stores.corpus.sqlite.prepare("SELECT rowid, snippet(search_index, -1, char(2), char(3), '…', 24) AS text FROM search_index WHERE search_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))");
    const long = Array.from({ length: 10 }, (_, i) => ['"integration"', '"housing"', '"refugees"', '"asylum"', '"health"'][i % 5]).join(' OR ');
    for (const match of ['"integr"*', '"naturali"* OR "housing"', long]) {
      const rowids = queries.matchingRowids(match).slice(0, 20);
      expect(rowids.length, match).toBeGreaterThan(5);
      const expected = new Map((direct.all(match, JSON.stringify(rowids)) as Array<{ rowid: number; text: string }>).map((row) => [row.rowid, row.text]));
      expect(new Map(queries.snippets(match, rowids).map((row) => [row.rowid, row.text])), match).toEqual(expected);
    }
  });

  it('gives the same results with postings as FTS5 gives without them', () => {
    // A second engine on the same store that never reads postings answers through FTS5 alone.
    const plain = new SearchEngine(new SearchQueries(core.stores.corpus), () => core.sync.writer.generation);
    expect(plain.termPostings.ready).toBe(false);
    for (const query of [...QUERIES, 'integration lang:fr', 'housing country:DE year:2015..2024']) {
      for (const sort of ['rank', 'date'] as const) {
        const withPostings = core.search.search({ query, limit: 15, sort, collapse: false });
        const without = plain.search({ query, limit: 15, sort, collapse: false });
        expect(without.total, query).toBe(withPostings.total);
        expect(without.facets, query).toEqual(withPostings.facets);
        expect(without.notices, query).toEqual(withPostings.notices);
        // FTS5 may order equal scores either way: compare the pages as sets.
        expect(without.hits.map((hit) => hit.id).sort(), `${query} by ${sort}`).toEqual(withPostings.hits.map((hit) => hit.id).sort());
      }
    }
  });

  it('forgets the rare terms, prefixes and phrases it read once a sync changes the rows', () => {
    const queries = ['quaggas', 'quagg*', '"quagga herd"', 'quaggas OR housing', 'housing -"quagga herd"'];
    // Read (and remembered) while nothing matches them.
    for (const query of queries) expectSameScores(core, evaluator, query);
    expect(evaluator.evaluate(parseQuery('quagg*').clauses)!.rowids).toHaveLength(0);
    apply(core, [upsertChange('document', sampleDocument('bm25-quagga', { title: 'A quagga herd', summary: 'Quaggas and housing', body: '<p>The quagga herd grazes.</p>' }) as Record<string, unknown> & { id: string })]);
    for (const query of queries) expectSameScores(core, evaluator, query);
    expect(evaluator.evaluate(parseQuery('"quagga herd"').clauses)!.rowids).toHaveLength(1);
  });

  it('finds the records of a concept from its per-theme and per-country lists as a pass over every record does', () => {
    const table = new FacetTable(new SearchQueries(core.stores.corpus));
    const d = table.dictionaries;
    const themes = d.theme.values.filter(Boolean);
    const countries = d.country.values.filter(Boolean);
    expect(themes.length).toBeGreaterThan(3);
    expect(countries.length).toBeGreaterThan(3);
    const taken = new Uint8Array(table.size);
    for (let p = 0; p < table.size; p += 3) taken[p] = 1;
    const english = d.language.lookup(['en']);
    const passes = (p: number) => english.has(table.language[p]!);
    const everyRecord = (wantedThemes: string[], wantedCountries: string[], filter?: (p: number) => boolean) => {
      const t = d.theme.lookup(wantedThemes);
      const c = d.country.lookup(wantedCountries);
      const found: number[] = [];
      for (let p = 0; p < table.size; p += 1) {
        if (taken[p] || !table.live[p]) continue;
        if (t.size && !table.hasAny(table.themeStart, table.themeEnd, table.themeCodes, p, t)) continue;
        if (c.size && !table.hasAny(table.countryStart, table.countryEnd, table.countryCodes, p, c)) continue;
        if (filter && !filter(p)) continue;
        found.push(p);
      }
      return found;
    };
    const cases: Array<[string[], string[]]> = [
      ...themes.map((theme): [string[], string[]] => [[theme], []]),
      ...countries.map((country): [string[], string[]] => [[], [country]]),
      [themes.slice(0, 3), []],
      [[], countries.slice(0, 4)],
      [[themes[0]!], [countries[0]!, countries[1]!]],
    ];
    for (const [wantedThemes, wantedCountries] of cases) {
      for (const filter of [undefined, passes]) {
        const { positions } = conceptPositions(table, { themes: wantedThemes, countries: wantedCountries, titled: () => [] }, filter, taken);
        expect(positions, `${wantedThemes.join(',')} ${wantedCountries.join(',')}`).toEqual(everyRecord(wantedThemes, wantedCountries, filter));
      }
    }
  });

  it('stays exact after sync edits, additions and deletes (caught up as the pages are applied, not rebuilt, not on the next search)', () => {
    const frequent = postings.stats().frequentTerms;
    apply(core, [
      upsertChange('document', sampleDocument('bm25-new', { title: 'Integration integration housing', summary: 'refugees asylum integration', body: '<p>Naturalisation and language courses in Malmö</p>' }) as Record<string, unknown> & { id: string }),
      upsertChange('document', sampleDocument('bm25-other', { title: 'Zyxwv integrations', summary: 'integrating', body: '<p>housing housing housing</p>' }) as Record<string, unknown> & { id: string }),
    ]);
    const victim = core.stores.corpus.sqlite.prepare("SELECT type, id FROM records WHERE type = 'document' AND id NOT LIKE 'bm25-%' LIMIT 1").get() as { type: 'document'; id: string };
    version += 1;
    apply(core, [{ op: 'delete', version, type: victim.type, id: victim.id, updatedAt }]);
    // Caught up by the writer's onPageApplied: the first search after the sync has nothing left to do.
    expect(postings.pendingChanges).toBe(0);
    expect(postings.ready).toBe(true);
    // The facet table too, taken in as each page is applied: not rebuilt by the next search, nor on the next turn.
    expect(core.search.facetsCurrent).toBe(true);
    // A record moved to more countries and themes than it had (its lists outgrow their slots), then back to one.
    apply(core, [upsertChange('document', sampleDocument('bm25-other', { title: 'Zyxwv integrations', summary: 'integrating', body: '<p>housing housing housing</p>', countries: ['FR', 'IT', 'ES'], themes: ['housing', 'health', 'education'], documentType: 'legislation' }) as Record<string, unknown> & { id: string })]);
    apply(core, [upsertChange('document', sampleDocument('bm25-new', { title: 'Integration integration housing', summary: 'refugees asylum integration', body: '<p>Naturalisation and language courses in Malmö</p>', countries: ['SE'] }) as Record<string, unknown> & { id: string })]);
    expect(core.search.facetsCurrent).toBe(true);
    // What the table taken in page by page gives is what one built now from the store gives.
    const fresh = new SearchEngine(new SearchQueries(core.stores.corpus), () => core.sync.writer.generation);
    for (const query of ['', 'zyxwv', 'integration', 'housing country:FR', 'country:SE', 'type:legislation', 'theme:health housing', victim.id]) {
      const kept = core.search.search({ query, limit: 10, collapse: false });
      const built = fresh.search({ query, limit: 10, collapse: false });
      expect(kept.total, query).toBe(built.total);
      expect(kept.facets, query).toEqual(built.facets);
      expect(kept.hits.map((hit) => hit.id).sort(), query).toEqual(built.hits.map((hit) => hit.id).sort());
    }
    for (const query of [...QUERIES, 'zyxwv', 'integrat*']) expectSameScores(core, evaluator, query);
    expect(postings.stats().frequentTerms).toBe(frequent);
    expect(postings.expandPrefix('zyxw')).toEqual(['zyxwv']);
  });

  it('widens a query by the stem variants a sync brings (its remembered expansions go with the corpus change)', () => {
    expect(core.search.search({ query: 'quokkas' }).total).toBe(0);
    apply(core, [upsertChange('document', sampleDocument('bm25-quokka', { title: 'The quokka programme', summary: 'A quokka.', body: '<p>Quokka</p>' }) as Record<string, unknown> & { id: string })]);
    expect(core.search.search({ query: 'quokkas' }).hits.map((hit) => hit.id)).toEqual(['bm25-quokka']);
  });

  it('catches up with pages applied while it was building', async () => {
    let applied = false;
    const built = postings.build(async () => {
      if (!applied) {
        applied = true;
        apply(core, [upsertChange('document', sampleDocument('bm25-during', { title: 'Integration during the build', summary: 'housing', body: '<p>refugees</p>' }) as Record<string, unknown> & { id: string })]);
      }
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(await built).toBe(true);
    expect(applied).toBe(true);
    for (const query of QUERIES) expectSameScores(core, evaluator, query);
  });

  it('starts over after the corpus is dropped', async () => {
    core.sync.writer.resetCorpus();
    expect(postings.ready).toBe(false);
    expect(core.search.search({ query: 'integration' }).total).toBe(0);
    expect(await core.search.buildTermPostings()).toBe(true);
    expect(evaluator.evaluate(parseQuery('integration').clauses)!.rowids).toHaveLength(0);
  });
});
