// Which records have a history kept version by version (legislation and
// country sheets: a contact point cites the law or the sheet as it stood on a
// date), decided in one place for the portal that keeps the versions and the
// desktop that stores them; and the history's contract schemas.
import { z } from 'zod';
import { contentType, id, isoDate, type ContentType } from './content';

/** Whether every publication of this record is kept as a version of its history. */
export function keepsHistory(type: ContentType, fields: object): boolean {
  return type === 'country-sheet' || (type === 'document' && 'documentType' in fields && fields.documentType === 'legislation');
}

/** A record whose versions are asked for. */
export const historyTargetSchema = z.object({ type: contentType, id }).strict();

/** One kept version: its portal version, its number (the law's own, else its place in the history), date in force and change note. */
export const versionInfoSchema = z.object({
  version: z.number().int().positive(),
  number: z.number().int().positive(),
  inForceFrom: isoDate.nullable(),
  changeNote: z.string().nullable(),
  updatedAt: z.string(),
  /** The version the library shows (the latest synced). */
  current: z.boolean(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

/** A version by its number, or the one in force on a date. */
export const versionRefSchema = z.union([
  z.object({ number: z.number().int().positive() }).strict(),
  z.object({ onDate: isoDate }).strict(),
]);
export type VersionRef = z.infer<typeof versionRefSchema>;

export const historyVersionsSchema = z.object({ title: z.string(), versions: z.array(versionInfoSchema) });

/** One version's text as the Reader shows it: a document's body, or a sheet's sections. */
export const versionTextSchema = z.object({
  info: versionInfoSchema,
  title: z.string(),
  body: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), body: z.string() })),
});

export const wordPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const unitDiffSchema = z.object({
  key: z.string(),
  heading: z.string(),
  status: z.enum(['inserted', 'deleted', 'changed', 'unchanged']),
  parts: z.array(wordPartSchema),
});
export const versionDiffSchema = z.object({
  title: z.string(),
  from: versionInfoSchema,
  to: versionInfoSchema,
  units: z.array(unitDiffSchema),
  counts: z.object({ inserted: z.number().int(), deleted: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;

/** A law or country sheet the user follows (in a collection or annotated) that the last sync amended. */
export const amendedRecordSchema = z.object({
  type: z.enum(['document', 'country-sheet']),
  id,
  title: z.string(),
  /** The version before the sync and the one it brought, by number. */
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  inForceFrom: isoDate.nullable(),
  /** The user's notes on it whose text changed since they were made or accepted. */
  changedNotes: z.number().int().nonnegative(),
});
export type AmendedRecord = z.infer<typeof amendedRecordSchema>;
