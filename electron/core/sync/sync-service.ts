// Runs syncs for the core: one at a time, on demand, on a schedule and when the
// portal becomes reachable again; reports status and progress as events.
import fs from 'node:fs';
import { insecurePortalRefusal, portalSecurityOf } from '../../../shared/portal-transport';
import type { FullTextStatus, SyncProgress, SyncStatus } from '../../../shared/sync';
import { CorpusWriter } from '../corpus/corpus-writer';
import type { RecordDerivations } from '../corpus/indexed-record';
import type { CorpusData } from '../db/corpus';
import { corpusSchemaLevel } from '../db/prebuilt-corpus';
import type { SideCorpus, SideCorpusOptions } from '../db/side-corpus';
import { Listeners } from '../listeners';
import type { SettingsStore } from '../settings/settings-store';
import { attachmentPath } from '../attachments/attachment-files';
import { TextExtractor, type TextExtractorOptions } from '../attachments/text-extractor';
import { downloadAttachments, type AttachmentJob } from '../portal/attachments';
import { portalIsUp } from '../portal/health';
import { portalAddress } from '../portal/urls';
import { policyAllows } from './attachment-policy';
import { LiveUpdates, type LiveUpdatesOptions } from './live-updates';
import { pullChanges, SyncError, type PullOptions, type PullResult, type SideCopy } from './pull';
import { loadSnapshot, type SnapshotProgress } from './snapshot-bootstrap';

export interface SyncRunResult extends PullResult {
  attachments: { downloaded: number; failed: Array<{ sha256: string; message: string }> };
}

export interface SyncServiceOptions {
  /** Overrides for the pull loop (tests use short delays). */
  pull?: Partial<Omit<PullOptions, 'serverUrl' | 'signal' | 'onProgress'>>;
  /** How often to probe an unreachable portal, in ms. */
  probeIntervalMs?: number;
  attachmentConcurrency?: number;
  /** The records' derivations; a test replaces one to see a failing derivation isolated. */
  derivations?: RecordDerivations;
  /** The change stream that starts a sync when the portal publishes (with the schedule only). */
  live?: LiveUpdatesOptions;
  /** Budgets of the PDF text extraction (tests make them small). */
  textExtraction?: TextExtractorOptions;
}

/** How many record problems the status lists (all are counted). */
const SHOWN_PROBLEMS = 20;

type Emit = (name: 'sync.progress' | 'sync.status', payload: unknown) => void;

export class SyncService {
  readonly writer: CorpusWriter;
  /** The text of downloaded PDFs, extracted after each sync's downloads (in the background, once started). */
  readonly textExtractor: TextExtractor;
  private extractAfterSync = false;
  private controller: AbortController | undefined;
  private current: Promise<SyncRunResult> | undefined;
  private online: boolean | null = null;
  private lastError: string | null = null;
  private progress: SyncProgress | null = null;
  private scheduleTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly onlineChanged = new Listeners<[online: boolean]>();
  /** A sync was asked for while one ran: run another once it ends. */
  private syncAgain = false;
  private readonly live: LiveUpdates;

  constructor(
    private readonly corpus: CorpusData,
    /** Opens an empty corpus beside this one, for a resync or another portal's first copy (db/side-corpus.ts). */
    private readonly openSideCorpus: (options?: SideCorpusOptions) => Promise<SideCorpus>,
    /** The data folder, where downloaded attachments live. */
    private readonly dataDir: string,
    private readonly settings: SettingsStore,
    private readonly emit: Emit,
    private readonly options: SyncServiceOptions = {},
  ) {
    this.writer = new CorpusWriter(corpus, options.derivations);
    this.textExtractor = new TextExtractor(corpus.attachmentText, dataDir, options.textExtraction);
    // The status tells how far the text got: after each file at once, during one at most twice a second.
    let lastEmit = 0;
    this.textExtractor.onProgress((activity) => {
      const now = Date.now();
      if (activity.current && activity.current.page > 0 && now - lastEmit < 500) return;
      lastEmit = now;
      this.emitStatus();
    });
    this.live = new LiveUpdates(
      {
        portalUrl: () => {
          const url = this.portalUrl();
          return url && !insecurePortalRefusal(portalAddress(url), this.settings.get().allowInsecurePortal) ? portalAddress(url) : null;
        },
        cursor: () => this.writer.state().cursor,
        requestSync: () => this.requestSync(),
        connectedChanged: (connected) => connected && this.setOnline(true),
      },
      options.live,
    );
  }

  /** Whether the portal's change stream is open now. */
  get streaming(): boolean {
    return this.live.streaming;
  }

  /**
   * Syncs now; while a sync runs, runs one more after it: the running one may
   * have read the feed before the publication that asked for this one.
   */
  requestSync(): void {
    if (this.current) this.syncAgain = true;
    else this.start();
  }

  /** From now on, extract the text of PDFs in the background: those waiting now (a restart resumes), and those each sync downloads. */
  startTextExtraction(): void {
    this.extractAfterSync = true;
    this.textExtractor.kick();
  }

  /** Whenever the portal is found reachable (true) or unreachable (false), a change from what was known before. */
  onOnlineChanged(listener: (online: boolean) => void): () => void {
    return this.onlineChanged.add(listener);
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** The configured portal, else the one the corpus was last synced from. */
  private portalUrl(): string | null {
    return this.settings.get().serverUrl ?? this.writer.state().serverUrl;
  }

  /** Runs one sync to completion; throws SyncError when it fails. A second call while one runs joins it. */
  run(serverUrlOverride?: string): Promise<SyncRunResult> {
    if (this.current) return this.current;
    const requested = serverUrlOverride ?? this.portalUrl();
    const serverUrl = requested && portalAddress(requested);
    if (!serverUrl) return Promise.reject(new SyncError('server', 'No portal is configured: set its address in Settings (or pass --server)'));
    const refusal = this.refuseInsecurePortal(serverUrl);
    if (refusal) return Promise.reject(new SyncError('server', refusal));
    const controller = new AbortController();
    this.controller = controller;
    this.lastError = null;
    this.current = this.execute(serverUrl, controller.signal).finally(() => {
      this.current = undefined;
      this.controller = undefined;
      this.progress = null;
      this.emitStatus();
      if (this.syncAgain) {
        this.syncAgain = false;
        this.start();
      }
    });
    this.emitStatus();
    return this.current;
  }

  /** Starts a sync in the background; the outcome arrives as status events. */
  start(serverUrl?: string): { started: boolean; reason?: string } {
    if (this.current) return { started: false, reason: 'A sync is already running' };
    const url = serverUrl ?? this.portalUrl();
    if (!url) return { started: false, reason: 'No portal is configured: set its address in Settings' };
    const refusal = this.refuseInsecurePortal(portalAddress(url));
    if (refusal) return { started: false, reason: refusal };
    this.run(url).catch(() => undefined); // The failure is in lastError and the status event.
    return { started: true };
  }

  /** Why nothing may be sent to this portal (plain http away from this computer, not allowed), also put in the status; null when it may. */
  private refuseInsecurePortal(serverUrl: string): string | null {
    const refusal = insecurePortalRefusal(serverUrl, this.settings.get().allowInsecurePortal);
    if (refusal) {
      // In the status too: a scheduled sync has nobody else to tell.
      this.lastError = refusal;
      this.emitStatus();
    }
    return refusal;
  }

  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }

  private async execute(serverUrl: string, signal: AbortSignal): Promise<SyncRunResult> {
    const startedAt = Date.now();
    try {
      const pulled = await pullChanges(
        this.writer,
        {
          ...this.options.pull,
          serverUrl,
          signal,
          onProgress: (progress) => this.report({ phase: 'pulling', ...progress }),
        },
        () => this.openSideCopy(),
        (url, minVersion) =>
          loadSnapshot({
            serverUrl: url,
            dataDir: this.dataDir,
            openSideCopy: () => this.openSideCopy({ bulkLoad: true }),
            openPrebuiltCopy: (prebuilt) => this.openSideCopy({ prebuilt }),
            schemaLevel: corpusSchemaLevel(),
            minVersion,
            // Five feed pages' worth per transaction (5,000 records by default).
            pageSize: 5 * (this.options.pull?.pageLimit ?? 1000),
            signal,
            retries: this.options.pull?.retries,
            baseDelayMs: this.options.pull?.baseDelayMs,
            maxDelayMs: this.options.pull?.maxDelayMs,
            timeoutMs: this.options.pull?.timeoutMs,
            onProgress: (progress) => this.reportSnapshot(progress, startedAt),
          }),
      );
      this.setOnline(true);
      const attachments = await this.downloadMissing(serverUrl, signal);
      if (this.extractAfterSync) this.textExtractor.kick();
      return { ...pulled, attachments };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = message;
      if (error instanceof SyncError && error.kind === 'network') this.setOnline(false);
      throw error;
    }
  }

  /** A copy built beside the library; once swapped in, the library's listeners are told the whole corpus changed. */
  private async openSideCopy(options?: SideCorpusOptions): Promise<SideCopy & { checkTimings?: Record<string, number> }> {
    const side = await this.openSideCorpus(options);
    return {
      checkTimings: side.checkTimings,
      writer: new CorpusWriter(side.data),
      swapIn: async () => {
        await side.swapIn();
        this.writer.corpusReplaced();
      },
      discard: () => side.discard(),
    };
  }

  /** A snapshot's download (bytes of its size) and load (records of its count), as sync progress. */
  private reportSnapshot(progress: SnapshotProgress, startedAt: number): void {
    const done = progress.phase === 'snapshot-download' ? progress.bytes : progress.records;
    const rate = done / Math.max(0.001, (Date.now() - startedAt) / 1000);
    this.report({
      phase: progress.phase,
      records: progress.records,
      bytes: progress.bytes,
      cursor: 0,
      latest: progress.version,
      rate: progress.phase === 'snapshot-load' ? rate : 0,
      etaSeconds: rate > 0 ? Math.max(0, progress.total - done) / rate : null,
      resyncing: this.writer.state().cursor > 0,
    });
  }

  private report(progress: SyncProgress): void {
    this.progress = progress;
    this.emit('sync.progress', progress);
  }

  /** Referenced attachments not on disk yet, that the user's policy lets the background fetch. */
  missingAttachments(): AttachmentJob[] {
    return this.corpus.attachments.missing();
  }

  /** Marks the referenced attachments whose verified file is already in the data folder as present; returns how many. */
  adoptFilesOnDisk(): number {
    let adopted = 0;
    for (const job of this.missingAttachments()) {
      if (!fs.existsSync(attachmentPath(this.dataDir, job.sha256))) continue;
      this.corpus.attachments.markPresent(job.sha256);
      adopted += 1;
    }
    return adopted;
  }

  private async downloadMissing(serverUrl: string, signal: AbortSignal): Promise<SyncRunResult['attachments']> {
    const policy = this.settings.get().attachmentPolicy;
    const { attachments } = this.corpus;
    const jobs: AttachmentJob[] = [];
    // A file already on disk (kept through a resync, or fetched on demand) only needs marking.
    this.adoptFilesOnDisk();
    for (const job of this.missingAttachments()) if (policyAllows(policy, job)) jobs.push(job);
    if (jobs.length === 0) return { downloaded: 0, failed: [] };
    const state = this.writer.state();
    const result = await downloadAttachments(serverUrl, jobs, this.dataDir, {
      signal,
      concurrency: this.options.attachmentConcurrency ?? 3,
      retries: this.options.pull?.retries,
      baseDelayMs: this.options.pull?.baseDelayMs,
      onProgress: (p) => this.report({ phase: 'attachments', records: p.files, bytes: p.bytes, cursor: state.cursor, latest: state.latest, rate: 0, etaSeconds: null, resyncing: false }),
    });
    for (const sha256 of result.downloaded) attachments.markPresent(sha256);
    return { downloaded: result.downloaded.length, failed: result.failed };
  }

  private countsCache: { generation: number; counts: Record<string, number> } | undefined;

  /** Records per type; counted again only when the corpus changed (a count over 170,000 rows costs tens of ms). */
  private counts(): Record<string, number> {
    if (this.countsCache?.generation !== this.writer.generation) {
      this.countsCache = { generation: this.writer.generation, counts: this.corpus.records.countsByType() };
    }
    return this.countsCache.counts;
  }

  status(): SyncStatus {
    const state = this.writer.state();
    const counts = this.counts();
    const attachments = this.corpus.attachments.summary();
    const serverUrl = this.portalUrl();
    return {
      serverUrl,
      libraryPortal: state.cursor > 0 ? state.serverUrl : null,
      portalSecurity: portalSecurityOf(serverUrl, this.settings.get().allowInsecurePortal),
      running: this.running,
      online: this.online,
      cursor: state.cursor,
      latest: state.latest,
      lastSyncAt: state.lastSyncAt,
      lastError: this.lastError,
      counts,
      attachments,
      progress: this.progress,
      problems: { count: this.corpus.recordProblems.count(), newest: this.corpus.recordProblems.newest(SHOWN_PROBLEMS) },
      fullText: this.fullTextStatus(),
    };
  }

  private fullTextCache: { key: string; coverage: ReturnType<CorpusData['attachmentText']['coverage']> } | undefined;

  /** How many of the library's PDFs have their text searchable; counted again only when the corpus or the text changed. */
  fullTextStatus(): FullTextStatus {
    const key = `${this.writer.generation}:${this.textExtractor.generation}:${this.corpus.attachments.summary().present}`;
    if (this.fullTextCache?.key !== key) this.fullTextCache = { key, coverage: this.corpus.attachmentText.coverage() };
    const activity = this.textExtractor.current();
    return {
      ...this.fullTextCache.coverage,
      running: activity.running,
      current: activity.current && { fileName: activity.current.fileName, page: activity.current.page, pages: activity.current.pages },
      failures: this.corpus.attachmentText.failures(SHOWN_PROBLEMS),
    };
  }

  private emitStatus(): void {
    this.emit('sync.status', this.status());
  }

  /** The portal or its permission changed in the settings: the status (and its portalSecurity) says so at once. */
  settingsChanged(): void {
    this.emitStatus();
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    const cameBack = this.online === false && online;
    this.online = online;
    this.onlineChanged.emit(online);
    this.emitStatus();
    if (!online) this.startProbing();
    if (cameBack) this.start();
  }

  /** While the portal is unreachable, probe /healthz; a success marks us online and syncs. */
  private startProbing(): void {
    if (this.probeTimer) return;
    this.probeTimer = setInterval(() => {
      const url = this.portalUrl();
      if (!url || this.running) return;
      void portalIsUp(url, 5000).then((up) => {
        if (!up) return;
        clearInterval(this.probeTimer);
        this.probeTimer = undefined;
        this.setOnline(true);
      });
    }, this.options.probeIntervalMs ?? 30_000);
    this.probeTimer.unref();
  }

  private scheduled = false;

  /** Syncs now (if a portal is set) and then every `syncIntervalMinutes`; settings changes reschedule. */
  startSchedule(): void {
    this.scheduled = true;
    this.reschedule();
  }

  /** Applies changed settings to a running schedule; does nothing when scheduling is off (CLI, tests). */
  reschedule(): void {
    if (!this.scheduled) return;
    this.stopTimer();
    const minutes = this.settings.get().syncIntervalMinutes;
    this.start();
    // The portal may have changed: follow the new one's stream.
    this.live.start();
    if (minutes > 0) {
      this.scheduleTimer = setInterval(() => this.start(), minutes * 60_000);
      this.scheduleTimer.unref();
    }
  }

  stopSchedule(): void {
    this.scheduled = false;
    this.stopTimer();
    this.live.stop();
  }

  private stopTimer(): void {
    clearInterval(this.scheduleTimer);
    this.scheduleTimer = undefined;
  }

  async close(): Promise<void> {
    this.stopSchedule();
    await this.textExtractor.close();
    clearInterval(this.probeTimer);
    this.cancel();
    await this.current?.catch(() => undefined);
  }
}
