// Formatted citations and bibliographies (citeproc-js with bundled CSL styles):
// the styles and locales offered, and the contract's request and answer.
import { z } from 'zod';
import { collectionItemKey, collectionName, collectionSourceSchema } from './annotations';
import { isoDate } from './content';

/** The bundled CSL styles (resources/csl/styles/), by the names the CLI and the interface use. */
export const CITATION_STYLES = ['apa', 'chicago-author-date', 'harvard', 'oscola', 'eu-interinstitutional'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const citationStyle = z.enum(CITATION_STYLES);

/** Each style's own name (a proper name: the same in every interface language). */
export const CITATION_STYLE_NAMES: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  'chicago-author-date': 'Chicago (author-date)',
  harvard: 'Harvard (Cite Them Right)',
  oscola: 'OSCOLA',
  'eu-interinstitutional': 'EU Interinstitutional Style (Official Journal)',
};

/** The languages citations are written in (the style's terms, dates and punctuation). */
export const CITATION_LOCALES = ['en', 'fr', 'de'] as const;
export type CitationLocale = (typeof CITATION_LOCALES)[number];
export const citationLocale = z.enum(CITATION_LOCALES);

/** What a formatted bibliography file is written as. */
export const BIBLIOGRAPHY_FORMATS = ['html', 'rtf', 'text'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];
export const bibliographyFormat = z.enum(BIBLIOGRAPHY_FORMATS);

export const bibliographyOptionsSchema = z.object({ style: citationStyle, locale: citationLocale, format: bibliographyFormat }).strict();
export type BibliographyOptions = z.infer<typeof bibliographyOptionsSchema>;

/** The most items one citation or bibliography formats. */
export const MAX_CITED_ITEMS = 10_000;

export const citeSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items'), items: z.array(collectionItemKey).min(1).max(MAX_CITED_ITEMS) }).strict(),
  z.object({ kind: z.literal('collection'), name: collectionName }).strict(),
  /** Every record of a list or a search, in the order shown (at most MAX_CITED_ITEMS). */
  z.object({ kind: z.literal('matching'), source: collectionSourceSchema }).strict(),
]);
export type CiteSource = z.infer<typeof citeSourceSchema>;

export const citeRequestSchema = z.object({
  source: citeSourceSchema,
  style: citationStyle,
  locale: citationLocale,
  /** One in-text citation (or footnote, for a note style) of all the items, or their bibliography. */
  mode: z.enum(['citation', 'bibliography']),
  /** Cite laws as in force on this date: that version, its identifier in point-in-time form (ELI …/YYYY-MM-DD, consolidated CELEX). */
  asOf: isoDate.optional(),
}).strict();
export type CiteRequest = z.infer<typeof citeRequestSchema>;

export const citeResultSchema = z.object({
  /** Plain text, for the clipboard's text/plain. */
  text: z.string(),
  /** HTML, for the clipboard's text/html (italics and links kept). */
  html: z.string(),
  /** How many items were formatted. */
  count: z.number().int().nonnegative(),
  /** Items not in the local library (not cited). */
  missing: z.array(collectionItemKey),
});
export type CiteResult = z.infer<typeof citeResultSchema>;
