// The portal server's wire format: change feed, errors, members and community
// writes. Both the server and the desktop validate against these schemas.
import { z } from 'zod';
import {
  contentRecordSchemas,
  contentType,
  countryCode,
  id,
  isoDate,
  isoDateTime,
  languageCode,
  partnerRequestFields,
  themeSlug,
  visibleName,
  type ContentRecord,
  type ContentType,
} from './content';

export const API_PREFIX = '/api/v1';
/** The portal's page where a person creates a community account (the app's sign-in card links to it). */
export const REGISTRATION_PATH = '/register';
/** Largest page of the change feed a client may ask for. */
export const MAX_CHANGES_LIMIT = 1000;
export const DEFAULT_CHANGES_LIMIT = 500;

export const version = z.number().int().nonnegative();

export const upsertChange = z.object({
  op: z.literal('upsert'),
  version: version,
  type: contentType,
  id,
  updatedAt: isoDateTime,
  /**
   * Legislation and country sheets: the record's earlier versions published
   * after the request's `historySince`, oldest first (the compacted feed
   * serves a record once, at its latest version). Validated like `record`.
   */
  history: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  /** The full record; validated against its type's schema by parseChangesPage. */
  record: z.record(z.string(), z.unknown()),
});

export const deleteChange = z.object({
  op: z.literal('delete'),
  version: version,
  type: contentType,
  id,
  updatedAt: isoDateTime,
});

export const change = z.discriminatedUnion('op', [upsertChange, deleteChange]);

/** An upsert of one type, carrying that type's record as its schema outputs it. */
export type UpsertChange<T extends ContentType = ContentType> = {
  [K in T]: Omit<z.infer<typeof upsertChange>, 'type' | 'record' | 'history'> & { type: K; record: ContentRecord<K>; history?: Array<ContentRecord<K>> };
}[T];
export type DeleteChange = z.infer<typeof deleteChange>;
/** A validated change: `op` tells an upsert from a delete, an upsert's `type` tells its record's type. */
export type Change = UpsertChange | DeleteChange;

export const changesPage = z.object({
  changes: z.array(change),
  /** Ask for `since=cursor` next. */
  cursor: version,
  /** Whether more changes follow this page. */
  hasMore: z.boolean(),
  /** The newest version on the server when the page was read. */
  latest: version,
});
/** A page as parseChangesPage returns it: every record validated and typed. */
export type ChangesPage = Omit<z.infer<typeof changesPage>, 'changes'> & { changes: Change[] };

export const changesQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).default(DEFAULT_CHANGES_LIMIT),
  /**
   * Sent by a walk that began at since=0 under this tombstone horizon (the one
   * its 409 named): while the horizon has not moved, such a walk missed no
   * delete, so it goes on instead of being sent back to 0 at every page.
   */
  horizon: z.coerce.number().int().nonnegative().optional(),
  /** Where the client's sync began: upserts carry the earlier versions published after it (see upsertChange.history). */
  historySince: z.coerce.number().int().nonnegative().default(0),
});

/** 409 answer to a `since` older than the tombstone horizon: drop the corpus and sync from 0. */
export const resyncRequired = z.object({
  error: z.literal('resync_required'),
  message: z.string(),
  horizon: version,
});

/** The change stream (Server-Sent Events): each `latest` event names the feed's newest version. */
export const CHANGE_STREAM_PATH = `${API_PREFIX}/changes/stream`;
export const CHANGE_STREAM_EVENT = 'latest';
export const changeAnnouncement = z.object({ latest: version });
export type ChangeAnnouncement = z.infer<typeof changeAnnouncement>;

export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiError>;

export class InvalidPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPageError';
  }
}

/**
 * Validates a whole page of the change feed, including every record against its
 * type's schema. One bad change rejects the page: nothing is half-applied.
 */
export function parseChangesPage(raw: unknown): ChangesPage {
  const page = changesPage.safeParse(raw);
  if (!page.success) {
    const first = page.error.issues[0]!;
    throw new InvalidPageError(`Invalid change-feed page at ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  let previous = -1;
  const changes = page.data.changes.map((entry, index): Change => {
    if (entry.version <= previous) throw new InvalidPageError(`Invalid change-feed page: change ${index} is out of order (version ${entry.version} after ${previous})`);
    previous = entry.version;
    return entry.op === 'upsert' ? validUpsert(entry.type, entry, index) : entry;
  });
  if (changes.length > 0 && page.data.cursor < previous) {
    throw new InvalidPageError(`Invalid change-feed page: cursor ${page.data.cursor} is behind its last change ${previous}`);
  }
  return { ...page.data, changes };
}

/**
 * Checks that a page answers `since=S`: its changes are all after S, its cursor
 * never goes back, and a page with more to come moves on. A portal that breaks
 * this would make a client loop on one page or apply history twice.
 */
export function checkPageFollows(page: ChangesPage, since: number): ChangesPage {
  const first = page.changes[0];
  if (first && first.version <= since) throw new InvalidPageError(`Invalid change-feed page: change version ${first.version} is not after since=${since}`);
  if (page.cursor < since) throw new InvalidPageError(`Invalid change-feed page: the cursor goes backwards (${page.cursor} after since=${since})`);
  if (page.hasMore && page.cursor <= since) throw new InvalidPageError(`Invalid change-feed page: more changes are announced but the cursor does not advance (${page.cursor} after since=${since})`);
  if (page.latest < page.cursor) throw new InvalidPageError(`Invalid change-feed page: latest ${page.latest} is behind the cursor ${page.cursor}`);
  return page;
}

// Each type's record schema, seen as the schema of ContentRecord<K>: indexed by a generic type it stays correlated.
const recordSchemaOf: { [K in ContentType]: z.ZodType<ContentRecord<K>> } = contentRecordSchemas;

/** The upsert with its record validated against (and typed by) its type's schema. */
function validUpsert<T extends ContentType>(type: T, entry: z.infer<typeof upsertChange>, index: number): UpsertChange<T> {
  const record = recordSchemaOf[type].safeParse(entry.record);
  if (!record.success) {
    const first = record.error.issues[0]!;
    throw new InvalidPageError(`Invalid ${entry.type} ${entry.id} in change ${index}: ${first.path.join('.')}: ${first.message}`);
  }
  if (record.data.id !== entry.id) throw new InvalidPageError(`Invalid change-feed page: change ${index} carries record ${record.data.id} for id ${entry.id}`);
  if (entry.history === undefined) return { op: 'upsert', version: entry.version, type, id: entry.id, updatedAt: entry.updatedAt, record: record.data };
  let previous = 0;
  const history = entry.history.map((raw, at) => {
    const earlier = recordSchemaOf[type].safeParse(raw);
    if (!earlier.success) {
      const first = earlier.error.issues[0]!;
      throw new InvalidPageError(`Invalid ${entry.type} ${entry.id} in change ${index}, history ${at}: ${first.path.join('.')}: ${first.message}`);
    }
    if (earlier.data.id !== entry.id) throw new InvalidPageError(`Invalid change-feed page: change ${index} carries in its history record ${earlier.data.id} for id ${entry.id}`);
    if (earlier.data.version <= previous || earlier.data.version >= record.data.version) {
      throw new InvalidPageError(`Invalid change-feed page: change ${index}'s history is not in order before its record (version ${earlier.data.version})`);
    }
    previous = earlier.data.version;
    return earlier.data;
  });
  return { op: 'upsert', version: entry.version, type, id: entry.id, updatedAt: entry.updatedAt, record: record.data, history };
}

// Members and sessions.

export const memberRegistration = z.object({
  email: z.email().max(254),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  displayName: visibleName(z.string().trim().min(1).max(200)),
  organisation: z.string().trim().max(300).default(''),
  country: countryCode,
});

export const publicMember = z.object({
  id,
  displayName: z.string(),
  organisation: z.string(),
  country: countryCode,
});
export type PublicMember = z.infer<typeof publicMember>;

export const sessionRequest = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });
export const sessionResponse = z.object({ token: z.string(), expiresAt: isoDateTime, member: publicMember });

// Community writes (members only, each with an Idempotency-Key).

export const newForumThread = z.object({
  forumId: id,
  title: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(100_000),
  language: languageCode.default('en'),
  themes: z.array(themeSlug).max(40).default([]),
});

export const newForumPost = z.object({
  body: z.string().trim().min(1).max(100_000),
  language: languageCode.default('en'),
});

export const newPartnerRequest = z.object({
  title: partnerRequestFields.shape.title,
  organisation: partnerRequestFields.shape.organisation,
  organisationType: partnerRequestFields.shape.organisationType,
  country: partnerRequestFields.shape.country,
  projectIdea: partnerRequestFields.shape.projectIdea,
  partnersSought: partnerRequestFields.shape.partnersSought,
  contact: partnerRequestFields.shape.contact,
  expiresOn: isoDate,
  language: languageCode.default('en'),
  countries: z.array(countryCode).max(60).default([]),
  themes: z.array(themeSlug).max(40).default([]),
});

/** Answer to a community write: what was created, as it appears in the change feed. */
export const writeResult = z.object({
  type: contentType,
  id,
  version: version,
  record: z.record(z.string(), z.unknown()),
});

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const idempotencyKey = z.string().min(8, 'must be at least 8 characters').max(255).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
