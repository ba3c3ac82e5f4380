// Search latency at scale: a fixed mix of queries (common words, phrases,
// prefixes, filters), each with snippets and facet counts, against a naive
// FTS5 `MATCH … ORDER BY rank LIMIT 20` with snippet() on the same database.
// With full text (the default) every PDF's text is extracted and indexed
// before anything is measured, as in a library that has settled; the memory
// of every phase (build included, also when the build is reused) is reported.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { parseQuery } from '../electron/core/search/query';
import { makeTempDir } from '../tests/support/temp-dir';
import { writeSampleCorpus } from './sample-store';
import { phaseMemory, prepareSearchCorpus } from './search-corpus';
import { quantile, round } from './stats';

export const QUERY_MIX = [
  'integration', 'housing', 'health', 'employment', 'refugees', 'education', 'migrants', 'discrimination',
  '"language courses"', '"family reunification"', '"labour-market integration"',
  'integr*', 'naturali*', 'Einbürger*',
  'type:legislation family reunification', 'country:DE housing', 'lang:fr intégration', 'year:2019..2023 health', 'theme:refugees country:IT',
  'integracion', 'Auslanderbehorden', 'Malmö mentoring', 'housing -Berlin', 'refugees OR asylum',
];
const SUGGEST_PREFIXES = ['int', 'integ', 'hous', 'germ', 'fra', 'fam', 'lang', 'refu', 'empl', 'heal', 'educ', 'citiz', 'Ausl', 'Einb', 'intégr', 'vivi', 'amif', 'red c', 'cari', 'naturalis'];

export async function searchBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 100_000);
  const rounds = Number(options.rounds ?? 5);
  const withFullText = options.fulltext !== '0';
  const temp = makeTempDir('ewsi-bench-search-');
  try {
    const dataDir = path.join(temp.dir, 'desktop');
    const built = await prepareSearchCorpus(dataDir, documents, withFullText, options['reuse-dir'], options['extract-for-s'] === undefined ? undefined : Number(options['extract-for-s']));
    const phases = [...built.phases.map((phase) => ({ ...phase, phase: `build: ${phase.phase}` })), phaseMemory('run: start')];
    const core = await createCore({ dataDir, appVersion: 'bench' });
    const sqlite = core.stores.corpus.sqlite;
    phases.push(phaseMemory('run: core opened'));

    core.search.search({ query: 'warm up' }); // builds the facet table once, as the first search after a sync does
    phases.push(phaseMemory('run: after first search'));
    // The app reads frequent terms' postings in the background once a sync settles; measured here on its own.
    const postingsStarted = performance.now();
    await core.search.buildTermPostings();
    const postingsSeconds = (performance.now() - postingsStarted) / 1000;
    const postingStats = core.search.termPostings.stats();
    phases.push(phaseMemory('run: after postings'));
    // Ours and the naive query alternate, query by query: on a shared machine both then see the same load.
    const naiveStatement = sqlite.prepare("SELECT rowid, snippet(search_index, -1, '[', ']', '…', 24) AS s FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20");
    const ours: number[] = [];
    const naive: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let round = 0; round < rounds; round += 1) {
      for (const query of QUERY_MIX) {
        const started = performance.now();
        core.search.search({ query, limit: 20 });
        const took = performance.now() - started;
        ours.push(took);
        perQuery.set(query, [...(perQuery.get(query) ?? []), took]);
        const match = parseQuery(query).match;
        if (!match) continue;
        const naiveStarted = performance.now();
        naiveStatement.all(match);
        naive.push(performance.now() - naiveStarted);
      }
    }
    phases.push(phaseMemory('run: after our queries and the naive ones'));
    await core.handlers['search.suggest']({ query: 'warm', limit: 8 }); // builds the suggestion index
    const suggest: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const prefix of SUGGEST_PREFIXES) {
        const started = performance.now();
        await core.handlers['search.suggest']({ query: prefix, limit: 8 });
        suggest.push(performance.now() - started);
      }
    }
    phases.push(phaseMemory('run: after suggestions'));
    // An incremental sync of 1 % edits; then the first search, against the p95 of the others.
    writeSampleCorpus(core, documents, {
      afterVersion: built.version,
      limit: Math.max(1, Math.round(built.records / 100)),
      amend: (record) => ({ ...record, title: `${String(record.title ?? '')} (amended)` }),
    });
    const catchUpStarted = performance.now();
    core.search.search({ query: 'integration', limit: 20 });
    const catchUpMs = performance.now() - catchUpStarted;
    const caughtUp = core.search.termPostings.ready && core.search.termPostings.pendingChanges === 0;
    phases.push(phaseMemory('run: after 1 % edit'));
    const pageSize = (sqlite.pragma('page_size', { simple: true }) as number) ?? 4096;
    const pagesOf = (where: string) => (sqlite.prepare(`SELECT count(*) AS n FROM dbstat WHERE ${where}`).get() as { n: number } | undefined)?.n ?? 0;
    const indexPages = pagesOf("name LIKE 'search_index%'");
    const indexWithAttachmentPages = pagesOf("name LIKE 'search_index%' OR name LIKE 'attachment_pages%'");
    const coverage = core.sync.fullTextStatus();
    await core.close();
    phases.push(phaseMemory('run: end'));
    const p95 = quantile(ours, 0.95);
    const naiveP95 = quantile(naive, 0.95);
    return {
      docs: documents,
      records: built.records,
      reused_build: built.reused,
      load_s: built.load_s,
      ...(withFullText ? { pdfs: coverage.pdfs, pdfs_indexed: coverage.indexed, pdfs_pending: coverage.pending, pdf_pages: coverage.pages, extract_s: built.extract_s, extract_pages_per_s: built.extract_pages_per_s, extract_pages_per_s_last_run: built.extract_pages_per_s_last_run, extraction_complete: built.extraction_complete !== false } : {}),
      postings_build_s: round(postingsSeconds, 1),
      frequent_terms: postingStats.frequentTerms,
      postings: postingStats.postings,
      queries: QUERY_MIX.length,
      with_attachment_text: withFullText,
      p50_ms: round(quantile(ours, 0.5), 1),
      p95_ms: round(p95, 1),
      naive_p95_ms: round(naiveP95, 1),
      p95_vs_naive: round(p95 / naiveP95, 3),
      first_search_after_1pct_edit_ms: round(catchUpMs, 1),
      postings_caught_up: caughtUp,
      suggest_p95_ms: round(quantile(suggest, 0.95), 2),
      index_mb: round((indexPages * pageSize) / 1e6, 1),
      ...(withFullText ? { index_mb_with_attachment_text: round((indexWithAttachmentPages * pageSize) / 1e6, 1) } : {}),
      peak_rss_mb: Math.round(Math.max(...phases.map((phase) => phase.peak_rss_mb))),
      // The build's part (load and extraction; another process when the build is reused) and the run's, apart.
      peak_rss_mb_build: Math.round(Math.max(...built.phases.map((phase) => phase.peak_rss_mb))),
      ...(built.reused ? { peak_rss_mb_run: Math.round(phaseMemory('now').peak_rss_mb) } : {}),
      per_query_p50_ms: Object.fromEntries([...perQuery].map(([query, times]) => [query, round(quantile(times, 0.5), 1)])),
      memory_by_phase: phases,
    };
  } finally {
    temp.cleanup();
  }
}
