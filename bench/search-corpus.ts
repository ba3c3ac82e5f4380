// The search benchmark's library: generated, written through the sync's page
// writer, its PDFs stored as downloaded and (with full text) extracted. With
// `--reuse-dir DIR` the built data folder is kept in DIR, keyed by the number
// of documents and a hash of the sample corpus's sources, and each run works
// on a copy of it (the run edits 1 % of the records), so a 100,000-document
// library with ~155,000 PDF pages is built once instead of for every run.
// The build's own figures (load and extraction times, memory by phase) are
// stored beside it and reported by every run that reuses it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { attachmentPath } from '../electron/core/attachments/attachment-files';
import { createCore, type Core } from '../electron/core/core';
import { CORPUS_FILE, USER_FILE } from '../electron/core/db/stores';
import { runInCoreProcess } from './core-process';
import { writeSampleCorpus } from './sample-store';
import { round } from './stats';

export interface PhaseMemory {
  phase: string;
  rss_mb: number;
  peak_rss_mb: number;
  heap_used_mb: number;
  external_mb: number;
  array_buffers_mb: number;
  /** Which process the figures are from, when the report mixes several. */
  process?: string;
}

/** The process's memory now and its peak so far, by phase: what holds memory is read off where it grows. */
export function phaseMemory(phase: string): PhaseMemory {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => round(bytes / 1e6, 1);
  return {
    phase,
    rss_mb: mb(usage.rss),
    // maxRSS is the kernel's VmHWM in KiB: converted to the same MB (10^6 bytes) as the other figures.
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    heap_used_mb: mb(usage.heapUsed),
    external_mb: mb(usage.external),
    array_buffers_mb: mb(usage.arrayBuffers),
  };
}

export interface BuiltCorpus {
  records: number;
  version: number;
  load_s: number;
  pdfs?: number;
  pdf_pages?: number;
  extract_s?: number;
  extract_pages_per_s?: number;
  extract_pages_per_s_last_run?: number;
  /** False when extraction was stopped at --extract-for-s with PDFs still pending. */
  extraction_complete?: boolean;
  phases: PhaseMemory[];
}

/** Files and folders whose content decides the sample corpus: a change to any of them builds a new library. */
const CORPUS_SOURCES = ['server/sample', 'bench/sample-store.ts'];

function sourcesHash(root: string): string {
  const hash = crypto.createHash('sha256');
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target).sort()) visit(path.join(target, name));
    } else {
      hash.update(path.relative(root, target));
      hash.update(fs.readFileSync(target));
    }
  };
  for (const source of CORPUS_SOURCES) visit(path.join(root, source));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Generates and writes the library in `dataDir` (unless `loaded` says a build got that far before),
 * then (with full text) extracts its PDFs, for at most `extractForS` seconds when given: extraction
 * resumes where it stopped, so a later build with the same key carries on. Memory is measured at each phase.
 */
export async function buildCorpus(dataDir: string, documents: number, withFullText: boolean, loaded: BuiltCorpus | undefined, extractForS: number | undefined, loadedMeta: string | undefined): Promise<BuiltCorpus> {
  const phases = [phaseMemory('start')];
  const core = await createCore({ dataDir, appVersion: 'bench' });
  try {
    let built: BuiltCorpus;
    if (loaded) {
      built = { ...loaded, phases: [...loaded.phases, ...phases] };
    } else {
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
      phases.push(phaseMemory('after load'));
      built = { records: load.records, version: load.version, load_s: round(load.seconds, 1), phases };
      if (loadedMeta) fs.writeFileSync(loadedMeta, JSON.stringify(built, null, 2));
    }
    if (withFullText) Object.assign(built, await extractAll(core, built.phases, extractForS, loaded?.extract_s ?? 0));
    return built;
  } finally {
    await core.close();
  }
}

/** Extracts the text of every stored PDF (for at most `forS` seconds), sampling memory while the worker runs. */
async function extractAll(core: Core, phases: PhaseMemory[], forS: number | undefined, secondsBefore: number): Promise<Partial<BuiltCorpus>> {
  core.sync.adoptFilesOnDisk();
  const pagesBefore = core.sync.fullTextStatus().pages;
  let sampled = phaseMemory('during extraction (highest rss sampled)');
  const sampler = setInterval(() => {
    const now = phaseMemory(sampled.phase);
    if (now.rss_mb > sampled.rss_mb) sampled = now;
  }, 1000);
  const stopper = forS === undefined ? undefined : setTimeout(() => void core.sync.textExtractor.close(), forS * 1000);
  const started = performance.now();
  try {
    await core.sync.textExtractor.run();
  } finally {
    clearInterval(sampler);
    clearTimeout(stopper);
  }
  const seconds = secondsBefore + (performance.now() - started) / 1000;
  phases.push(sampled, phaseMemory('after extraction'));
  const coverage = core.sync.fullTextStatus();
  const complete = coverage.pending === 0;
  const thisRun = (performance.now() - started) / 1000;
  return {
    pdfs: coverage.pdfs,
    pdf_pages: coverage.pages,
    extract_s: round(seconds, 1),
    extract_pages_per_s: round(coverage.pages / seconds, 1),
    // A build carried on over several runs: the last run's own rate (the earlier ones' may have run older code).
    extract_pages_per_s_last_run: round((coverage.pages - pagesBefore) / thisRun, 1),
    extraction_complete: complete,
  };
}

function copyDataFolder(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const file of [CORPUS_FILE, USER_FILE]) {
    for (const suffix of ['', '-wal', '-shm']) {
      const source = path.join(from, file + suffix);
      if (fs.existsSync(source)) fs.copyFileSync(source, path.join(to, file + suffix), fs.constants.COPYFILE_FICLONE);
    }
  }
  // The files themselves are only read: the copy links to them.
  const attachments = path.join(from, 'attachments');
  if (fs.existsSync(attachments)) fs.symlinkSync(attachments, path.join(to, 'attachments'), 'dir');
}

/** What the core process needs to build (or carry on building) a library; `resume` reads the build so far from `loadedMeta`. */
export interface BuildInput {
  dataDir: string;
  documents: number;
  withFullText: boolean;
  extractForS?: number;
  loadedMeta?: string;
  resume?: boolean;
}

/** Builds in the core process (core-process.ts), so that load and extraction are measured as the app's core runs them. */
async function buildInCoreProcess(input: BuildInput): Promise<BuiltCorpus> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-bench-build-'));
  try {
    return await runInCoreProcess<BuiltCorpus>({ task: 'build', ...input, resultFile: path.join(folder, 'built.json') }, path.join(folder, 'input.json'));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A data folder with the library in `dataDir`: built there, or (with `reuseDir`) copied from the kept
 * build for these options, which is made first when absent. Returns the build's figures.
 */
export async function prepareSearchCorpus(dataDir: string, documents: number, withFullText: boolean, reuseDir: string | undefined, extractForS?: number): Promise<BuiltCorpus & { reused: boolean }> {
  if (!reuseDir) return { ...(await buildInCoreProcess({ dataDir, documents, withFullText, extractForS })), reused: false };
  const key = `search-${documents}-${sourcesHash(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'))}${withFullText ? '-fulltext' : ''}`;
  const kept = path.join(reuseDir, key);
  const meta = path.join(kept, 'built.json');
  // Written once the records are in: a build stopped after that (or extraction stopped on purpose) carries on from there.
  const loadedMeta = path.join(kept, 'loaded.json');
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as BuiltCorpus;
  const done = fs.existsSync(meta) ? read(meta) : undefined;
  let reused = true;
  if (!done || (withFullText && done.extraction_complete === false)) {
    reused = false;
    const loaded = done ?? (fs.existsSync(loadedMeta) ? read(loadedMeta) : undefined);
    if (!loaded) fs.rmSync(kept, { recursive: true, force: true });
    if (loaded) fs.writeFileSync(loadedMeta, JSON.stringify(loaded, null, 2));
    const built = await buildInCoreProcess({ dataDir: path.join(kept, 'desktop'), documents, withFullText, extractForS, loadedMeta, resume: loaded !== undefined });
    fs.writeFileSync(meta, JSON.stringify(built, null, 2));
  }
  copyDataFolder(path.join(kept, 'desktop'), dataDir);
  return { ...read(meta), reused };
}
