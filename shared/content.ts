// EWSI's content model (design brief §2) as zod schemas: the one definition the
// server validates editor input with, serves, and documents in its OpenAPI
// document, and the desktop validates every synced page against.
import { z } from 'zod';

/** EU member states (ISO 3166-1 alpha-2, "EL" is not used: Greece is GR). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

export const THEMES = [
  'employment', 'education', 'language-learning', 'health', 'housing', 'civic-participation',
  'anti-discrimination', 'family-reunification', 'citizenship', 'youth', 'women', 'refugees',
  'social-inclusion', 'culture-and-religion', 'labour-market-integration', 'reception',
] as const;

/**
 * Each theme's English label, as exports write keywords (reference managers
 * show tags as given; a slug such as "family-reunification" is not a tag).
 * No label holds a comma or semicolon: Zotero splits imported keywords on both.
 */
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  employment: 'Employment',
  education: 'Education',
  'language-learning': 'Language learning',
  health: 'Health',
  housing: 'Housing',
  'civic-participation': 'Civic participation',
  'anti-discrimination': 'Anti-discrimination',
  'family-reunification': 'Family reunification',
  citizenship: 'Citizenship',
  youth: 'Youth',
  women: 'Women',
  refugees: 'Refugees',
  'social-inclusion': 'Social inclusion',
  'culture-and-religion': 'Culture and religion',
  'labour-market-integration': 'Labour-market integration',
  reception: 'Reception',
};

export const DOCUMENT_TYPES = [
  'legislation', 'policy-document', 'report', 'study', 'impact-assessment', 'evaluation', 'article', 'other',
] as const;

export const ORGANISATION_TYPES = [
  'ngo', 'public-authority', 'local-authority', 'research', 'social-partner', 'private-company',
  'international-organisation', 'other',
] as const;

export const FUNDER_TYPES = ['eu', 'national', 'private-foundation'] as const;

export const COUNTRY_SHEET_SECTIONS = ['strategy', 'programmes', 'legislation', 'governance', 'evaluation', 'funding'] as const;

export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1–128 letters, digits, dots, underscores, colons or hyphens');
export const languageCode = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "en"');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"');
export const themeSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "employment"').max(64);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const text = (max: number) => z.string().max(max);
const title = z.string().trim().min(1).max(500);
/** HTML from the portal: stored and served as given, sanitized by every client before display. */
const html = text(2_000_000);
const email = z.email().max(254);

const common = {
  id,
  language: languageCode,
  countries: z.array(countryCode).max(60).default([]),
  themes: z.array(themeSlug).max(40).default([]),
};

/**
 * Characters that hide or reorder text, so a name could read as another
 * ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"): C0 and C1 controls,
 * zero-width space, the bidi marks, embeddings, overrides and isolates, word
 * joiners, the byte-order mark, the soft hyphen. ZWJ and ZWNJ stay: scripts
 * such as Persian and Devanagari need them.
 */
export const HIDDEN_OR_BIDI_CHARACTERS = /[\p{Cc}\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED_FILE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.[^.]*)?$/i;

/** Text shown as a name: nothing hidden, nothing reordered. */
export const visibleName = (schema: z.ZodString) => schema.refine((text) => !HIDDEN_OR_BIDI_CHARACTERS.test(text), 'must not contain invisible or text-direction control characters');

/** A file name every operating system can save as it reads. */
export const plainFileName = visibleName(z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'must be a plain file name'))
  .refine((name) => name !== '.' && name !== '..' && !RESERVED_FILE_NAME.test(name), 'must not be a reserved name (., .., CON, NUL, COM1…)')
  .refine((name) => !/[. ]$/.test(name), 'must not end with a dot or a space');

export const attachmentRef = z.object({
  fileName: plainFileName,
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a MIME type'),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
});
export type AttachmentRef = z.infer<typeof attachmentRef>;

export const legalInfo = z.object({
  identifierScheme: z.enum(['ELI', 'CELEX']),
  identifier: z.string().min(1).max(300),
  status: z.enum(['in-force', 'amended', 'repealed', 'proposal', 'transposition-pending']),
  /** Which version of the text this record is (1 for the original), when the portal publishes the text's history version by version. */
  versionNumber: z.number().int().positive().optional(),
  /** The date this version took effect. */
  inForceFrom: isoDate.optional(),
  /** What this version changed and by which act: "Article 5a inserted … by Act No 14/2021, in force from 1 July 2021." */
  changeNote: text(2000).optional(),
});

/** A person who wrote a work: family and given names, as reference managers and citation styles need them. */
export const personAuthor = z.object({
  kind: z.literal('person'),
  family: visibleName(z.string().trim().min(1).max(200)),
  /** Empty when only the family name is known. */
  given: visibleName(z.string().trim().max(200)).default(''),
});

/** An organisation that wrote a work: one name, never split into parts. */
export const organisationAuthor = z.object({
  kind: z.literal('organisation'),
  name: visibleName(z.string().trim().min(1).max(300)),
});

/**
 * A plain string, as authors were written before the portal told persons from
 * organisations: it is read as one literal name (an organisation), never
 * guessed apart into family and given names, because "de Vries Pieter" or
 * "El Amrani" cannot be split reliably. Editors send persons as objects.
 */
const legacyAuthor = z.string().min(1).max(300).transform((name): { kind: 'organisation'; name: string } => ({ kind: 'organisation', name: name.trim() })).pipe(organisationAuthor);

export const authorSchema = z.union([z.discriminatedUnion('kind', [personAuthor, organisationAuthor]), legacyAuthor], {
  error: 'must be a person {"kind": "person", "family", "given"} or an organisation {"kind": "organisation", "name"}',
});
export type Author = z.output<typeof authorSchema>;
export type PersonAuthor = z.output<typeof personAuthor>;

/** The authors of a stored record, whatever schema wrote it: strings (older records) read as organisations, anything unreadable dropped. */
export function readAuthors(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const parsed = authorSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** An author as a reader sees it: "Given Family" for a person, the name for an organisation. */
export const authorDisplayName = (author: Author): string => (author.kind === 'person' ? [author.given, author.family].filter(Boolean).join(' ') : author.name);

export const documentFields = z.object({
  ...common,
  documentType: z.enum(DOCUMENT_TYPES),
  title,
  summary: text(20_000).default(''),
  body: html.default(''),
  authors: z.array(authorSchema).max(100).default([]),
  publisher: text(300).default(''),
  publishedOn: isoDate.nullable().default(null),
  sourceUrl: httpUrl.nullable().default(null),
  legal: legalInfo.nullable().default(null),
  attachments: z.array(attachmentRef).max(50).default([]),
}).refine((doc) => doc.documentType !== 'legislation' || doc.legal !== null, {
  message: 'legislation needs its identifier (ELI or CELEX) and legal status in "legal"',
  path: ['legal'],
});

export const countrySheetSection = z.object({
  key: z.enum(COUNTRY_SHEET_SECTIONS),
  title,
  body: html,
  updatedAt: isoDateTime,
  /** Integration programmes only: whether taking part is voluntary or mandatory. */
  programmeKind: z.enum(['voluntary', 'mandatory', 'mixed']).nullable().default(null),
});

export const countrySheetFields = z.object({
  ...common,
  country: countryCode,
  title,
  sections: z.array(countrySheetSection).length(6),
}).refine((sheet) => new Set(sheet.sections.map((s) => s.key)).size === 6, {
  message: 'a country sheet has each of its six sections exactly once',
  path: ['sections'],
});

export const goodPracticeFields = z.object({
  ...common,
  title,
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  regularService: z.boolean().default(false),
  country: countryCode,
  cityArea: text(300).default(''),
  summary: text(20_000),
  challengeAndGoals: html,
  howItWorks: html,
  results: html,
  targetGroupOpinion: html.default(''),
  evaluation: z.object({
    type: z.enum(['internal', 'external', 'both', 'none']),
    indicators: text(20_000).default(''),
    successes: text(20_000).default(''),
    failures: text(20_000).default(''),
  }),
  targetGroups: z.array(z.string().min(1).max(200)).max(30).default([]),
  peopleReached: z.number().int().nonnegative().nullable().default(null),
  fundingSource: text(2000).default(''),
  resources: text(5000).default(''),
  organisation: z.object({ name: z.string().min(1).max(300), type: z.enum(ORGANISATION_TYPES), website: httpUrl.nullable().default(null) }),
  contact: z.object({ name: text(200).default(''), email: email.nullable().default(null), phone: text(50).default('') }),
}).refine((gp) => gp.regularService || gp.endDate === null || gp.endDate >= gp.startDate, {
  message: 'endDate is before startDate',
  path: ['endDate'],
});

export const linkFields = z.object({
  ...common,
  url: httpUrl,
  title,
  description: text(20_000).default(''),
  category: z.string().min(1).max(100),
});

export const fundingFields = z.object({
  ...common,
  title,
  programme: z.string().min(1).max(300),
  funderType: z.enum(FUNDER_TYPES),
  /** null: a rolling call with no deadline. */
  deadline: isoDate.nullable(),
  amount: z.object({ min: z.number().nonnegative().nullable(), max: z.number().nonnegative().nullable(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable().default(null),
  url: httpUrl,
  description: html.default(''),
});

export const newsFields = z.object({ ...common, title, date: isoDate, body: html });

export const eventFields = z.object({
  ...common,
  title,
  startDate: isoDate,
  endDate: isoDate,
  place: z.string().min(1).max(300),
  body: html.default(''),
  url: httpUrl.nullable().default(null),
}).refine((event) => event.endDate >= event.startDate, { message: 'endDate is before startDate', path: ['endDate'] });

export const forumFields = z.object({ ...common, title, description: text(5000).default('') });

export const forumThreadFields = z.object({
  ...common,
  forumId: id,
  title,
  authorName: z.string().min(1).max(200),
  createdAt: isoDateTime,
});

export const forumPostFields = z.object({
  ...common,
  threadId: id,
  authorName: z.string().min(1).max(200),
  body: html.refine((body) => body.trim().length > 0, 'must not be empty'),
  createdAt: isoDateTime,
});

export const partnerRequestFields = z.object({
  ...common,
  title,
  organisation: z.string().min(1).max(300),
  organisationType: z.enum(ORGANISATION_TYPES),
  country: countryCode,
  projectIdea: text(20_000).refine((idea) => idea.trim().length >= 20, 'must describe the project idea in at least 20 characters'),
  partnersSought: z.object({
    countries: z.array(countryCode).max(60).default([]),
    organisationTypes: z.array(z.enum(ORGANISATION_TYPES)).max(10).default([]),
  }),
  contact: z.object({ name: z.string().min(1).max(200), email }),
  authorName: z.string().min(1).max(200),
  expiresOn: isoDate,
  createdAt: isoDateTime,
});

/** Every content type the change feed carries, with the schema of its editor input. */
export const contentFieldSchemas = {
  document: documentFields,
  'country-sheet': countrySheetFields,
  'good-practice': goodPracticeFields,
  link: linkFields,
  funding: fundingFields,
  news: newsFields,
  event: eventFields,
  forum: forumFields,
  'forum-thread': forumThreadFields,
  'forum-post': forumPostFields,
  'partner-request': partnerRequestFields,
} as const;

export type ContentType = keyof typeof contentFieldSchemas;
export const CONTENT_TYPES = Object.keys(contentFieldSchemas) as ContentType[];
export const contentType = z.enum(CONTENT_TYPES as [ContentType, ...ContentType[]]);

/** Path segment of each type's read API: /api/v1/<collection>. */
export const COLLECTION_PATHS: Record<ContentType, string> = {
  document: 'documents',
  'country-sheet': 'country-sheets',
  'good-practice': 'good-practices',
  link: 'links',
  funding: 'funding',
  news: 'news',
  event: 'events',
  forum: 'forums',
  'forum-thread': 'forum-threads',
  'forum-post': 'forum-posts',
  'partner-request': 'partner-requests',
};

/** What the server adds to every record it serves. */
export const recordMeta = {
  version: z.number().int().positive(),
  updatedAt: isoDateTime,
};

const meta = z.object(recordMeta);

/** Each type's record as served: its fields plus version and updatedAt. */
export const contentRecordSchemas = {
  document: documentFields.and(meta),
  'country-sheet': countrySheetFields.and(meta),
  'good-practice': goodPracticeFields.and(meta),
  link: linkFields.and(meta),
  funding: fundingFields.and(meta),
  news: newsFields.and(meta),
  event: eventFields.and(meta),
  forum: forumFields.and(meta),
  'forum-thread': forumThreadFields.and(meta),
  'forum-post': forumPostFields.and(meta),
  'partner-request': partnerRequestFields.and(meta),
} as const satisfies Record<ContentType, z.ZodType>;

export type ContentFields<T extends ContentType> = z.output<(typeof contentFieldSchemas)[T]>;
export type ContentInput<T extends ContentType> = z.input<(typeof contentFieldSchemas)[T]>;
/** A record as served and stored: what its type's schema in contentRecordSchemas outputs. */
export type ContentRecord<T extends ContentType> = z.output<(typeof contentRecordSchemas)[T]>;
export type AnyContentFields = ContentFields<ContentType>;

/**
 * A record beside its type, as one union: checking `type` narrows `record`. A
 * function generic in T takes `TypedRecord<T>` to keep the two correlated.
 */
export type TypedRecord<T extends ContentType = ContentType> = { [K in T]: { type: K; record: ContentRecord<K> } }[T];

/** The files a record attaches (documents only). */
// A page written without parseChangesPage (tests and benchmarks write sample input directly) may lack the defaulted list.
export const attachmentsOf = (typed: TypedRecord): AttachmentRef[] => (typed.type === 'document' ? (typed.record.attachments ?? []) : []);
