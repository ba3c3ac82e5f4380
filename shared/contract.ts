// The app's API as one typed map: method name → argument and result schemas.
// Every process boundary (preload ↔ main ↔ core, browser ↔ loopback harness)
// validates against this map, so it is the only description of the API.
import { z } from 'zod';
import {
  attachmentContentSchema,
  attachmentKeySchema,
  attachmentOpenResultSchema,
  attachmentReadRequestSchema,
  attachmentViewerCopySchema,
  countrySheetSummarySchema,
  countrySheetViewSchema,
  fundingListRequestSchema,
  fundingListResultSchema,
  homeSummaryRequestSchema,
  homeSummarySchema,
  practiceComparisonSchema,
  recordDetailSchema,
  recordFacetsResultSchema,
  recordFiltersSchema,
  recordKeySchema,
  recordListRequestSchema,
  recordListResultSchema,
} from './library';
import { countryCode, id } from './content';
import { calendarFileSchema, calendarSourceSchema } from './calendar';
import { bibliographyOptionsSchema, citeRequestSchema, citeResultSchema } from './citations';
import { savedSearchSchema, searchRequestSchema, searchResultSchema, suggestionSchema } from './search';
import { settingsSchema, syncProgressSchema, syncStatusSchema } from './sync';
import { updateStatusSchema } from './updates';
import { restoreRequestSchema, restoreResultSchema } from './user-data';
import {
  authStatusSchema,
  authStatusWithRegistrationSchema,
  signOutResultSchema,
  forumReplyDraft,
  forumThreadDraft,
  outboxItemSchema,
  outboxListRequestSchema,
  outboxListResultSchema,
  outboxStatusSchema,
  outboxUpdateRequestSchema,
  partnerRequestDraft,
  pushStartResultSchema,
  signInRequestSchema,
} from './outbox';
import {
  addMatchingResultSchema,
  annotationCreateSchema,
  annotationFacetsSchema,
  annotationReattachSchema,
  annotationListResultSchema,
  annotationListSchema,
  annotationSchema,
  annotationTargetSchema,
  annotationUpdateSchema,
  annotationsForTargetSchema,
  collectionItemKey,
  collectionName,
  collectionSchema,
  collectionSourceSchema,
  exportFormat,
  MAX_COLLECTION_ADD,
  annotationSearchResultSchema,
  annotationSearchSchema,
} from './annotations';
import {
  memberSyncChangePassphraseSchema,
  memberSyncConflictSchema,
  memberSyncEnableSchema,
  memberSyncResolveResultSchema,
  memberSyncResolveSchema,
  memberSyncStatusSchema,
} from './member-sync';
import { amendedRecordSchema, historyTargetSchema, historyVersionsSchema, versionDiffSchema, versionRefSchema, versionTextSchema } from './history';

export const appInfoSchema = z.object({
  version: z.string().min(1),
  dataFolder: z.string().min(1),
  /** Name of the newest migration applied to each local store. */
  schemaVersion: z.object({
    corpus: z.string(),
    user: z.string(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const noArguments = z.object({}).strict();

export const contract = {
  'app.info': { args: noArguments, result: appInfoSchema },
  'settings.get': { args: noArguments, result: settingsSchema },
  'settings.update': { args: settingsSchema.partial().strict(), result: settingsSchema },
  'sync.status': { args: noArguments, result: syncStatusSchema },
  /** Starts a sync now (with the saved portal, or the one given); answers without waiting for it. */
  'sync.start': { args: z.object({ serverUrl: z.url({ protocol: /^https?$/ }).optional() }).strict(), result: z.object({ started: z.boolean(), reason: z.string().optional() }) },
  'sync.cancel': { args: noArguments, result: z.object({ cancelled: z.boolean() }) },
  'search.query': { args: searchRequestSchema.strict(), result: searchResultSchema },
  'search.suggest': { args: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(20).default(8) }).strict(), result: z.array(suggestionSchema) },
  'savedSearches.list': { args: noArguments, result: z.array(savedSearchSchema) },
  'savedSearches.save': { args: z.object({ name: z.string().trim().min(1).max(200), query: z.string().trim().min(1).max(1000) }).strict(), result: savedSearchSchema },
  'savedSearches.delete': { args: z.object({ id: z.string() }).strict(), result: z.object({ deleted: z.boolean() }) },
  /** The user opened the search: its matches so far are no longer new. */
  'savedSearches.markSeen': { args: z.object({ id: z.string() }).strict(), result: savedSearchSchema },
  /** A window of one or more content types, filtered and sorted, for a virtualized list. */
  'records.list': { args: recordListRequestSchema.strict(), result: recordListResultSchema },
  /** Facet counts for the same filters: fetched once per filter change, not per window. */
  'records.facets': { args: recordFiltersSchema.strict(), result: recordFacetsResultSchema },
  'records.get': { args: recordKeySchema, result: recordDetailSchema },
  /** Bytes of a downloaded attachment, whole or a range (pdf.js reads ranges). */
  'attachments.read': { args: attachmentReadRequestSchema, result: attachmentContentSchema },
  /**
   * A downloaded PDF opened with the system's viewer. In the app main answers it (shell.openPath on the copy
   * `attachments.viewerCopy` gives); the core answers `opened: false`, as under the harness, where the
   * renderer then opens the file in a browser tab.
   */
  'attachments.openExternally': { args: attachmentKeySchema, result: attachmentOpenResultSchema },
  /** Main's half of attachments.openExternally: a copy of the PDF, its SHA-256 checked, under its own file name. */
  'attachments.viewerCopy': { args: attachmentKeySchema, result: attachmentViewerCopySchema },
  'countrySheets.list': { args: noArguments, result: z.array(countrySheetSummarySchema) },
  'countrySheets.get': { args: z.object({ country: countryCode }).strict(), result: countrySheetViewSchema },
  /** Two to six good practices on the template's fields, side by side. */
  'practices.compare': { args: z.object({ ids: z.array(id).min(2).max(6) }).strict(), result: practiceComparisonSchema },
  'funding.list': { args: fundingListRequestSchema, result: fundingListResultSchema },
  'home.summary': { args: homeSummaryRequestSchema, result: homeSummarySchema },
  /** The user opened the record: it is no longer new or changed (nor are a sheet's sections). */
  'changes.markSeen': { args: recordKeySchema, result: z.object({ seen: z.boolean() }) },
  /** Nothing is new or changed any more; `seen` counts the records that were. */
  'changes.markAllSeen': { args: noArguments, result: z.object({ seen: z.number().int().nonnegative() }) },
  /** A copy of all the user's own data (settings, saved searches, annotations, collections, outbox) as one SQLite file. */
  'userData.backup': { args: noArguments, result: z.object({ fileName: z.string().min(1), base64: z.base64(), bytes: z.number().int().positive() }) },
  /**
   * Replaces all the user's own data with a backup's, all or nothing: every row checked, the file's own schema never run;
   * restored outbox items wait for confirmation, a different portal address or update channel is proposed, not applied.
   */
  'userData.restore': { args: restoreRequestSchema, result: restoreResultSchema },
  /** Signs in to the portal (POST /api/v1/sessions) and keeps the token in the token store; starts a push. */
  'auth.signIn': { args: signInRequestSchema, result: authStatusSchema },
  /** Forgets the token; the outbox keeps everything. */
  'auth.signOut': { args: noArguments, result: signOutResultSchema },
  'auth.status': { args: noArguments, result: authStatusWithRegistrationSchema },
  /** The outbox, oldest first, with its counts. */
  'outbox.list': { args: outboxListRequestSchema, result: outboxListResultSchema },
  'outbox.composeReply': { args: forumReplyDraft, result: outboxItemSchema },
  'outbox.composeThread': { args: forumThreadDraft, result: outboxItemSchema },
  'outbox.composePartnerRequest': { args: partnerRequestDraft, result: outboxItemSchema },
  /** Replaces the payload of an item that is not sent and not in flight (a refused one goes back to the queue). */
  'outbox.update': { args: outboxUpdateRequestSchema, result: outboxItemSchema },
  /** Withdraws an unsent item; discards an item restored from a backup. */
  'outbox.cancel': { args: z.object({ id: z.string().min(1) }).strict(), result: outboxItemSchema },
  /** Sends a queued or refused item again at the next push, now. */
  'outbox.retry': { args: z.object({ id: z.string().min(1) }).strict(), result: outboxItemSchema },
  /** The user confirms an item restored from a backup: it is queued to be sent under their name. */
  'outbox.confirmRestored': { args: z.object({ id: z.string().min(1) }).strict(), result: outboxItemSchema },
  /** Starts a push now; answers without waiting for it (outbox.changed reports the outcome). */
  'outbox.push': { args: noArguments, result: pushStartResultSchema },
  'outbox.status': { args: noArguments, result: outboxStatusSchema },
  /** The versions the library keeps of a law or a country sheet, oldest first. */
  'history.versions': { args: z.object({ target: historyTargetSchema }).strict(), result: historyVersionsSchema },
  /** One version's text: by its number, or the one in force on a date. */
  'history.text': { args: z.object({ target: historyTargetSchema, at: versionRefSchema }).strict(), result: versionTextSchema },
  /** Two versions compared article by article (a sheet section by section), word by word. */
  /** Laws and country sheets in the user's collections or annotations that the last sync amended. */
  'history.amended': { args: noArguments, result: z.array(amendedRecordSchema) },
  'history.diff': { args: z.object({ target: historyTargetSchema, from: versionRefSchema, to: versionRefSchema }).strict(), result: versionDiffSchema },
  /** Highlights start–end of a target's plain text (as annotations.forTarget gives it). */
  'annotations.create': { args: annotationCreateSchema, result: annotationSchema },
  'annotations.update': { args: annotationUpdateSchema, result: annotationSchema },
  /** Moves an annotation to start–end of its target's current text (triage of an orphan): placed again, its note and tags kept. */
  'annotations.reattach': { args: annotationReattachSchema, result: annotationSchema },
  /** Keeps a note on text that changed under or around it: the passage as it is now is accepted, the mark goes. */
  'annotations.acceptChange': { args: z.object({ id: z.string().min(1) }).strict(), result: annotationSchema },
  'annotations.delete': { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.boolean() }) },
  /** Across everything, newest first; country is the target record's. */
  'annotations.list': { args: annotationListSchema, result: annotationListResultSchema },
  /** A target's current plain text and its annotations, each placed in that text or orphaned. */
  /** Colours, tags, records and countries the user's annotations have, with counts: the filters' choices. */
  'annotations.facets': { args: noArguments, result: annotationFacetsSchema },
  'annotations.forTarget': { args: z.object({ target: annotationTargetSchema }).strict(), result: annotationsForTargetSchema },
  /** The user's annotation notes matching all the words (the last as a prefix), best first, with snippets. */
  'annotations.search': { args: annotationSearchSchema, result: annotationSearchResultSchema },
  'collections.list': { args: noArguments, result: z.array(collectionSchema) },
  'collections.create': { args: z.object({ name: collectionName, note: z.string().max(20_000).default('') }).strict(), result: collectionSchema },
  'collections.rename': { args: z.object({ name: collectionName, newName: collectionName }).strict(), result: collectionSchema },
  'collections.delete': { args: z.object({ name: collectionName }).strict(), result: z.object({ deleted: z.boolean() }) },
  /** Adds synced records by type and id; `create` makes the collection when it does not exist. */
  'collections.addItems': {
    args: z.object({ name: collectionName, items: z.array(collectionItemKey.extend({ note: z.string().max(20_000).optional() })).min(1).max(MAX_COLLECTION_ADD), create: z.boolean().default(false) }).strict(),
    result: collectionSchema,
  },
  /** Adds every record a list or a search matches (at most MAX_COLLECTION_ADD), in one transaction, in the order they are shown. */
  'collections.addMatching': {
    args: z.object({ name: collectionName, source: collectionSourceSchema, create: z.boolean().default(false) }).strict(),
    result: addMatchingResultSchema,
  },
  'collections.removeItems': { args: z.object({ name: collectionName, items: z.array(collectionItemKey).min(1).max(1000) }).strict(), result: collectionSchema },
  /** The note of the collection, or of one item when `item` is given. */
  'collections.setNote': { args: z.object({ name: collectionName, note: z.string().max(20_000), item: collectionItemKey.optional() }).strict(), result: collectionSchema },
  /** A collection as one file: citations, Markdown with annotations, W3C annotations, or a ZIP bundle with attachments (at most 256 MB). */
  'export.collection': {
    args: z.object({ name: collectionName, format: exportFormat, bibliography: bibliographyOptionsSchema.optional() }).strict(),
    result: z.object({ fileName: z.string().min(1), mediaType: z.string().min(1), base64: z.base64().max(Math.ceil((256 * 1024 * 1024) / 3) * 4), bytes: z.number().int().nonnegative() }),
  },
  /** The items of a selection or a collection as one citation or a bibliography, in a bundled CSL style and locale. */
  'cite.format': { args: citeRequestSchema, result: citeResultSchema },
  /**
   * The window's page as a PDF through Electron's printToPDF, saved where the user chooses. Main answers it in
   * the app; the core answers `handled: false` (as under the harness), and the renderer opens the browser's print.
   */
  'print.toPdf': { args: z.object({ fileName: z.string().min(1).max(255) }).strict(), result: z.object({ handled: z.boolean(), path: z.string().nullable() }) },
  /** Funding deadlines and events of some items, a filtered list or a saved search, as one iCalendar file. */
  'calendar.export': { args: z.object({ source: calendarSourceSchema }).strict(), result: calendarFileSchema },
  // The member's own data on all their computers, end-to-end encrypted (electron/core/member-sync/).
  'memberSync.status': { args: noArguments, result: memberSyncStatusSchema },
  /** First device: makes the master key; a later one: joins by unwrapping it. Refused: `wrong_passphrase`, `not_signed_in`. */
  'memberSync.enable': { args: memberSyncEnableSchema, result: memberSyncStatusSchema },
  /** Stops syncing and forgets the key on this computer; the local data stays. */
  'memberSync.disable': { args: noArguments, result: memberSyncStatusSchema },
  /** Re-wraps the master key under the new passphrase; no item is re-encrypted. */
  'memberSync.changePassphrase': { args: memberSyncChangePassphraseSchema, result: memberSyncStatusSchema },
  /** Starts a sync; answers without waiting for it (memberSync.changed reports the outcome). */
  'memberSync.syncNow': { args: noArguments, result: memberSyncStatusSchema },
  /** Notes edited on two computers at once, each with both texts. */
  'memberSync.conflicts': { args: noArguments, result: z.array(memberSyncConflictSchema) },
  /** Keeps `text` for the field; it then syncs like any edit. */
  'memberSync.resolveConflict': { args: memberSyncResolveSchema, result: memberSyncResolveResultSchema },
  // Updates. In the desktop app main answers these with electron-updater (electron/main/updater.ts);
  // elsewhere the core does, checking and downloading with the same files and verdicts, never installing.
  /** This version, the channel and where the last check or download stands. */
  'update.status': { args: noArguments, result: updateStatusSchema },
  /** Reads the channel's update info from `${portal}/updates/` and answers what it offers, or why not. */
  'update.check': { args: noArguments, result: updateStatusSchema },
  /** Starts downloading the update the last check offered; answers at once, progress comes as update.status events. */
  'update.download': { args: noArguments, result: updateStatusSchema },
  /** Quits, installs the downloaded update and restarts (the desktop app only). */
  'update.install': { args: noArguments, result: updateStatusSchema },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

/** What the application menu asks the renderer to do (electron/main/app-menu.ts). */
export const APP_COMMANDS = ['search.open', 'settings.open'] as const;
export const appCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof appCommandSchema>;

/** Events pushed to the renderer: name → payload schema. The core emits all but `app.command`, which main's menu sends. */
export const contractEvents = {
  'sync.progress': syncProgressSchema,
  'sync.status': syncStatusSchema,
  /** The outbox changed: counts for the badge, whether a push runs, whether sign-in is required. */
  'outbox.changed': outboxStatusSchema,
  /** A menu item or shortcut handled by main (Electron only; the browser harness never sends it). */
  'app.command': appCommandSchema,
  /** Every change of the update status: checking, what a check found, download progress, downloaded, refused. */
  'update.status': updateStatusSchema,
  /** Member sync's status changed: enabled, a sync began or ended, edits pending, conflicts. */
  'memberSync.changed': memberSyncStatusSchema,
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof contractEvents;
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]>;
export const eventNames = Object.keys(contractEvents) as EventName[];
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(contractEvents, name);

/** How a renderer listens: returns the function that stops listening. */
export type EwsiEvents = { on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['result']>;

export const methodNames = Object.keys(contract) as MethodName[];

/** What the core implements: one async handler per method, given parsed arguments. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>>;
};

/** One feature's slice of the handlers: the methods named `<prefix>.…`, for each of the prefixes. */
export type HandlerSlice<Prefix extends string> = Pick<Handlers, Extract<MethodName, `${Prefix}.${string}`>>;

/** What the renderer sees as `window.ewsi`: one async function per method. */
export type EwsiApi = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>>;
};

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

// Errors cross process boundaries as data, never as thrown objects (Electron's
// IPC keeps only the message of a thrown Error), so every answer is an envelope.
// conflict: the item's state forbids the change now (sent, in flight); unauthenticated: the portal refused the credentials.
// wrong_passphrase, not_signed_in, not_enabled: member sync's refusals (shared/member-sync.ts), which the interface words itself.
export const failureCodes = [
  'unknown_method',
  'invalid_arguments',
  'invalid_result',
  'not_found',
  'conflict',
  'unauthenticated',
  'failed',
  'unavailable',
  'wrong_passphrase',
  'not_signed_in',
  'not_enabled',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export const failureSchema = z.object({
  code: z.enum(failureCodes),
  message: z.string(),
});
export type Failure = z.infer<typeof failureSchema>;

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

export class ContractError extends Error {
  readonly code: FailureCode;
  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
  }
}

/** One readable line per zod issue, e.g. `args.limit: Too big: expected number to be <=500`. */
export function describeIssues(error: z.ZodError, root: string): string {
  return error.issues
    .map((issue) => `${[root, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
}

/** Checks a method name and its raw arguments; throws ContractError on anything else. */
export function parseCall<M extends MethodName>(method: unknown, rawArgs: unknown): { method: M; args: ParsedArgs<M> } {
  if (!isMethodName(method)) {
    throw new ContractError('unknown_method', `Unknown method ${JSON.stringify(method)}; known: ${methodNames.join(', ')}`);
  }
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    throw new ContractError('invalid_arguments', `Invalid arguments for ${method}: ${describeIssues(parsed.error, 'args')}`);
  }
  return { method: method as M, args: parsed.data as ParsedArgs<M> };
}

/** Unwraps an envelope received from the other side, validating the result of `method`. */
export function unwrapEnvelope<M extends MethodName>(method: M, raw: unknown): MethodResult<M> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new ContractError('invalid_result', `Malformed answer to ${method}: ${describeIssues(envelope.error, 'answer')}`);
  }
  if (!envelope.data.ok) throw new ContractError(envelope.data.error.code, envelope.data.error.message);
  const result = contract[method].result.safeParse(envelope.data.value);
  if (!result.success) {
    throw new ContractError('invalid_result', `Invalid result from ${method}: ${describeIssues(result.error, 'result')}`);
  }
  return result.data as MethodResult<M>;
}

export function failureEnvelope(error: unknown): Envelope {
  if (error instanceof ContractError) return { ok: false, error: { code: error.code, message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'failed', message } };
}

/** Builds an EwsiApi whose every method sends through `send` and unwraps the envelope. */
export function createContractClient(send: (method: MethodName, args: unknown) => Promise<unknown>): EwsiApi {
  const api: Partial<Record<MethodName, (args: unknown) => Promise<unknown>>> = {};
  for (const method of methodNames) {
    api[method] = async (args: unknown) => unwrapEnvelope(method, await send(method, args));
  }
  return api as EwsiApi;
}

/**
 * Builds the renderer's event API over any transport that delivers raw
 * (name, payload) pairs; payloads are validated before listeners see them.
 */
export function createEventHub(): { events: EwsiEvents; deliver(name: unknown, payload: unknown): void } {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    events: {
      on(name, listener) {
        let set = listeners.get(name);
        if (!set) listeners.set(name, (set = new Set()));
        set.add(listener as (payload: never) => void);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
    deliver(name, payload) {
      if (!isEventName(name)) return;
      const parsed = contractEvents[name].safeParse(payload);
      if (!parsed.success) return; // A malformed event is dropped: it can only come from a bug.
      for (const listener of listeners.get(name) ?? []) listener(parsed.data as never);
    },
  };
}
