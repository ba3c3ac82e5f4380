// What the app contract says about search: requests, results, suggestions, saved searches.
import { z } from 'zod';

export const searchRequestSchema = z.object({
  query: z.string().max(1000),
  sort: z.enum(['rank', 'date']).default('rank'),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
});
/** A request as a caller writes it (sort, limit and offset may be left to their defaults). */
export type SearchRequest = z.input<typeof searchRequestSchema>;

const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

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
  /** Set when the query was not understood as written and was searched literally. */
  notice: z.string().optional(),
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
