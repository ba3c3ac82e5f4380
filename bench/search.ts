// Search latency at scale: a fixed mix of queries (common words, phrases,
// prefixes, filters), each with snippets and facet counts, against a naive
// FTS5 `MATCH … ORDER BY rank LIMIT 20` with snippet() on the same database.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { attachmentPath } from '../electron/core/attachments/attachment-files';
import { createCore, type Core } from '../electron/core/core';
import { parseQuery } from '../electron/core/search/query';
import { makeTempDir } from '../tests/support/temp-dir';
import { writeSampleCorpus } from './sample-store';
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
  const temp = makeTempDir('ewsi-bench-search-');
  try {
    const dataDir = path.join(temp.dir, 'desktop');
    const core = await createCore({ dataDir, appVersion: 'bench' });
    const withFullText = options.fulltext !== '0';
    // The PDFs go where the downloader puts verified files; their text is extracted after the measures without it.
    const load = writeSampleCorpus(core, documents, {
      onFiles: (files) => {
        if (!withFullText) return;
        for (const file of files) {
          const target = attachmentPath(dataDir, file.sha256);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, file.bytes);
        }
      },
    });
    const loadSeconds = load.seconds;
    const rssAfterLoadMb = process.resourceUsage().maxRSS / 1024;
    const sqlite = core.stores.corpus.sqlite;

    core.search.search({ query: 'warm up' }); // builds the facet table once, as the first search after a sync does
    // The app reads frequent terms' postings in the background once a sync settles; measured here on its own.
    const postingsStarted = performance.now();
    await core.search.buildTermPostings();
    const postingsSeconds = (performance.now() - postingsStarted) / 1000;
    const postingStats = core.search.termPostings.stats();
    const rssAfterPostingsMb = process.resourceUsage().maxRSS / 1024;
    const ours: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of QUERY_MIX) {
        const started = performance.now();
        core.search.search({ query, limit: 20 });
        ours.push(performance.now() - started);
      }
    }
    const naiveStatement = sqlite.prepare("SELECT rowid, snippet(search_index, -1, '[', ']', '…', 24) AS s FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20");
    const naive: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of QUERY_MIX) {
        const match = parseQuery(query).match;
        if (!match) continue;
        const started = performance.now();
        naiveStatement.all(match);
        naive.push(performance.now() - started);
      }
    }
    await core.handlers['search.suggest']({ query: 'warm', limit: 8 }); // builds the suggestion index
    const suggest: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const prefix of SUGGEST_PREFIXES) {
        const started = performance.now();
        await core.handlers['search.suggest']({ query: prefix, limit: 8 });
        suggest.push(performance.now() - started);
      }
    }
    // An incremental sync of 1 % edits: the next search catches the postings up (no rebuild).
    writeSampleCorpus(core, documents, {
      afterVersion: load.version,
      limit: Math.max(1, Math.round(load.records / 100)),
      amend: (record) => ({ ...record, title: `${String(record.title ?? '')} (amended)` }),
    });
    const catchUpStarted = performance.now();
    core.search.search({ query: 'integration', limit: 20 });
    const catchUpMs = performance.now() - catchUpStarted;
    const caughtUp = core.search.termPostings.ready && core.search.termPostings.pendingChanges === 0;
    const pageSize = (sqlite.pragma('page_size', { simple: true }) as number) ?? 4096;
    const indexPages = (sqlite.prepare("SELECT count(*) AS n FROM dbstat WHERE name LIKE 'search_index%'").get() as { n: number } | undefined)?.n ?? 0;
    const fullText = withFullText ? await withAttachmentText(core, rounds) : {};
    const indexWithAttachmentPages = (sqlite.prepare("SELECT count(*) AS n FROM dbstat WHERE name LIKE 'search_index%' OR name LIKE 'attachment_pages%'").get() as { n: number } | undefined)?.n ?? 0;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    await core.close();
    const p95 = quantile(ours, 0.95);
    const naiveP95 = quantile(naive, 0.95);
    return {
      docs: documents,
      records: load.records,
      load_s: round(loadSeconds, 1),
      postings_build_s: round(postingsSeconds, 1),
      frequent_terms: postingStats.frequentTerms,
      postings: postingStats.postings,
      queries: QUERY_MIX.length,
      p50_ms: round(quantile(ours, 0.5), 1),
      p95_ms: round(p95, 1),
      naive_p95_ms: round(naiveP95, 1),
      p95_vs_naive: round(p95 / naiveP95, 3),
      first_search_after_1pct_edit_ms: round(catchUpMs, 1),
      postings_caught_up: caughtUp,
      suggest_p95_ms: round(quantile(suggest, 0.95), 2),
      index_mb: round((indexPages * pageSize) / 1e6, 1),
      ...fullText,
      ...(withFullText ? { index_mb_with_attachment_text: round((indexWithAttachmentPages * pageSize) / 1e6, 1) } : {}),
      peak_rss_after_load_mb: Math.round(rssAfterLoadMb),
      peak_rss_after_postings_mb: Math.round(rssAfterPostingsMb),
      peak_rss_mb: Math.round(peakRssMb),
    };
  } finally {
    temp.cleanup();
  }
}

/** Extracts the text of every stored PDF, then measures the query mix again with it in the index. */
async function withAttachmentText(core: Core, rounds: number): Promise<Record<string, unknown>> {
  core.sync.adoptFilesOnDisk();
  const started = performance.now();
  await core.sync.textExtractor.run();
  const extractSeconds = (performance.now() - started) / 1000;
  const coverage = core.sync.fullTextStatus();
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERY_MIX) {
      const queryStarted = performance.now();
      core.search.search({ query, limit: 20 });
      latencies.push(performance.now() - queryStarted);
    }
  }
  return {
    pdfs: coverage.pdfs,
    pdf_pages: coverage.pages,
    extract_s: round(extractSeconds, 1),
    extract_pages_per_s: round(coverage.pages / extractSeconds, 1),
    p50_ms_with_attachment_text: round(quantile(latencies, 0.5), 1),
    p95_ms_with_attachment_text: round(quantile(latencies, 0.95), 1),
  };
}
