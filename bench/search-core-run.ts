// The measured parts of the search benchmark, run as the app runs the core:
// bundled JavaScript in a process of its own (core-process.ts bundles this file
// and starts it), not the TypeScript sources under tsx, whose loader and compiled
// sources (~240 MB) the built app does not carry. A build (load, then PDF text
// extraction) runs here too; its load generates the sample corpus in this
// process, where a sync would receive pages instead. The same phases and the same
// work as before: open, first search, postings, queries against naive FTS5,
// suggestions, a 1 % incremental sync, then the first search after it. The
// sync's pages are made by the bench process and read here page by page, as a
// sync receives them, so the sample generator's memory is not the core's.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { z } from 'zod';
import { createCore } from '../electron/core/core';
import { parseQuery } from '../electron/core/search/query';
import type { ChangesPage } from '../shared/portal-api';
import { CORE_PROCESS } from './core-process';
import { buildCorpus, phaseMemory, type BuiltCorpus, type PhaseMemory } from './search-corpus';
import { round } from './stats';

const runInputSchema = z.object({
  task: z.literal('run'),
  dataDir: z.string(),
  rounds: z.number().int().positive(),
  queries: z.array(z.string()),
  suggestPrefixes: z.array(z.string()),
  /** JSON Lines, one feed page a line: the 1 % incremental sync. */
  editPagesFile: z.string(),
  resultFile: z.string(),
});
export type SearchRunInput = z.infer<typeof runInputSchema>;

const buildInputSchema = z.object({
  task: z.literal('build'),
  dataDir: z.string(),
  documents: z.number().int().nonnegative(),
  withFullText: z.boolean(),
  extractForS: z.number().optional(),
  loadedMeta: z.string().optional(),
  resume: z.boolean().optional(),
  resultFile: z.string(),
});
const inputSchema = z.discriminatedUnion('task', [runInputSchema, buildInputSchema]);

export interface SearchRunResult {
  phases: PhaseMemory[];
  postingsSeconds: number;
  frequentTerms: number;
  postings: number;
  ours: number[];
  naive: number[];
  perQuery: Record<string, number[]>;
  suggest: number[];
  catchUpMs: number;
  caughtUp: boolean;
  pageSize: number;
  indexPages: number;
  indexWithAttachmentPages: number;
  coverage: { pdfs: number; indexed: number; pending: number; pages: number };
}

async function* editPages(file: string): AsyncGenerator<ChangesPage> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  // Made by the bench from the sample corpus, valid by construction (as in writeSampleCorpus).
  for await (const line of lines) if (line) yield JSON.parse(line) as ChangesPage;
}

async function runSearchPhases(input: SearchRunInput): Promise<SearchRunResult> {
  const phases = [phaseMemory('run: start')];
  const core = await createCore({ dataDir: input.dataDir, appVersion: 'bench' });
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
  const perQuery: Record<string, number[]> = {};
  for (let round = 0; round < input.rounds; round += 1) {
    for (const query of input.queries) {
      const started = performance.now();
      core.search.search({ query, limit: 20 });
      const took = performance.now() - started;
      ours.push(took);
      (perQuery[query] ??= []).push(took);
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
  for (let round = 0; round < input.rounds; round += 1) {
    for (const prefix of input.suggestPrefixes) {
      const started = performance.now();
      await core.handlers['search.suggest']({ query: prefix, limit: 8 });
      suggest.push(performance.now() - started);
    }
  }
  phases.push(phaseMemory('run: after suggestions'));
  // An incremental sync of 1 % edits, applied page by page; then the first search, against the p95 of the others.
  for await (const page of editPages(input.editPagesFile)) core.sync.writer.applyPage(page, 'http://bench.invalid');
  const catchUpStarted = performance.now();
  core.search.search({ query: 'integration', limit: 20 });
  const catchUpMs = performance.now() - catchUpStarted;
  const caughtUp = core.search.termPostings.ready && core.search.termPostings.pendingChanges === 0;
  phases.push(phaseMemory('run: after 1 % edit'));
  const pageSize = (sqlite.pragma('page_size', { simple: true }) as number) ?? 4096;
  const pagesOf = (where: string) => (sqlite.prepare(`SELECT count(*) AS n FROM dbstat WHERE ${where}`).get() as { n: number } | undefined)?.n ?? 0;
  const indexPages = pagesOf("name LIKE 'search_index%'");
  const indexWithAttachmentPages = pagesOf("name LIKE 'search_index%' OR name LIKE 'attachment_pages%'");
  const { pdfs, indexed, pending, pages } = core.sync.fullTextStatus();
  await core.close();
  phases.push(phaseMemory('run: end'));
  return {
    phases,
    postingsSeconds,
    frequentTerms: postingStats.frequentTerms,
    postings: postingStats.postings,
    ours,
    naive,
    perQuery,
    suggest,
    catchUpMs: round(catchUpMs, 1),
    caughtUp,
    pageSize,
    indexPages,
    indexWithAttachmentPages,
    coverage: { pdfs, indexed, pending, pages },
  };
}

/** The child's entry: its input is a JSON file named on the command line; its result goes to the file the input names. */
async function main(): Promise<void> {
  const inputFile = process.argv[2];
  if (!inputFile) throw new Error('Usage: search-core-run INPUT.json');
  const input = inputSchema.parse(JSON.parse(fs.readFileSync(inputFile, 'utf8')));
  if (input.task === 'run') {
    fs.writeFileSync(input.resultFile, JSON.stringify(await runSearchPhases(input)));
    return;
  }
  // Written by the bench process from the kept build's own figures.
  const loaded = input.resume && input.loadedMeta ? (JSON.parse(fs.readFileSync(input.loadedMeta, 'utf8')) as BuiltCorpus) : undefined;
  const built = await buildCorpus(input.dataDir, input.documents, input.withFullText, loaded, input.extractForS, input.loadedMeta);
  // The phases measured here say so; those of a build carried on from earlier runs keep what they said (or nothing).
  const earlier = loaded?.phases.length ?? 0;
  built.phases = built.phases.map((phase, i) => (i < earlier ? phase : { ...phase, process: CORE_PROCESS }));
  fs.writeFileSync(input.resultFile, JSON.stringify(built));
}

// Only as a process's entry (search.ts imports the types alone).
if (process.argv[1] && import.meta.url.endsWith('.mjs')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
}
