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
import { SearchQueries } from './db/corpus/search-queries';
import { openStores, type Stores } from './db/stores';
import { createLibrary, type Library } from './library/library';
import { comparePractices } from './library/practice-comparison';
import { SavedSearches } from './search/saved-searches';
import { SearchEngine, type SearchEngineOptions } from './search/search-engine';
import { Suggestions } from './search/suggestions';
import { SettingsStore } from './settings';
import { BackupError, restoreUserData, userDataBackup } from './user-data/backup';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import { AuthService, normalizeServerUrl } from './outbox/auth';
import { OutboxService, type OutboxServiceOptions } from './outbox/outbox-service';
import { FileTokenStore, type TokenStore } from './outbox/token-store';
import { AnnotationService } from './annotations/annotations';
import { CollectionService } from './annotations/collections';
import { CollectionExporter } from './export/export-collection';
import { UpdateService } from './updates/update-service';

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
  readonly updates: UpdateService;
  /** The app's behaviour: sync on a schedule, push the outbox whenever signed in and online, sync after a delivery. */
  startBackground(): void;
  /** Validates a raw call from another process, runs it, validates the result. Never throws. */
  dispatch(method: unknown, args: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

interface SearchServices {
  search: SearchEngine;
  suggestions: Suggestions;
  savedSearches: SavedSearches;
}

interface CommunityServices {
  auth: AuthService;
  outbox: OutboxService;
}

interface UserServices {
  annotations: AnnotationService;
  collections: CollectionService;
  exporter: CollectionExporter;
}

function createHandlers(
  stores: Stores,
  options: CoreOptions,
  settings: SettingsStore,
  sync: SyncService,
  { search, suggestions, savedSearches }: SearchServices,
  library: Library,
  { auth, outbox }: CommunityServices,
  { annotations, collections, exporter }: UserServices,
  updates: UpdateService,
): Handlers {
  return {
    'app.info': async () => ({
      version: options.appVersion,
      dataFolder: stores.dataDir,
      schemaVersion: { corpus: stores.corpus.schemaVersion, user: stores.user.schemaVersion },
    }),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => {
      const before = settings.get();
      const next = settings.update(patch);
      if (next.syncIntervalMinutes !== before.syncIntervalMinutes || next.serverUrl !== before.serverUrl) sync.reschedule();
      return next;
    },
    'sync.status': async () => sync.status(),
    'sync.start': async ({ serverUrl }) => sync.start(serverUrl),
    'sync.cancel': async () => ({ cancelled: sync.cancel() }),
    'search.query': async (request) => search.search(request),
    'search.suggest': async ({ query, limit }) => suggestions.suggest(query, limit),
    'savedSearches.list': async () => savedSearches.list(),
    'savedSearches.save': async ({ name, query }) => savedSearches.save(name, query),
    'savedSearches.delete': async ({ id }) => ({ deleted: savedSearches.delete(id) }),
    'savedSearches.markSeen': async ({ id }) => savedSearches.markSeen(id),
    'userData.backup': async () => {
      const { fileName, bytes } = await userDataBackup(stores.user.sqlite);
      return { fileName, base64: bytes.toString('base64'), bytes: bytes.length };
    },
    'userData.restore': async ({ base64 }) => {
      try {
        const restored = await restoreUserData(stores.user.sqlite, Buffer.from(base64, 'base64'));
        sync.reschedule(); // The portal and the schedule may have come back with the settings.
        return { restored };
      } catch (error) {
        if (error instanceof BackupError) throw new ContractError('invalid_arguments', error.message);
        throw error;
      }
    },
    'records.list': async (request) => library.records.list(request),
    'records.facets': async (filters) => library.records.facets(filters),
    'records.get': async ({ type, id }) => library.reader.get(type, id),
    'attachments.read': async (request) => library.attachments.read(request),
    'countrySheets.list': async () => library.countrySheets.list(),
    'countrySheets.get': async ({ country }) => library.countrySheets.get(country),
    'practices.compare': async ({ ids }) => comparePractices(library.reader, ids),
    'funding.list': async (query) => library.funding.list(query),
    'home.summary': async (request) => library.home.summary(request),
    'auth.signIn': async ({ serverUrl, email, password }) => {
      const portal = serverUrl ?? settings.get().serverUrl;
      if (!portal) throw new ContractError('invalid_arguments', 'No portal is configured: give serverUrl or set it in Settings');
      const status = await auth.signIn(portal, email, password);
      if (!settings.get().serverUrl) settings.update({ serverUrl: normalizeServerUrl(portal) });
      return status;
    },
    'auth.signOut': async () => auth.signOut(),
    'auth.status': async () => auth.status(),
    'outbox.list': async (request) => outbox.list(request),
    'outbox.composeReply': async (draft) => outbox.compose('forum.reply', draft),
    'outbox.composeThread': async (draft) => outbox.compose('forum.thread', draft),
    'outbox.composePartnerRequest': async (draft) => outbox.compose('partner.request', draft),
    'outbox.update': async ({ id, kind, payload }) => outbox.update(id, kind, payload),
    'outbox.cancel': async ({ id }) => outbox.cancel(id),
    'outbox.retry': async ({ id }) => outbox.retry(id),
    'outbox.push': async () => outbox.start(),
    'outbox.status': async () => outbox.status(),
    'annotations.create': async (args) => annotations.create(args),
    'annotations.update': async (args) => annotations.update(args),
    'annotations.reattach': async (args) => annotations.reattach(args),
    'annotations.delete': async ({ id }) => ({ deleted: annotations.delete(id) }),
    'annotations.list': async (filters) => annotations.list(filters),
    'annotations.facets': async () => annotations.facets(),
    'annotations.forTarget': async ({ target }) => annotations.forTarget(target),
    'annotations.search': async ({ query, limit }) => {
      const hits = annotations.search(query, limit);
      return { hits, records: annotations.recordsOf(hits.map((hit) => hit.annotation)) };
    },
    'collections.list': async () => collections.list(),
    'collections.create': async ({ name, note }) => collections.create(name, note),
    'collections.rename': async ({ name, newName }) => collections.rename(name, newName),
    'collections.delete': async ({ name }) => ({ deleted: collections.delete(name) }),
    'collections.addItems': async ({ name, items, create }) => collections.addItems(name, items, { create }),
    'collections.removeItems': async ({ name, items }) => collections.removeItems(name, items),
    'collections.setNote': async ({ name, note, item }) => collections.setNote(name, note, item),
    'export.collection': async ({ name, format }) => {
      const file = exporter.export(name, format);
      return { fileName: file.fileName, mediaType: file.mediaType, base64: file.bytes.toString('base64'), bytes: file.bytes.length };
    },
    'update.status': async () => updates.status(),
    'update.check': async () => updates.check(),
    'update.download': async () => updates.startDownload(),
    'update.install': async () => updates.install(),
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const stores = await openStores(path.resolve(options.dataDir));
  const settings = new SettingsStore(stores.user.sqlite);
  const emitOut = options.emit ?? (() => undefined);
  // The outbox listens to the sync's status: the portal answering again is when queued writes go.
  const late: { outbox?: OutboxService } = {};
  let wasOnline: boolean | null = null;
  const emit = (name: EventName, payload: unknown) => {
    if (name === 'sync.status') {
      const online = (payload as { online: boolean | null }).online;
      if (online === true && wasOnline !== true) late.outbox?.kick();
      wasOnline = online;
    }
    emitOut(name, payload);
  };
  const sync = new SyncService(stores, settings, emit, options.sync);
  sync.writer.ensureSearchIndex();
  const searchQueries = new SearchQueries(stores.corpus);
  const search = new SearchEngine(searchQueries, () => sync.writer.generation, options.search);
  const suggestions = new Suggestions(searchQueries);
  sync.writer.listeners.push(
    { applied: (page) => suggestions.apply(page), reset: () => suggestions.reset() },
    { applied: (_page, changedRowids) => search.corpusChanged(changedRowids), reset: () => search.corpusReset() },
  );
  // Annotations follow their targets' text after each page. A reset (resync) changes no annotation: the pages that
  // follow re-anchor, and the resync's last page re-checks every target (a record that did not come back orphans its annotations).
  const annotations = new AnnotationService(stores.user.sqlite, stores.corpus.sqlite);
  const collections = new CollectionService(stores.user.sqlite, stores.corpus.sqlite);
  sync.writer.listeners.push({ applied: (page) => annotations.pageApplied(page), reset: () => annotations.corpusReset() });
  const exporter = new CollectionExporter(stores.corpus.sqlite, stores.dataDir, collections, annotations, () => sync.writer.state().serverUrl ?? settings.get().serverUrl ?? null);
  const savedSearches = new SavedSearches(stores.user.sqlite, search, () => sync.writer.state().cursor);
  const library = createLibrary(stores, sync.writer, { syncStatus: () => sync.status(), savedSearches: () => savedSearches.list() });
  const auth = new AuthService(options.tokenStore ?? new FileTokenStore(stores.dataDir));
  const outboxService = new OutboxService(stores, auth, (status) => emitOut('outbox.changed', status), options.outbox);
  late.outbox = outboxService;
  const updates = new UpdateService({
    dataDir: stores.dataDir,
    currentVersion: options.appVersion,
    settings: () => settings.get(),
    emit: (status) => emitOut('update.status', status),
  });
  const handlers = createHandlers(stores, options, settings, sync, { search, suggestions, savedSearches }, library, { auth, outbox: outboxService }, { annotations, collections, exporter }, updates);

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
    updates,
    startBackground() {
      sync.startSchedule();
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
      await outboxService.close();
      search.close();
      await sync.close();
      await stores.close();
    },
  };
}
