// The history of legislation and country sheets as the corpus keeps it: each
// version's long texts (a law's body, each sheet section's body) cut into
// blocks at its headings (its articles), stored once by SHA-256
// (db/corpus/record-versions.ts), so that an amendment costs the paragraphs it
// changed (docs/architecture/history.md has the figures). Kept by the corpus
// writer, read back whole and validated.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { COUNTRY_SHEET_SECTIONS, contentRecordSchemas, type ContentRecord, type ContentType, type TypedRecord } from '../../../shared/content';
import { keepsHistory } from '../../../shared/history';
import type { UpsertChange } from '../../../shared/portal-api';
import type { RecordVersions, StoredVersion, VersionToKeep } from '../db/corpus/record-versions';

/** Before each heading: a law's articles. */
const HEADING_START = /(?=<h[1-6][\s>])/i;
/** Before each other block-level element (a paragraph, an item…), for an article too long to keep whole. */
const BLOCK_START = /(?=<(?:p|li|tr|div|section|article|blockquote|table|ul|ol|dl|dt|dd|pre|figure)[\s>/])/i;
/**
 * Articles up to this length are one block: an amendment then costs the
 * articles it touched, and the per-block cost (its hash, twice with the
 * index, and its row) stays small beside the text; a longer one is cut at its paragraphs.
 */
export const WHOLE_BLOCK_MAX = 4096;
/** Bytes of SHA-256 kept as a block's address: 128 bits, no collision among any number of blocks a library holds. */
export const HASH_BYTES = 16;

/** A text cut into blocks: at its headings, and a long article at its paragraphs; the pieces joined are the text again. */
export function splitIntoBlocks(html: string): string[] {
  return html
    .split(HEADING_START)
    .flatMap((article) => (article.length > WHOLE_BLOCK_MAX ? article.split(BLOCK_START) : [article]))
    .filter((piece) => piece.length > 0);
}

const sheetField = (key: string) => `sections.${key}`;

/** The record's long texts by field name, and the record with them emptied. */
function longTexts(typed: TypedRecord): { skeleton: unknown; texts: Record<string, string> } {
  if (typed.type === 'document') return { skeleton: { ...typed.record, body: '' }, texts: { body: typed.record.body } };
  if (typed.type === 'country-sheet') {
    const texts: Record<string, string> = {};
    for (const section of typed.record.sections) texts[sheetField(section.key)] = section.body;
    return { skeleton: { ...typed.record, sections: typed.record.sections.map((section) => ({ ...section, body: '' })) }, texts };
  }
  return { skeleton: typed.record, texts: {} };
}

/** The legal version number, date in force and change note a version is listed with. */
export function versionFacts(typed: TypedRecord): { number: number | null; inForceFrom: string | null; changeNote: string | null } {
  if (typed.type === 'document' && typed.record.legal) {
    const legal = typed.record.legal;
    return { number: legal.versionNumber ?? null, inForceFrom: legal.inForceFrom ?? typed.record.publishedOn ?? null, changeNote: legal.changeNote ?? null };
  }
  return { number: null, inForceFrom: typed.record.updatedAt.slice(0, 10), changeNote: null };
}

export function versionToKeep(typed: TypedRecord): VersionToKeep {
  const { skeleton, texts } = longTexts(typed);
  const fields: VersionToKeep['fields'] = {};
  for (const [field, text] of Object.entries(texts)) {
    fields[field] = splitIntoBlocks(text).map((block) => ({ hash: createHash('sha256').update(block).digest().subarray(0, HASH_BYTES), text: block }));
  }
  return { type: typed.type, id: typed.record.id, version: typed.record.version, ...versionFacts(typed), updatedAt: typed.record.updatedAt, skeleton: JSON.stringify(skeleton), fields };
}

/**
 * Keeps one version. A legal version number published again (a correction of
 * that version's text) replaces the earlier publication of it, and is ignored
 * when a later publication of it is already kept.
 */
export function keepVersion(versions: RecordVersions, typed: TypedRecord): void {
  const kept = versions.list(typed.type, typed.record.id);
  const facts = versionFacts(typed);
  if (facts.number !== null) {
    const same = kept.filter((version) => version.number === facts.number);
    if (same.some((version) => version.version >= typed.record.version)) return;
    for (const older of same) versions.drop(typed.type, typed.record.id, older.version);
  }
  versions.keep(versionToKeep(typed));
}

/** An upsert's versions (the ones its history brings, then its record), kept when its record keeps a history. */
export function keepVersionsOf(versions: RecordVersions, change: UpsertChange): void {
  if (!keepsHistory(change.type, change.record)) return;
  const typed: TypedRecord[] = change.type === 'document'
    ? [...(change.history ?? []), change.record].map((record) => ({ type: 'document' as const, record }))
    : change.type === 'country-sheet'
      ? [...(change.history ?? []), change.record].map((record) => ({ type: 'country-sheet' as const, record }))
      : [];
  for (const one of typed) keepVersion(versions, one);
}

// Each type's record schema, seen as the schema of ContentRecord<K> (as parseChangesPage sees it).
const recordSchemaOf: { [K in ContentType]: z.ZodType<ContentRecord<K>> } = contentRecordSchemas;

export class HistoryReadError extends Error {}

/** A kept version as the record it was, validated as a synced record is. */
export function readVersion<T extends ContentType>(versions: RecordVersions, type: T, id: string, version: number): ContentRecord<T> | undefined {
  const stored = versions.read(type, id, version);
  return stored ? joinVersion(type, stored) : undefined;
}

function joinVersion<T extends ContentType>(type: T, stored: StoredVersion): ContentRecord<T> {
  const skeleton: unknown = JSON.parse(stored.skeleton);
  if (typeof skeleton !== 'object' || skeleton === null) throw new HistoryReadError(`The kept version ${stored.version} of a ${type} is not a record`);
  const whole: Record<string, unknown> = { ...skeleton };
  if (type === 'document') whole.body = stored.fields.body ?? '';
  if (type === 'country-sheet' && Array.isArray(whole.sections)) {
    whole.sections = whole.sections.map((section: unknown) => {
      if (typeof section !== 'object' || section === null || !('key' in section) || typeof section.key !== 'string') return section;
      return { ...section, body: stored.fields[sheetField(section.key)] ?? '' };
    });
  }
  const parsed = recordSchemaOf[type].safeParse(whole);
  if (!parsed.success) throw new HistoryReadError(`The kept version ${stored.version} of ${type} ${String(whole.id)} does not read as a record: ${parsed.error.message}`);
  return parsed.data;
}

/** The sections a sheet's texts are kept by, for callers listing them. */
export const SHEET_SECTION_FIELDS = COUNTRY_SHEET_SECTIONS.map(sheetField);
