// What the app contract says about search: requests, results, suggestions, saved searches.
import { z } from 'zod';

export const searchRequestSchema = z.object({
  query: z.string().max(1000),
  sort: z.enum(['rank', 'date']).default('rank'),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
  /** Fold results with the same title and kind into one hit with a count (offset and limit then count hits so folded). */
  collapse: z.boolean().default(true),
});
/** A request as a caller writes it (sort, limit and offset may be left to their defaults). */
export type SearchRequest = z.input<typeof searchRequestSchema>;

const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

/** Why a query was searched as plain words instead of as written. */
export const LITERAL_REASONS = ['unclosed-quote', 'empty-filter', 'negated-filter', 'or-needs-words', 'or-joins-exclusion', 'only-exclusions'] as const;
export type LiteralReason = (typeof LITERAL_REASONS)[number];

/**
 * What the search says about a query it did not take as typed. `typed` is the
 * part of the query concerned as the user wrote it; `suggestions` are what
 * could replace it (whole filter words such as "type:legislation"), nearest
 * first. The interface writes the sentence, in its own language.
 */
export const searchNoticeSchema = z.discriminatedUnion('kind', [
  /** The query was malformed and searched as plain words. */
  z.object({ kind: z.literal('literal'), reason: z.enum(LITERAL_REASONS), typed: z.string() }),
  /** "countr:DE": a filter name that does not exist (searched without it). */
  z.object({ kind: z.literal('unknown-filter'), typed: z.string(), suggestions: z.array(z.string()) }),
  /** "type:legislaton", "lang:xx": a value the filter does not know (searched without it). */
  z.object({ kind: z.literal('unknown-value'), filter: z.string(), typed: z.string(), suggestions: z.array(z.string()) }),
  /** "year:2030..2019": a range that ends before it starts (searched without it). */
  z.object({ kind: z.literal('reversed-years'), typed: z.string(), suggestions: z.array(z.string()) }),
]);
export type SearchNotice = z.infer<typeof searchNoticeSchema>;

/** A way out of an empty result: the query without one of its filters, and how many it finds. */
export const searchRelaxationSchema = z.object({ dropped: z.string(), query: z.string(), total: z.number().int().nonnegative() });
export type SearchRelaxation = z.infer<typeof searchRelaxationSchema>;

const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() }));

export const searchResultSchema = z.object({
  total: z.number().int().nonnegative(),
  hits: z.array(
    z.object({
      type: z.string(),
      id: z.string(),
      title: z.string(),
      date: z.string(),
      language: z.string(),
      countries: z.array(z.string()),
      /** A document's type (legislation, report…); absent for other types. */
      kind: z.string().optional(),
      /** How many more results with the same title and kind this hit stands for (folded into it). */
      similar: z.number().int().nonnegative().default(0),
      /** Plain text parts; `match` marks the query's words. Rendered as text, never as HTML. */
      snippet: snippetSchema,
      /** Set when the words were found in the text of one of the record's PDFs: its best page, with a snippet from that page. */
      attachment: z
        .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string(), page: z.number().int().min(1), snippet: snippetSchema })
        .optional(),
      /** How many of the record's PDFs are not on this computer (not downloaded under the attachment policy), so their text was not searched. */
      fullTextNotHere: z.number().int().positive().optional(),
    }),
  ),
  facets: z.object({ type: facetCounts, country: facetCounts, theme: facetCounts, language: facetCounts, year: facetCounts }),
  /** What was not taken as typed, each said once. */
  notices: z.array(searchNoticeSchema).default([]),
  /** Only for an empty result with filters: each filter dropped in turn, with the count it would give. */
  relaxations: z.array(searchRelaxationSchema).default([]),
});
export type SearchResultPayload = z.infer<typeof searchResultSchema>;
export type SearchHit = SearchResultPayload['hits'][number];
export type SnippetPart = SearchHit['snippet'][number];
export type FacetCount = SearchResultPayload['facets']['type'][number];

export const suggestionSchema = z.object({
  kind: z.enum(['title', 'country', 'theme', 'organisation']),
  text: z.string(),
  type: z.string().optional(),
  id: z.string().optional(),
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const savedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  createdAt: z.string(),
  /** Matches that arrived (or changed) since the user last opened this search. */
  newMatches: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;
