// The messages between the text extractor and its pdf.js worker thread, as
// schemas: each side validates what it receives (a worker's answers come from
// code that has just read a file we did not write).
import { z } from 'zod';

export const extractionRequestSchema = z.object({
  kind: z.literal('extract'),
  path: z.string(),
  /** 1-based: the first page to extract (the pages before it were stored by an earlier run). */
  fromPage: z.number().int().min(1),
  /** A page's text is cut here: a crafted page could otherwise hold megabytes. */
  maxCharsPerPage: z.number().int().positive(),
});
export type ExtractionRequest = z.infer<typeof extractionRequestSchema>;

export const extractionMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('opened'), pages: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('page'), page: z.number().int().min(1), text: z.string() }),
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('failed'), reason: z.string() }),
]);
export type ExtractionMessage = z.infer<typeof extractionMessageSchema>;
