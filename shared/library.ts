// What the app contract says about browsing and reading the synced corpus:
// record lists and facets, one record in full, attachment bytes, country
// sheets, good practices side by side, funding by deadline and the home summary.
import { z } from 'zod';
import {
  COUNTRY_SHEET_SECTIONS,
  CONTENT_TYPES,
  contentRecordSchemas,
  contentType,
  countryCode,
  FUNDER_TYPES,
  id,
  isoDate,
  languageCode,
  themeSlug,
  type ContentType,
} from './content';
import { savedSearchSchema } from './search';

/** Rows a list window may ask for at once: enough for a screenful, bounded for the IPC message. */
export const MAX_LIST_LIMIT = 200;
/** Bytes one attachments.read may return; larger files are read in ranges (pdf.js reads ranges anyway). */
export const MAX_ATTACHMENT_CHUNK = 16 * 1024 * 1024;

const year = z.number().int().min(1900).max(2200);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');
const count = z.number().int().nonnegative();

/**
 * What the user has not seen yet of a record: `new` (it arrived after the first
 * sync and the user has not opened it), `changed` (it changed since the user
 * last opened it), or null. The marks last until the user opens the record or
 * marks everything seen; the first sync (and a resync) marks nothing.
 */
export const unseenChangeSchema = z.enum(['new', 'changed']).nullable();
export type UnseenChange = z.infer<typeof unseenChangeSchema>;

/** Filters shared by records.list and records.facets: AND across fields, OR within one field's values. */
export const recordFiltersSchema = z.object({
  types: z.array(contentType).min(1).max(CONTENT_TYPES.length),
  /** The type's own kind: document type, funder type, link category, organisation type. */
  kinds: z.array(z.string().min(1).max(100)).max(50).default([]),
  countries: z.array(countryCode).max(60).default([]),
  themes: z.array(themeSlug).max(40).default([]),
  languages: z.array(languageCode).max(30).default([]),
  /** The record each belongs to: a thread's forum, a post's thread (forum browsing). */
  parents: z.array(id).min(1).max(50).optional(),
  /** Inclusive; a record without a date is left out when either bound is set. */
  yearFrom: year.optional(),
  yearTo: year.optional(),
});
export type RecordFilters = z.output<typeof recordFiltersSchema>;

export const recordListRequestSchema = recordFiltersSchema.extend({
  sort: z.enum(['date-desc', 'date-asc', 'title']).default('date-desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).default(50),
});
export type RecordListRequest = z.output<typeof recordListRequestSchema>;

export const recordListItemSchema = z.object({
  type: contentType,
  id: z.string(),
  title: z.string(),
  /** ISO date the type sorts by (publication, start, deadline, creation); '' when none. */
  date: z.string(),
  language: z.string(),
  countries: z.array(z.string()),
  themes: z.array(z.string()),
  kind: z.string().optional(),
  /** Plain text, never HTML: a few sentences of the summary (or description, body…). */
  summary: z.string(),
  unseenChange: unseenChangeSchema,
});
export type RecordListItem = z.infer<typeof recordListItemSchema>;

export const recordListResultSchema = z.object({ total: count, items: z.array(recordListItemSchema) });
export type RecordListResult = z.infer<typeof recordListResultSchema>;

const facetCounts = z.array(z.object({ value: z.string(), count }));
export const recordFacetsResultSchema = z.object({
  total: count,
  kind: facetCounts,
  country: facetCounts,
  theme: facetCounts,
  language: facetCounts,
  year: facetCounts,
});
export type RecordFacetsResult = z.infer<typeof recordFacetsResultSchema>;

export const recordKeySchema = z.object({ type: contentType, id }).strict();

export const attachmentInfoSchema = z.object({
  sha256,
  fileName: z.string(),
  mediaType: z.string(),
  size: count,
  /** The verified file is in the data folder, so the reader can open it offline. */
  availableOffline: z.boolean(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

function recordDetailOf<T extends ContentType>(type: T) {
  return z.object({
    type: z.literal(type),
    record: contentRecordSchemas[type],
    attachments: z.array(attachmentInfoSchema),
    unseenChange: unseenChangeSchema,
  });
}

/** One record in full: its type decides the schema its `record` is validated against. */
export const recordDetailSchema = z.discriminatedUnion('type', [
  recordDetailOf('document'),
  recordDetailOf('country-sheet'),
  recordDetailOf('good-practice'),
  recordDetailOf('link'),
  recordDetailOf('funding'),
  recordDetailOf('news'),
  recordDetailOf('event'),
  recordDetailOf('forum'),
  recordDetailOf('forum-thread'),
  recordDetailOf('forum-post'),
  recordDetailOf('partner-request'),
]);
export type RecordDetail = z.infer<typeof recordDetailSchema>;

export const attachmentReadRequestSchema = z.object({
  sha256,
  offset: z.number().int().min(0).default(0),
  /** Bytes to read from `offset`; defaults to the rest of the file, which must then fit in one chunk. */
  length: z.number().int().min(1).max(MAX_ATTACHMENT_CHUNK).optional(),
}).strict();

export const attachmentContentSchema = z.object({
  sha256,
  fileName: z.string(),
  mediaType: z.string(),
  /** Size of the whole file; `base64` holds bytes offset .. offset + its decoded length. */
  size: count,
  offset: count,
  base64: z.string(),
});
export type AttachmentContent = z.infer<typeof attachmentContentSchema>;

export const attachmentKeySchema = z.object({ sha256 }).strict();

/** A PDF handed to the system's viewer: opened, or not by this host (the browser harness has no system viewer). */
export const attachmentOpenResultSchema = z.object({ opened: z.boolean() });
export type AttachmentOpenResult = z.infer<typeof attachmentOpenResultSchema>;

/** Where the verified copy of an attachment, under its own file name, waits for the system's viewer. */
export const attachmentViewerCopySchema = z.object({ path: z.string().min(1), fileName: z.string() });
export type AttachmentViewerCopy = z.infer<typeof attachmentViewerCopySchema>;

export const countrySheetSectionKey = z.enum(COUNTRY_SHEET_SECTIONS);

export const countrySheetSummarySchema = z.object({
  id: z.string(),
  country: z.string(),
  title: z.string(),
  language: z.string(),
  updatedAt: z.string(),
  unseenChange: unseenChangeSchema,
  /** Sections changed (or added) since the user last opened the sheet. */
  changedSections: z.array(countrySheetSectionKey),
});

export const countrySheetViewSchema = z.object({
  id: z.string(),
  country: z.string(),
  title: z.string(),
  language: z.string(),
  version: z.number().int().positive(),
  updatedAt: z.string(),
  unseenChange: unseenChangeSchema,
  /** In COUNTRY_SHEET_SECTIONS order. `body` is the portal's HTML: sanitize before display. */
  sections: z.array(
    z.object({
      key: countrySheetSectionKey,
      title: z.string(),
      body: z.string(),
      updatedAt: z.string(),
      programmeKind: z.enum(['voluntary', 'mandatory', 'mixed']).nullable(),
      unseenChange: unseenChangeSchema,
      /** The section's HTML before that change; null when unchanged or new. */
      previousBody: z.string().nullable(),
    }),
  ),
});
export type CountrySheetView = z.infer<typeof countrySheetViewSchema>;

/** The good-practice template, field by field, in the order EWSI presents it. */
export const PRACTICE_FIELDS = [
  'title', 'country', 'cityArea', 'startDate', 'endDate', 'regularService', 'summary', 'challengeAndGoals', 'howItWorks',
  'results', 'targetGroupOpinion', 'evaluationType', 'evaluationIndicators', 'evaluationSuccesses', 'evaluationFailures',
  'targetGroups', 'peopleReached', 'fundingSource', 'resources', 'organisationName', 'organisationType',
  'organisationWebsite', 'contactName', 'contactEmail', 'contactPhone',
] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];

/**
 * How the interface shows a field's values: `html` must be sanitized; `code`
 * is a value of a fixed list (country, organisation or evaluation type) that it
 * translates; the rest are shown as they are.
 */
export const practiceFieldFormat = z.enum(['text', 'html', 'date', 'number', 'boolean', 'list', 'url', 'code']);

export const practiceComparisonSchema = z.object({
  practices: z.array(z.object({ id: z.string(), title: z.string(), version: z.number().int().positive(), unseenChange: unseenChangeSchema })),
  /** One row per template field; `values[i]` belongs to `practices[i]`. */
  fields: z.array(
    z.object({
      field: z.enum(PRACTICE_FIELDS),
      format: practiceFieldFormat,
      values: z.array(z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
      /** Whether the practices differ on this field, for "show differences only". */
      differs: z.boolean(),
    }),
  ),
});
export type PracticeComparison = z.infer<typeof practiceComparisonSchema>;

export const fundingListRequestSchema = z.object({
  /** The day deadlines are compared with; defaults to today (UTC). */
  asOf: isoDate.optional(),
  /** Only calls whose deadline has not passed, and rolling calls without one. */
  openOnly: z.boolean().default(false),
  /** Inclusive deadline bounds; either one leaves out rolling calls. */
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  funderTypes: z.array(z.enum(FUNDER_TYPES)).max(FUNDER_TYPES.length).default([]),
  countries: z.array(countryCode).max(60).default([]),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).default(50),
}).strict();
export type FundingListRequest = z.output<typeof fundingListRequestSchema>;

export const fundingItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  programme: z.string(),
  funderType: z.enum(FUNDER_TYPES),
  countries: z.array(z.string()),
  /** null: a rolling call. */
  deadline: z.string().nullable(),
  /** Days from `asOf` to the deadline (negative once passed); null for rolling calls. */
  daysLeft: z.number().int().nullable(),
  amount: z.object({ min: z.number().nullable(), max: z.number().nullable(), currency: z.string() }).nullable(),
  url: z.string(),
  summary: z.string(),
  unseenChange: unseenChangeSchema,
});
export type FundingItem = z.infer<typeof fundingItemSchema>;

/** Upcoming deadlines first (soonest first), then rolling calls, then closed ones (most recent first). */
export const fundingListResultSchema = z.object({ asOf: isoDate, total: count, items: z.array(fundingItemSchema) });

export const lastChangesSchema = z.object({
  /** When the sync that brought them finished. */
  at: z.string(),
  /** Records with a version above this changed (or arrived) in that sync or since. */
  sinceVersion: count,
  /** Records per type that changed; deletions are not counted. */
  counts: z.record(z.string(), count),
  newest: z.array(recordListItemSchema),
});
export type LastChanges = z.infer<typeof lastChangesSchema>;

export const homeSummaryRequestSchema = z.object({
  asOf: isoDate.optional(),
  newestLimit: z.number().int().min(0).max(50).default(10),
  deadlineLimit: z.number().int().min(0).max(50).default(5),
}).strict();

export const homeSummarySchema = z.object({
  sync: z.object({
    serverUrl: z.string().nullable(),
    running: z.boolean(),
    online: z.boolean().nullable(),
    lastSyncAt: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  /** null until a sync has brought something. */
  lastChanges: lastChangesSchema.nullable(),
  upcomingDeadlines: z.array(fundingItemSchema),
  /** Saved searches with matches the user has not seen yet. */
  savedSearches: z.array(savedSearchSchema),
  /** Records new or changed that the user has not opened yet. */
  unseen: z.object({ new: count, changed: count }),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
