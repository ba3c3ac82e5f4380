// Annotations and collections: the user's own data about synced records.
// Annotations follow the W3C Web Annotation model: a target (a record, or one
// section/field of it) at the version of its plain text they were made on, a
// TextQuoteSelector and a TextPositionSelector on that plain text.
import { z } from 'zod';
import { COUNTRY_SHEET_SECTIONS, contentType, countryCode, id, isoDateTime } from './content';
import { wordPartSchema } from './history';
import { recordFiltersSchema, recordListRequestSchema } from './library';
import { searchRequestSchema } from './search';

export const ANNOTATABLE_TYPES = ['document', 'country-sheet', 'good-practice'] as const;
export type AnnotatableType = (typeof ANNOTATABLE_TYPES)[number];

/** The fields of a good practice that carry annotatable text. */
export const GOOD_PRACTICE_TEXT_FIELDS = ['summary', 'challengeAndGoals', 'howItWorks', 'results', 'targetGroupOpinion'] as const;
/** The fields of a document that carry annotatable text (body when none is given). */
export const DOCUMENT_TEXT_FIELDS = ['body', 'summary'] as const;

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export const annotationColor = z.enum(ANNOTATION_COLORS);
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

const tag = z.string().trim().min(1, 'a tag must not be empty').max(64, 'a tag is at most 64 characters');
const tags = z.array(tag).max(30, 'at most 30 tags').transform((list) => [...new Set(list)]);
const note = z.string().max(20_000, 'a note is at most 20,000 characters');

/**
 * What an annotation is on. `key` names the country-sheet section (required
 * there), the good-practice field (required there) or the document field
 * (optional: the body).
 */
export const annotationTargetSchema = z
  .object({ type: z.enum(ANNOTATABLE_TYPES), id, key: z.string().max(64).nullable().default(null) })
  .strict()
  .superRefine((target, ctx) => {
    const allowed: readonly string[] | null =
      target.type === 'country-sheet' ? COUNTRY_SHEET_SECTIONS : target.type === 'good-practice' ? GOOD_PRACTICE_TEXT_FIELDS : DOCUMENT_TEXT_FIELDS;
    if (target.key === null && target.type !== 'document') ctx.addIssue({ code: 'custom', path: ['key'], message: `a ${target.type} annotation needs key, one of ${allowed.join(', ')}` });
    if (target.key !== null && !allowed.includes(target.key)) ctx.addIssue({ code: 'custom', path: ['key'], message: `key must be one of ${allowed.join(', ')}` });
  });
export type AnnotationTarget = z.output<typeof annotationTargetSchema>;

export const textQuoteSelectorSchema = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() });
export const textPositionSelectorSchema = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().positive() });

export const anchoringSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('placed'), tier: z.enum(['created', 'position', 'quote', 'fuzzy']), start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  z.object({
    status: z.literal('orphaned'),
    reason: z.enum(['text-changed', 'target-deleted']),
    /** The quote as it was when the annotation last had a place. */
    oldQuote: z.string(),
    /** The new text around where the passage was; empty when the target is gone. */
    changedPassage: z.string(),
    at: isoDateTime,
  }),
]);
export type Anchoring = z.infer<typeof anchoringSchema>;

export const annotationSchema = z.object({
  id: z.string().min(1),
  target: z.object({ type: z.enum(ANNOTATABLE_TYPES), id, key: z.string().nullable() }),
  /** The record version and SHA-256 of the plain text the selectors describe. */
  textVersion: z.number().int().nonnegative(),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  color: annotationColor,
  note: z.string(),
  tags: z.array(z.string()),
  anchoring: anchoringSchema,
  /** The version of the record the note was made on, and its passage there (what an orphan shows). */
  madeOn: z.object({ version: z.number().int().nonnegative(), exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  /**
   * "Text changed since your note": the text under or around it changed since the version the member last accepted
   * (`sinceVersion`), with the word diff of that passage (as accepted → as it is now); null when it did not.
   */
  textChange: z.object({ sinceVersion: z.number().int().nonnegative(), parts: z.array(wordPartSchema) }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Annotation = z.infer<typeof annotationSchema>;

export const annotationCreateSchema = z
  .object({
    target: annotationTargetSchema,
    /** Character offsets in the target's plain text (annotations.forTarget gives it). */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    /** When given, must equal the text at start–end: guards against a stale view. */
    exact: z.string().min(1).optional(),
    color: annotationColor.default('yellow'),
    note: note.default(''),
    tags: tags.default([]),
  })
  .strict()
  .refine((args) => args.end > args.start, { message: 'end must be greater than start', path: ['end'] });

export const annotationUpdateSchema = z
  .object({ id: z.string().min(1), note: note.optional(), color: annotationColor.optional(), tags: tags.optional() })
  .strict()
  .refine((args) => args.note !== undefined || args.color !== undefined || args.tags !== undefined, { message: 'give at least one of note, color, tags' });

export const annotationListSchema = z
  .object({
    tag: tag.optional(),
    color: annotationColor.optional(),
    target: z.object({ type: z.enum(ANNOTATABLE_TYPES), id }).strict().optional(),
    country: countryCode.optional(),
    orphaned: z.boolean().optional(),
    /** Only the notes on text changed since they were made or last accepted. */
    textChanged: z.boolean().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().nonnegative().default(0),
  })
  .strict();

/** A record annotations point at, as the interface names it; title null when the record is no longer in the library. */
export const annotatedRecordSchema = z.object({ type: z.enum(ANNOTATABLE_TYPES), id, title: z.string().nullable(), countries: z.array(countryCode) });
export type AnnotatedRecord = z.infer<typeof annotatedRecordSchema>;

export const annotationListResultSchema = z.object({
  total: z.number().int().nonnegative(),
  annotations: z.array(annotationSchema),
  /** The records of the annotations on this page. */
  records: z.array(annotatedRecordSchema),
});

/** What the annotation filters can choose from, with counts, across all the user's annotations. */
export const annotationFacetsSchema = z.object({
  total: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
  /** Notes on text changed since they were made or last accepted. */
  textChanged: z.number().int().nonnegative(),
  colors: z.array(z.object({ color: annotationColor, count: z.number().int().positive() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int().positive() })),
  records: z.array(annotatedRecordSchema.extend({ count: z.number().int().positive() })),
  countries: z.array(z.object({ country: countryCode, count: z.number().int().positive() })),
});

/** Places an annotation (an orphan, typically) on a new span of its target's current text. */
export const annotationReattachSchema = z
  .object({ id: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive(), exact: z.string().min(1).optional() })
  .strict()
  .refine((args) => args.end > args.start, { message: 'end must be greater than start', path: ['end'] });

export const annotationsForTargetSchema = z.object({
  target: annotationTargetSchema.nullable(),
  /** The target's current plain text (what the offsets refer to); null when the record is gone. */
  text: z.string().nullable(),
  textVersion: z.number().int().nonnegative().nullable(),
  annotations: z.array(annotationSchema),
});

// ── Collections ──

export const collectionName = z.string().trim().min(1, 'a collection name must not be empty').max(200, 'a collection name is at most 200 characters');
export const collectionItemKey = z.object({ type: contentType, id }).strict();

export const collectionItemSchema = z.object({ type: contentType, id, note: z.string(), addedAt: isoDateTime, title: z.string().nullable() });
export const collectionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  note: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  items: z.array(collectionItemSchema),
});
export type Collection = z.infer<typeof collectionSchema>;
export type CollectionItem = z.infer<typeof collectionItemSchema>;

export const collectionRef = z.object({ name: collectionName }).strict();

/** The most records one call adds to a collection (a selection, or every record a list or search matches). */
export const MAX_COLLECTION_ADD = 10_000;

/**
 * Every record of a list (its filters and sort, as records.list takes them) or
 * of a search (its query and sort, as search.query takes them), added in the
 * order they are shown.
 */
export const collectionSourceSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('list'), filters: recordFiltersSchema.strict(), sort: recordListRequestSchema.shape.sort }).strict(),
  z.object({ from: z.literal('search'), query: searchRequestSchema.shape.query.refine((query) => query.trim() !== '', 'a search to add needs words or filters'), sort: searchRequestSchema.shape.sort }).strict(),
]);
export type CollectionSource = z.output<typeof collectionSourceSchema>;

export const addMatchingResultSchema = z.object({
  name: z.string(),
  /** Records the source matched. */
  matched: z.number().int().nonnegative(),
  /** Of those, the ones not in the collection before. */
  added: z.number().int().nonnegative(),
  /** Items in the collection now. */
  items: z.number().int().nonnegative(),
});
export type AddMatchingResult = z.infer<typeof addMatchingResultSchema>;

// ── Export ──

/** `bibliography`: the items formatted in a citation style (the export's `bibliography` options say which, and as HTML, RTF or text). */
export const EXPORT_FORMATS = ['csl-json', 'bibtex', 'ris', 'csv', 'markdown', 'annotations', 'bibliography', 'zip'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// ── Search in annotation notes ──

export const annotationSearchSchema = z.object({ query: z.string().trim().min(1, 'the query is empty').max(500), limit: z.number().int().min(1).max(100).default(20) }).strict();
export const annotationSearchResultSchema = z.object({
  hits: z.array(z.object({ annotation: annotationSchema, snippet: z.array(z.object({ text: z.string(), match: z.boolean() })) })),
  records: z.array(annotatedRecordSchema),
});
