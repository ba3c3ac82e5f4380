// The user's annotations (user.sqlite) on synced records (corpus.sqlite):
// created on a target's plain text, re-anchored after each sync page that
// touches their targets, never deleted by sync or resync. Their statements are
// in db/user/annotations.ts, the record reads in db/corpus/records.ts.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ANNOTATION_COLORS,
  annotationCreateSchema,
  annotationFacetsSchema,
  annotationListSchema,
  annotationReattachSchema,
  type AnnotatedRecord,
  annotationUpdateSchema,
  type Annotation,
  type AnnotationTarget,
  type Anchoring,
  anchoringSchema,
  annotationSchema,
  type AnnotatableType,
} from '../../../shared/annotations';
import { ContractError } from '../../../shared/contract';
import type { ChangesPage } from '../../../shared/portal-api';
import type { CorpusRecords } from '../db/corpus/records';
import { recordFacets } from '../../../shared/record-facets';
import type { AnnotationRow, AnnotationTable } from '../db/user/annotations';
import { CONTEXT_LENGTH, changedPassage, describeSpan, reanchor, type TextPosition, type TextQuote } from './anchoring';
import { targetText, textHash } from './target-text';
import { wordDiff } from '../../../shared/version-diff';

interface StoredSelectors {
  quote: TextQuote;
  position: TextPosition;
}

type CreateArgs = z.output<typeof annotationCreateSchema>;
type UpdateArgs = z.output<typeof annotationUpdateSchema>;
type ListArgs = z.output<typeof annotationListSchema>;
type ReattachArgs = z.output<typeof annotationReattachSchema>;

/** The stored selectors, or undefined when the row holds something else (such a row is left exactly as it is). */
const storedSelectorsSchema = z.looseObject({
  quote: z.looseObject({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.looseObject({ start: z.number().int(), end: z.number().int() }),
});
const storedTagsSchema = z.array(z.string());

function readSelectors(text: string): StoredSelectors | undefined {
  try {
    const parsed = storedSelectorsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A stored {version, selector}: the text a note was made on, or the passage last accepted; undefined when unreadable. */
const versionedSelectorSchema = z.object({ version: z.number().int().nonnegative(), selector: storedSelectorsSchema });

function readVersioned(text: string): z.infer<typeof versionedSelectorSchema> | undefined {
  try {
    const parsed = versionedSelectorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const versioned = (version: number, selectors: StoredSelectors) => JSON.stringify({ version, selector: { quote: selectors.quote, position: selectors.position } });
/**
 * A note's passage: its words with the context around them, cut to whole words (a context cut mid-word would
 * show "e than one year" against "than six months"), so that what is compared and shown reads as words.
 */
const passageOf = (quote: TextQuote) => {
  const prefix = quote.prefix.length >= CONTEXT_LENGTH ? quote.prefix.replace(/^\S*\s+/, '') : quote.prefix;
  const suffix = quote.suffix.length >= CONTEXT_LENGTH ? quote.suffix.replace(/\s+\S*$/, '') : quote.suffix;
  return `${prefix}${quote.exact}${suffix}`;
};

/** The accepted passage of a row, falling back to where it is now (a row from before versions were kept). */
function reviewedOf(row: Pick<AnnotationRow, 'reviewed' | 'target_version'>, selectors: StoredSelectors) {
  return readVersioned(row.reviewed) ?? { version: row.target_version, selector: selectors };
}

/** "Text changed since your note": the accepted passage against the passage now (an orphan's: the text where it was). */
function textChangeOf(row: AnnotationRow, selectors: StoredSelectors, anchoring: Anchoring): Annotation['textChange'] {
  if (!row.text_changed) return null;
  const reviewed = reviewedOf(row, selectors);
  const now = anchoring.status === 'orphaned' ? anchoring.changedPassage : passageOf(selectors.quote);
  return { sinceVersion: reviewed.version, parts: wordDiff(passageOf(reviewed.selector.quote), now) };
}

/** Annotations of the rows whose selectors can be read. */
function readableAnnotations(rows: AnnotationRow[]): Annotation[] {
  return rows.filter((row) => readSelectors(row.selector) !== undefined).map(toAnnotation);
}

function toAnnotation(row: AnnotationRow): Annotation {
  const selectors = readSelectors(row.selector);
  if (!selectors) throw new Error(`Annotation ${row.id} has selectors this version cannot read`);
  const anchoring = anchoringSchema.parse(JSON.parse(row.anchoring));
  const madeOn = readVersioned(row.made_on) ?? { version: row.target_version, selector: selectors };
  return {
    id: row.id,
    target: { type: row.target_type, id: row.target_id, key: row.target_key },
    textVersion: row.target_version,
    textHash: row.text_hash,
    quote: { type: 'TextQuoteSelector', ...selectors.quote },
    position: { type: 'TextPositionSelector', ...selectors.position },
    color: row.color,
    note: row.note,
    tags: storedTagsSchema.parse(JSON.parse(row.tags)),
    anchoring,
    madeOn: { version: madeOn.version, exact: madeOn.selector.quote.exact, prefix: madeOn.selector.quote.prefix, suffix: madeOn.selector.quote.suffix, start: madeOn.selector.position.start, end: madeOn.selector.position.end },
    textChange: textChangeOf(row, selectors, anchoring),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Why a stored row would break the annotation screens (its selectors are
 * readable, so it is shown, but it does not make a valid annotation), or
 * undefined when it is fine. A row whose selectors cannot be read is never
 * shown and is kept as it is.
 */
export function storedAnnotationProblem(row: AnnotationRow): string | undefined {
  if (readSelectors(row.selector) === undefined) return undefined;
  try {
    const parsed = annotationSchema.safeParse(toAnnotation(row));
    return parsed.success ? undefined : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  } catch (error) {
    return error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ') : String(error);
  }
}

/** A snippet with U+E000…U+E001 (private-use characters; a note that itself contains them would be split there) around matches, as parts. */
function snippetParts(marked: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  for (const [i, piece] of marked.split(/[\uE000\uE001]/).entries()) if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  return parts;
}

export class AnnotationService {
  constructor(
    private readonly table: AnnotationTable,
    private readonly records: CorpusRecords,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** The target's record and current plain text; null when the record is not in the library. */
  current(target: Pick<AnnotationTarget, 'type' | 'id' | 'key'>): { version: number; text: string | null; record: Record<string, unknown> } | null {
    const found = this.records.get(target.type, target.id);
    if (!found) return null;
    return { version: found.version, text: targetText(target, found.record), record: found.record };
  }

  create(args: CreateArgs): Annotation {
    const current = this.current(args.target);
    if (!current) throw new ContractError('not_found', `No ${args.target.type} with id "${args.target.id}" in the local library`);
    if (current.text === null) throw new ContractError('not_found', `The ${args.target.type} "${args.target.id}" has no text "${args.target.key}"`);
    const text = current.text;
    if (args.end > text.length) throw new ContractError('invalid_arguments', `end ${args.end} is past the end of the target's text (${text.length} characters)`);
    const { quote, position } = describeSpan(text, args.start, args.end);
    if (args.exact !== undefined && args.exact !== quote.exact) {
      throw new ContractError('conflict', `The text at ${args.start}–${args.end} is ${JSON.stringify(quote.exact)}, not ${JSON.stringify(args.exact)}: the view is out of date`);
    }
    const at = this.now();
    const row: AnnotationRow = {
      id: randomUUID(),
      target_type: args.target.type,
      target_id: args.target.id,
      target_key: args.target.key,
      target_version: current.version,
      text_hash: textHash(text),
      selector: JSON.stringify({ quote, position }),
      note: args.note,
      color: args.color,
      tags: JSON.stringify(args.tags),
      orphaned: 0,
      anchoring: JSON.stringify({ status: 'placed', tier: 'created', start: position.start, end: position.end } satisfies Anchoring),
      made_on: versioned(current.version, { quote, position }),
      reviewed: versioned(current.version, { quote, position }),
      text_changed: 0,
      created_at: at,
      updated_at: at,
    };
    this.table.insert(row);
    return toAnnotation(row);
  }

  private row(id: string): AnnotationRow {
    const row = this.table.get(id);
    if (!row) throw new ContractError('not_found', `No annotation with id "${id}"`);
    return row;
  }

  get(id: string): Annotation {
    return toAnnotation(this.row(id));
  }

  update({ id, note, color, tags }: UpdateArgs): Annotation {
    const row = this.row(id);
    const next = { ...row, note: note ?? row.note, color: color ?? row.color, tags: tags ? JSON.stringify(tags) : row.tags, updated_at: this.now() };
    this.table.updateNote(next);
    return toAnnotation(next);
  }

  delete(id: string): boolean {
    return this.table.delete(id);
  }

  list(filters: ListArgs): { total: number; annotations: Annotation[]; records: AnnotatedRecord[] } {
    const rows = this.table.list({ color: filters.color, tag: filters.tag, target: filters.target, orphaned: filters.orphaned, textChanged: filters.textChanged });
    // Country lives on the target record in the corpus (another file): filtered here.
    const matching = filters.country ? rows.filter((row) => this.countriesOf(row.target_type, row.target_id).includes(filters.country!)) : rows;
    const annotations = readableAnnotations(matching.slice(filters.offset, filters.offset + filters.limit));
    return { total: matching.length, annotations, records: this.recordsOf(annotations) };
  }

  /** The records a set of annotations point at, once each, as the interface names them. */
  recordsOf(annotations: Array<Pick<Annotation, 'target'>>): AnnotatedRecord[] {
    const seen = new Map<string, AnnotatedRecord>();
    for (const { target } of annotations) {
      const key = `${target.type}/${target.id}`;
      if (seen.has(key)) continue;
      const found = this.records.getTitled(target.type, target.id);
      seen.set(key, { type: target.type, id: target.id, title: found?.title ?? null, countries: found ? recordFacets(found.type, found.record).countries : [] });
    }
    return [...seen.values()];
  }

  /** The filters' choices: every colour, tag, record and country the annotations have, with counts. */
  facets(): z.output<typeof annotationFacetsSchema> {
    const rows = this.table.facetRows();
    const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
    const colors = new Map<string, number>();
    const tags = new Map<string, number>();
    const records = new Map<string, number>();
    const countries = new Map<string, number>();
    const byRecord = new Map<string, AnnotatedRecord>();
    let orphaned = 0;
    let textChanged = 0;
    for (const row of rows) {
      count(colors, row.color);
      if (row.orphaned) orphaned += 1;
      if (row.text_changed) textChanged += 1;
      let rowTags: unknown = [];
      try {
        rowTags = JSON.parse(row.tags);
      } catch {
        // A row another version wrote: counted without tags.
      }
      if (Array.isArray(rowTags)) for (const tag of new Set(rowTags)) if (typeof tag === 'string') count(tags, tag);
      const key = `${row.target_type}/${row.target_id}`;
      count(records, key);
      if (!byRecord.has(key)) byRecord.set(key, this.recordsOf([{ target: { type: row.target_type, id: row.target_id, key: row.target_key } }])[0]!);
      for (const country of byRecord.get(key)!.countries) count(countries, country);
    }
    const byCount = <T extends { count: number }>(list: T[], name: (item: T) => string) => list.sort((a, b) => b.count - a.count || name(a).localeCompare(name(b)));
    return {
      total: rows.length,
      orphaned,
      textChanged,
      colors: ANNOTATION_COLORS.filter((color) => colors.has(color)).map((color) => ({ color, count: colors.get(color)! })),
      tags: byCount([...tags].map(([tag, n]) => ({ tag, count: n })), (item) => item.tag),
      records: [...records].map(([key, n]) => ({ ...byRecord.get(key)!, count: n })).sort((a, b) => (a.title ?? '\uffff').localeCompare(b.title ?? '\uffff') || a.id.localeCompare(b.id)),
      countries: byCount([...countries].map(([country, n]) => ({ country, count: n })), (item) => item.country),
    };
  }

  /**
   * Places an annotation on start–end of its target's current text, keeping
   * its note, colour and tags: how an orphan is triaged back into the text.
   */
  reattach({ id, start, end, exact }: ReattachArgs): Annotation {
    const row = this.row(id);
    const current = this.current({ type: row.target_type, id: row.target_id, key: row.target_key });
    if (!current || current.text === null) throw new ContractError('not_found', `The ${row.target_type} "${row.target_id}" is no longer in the library: this annotation cannot be placed again`);
    const text = current.text;
    if (end > text.length) throw new ContractError('invalid_arguments', `end ${end} is past the end of the target's text (${text.length} characters)`);
    const selectors = describeSpan(text, start, end);
    if (exact !== undefined && exact !== selectors.quote.exact) {
      throw new ContractError('conflict', `The text at ${start}–${end} is ${JSON.stringify(selectors.quote.exact)}, not ${JSON.stringify(exact)}: the view is out of date`);
    }
    const next: AnnotationRow = {
      ...row,
      selector: JSON.stringify(selectors),
      target_version: current.version,
      text_hash: textHash(text),
      orphaned: 0,
      anchoring: JSON.stringify({ status: 'placed', tier: 'created', start, end } satisfies Anchoring),
      // Placed by the member's hand: what they see there now is what they accept.
      reviewed: versioned(current.version, selectors),
      text_changed: 0,
      updated_at: this.now(),
    };
    this.table.reattach(next);
    return toAnnotation(next);
  }

  /**
   * Keeps a note where it is on text that changed under or around it: the
   * passage as it is now becomes the one accepted, and the mark goes. An
   * orphan has no place to keep: it is re-attached instead.
   */
  acceptChange(id: string): Annotation {
    const row = this.row(id);
    const selectors = readSelectors(row.selector);
    if (!selectors) throw new ContractError('conflict', 'This annotation was written by another version of the app and cannot be changed here');
    if (row.orphaned) throw new ContractError('conflict', 'This note lost its place in the text: re-attach it to a passage instead of keeping it');
    const next: AnnotationRow = { ...row, reviewed: versioned(row.target_version, selectors), text_changed: 0, updated_at: this.now() };
    this.table.reattach(next);
    return toAnnotation(next);
  }

  private countriesOf(type: AnnotatableType, id: string): string[] {
    const found = this.records.get(type, id);
    return found ? recordFacets(found.type, found.record).countries : [];
  }

  forTarget(target: AnnotationTarget): { target: AnnotationTarget; text: string | null; textVersion: number | null; annotations: Annotation[] } {
    const current = this.current(target);
    const rows = this.table.ofText(target.type, target.id, target.key);
    return { target, text: current?.text ?? null, textVersion: current ? current.version : null, annotations: readableAnnotations(rows) };
  }

  /**
   * Re-anchors every annotation on a record against its current text. An
   * annotation whose text hash is unchanged keeps its selectors; a placed one
   * gets new selectors and version; an orphan keeps its old selectors.
   */
  reanchorRecord(type: string, id: string): { placed: number; orphaned: number } {
    const rows = this.table.ofRecord(type, id);
    let placed = 0;
    let orphaned = 0;
    const at = this.now();
    this.table.transaction(() => {
      for (const row of rows) {
        const selectors = readSelectors(row.selector);
        if (!selectors) continue; // Not ours to rewrite: kept as it is.
        const current = this.current({ type: row.target_type, id: row.target_id, key: row.target_key });
        if (!current || current.text === null) {
          const anchoring: Anchoring = { status: 'orphaned', reason: 'target-deleted', oldQuote: selectors.quote.exact, changedPassage: '', at };
          this.table.reanchor({ ...row, orphaned: 1, anchoring: JSON.stringify(anchoring) });
          orphaned += 1;
          continue;
        }
        const text = current.text;
        const hash = textHash(text);
        if (hash === row.text_hash && row.orphaned === 0) {
          this.table.reanchor({ ...row, target_version: current.version });
          placed += 1;
          continue;
        }
        const anchor = reanchor(text, selectors.quote, selectors.position);
        const reviewed = passageOf(reviewedOf(row, selectors).selector.quote);
        if (anchor.status === 'placed') {
          const next = describeSpan(text, anchor.start, anchor.end);
          const anchoring: Anchoring = { status: 'placed', tier: anchor.tier, start: anchor.start, end: anchor.end };
          // Placed on other words, or among other words, than the member accepted: marked, never silently.
          const textChanged = passageOf(next.quote) === reviewed ? 0 : 1;
          this.table.reanchor({ ...row, selector: JSON.stringify(next), target_version: current.version, text_hash: hash, orphaned: 0, anchoring: JSON.stringify(anchoring), text_changed: textChanged });
          placed += 1;
        } else {
          const anchoring: Anchoring = { status: 'orphaned', reason: 'text-changed', oldQuote: selectors.quote.exact, changedPassage: changedPassage(text, selectors.position), at };
          this.table.reanchor({ ...row, orphaned: 1, anchoring: JSON.stringify(anchoring), text_changed: 1 });
          orphaned += 1;
        }
      }
    });
    return { placed, orphaned };
  }

  /**
   * Full-text search in the notes (the annotation_notes FTS5 index of the user
   * store): every word must match, the last one as a prefix; best first (bm25).
   */
  search(query: string, limit: number): Array<{ annotation: Annotation; snippet: Array<{ text: string; match: boolean }> }> {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    return this.table.searchNotes(words, limit).map(({ snippet, ...row }) => ({ annotation: toAnnotation(row), snippet: snippetParts(snippet) }));
  }

  /** Set by a corpus reset (a resync): the records that do not come back bring no delete, so the last page checks every target. */
  private resyncing = false;

  corpusReset(): void {
    this.resyncing = true;
  }

  /** Re-anchors every annotated record: after a resync, those whose record did not come back become orphans. */
  reanchorAll(): void {
    for (const target of this.table.targets()) this.reanchorRecord(target.target_type, target.target_id);
  }

  /** After a sync page: re-anchors the annotations of every record it changed or removed. */
  pageApplied(page: ChangesPage): void {
    if (this.resyncing && !page.hasMore) {
      this.resyncing = false;
      this.reanchorAll();
      return;
    }
    const seen = new Set<string>();
    for (const change of page.changes) {
      const key = `${change.type}/${change.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (this.table.hasAnyOn(change.type, change.id)) this.reanchorRecord(change.type, change.id);
    }
  }
}
