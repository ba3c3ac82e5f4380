// Search latency at scale: a fixed mix of queries (common words, phrases,
// prefixes, filters), each with snippets and facet counts, against a naive
// FTS5 `MATCH … ORDER BY rank LIMIT 20` with snippet() on the same database.
// With full text (the default) every PDF's text is extracted and indexed
// before anything is measured, as in a library that has settled; the memory
// of every phase (build included, also when the build is reused) is reported.
// The measured part runs in a child process on bundled code, as the app runs
// the core (search-core-run.ts); this process builds the library and makes the
// 1 % sync's pages.
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../tests/support/temp-dir';
import { CORE_PROCESS, runInCoreProcess } from './core-process';
import { sampleCorpusPages } from './sample-pages';
import type { SearchRunResult } from './search-core-run';
import { prepareSearchCorpus, type PhaseMemory } from './search-corpus';
import { quantile, round } from './stats';

export const QUERY_MIX = [
  'integration', 'housing', 'health', 'employment', 'refugees', 'education', 'migrants', 'discrimination',
  '"language courses"', '"family reunification"', '"labour-market integration"',
  'integr*', 'naturali*', 'Einbürger*',
  'type:legislation family reunification', 'country:DE housing', 'lang:fr intégration', 'year:2019..2023 health', 'theme:refugees country:IT',
  'integracion', 'Auslanderbehorden', 'Malmö mentoring', 'housing -Berlin', 'refugees OR asylum',
];
const SUGGEST_PREFIXES = ['int', 'integ', 'hous', 'germ', 'fra', 'fam', 'lang', 'refu', 'empl', 'heal', 'educ', 'citiz', 'Ausl', 'Einb', 'intégr', 'vivi', 'amif', 'red c', 'cari', 'naturalis'];

/** Phases stored with a kept library by the bench before its builds ran in the core process. */
const EARLIER_BUILD_PROCESS = 'the bench process (tsx, TypeScript sources) that built the kept library then; stored with it';

export async function searchBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 100_000);
  const rounds = Number(options.rounds ?? 5);
  const withFullText = options.fulltext !== '0';
  const temp = makeTempDir('ewsi-bench-search-');
  try {
    const dataDir = path.join(temp.dir, 'desktop');
    const built = await prepareSearchCorpus(dataDir, documents, withFullText, options['reuse-dir'], options['extract-for-s'] === undefined ? undefined : Number(options['extract-for-s']));
    // The 1 % incremental sync's pages, made here, where the generator runs; the core process applies them.
    const editPagesFile = path.join(temp.dir, 'edit-pages.jsonl');
    const edits = fs.openSync(editPagesFile, 'w');
    for (const page of sampleCorpusPages(documents, {
      afterVersion: built.version,
      limit: Math.max(1, Math.round(built.records / 100)),
      amend: (record) => ({ ...record, title: `${String(record.title ?? '')} (amended)` }),
    })) {
      fs.writeSync(edits, `${JSON.stringify(page)}\n`);
    }
    fs.closeSync(edits);
    const run = await runInCoreProcess<SearchRunResult>(
      { task: 'run', dataDir, rounds, queries: QUERY_MIX, suggestPrefixes: SUGGEST_PREFIXES, editPagesFile, resultFile: path.join(temp.dir, 'result.json') },
      path.join(temp.dir, 'input.json'),
    );
    const buildPhases: PhaseMemory[] = built.phases.map((phase) => ({ ...phase, phase: `build: ${phase.phase}`, process: phase.process ?? EARLIER_BUILD_PROCESS }));
    const runPhases: PhaseMemory[] = run.phases.map((phase) => ({ ...phase, process: CORE_PROCESS }));
    const phases = [...buildPhases, ...runPhases];
    const p95 = quantile(run.ours, 0.95);
    const naiveP95 = quantile(run.naive, 0.95);
    const { coverage } = run;
    return {
      docs: documents,
      records: built.records,
      reused_build: built.reused,
      load_s: built.load_s,
      ...(withFullText ? { pdfs: coverage.pdfs, pdfs_indexed: coverage.indexed, pdfs_pending: coverage.pending, pdf_pages: coverage.pages, extract_s: built.extract_s, extract_pages_per_s: built.extract_pages_per_s, extract_pages_per_s_last_run: built.extract_pages_per_s_last_run, extraction_complete: built.extraction_complete !== false } : {}),
      postings_build_s: round(run.postingsSeconds, 1),
      frequent_terms: run.frequentTerms,
      postings: run.postings,
      queries: QUERY_MIX.length,
      with_attachment_text: withFullText,
      p50_ms: round(quantile(run.ours, 0.5), 1),
      p95_ms: round(p95, 1),
      naive_p95_ms: round(naiveP95, 1),
      p95_vs_naive: round(p95 / naiveP95, 3),
      first_search_after_1pct_edit_ms: run.catchUpMs,
      postings_caught_up: run.caughtUp,
      suggest_p95_ms: round(quantile(run.suggest, 0.95), 2),
      index_mb: round((run.indexPages * run.pageSize) / 1e6, 1),
      ...(withFullText ? { index_mb_with_attachment_text: round((run.indexWithAttachmentPages * run.pageSize) / 1e6, 1) } : {}),
      peak_rss_mb: Math.round(Math.max(...phases.map((phase) => phase.peak_rss_mb))),
      // The build's part (load and extraction, in this process or, reused, the one that built it) and the core process's, apart.
      peak_rss_mb_build: Math.round(Math.max(...buildPhases.map((phase) => phase.peak_rss_mb))),
      peak_rss_mb_run: Math.round(Math.max(...runPhases.map((phase) => phase.peak_rss_mb))),
      // The core process's peak while the build extracted PDFs, when this run built it there.
      ...(built.reused ? {} : { peak_rss_mb_build_core: Math.round(Math.max(0, ...buildPhases.filter((phase) => phase.process === CORE_PROCESS).map((phase) => phase.peak_rss_mb))) }),
      per_query_p50_ms: Object.fromEntries(Object.entries(run.perQuery).map(([query, times]) => [query, round(quantile(times, 0.5), 1)])),
      memory_by_phase: phases,
    };
  } finally {
    temp.cleanup();
  }
}
