// Funding deadlines and events as iCalendar (.ics): what to put in a calendar,
// and the contract's request and answer.
import { z } from 'zod';
import { collectionItemKey, collectionSourceSchema } from './annotations';

/** The most records one calendar file is built from. */
export const MAX_CALENDAR_ITEMS = 10_000;

export const calendarSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items'), items: z.array(collectionItemKey).min(1).max(MAX_CALENDAR_ITEMS) }).strict(),
  /** Every record of a filtered list or of a search, in the order shown. */
  z.object({ kind: z.literal('matching'), source: collectionSourceSchema }).strict(),
  /** Every record a saved search matches now. */
  z.object({ kind: z.literal('saved-search'), id: z.string().min(1).max(200) }).strict(),
]);
export type CalendarSource = z.infer<typeof calendarSourceSchema>;

export const calendarFileSchema = z.object({
  fileName: z.string().min(1),
  mediaType: z.literal('text/calendar; charset=utf-8'),
  /** The iCalendar text (RFC 5545). */
  text: z.string(),
  /** Calendar entries written: one per event, one per funding deadline. */
  entries: z.number().int().nonnegative(),
  /** Records with nothing to put in a calendar: other types, rolling calls without a deadline. */
  skipped: z.number().int().nonnegative(),
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;
