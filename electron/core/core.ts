import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import {
  ContractError,
  contract,
  describeIssues,
  failureEnvelope,
  parseCall,
  type Envelope,
  type EventName,
  type Handlers,
  type MethodName,
} from '../../shared/contract';
import { createCorpusData } from './db/corpus';
import { openSideCorpus } from './db/side-corpus';
import { SearchQueries } from './db/corpus/search-queries';
import { openStores, type Stores } from './db/stores';
import { AnnotationTable } from './db/user/annotations';
import { UserStoreBackup } from './db/user/backup';
import { CollectionTable } from './db/user/collections';
import { OutboxTable } from './db/user/outbox';
import { SavedSearchTable } from './db/user/saved-searches';
import { SettingsTable } from './db/user/settings';
import { UnseenChangeTable } from './db/user/unseen-changes';
import { annotationHandlers } from './annotations/handlers';
import { changesHandlers } from './changes/handlers';
import { UnseenChanges } from './changes/unseen-changes';
import { AnnotationService } from './annotations/annotations';
import { CollectionService } from './annotations/collections';
import { exportHandlers } from './export/handlers';
import type { CollectionSource } from '../../shared/annotations';
import { CalendarService } from './calendar/calendar';
import { calendarHandlers } from './calendar/handlers';
import { printHandlers } from './print/handlers';
import { CitationService } from './citations/citations';
import { citationHandlers } from './citations/handlers';
import { CollectionExporter } from './export/export-collection';
import { libraryHandlers } from './library/handlers';
import { createLibrary, type Library } from './library/library';
import { AuthService } from './outbox/auth';
import { outboxHandlers } from './outbox/handlers';
import { OutboxService, type OutboxServiceOptions } from './outbox/outbox-service';
import { FileTokenStore, MEMBER_KEY_FILE, type TokenStore } from './outbox/token-store';
import { MemberSyncTable } from './db/user/member-sync';
import { memberSyncHandlers } from './member-sync/handlers';
import { annotationKind, collectionKind, savedSearchKind, settingsKind } from './member-sync/local-items';
import { MemberSyncService, type MemberSyncOptions } from './member-sync/member-sync-service';
import { searchHandlers } from './search/handlers';
import { AttachmentHits } from './search/attachment-hits';
import { SavedSearches } from './search/saved-searches';
import { SearchEngine, type SearchEngineOptions } from './search/search-engine';
import { Suggestions } from './search/suggestions';
import { settingsHandlers } from './settings/handlers';
import { SettingsStore } from './settings/settings-store';
import { syncHandlers } from './sync/handlers';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import { updateHandlers } from './updates/handlers';
import { UpdateService } from './updates/update-service';
import { userDataHandlers } from './user-data/handlers';
import { historyHandlers } from './history/handlers';
import { HistoryService } from './history/history-service';

export interface CoreOptions {
  /** Folder holding the local stores; created when missing. */
  dataDir: string;
  /** The application's version, shown by app.info. */
  appVersion: string;
  /** Receives the events of contractEvents (sync progress and status). */
  emit?: (name: EventName, payload: unknown) => void;
  sync?: SyncServiceOptions;
  search?: SearchEngineOptions;
  outbox?: OutboxServiceOptions;
  /** Where the session token lives; a 0600 file `session-token` in the data folder by default. */
  tokenStore?: TokenStore;
  /** Where member sync keeps the unwrapped master key: like the token, a 0600 file `member-sync-key` by default. */
  memberKeyStore?: TokenStore;
  memberSync?: MemberSyncOptions;
  /**
   * Tests only: the public key update info must be signed with, in place of the
   * release key built into the app (a test signs its releases with a key pair it makes).
   */
  updateSigningKeyForTests?: KeyObject;
}

export interface Core {
  readonly handlers: Handlers;
  readonly stores: Stores;
  readonly sync: SyncService;
  readonly settings: SettingsStore;
  readonly search: SearchEngine;
  readonly library: Library;
  readonly auth: AuthService;
  readonly outbox: OutboxService;
  readonly annotations: AnnotationService;
  readonly collections: CollectionService;
  readonly exporter: CollectionExporter;
  readonly citations: CitationService;
  readonly calendar: CalendarService;
  readonly updates: UpdateService;
  readonly history: HistoryService;
  readonly memberSync: MemberSyncService;
  /** The app's behaviour: sync on a schedule, push the outbox whenever signed in and online, sync after a delivery. */
  startBackground(): void;
  /** Validates a raw call from another process, runs it, validates the result. Never throws. */
  dispatch(method: unknown, args: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const stores = await openStores(path.resolve(options.dataDir));
  const settings = new SettingsStore(new SettingsTable(stores.user));
  const emitOut = options.emit ?? (() => undefined);
  const corpus = createCorpusData(stores.corpus);
  const sync = new SyncService(corpus, (options) => openSideCorpus(stores.corpus, options), stores.dataDir, settings, emitOut, options.sync);
  sync.writer.ensureSearchIndex();
  const searchQueries = new SearchQueries(stores.corpus);
  // The text of the records' PDFs is searched with them; what has text changes with the records and with each extracted page.
  const attachmentHits = new AttachmentHits(corpus.attachmentText, { records: () => sync.writer.generation, text: () => sync.textExtractor.generation });
  const search = new SearchEngine(searchQueries, () => sync.writer.generation, options.search, attachmentHits);
  const suggestions = new Suggestions(corpus.records);
  sync.writer.onPageApplied((page) => suggestions.apply(page));
  sync.writer.onReset(() => suggestions.reset());
  sync.writer.onReplaced(() => suggestions.reset());
  sync.writer.onPageApplied((_page, changedRowids) => search.corpusChanged(changedRowids));
  sync.writer.onReset(() => search.corpusReset());
  sync.writer.onReplaced(() => search.corpusReset());
  // Annotations follow their targets' text after each page. A reset (the corpus dropped in place) changes no annotation:
  // the pages that follow re-anchor, and the last page re-checks every target (a record that did not come back orphans
  // its annotations). A copy swapped in whole (a resync, another portal) re-checks every target at once.
  const annotations = new AnnotationService(new AnnotationTable(stores.user), corpus.records);
  const collections = new CollectionService(new CollectionTable(stores.user), corpus.records);
  sync.writer.onPageApplied((page) => annotations.pageApplied(page));
  sync.writer.onReset(() => annotations.corpusReset());
  // What the user has not seen yet: marked per record after each page, kept in the user store until opened.
  const unseen = new UnseenChanges(new UnseenChangeTable(stores.user), corpus, () => sync.writer.state());
  sync.writer.onPageApplied((page, changedRowids) => unseen.pageApplied(page, changedRowids));
  sync.writer.onReset(() => unseen.corpusReset());
  sync.writer.onReplaced(() => annotations.reanchorAll());
  sync.writer.onReplaced(() => unseen.corpusReplaced());
  const history = new HistoryService(corpus);
  const portalUrl = () => sync.writer.state().serverUrl ?? settings.get().serverUrl ?? null;
  const savedSearches = new SavedSearches(new SavedSearchTable(stores.user), search, () => sync.writer.state().cursor);
  const library = createLibrary(corpus, sync.writer, { dataDir: stores.dataDir, syncStatus: () => sync.status(), savedSearches: () => savedSearches.list(), unseen });
  const matching = (source: CollectionSource, max: number) => (source.from === 'list' ? library.records.keys(source.filters, source.sort, max) : search.matchingKeys(source.query, source.sort, max));
  const citations = new CitationService(corpus.records, collections, portalUrl, matching, history);
  const exporter = new CollectionExporter(corpus.records, stores.dataDir, collections, annotations, portalUrl, citations);
  const calendar = new CalendarService(corpus.records, matching, () => savedSearches.list(), (query, max) => search.matchingKeys(query, 'date', max), portalUrl);
  const auth = new AuthService(options.tokenStore ?? new FileTokenStore(stores.dataDir), { allowInsecurePortal: () => settings.get().allowInsecurePortal });
  const outboxService = new OutboxService({ outbox: new OutboxTable(stores.user), records: corpus.records }, auth, (status) => emitOut('outbox.changed', status), options.outbox);
  const memberSync = new MemberSyncService(
    new MemberSyncTable(stores.user),
    {
      annotation: annotationKind(new AnnotationTable(stores.user)),
      collection: collectionKind(new CollectionTable(stores.user)),
      'saved-search': savedSearchKind(new SavedSearchTable(stores.user), () => sync.writer.state().cursor),
      settings: settingsKind(settings),
    },
    auth,
    options.memberKeyStore ?? new FileTokenStore(stores.dataDir, MEMBER_KEY_FILE),
    (status) => emitOut('memberSync.changed', status),
    options.memberSync,
  );
  // The portal answering again is when queued writes go.
  sync.onOnlineChanged((online) => {
    if (online) outboxService.kick();
  });
  const updates = new UpdateService({
    dataDir: stores.dataDir,
    currentVersion: options.appVersion,
    settings: () => settings.get(),
    signingKey: options.updateSigningKeyForTests,
    emit: (status) => emitOut('update.status', status),
  });
  // Each feature answers its own slice of the contract; the compiler checks that together they answer every method.
  const handlers: Handlers = {
    ...settingsHandlers({ stores, appVersion: options.appVersion, settings, sync }),
    ...syncHandlers(sync),
    ...searchHandlers({ search, suggestions, savedSearches }),
    ...userDataHandlers({ backup: new UserStoreBackup(stores.user), settings, outbox: outboxService, sync }),
    ...libraryHandlers(library),
    ...changesHandlers(unseen),
    ...outboxHandlers({ auth, outbox: outboxService, settings }),
    ...annotationHandlers({
      annotations,
      collections,
      matching,
    }),
    ...exportHandlers(exporter),
    ...citationHandlers(citations),
    ...calendarHandlers(calendar),
    ...printHandlers(),
    ...updateHandlers(updates),
    ...memberSyncHandlers(memberSync),
    ...historyHandlers(history, {
      followed: () => [...annotations.facets().records, ...collections.list().flatMap((collection) => collection.items)],
      lastSyncFrom: () => sync.writer.lastChanges()?.sinceVersion ?? null,
      changedNotes: (type, id) => annotations.list({ target: { type, id }, textChanged: true, limit: 1, offset: 0 }).total,
    }),
  };

  async function call(method: MethodName, args: unknown): Promise<unknown> {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    const value = await handler(args);
    // A result that breaks the contract is our bug; say so instead of passing it on.
    const checked = contract[method].result.safeParse(value);
    if (!checked.success) {
      throw new ContractError('invalid_result', `Core produced an invalid result for ${method}: ${describeIssues(checked.error, 'result')}`);
    }
    return checked.data;
  }

  return {
    handlers,
    stores,
    sync,
    settings,
    search,
    library,
    auth,
    outbox: outboxService,
    annotations,
    collections,
    exporter,
    citations,
    calendar,
    updates,
    history,
    memberSync,
    startBackground() {
      memberSync.startBackground();
      sync.startSchedule();
      // PDFs waiting since the last run (a restart resumes at the next page), then whatever each sync downloads.
      sync.startTextExtraction();
      // After a delivery, sync: the created records arrive and the drafts give way to them.
      outboxService.startAuto(() => {
        // A sync already running may have read the feed before the delivery: sync again after it.
        if (sync.running) sync.run().catch(() => undefined).finally(() => sync.start());
        else sync.start();
      });
    },
    async dispatch(method, rawArgs) {
      try {
        const parsed = parseCall(method, rawArgs);
        return { ok: true, value: await call(parsed.method, parsed.args) };
      } catch (error) {
        return failureEnvelope(error);
      }
    },
    close: async () => {
      updates.close();
      await memberSync.close();
      await outboxService.close();
      search.close();
      await sync.close();
      await stores.close();
    },
  };
}
