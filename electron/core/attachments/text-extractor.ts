// Extracts the text of downloaded PDFs page by page, in a worker thread with a
// heap limit and a time budget per file: a file that overruns either is
// stopped (the worker terminated) and reported as failed with the reason, and
// the core's event loop only ever stores pages. Progress is stored per page, so
// a restart resumes after the last stored page; a file is extracted again only
// when a record points at a file with another hash.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { foldLetters } from '../../../shared/text';
import type { AttachmentText, ExtractionJob } from '../db/corpus/attachment-text';
import { bundleFromSources } from '../bundle-from-sources';
import { Listeners } from '../listeners';
import { attachmentPath } from './attachment-files';
import { extractionMessageSchema, type ExtractionMessage, type ExtractionRequest } from './pdf-text-protocol';

export interface ExtractionBudget {
  /** Wall-clock time one file may take, from opening to its last page. */
  timeMs: number;
  /** The worker's JavaScript heap (old generation), in MB: pdf.js past it is stopped. */
  memoryMb: number;
  /** Characters kept per page. */
  maxCharsPerPage: number;
}

export const DEFAULT_EXTRACTION_BUDGET: ExtractionBudget = Object.freeze({ timeMs: 60_000, memoryMb: 256, maxCharsPerPage: 100_000 });

export interface TextExtractorOptions {
  budget?: Partial<ExtractionBudget>;
}

/** What the extractor is doing now, for the status. */
export interface ExtractionActivity {
  running: boolean;
  /** The file being read, and how far. */
  current: { sha256: string; fileName: string; page: number; pages: number | null } | null;
}

export interface ExtractionOutcome {
  sha256: string;
  fileName: string;
  status: 'indexed' | 'no-text-layer' | 'failed';
  reason: string | null;
  pages: number;
}

/** Letters or digits: a page without any has no text layer worth indexing (a scan, a blank page). */
const HAS_TEXT = /[\p{L}\p{N}]/u;

/** Where the worker's code is: bundled from its TypeScript source beside this file (run through tsx), or the bundle's built file. */
function startWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(16, Math.round(memoryMb / 8)) };
  const here = import.meta.url;
  // From sources: bundled first (bundle-from-sources.ts says why).
  if (here.endsWith('.ts')) return new Worker(bundleFromSources(fileURLToPath(new URL('./pdf-text-worker.ts', here)), 'pdf-text-worker'), { resourceLimits, stdout: true, stderr: true });
  // Bundled (electron.vite.config.ts builds it beside the core's entry, maybe one folder up from a chunk).
  const folder = path.dirname(fileURLToPath(here));
  const built = [path.join(folder, 'pdf-text-worker.js'), path.join(folder, '..', 'pdf-text-worker.js')].find((file) => fs.existsSync(file));
  if (!built) throw new Error('The PDF text worker is missing from this build');
  return new Worker(built, { resourceLimits, stdout: true, stderr: true });
}

class WorkerStopped extends Error {}

export class TextExtractor {
  private readonly budget: ExtractionBudget;
  private worker: Worker | undefined;
  private workerReady: Promise<void> | undefined;
  private running: Promise<ExtractionOutcome[]> | undefined;
  private again = false;
  private closed = false;
  private activity: ExtractionActivity = { running: false, current: null };
  private changes = 0;
  private readonly progressed = new Listeners<[activity: ExtractionActivity]>();
  private readonly finished = new Listeners<[outcome: ExtractionOutcome]>();

  constructor(
    private readonly text: AttachmentText,
    private readonly dataDir: string,
    options: TextExtractorOptions = {},
  ) {
    this.budget = { ...DEFAULT_EXTRACTION_BUDGET, ...options.budget };
  }

  /** Bumped whenever stored text changes (caches of what has text know to rebuild). */
  get generation(): number {
    return this.changes;
  }

  current(): ExtractionActivity {
    return this.activity;
  }

  /** After each stored page and each finished file. */
  onProgress(listener: (activity: ExtractionActivity) => void): () => void {
    return this.progressed.add(listener);
  }

  onFinished(listener: (outcome: ExtractionOutcome) => void): () => void {
    return this.finished.add(listener);
  }

  /** Starts extracting in the background (or, if a run is under way, has it look for new files when done). */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.run().catch((error: unknown) => {
      if (!this.closed) console.error(`Text extraction stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Extracts every downloaded PDF not done yet, and resolves with what became of each (joins a run under way). */
  run(): Promise<ExtractionOutcome[]> {
    if (!this.running) {
      this.running = this.runAll().finally(() => {
        this.running = undefined;
        this.stopWorker();
        this.setActivity({ running: false, current: null });
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        }
      });
    }
    return this.running;
  }

  private async runAll(): Promise<ExtractionOutcome[]> {
    const outcomes: ExtractionOutcome[] = [];
    if (this.text.pruneUnreferenced() > 0) this.changes += 1;
    this.setActivity({ running: true, current: null });
    const done = new Set<string>();
    // In SHA-256 order from a cursor, each next file looked up when the last is done (a sync may have
    // brought files, or dropped them, meanwhile); once at the end, from the start again, for files that
    // arrived below the cursor.
    let after = '';
    for (;;) {
      let job = this.text.nextToExtract(after);
      while (job && done.has(job.sha256)) job = this.text.nextToExtract(job.sha256);
      if (!job) {
        if (after === '') break;
        after = '';
        continue;
      }
      if (this.closed) break;
      after = job.sha256;
      done.add(job.sha256);
      const outcome = await this.extractFile(job);
      if (this.closed) break;
      outcomes.push(outcome);
      this.finished.emit(outcome);
    }
    return outcomes;
  }

  private setActivity(activity: ExtractionActivity): void {
    this.activity = activity;
    this.progressed.emit(activity);
  }

  private ensureWorker(): Promise<void> {
    if (!this.worker) {
      const worker = startWorker(this.budget.memoryMb);
      this.worker = worker;
      // pdf.js warns on stdout/stderr about the files it reads: not the core's output.
      worker.stdout.resume();
      worker.stderr.resume();
      worker.unref();
      this.workerReady = new Promise<void>((resolve, reject) => {
        const onMessage = (raw: unknown) => {
          if (extractionMessageSchema.safeParse(raw).data?.kind !== 'ready') return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        // Stopped before it was ready (closed while starting): the run must end, not wait for an answer that never comes.
        worker.once('exit', () => reject(new WorkerStopped('extraction was stopped')));
      });
    }
    return this.workerReady!;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.workerReady = undefined;
    if (worker) void worker.terminate();
  }

  /** One file, in the worker, its pages stored as they come; stopped when it overruns its budget. */
  private async extractFile(job: ExtractionJob): Promise<ExtractionOutcome> {
    const file = attachmentPath(this.dataDir, job.sha256);
    const outcome = (status: ExtractionOutcome['status'], reason: string | null): ExtractionOutcome => {
      const state = this.text.state(job.sha256);
      return { sha256: job.sha256, fileName: job.fileName, status, reason, pages: state?.pages ?? 0 };
    };
    if (!fs.existsSync(file)) {
      // Gone from disk since it was downloaded: the next sync fetches it again, and extraction follows.
      return outcome('failed', 'the file is no longer on this computer');
    }
    let pages: number | null = null;
    this.setActivity({ running: true, current: { sha256: job.sha256, fileName: job.fileName, page: job.pagesDone, pages } });
    try {
      await this.ensureWorker();
      await this.inWorker({ kind: 'extract', path: file, fromPage: job.pagesDone + 1, maxCharsPerPage: this.budget.maxCharsPerPage }, (message) => {
        if (message.kind === 'opened') {
          pages = message.pages;
          this.text.begin(job.sha256, message.pages);
        } else if (message.kind === 'page') {
          const text = foldLetters(message.text);
          this.text.pageExtracted(job.sha256, message.page, HAS_TEXT.test(text) ? text : null);
          this.changes += 1;
          this.setActivity({ running: true, current: { sha256: job.sha256, fileName: job.fileName, page: message.page, pages } });
        }
      });
    } catch (error) {
      if (this.closed && error instanceof WorkerStopped) return outcome('failed', error.message); // Not stored: the next start resumes.
      const reason = error instanceof Error ? error.message : String(error);
      this.text.finish(job.sha256, 'failed', reason);
      this.changes += 1;
      return outcome('failed', reason);
    }
    const state = this.text.state(job.sha256);
    const status = state && state.pages_with_text > 0 ? 'indexed' : 'no-text-layer';
    this.text.finish(job.sha256, status);
    this.changes += 1;
    return outcome(status, null);
  }

  /** Sends one request and hands each answer to `onMessage` until the file is done; rejects on failure or overrun. */
  private inWorker(request: ExtractionRequest, onMessage: (message: ExtractionMessage) => void): Promise<void> {
    const worker = this.worker!;
    const { timeMs, memoryMb } = this.budget;
    return new Promise<void>((resolve, reject) => {
      const cleanUp = () => {
        clearTimeout(timer);
        worker.off('message', listener);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (error: Error) => {
        cleanUp();
        this.stopWorker();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`stopped after ${Math.round(timeMs / 1000)} s, its time budget`)), timeMs);
      const listener = (raw: unknown) => {
        if (this.closed) return; // Answers still queued after a stop are not stored: the next start resumes from what was.
        const parsed = extractionMessageSchema.safeParse(raw);
        if (!parsed.success) return fail(new Error('the text worker answered something unexpected'));
        const message = parsed.data;
        if (message.kind === 'failed') {
          cleanUp();
          reject(new Error(`pdf.js could not read it: ${message.reason}`));
          return;
        }
        try {
          onMessage(message);
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        if (message.kind === 'done') {
          cleanUp();
          resolve();
        }
      };
      const onError = (error: Error & { code?: string }) =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`stopped at its memory budget (${memoryMb} MB)`) : new Error(`the text worker failed: ${error.message}`));
      const onExit = () => fail(this.closed ? new WorkerStopped('extraction was stopped') : new Error('the text worker stopped unexpectedly'));
      worker.on('message', listener);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  /** Stops the worker; a file under way resumes at its next page on the next start. */
  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    this.stopWorker();
    await running?.catch(() => undefined);
  }
}
