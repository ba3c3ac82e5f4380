// The annotations table of the user store and its full-text index of notes
// (annotation_notes, FTS5, kept in step by triggers): every statement the
// annotation service runs.
import { sql } from 'kysely';
import type { AnnotatableType, AnnotationColor } from '../../../../shared/annotations';
import { allRows, prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

/** A row of the annotations table, its target type and colour typed (only the annotation service writes them). */
export type AnnotationRow = Omit<UserDatabase['annotations'], 'target_type' | 'color'> & { target_type: AnnotatableType; color: AnnotationColor };

type Typed = { target_type: AnnotatableType; color: AnnotationColor };

export interface AnnotationRowFilter {
  color?: AnnotationColor;
  /** A tag among the row's JSON array of tags. */
  tag?: string;
  target?: { type: string; id: string };
  orphaned?: boolean;
  /** On text changed since the note was reviewed. */
  textChanged?: boolean;
}

/** What re-anchoring rewrites of a row. */
export type AnchorColumns = Pick<AnnotationRow, 'id' | 'selector' | 'target_version' | 'text_hash' | 'orphaned' | 'anchoring' | 'reviewed' | 'text_changed'>;

function prepareAnnotations({ db, sqlite }: Store<UserDatabase>) {
  const rows = () => db.selectFrom('annotations').selectAll().$narrowType<Typed>();
  return {
    insert: prepareQuery(sqlite, (args: AnnotationRow) =>
      db.insertInto('annotations').values({ id: args.id, ...columnsButId(args) }),
    ),
    byId: prepareQuery(sqlite, (args: { id: string }) => rows().where('id', '=', args.id)),
    // Member sync writes an annotation as another device left it: every column.
    replace: prepareQuery(sqlite, (args: AnnotationRow) =>
      db
        .updateTable('annotations')
        .set(columnsButId(args))
        .where('id', '=', args.id),
    ),
    updateNote: prepareQuery(sqlite, (args: Pick<AnnotationRow, 'id' | 'note' | 'color' | 'tags' | 'updated_at'>) =>
      db.updateTable('annotations').set({ note: args.note, color: args.color, tags: args.tags, updated_at: args.updated_at }).where('id', '=', args.id),
    ),
    reattach: prepareQuery(sqlite, (args: AnchorColumns & Pick<AnnotationRow, 'updated_at'>) =>
      db
        .updateTable('annotations')
        .set({ selector: args.selector, target_version: args.target_version, text_hash: args.text_hash, orphaned: args.orphaned, anchoring: args.anchoring, reviewed: args.reviewed, text_changed: args.text_changed, updated_at: args.updated_at })
        .where('id', '=', args.id),
    ),
    // Re-anchoring after a sync is not an edit by the member: updated_at stays.
    reanchor: prepareQuery(sqlite, (args: AnchorColumns) =>
      db
        .updateTable('annotations')
        .set({ selector: args.selector, target_version: args.target_version, text_hash: args.text_hash, orphaned: args.orphaned, anchoring: args.anchoring, reviewed: args.reviewed, text_changed: args.text_changed })
        .where('id', '=', args.id),
    ),
    delete: prepareQuery(sqlite, (args: { id: string }) => db.deleteFrom('annotations').where('id', '=', args.id)),
    facetRows: prepareQuery(sqlite, () =>
      db.selectFrom('annotations').select(['target_type', 'target_id', 'target_key', 'color', 'tags', 'orphaned', 'text_changed']).$narrowType<Typed>(),
    ),
    ofText: prepareQuery(sqlite, (args: { type: string; id: string; key: string | null }) =>
      rows().where('target_type', '=', args.type).where('target_id', '=', args.id).where('target_key', 'is', args.key).orderBy('created_at').orderBy('id'),
    ),
    ofRecord: prepareQuery(sqlite, (args: { type: string; id: string }) => rows().where('target_type', '=', args.type).where('target_id', '=', args.id)),
    anyOnRecord: prepareQuery(sqlite, (args: { type: string; id: string }) =>
      db
        .selectFrom('annotations')
        .select((eb) => eb.lit(1).as('one'))
        .where('target_type', '=', args.type)
        .where('target_id', '=', args.id)
        .limit(1),
    ),
    targets: prepareQuery(sqlite, () => db.selectFrom('annotations').select(['target_type', 'target_id']).distinct()),
    searchNotes: prepareQuery(
      sqlite,
      (args: { match: string; limit: number }) =>
        sql<AnnotationRow & { snippet: string }>`SELECT a.*, snippet(annotation_notes, 0, char(57344), char(57345), '…', 16) AS snippet FROM annotation_notes
         JOIN annotations a ON a.rowid = annotation_notes.rowid WHERE annotation_notes MATCH ${args.match} ORDER BY bm25(annotation_notes) LIMIT ${args.limit}`.compile(db),
    ),
  };
}

export class AnnotationTable {
  private readonly queries: ReturnType<typeof prepareAnnotations>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.queries = prepareAnnotations(store);
  }

  transaction<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn)();
  }

  insert(row: AnnotationRow): void {
    this.queries.insert.run(row);
  }

  /** Inserts the row, or replaces every column of the row with its id (member sync). */
  upsert(row: AnnotationRow): void {
    if (this.queries.replace.run(row).changes === 0) this.queries.insert.run(row);
  }

  get(id: string): AnnotationRow | undefined {
    return this.queries.byId.get({ id });
  }

  /** Writes what the member edits: note, colour and tags. */
  updateNote(row: Pick<AnnotationRow, 'id' | 'note' | 'color' | 'tags' | 'updated_at'>): void {
    this.queries.updateNote.run(row);
  }

  /** Places the annotation anew by the member's hand (updated_at changes). */
  reattach(row: AnchorColumns & Pick<AnnotationRow, 'updated_at'>): void {
    this.queries.reattach.run(row);
  }

  /** Writes the outcome of re-anchoring after a sync (updated_at stays). */
  reanchor(row: AnchorColumns): void {
    this.queries.reanchor.run(row);
  }

  delete(id: string): boolean {
    return this.queries.delete.run({ id }).changes > 0;
  }

  /** The rows matching every filter given, newest first. */
  list(filter: AnnotationRowFilter): AnnotationRow[] {
    let query = this.store.db.selectFrom('annotations').selectAll().$narrowType<Typed>().orderBy('created_at', 'desc').orderBy('id');
    if (filter.color) query = query.where('color', '=', filter.color);
    if (filter.tag) query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(annotations.tags) WHERE value = ${filter.tag})`);
    if (filter.target) query = query.where('target_type', '=', filter.target.type).where('target_id', '=', filter.target.id);
    if (filter.orphaned !== undefined) query = query.where('orphaned', '=', filter.orphaned ? 1 : 0);
    if (filter.textChanged !== undefined) query = query.where('text_changed', '=', filter.textChanged ? 1 : 0);
    return allRows(this.store.sqlite, query);
  }

  /** What the facets count, of every row. */
  facetRows(): Array<Pick<AnnotationRow, 'target_type' | 'target_id' | 'target_key' | 'color' | 'tags' | 'orphaned' | 'text_changed'>> {
    return this.queries.facetRows.all({});
  }

  /** The annotations on one text of a record (a section or field, or the body when key is null), oldest first. */
  ofText(type: string, id: string, key: string | null): AnnotationRow[] {
    return this.queries.ofText.all({ type, id, key });
  }

  ofRecord(type: string, id: string): AnnotationRow[] {
    return this.queries.ofRecord.all({ type, id });
  }

  hasAnyOn(type: string, id: string): boolean {
    return this.queries.anyOnRecord.get({ type, id }) !== undefined;
  }

  /** Every annotated record, once. */
  targets(): Array<{ target_type: string; target_id: string }> {
    return this.queries.targets.all({});
  }

  /**
   * Full-text search in the notes: every word must match, the last one as a
   * prefix; best first (bm25). The snippet marks each match with U+E000…U+E001.
   */
  searchNotes(words: string[], limit: number): Array<AnnotationRow & { snippet: string }> {
    if (words.length === 0) return [];
    const match = words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
    return this.queries.searchNotes.all({ match, limit });
  }
}
/** An annotation row's columns but its id, read one by one (prepareQuery's placeholders are a proxy: not spread). */
function columnsButId(args: AnnotationRow) {
  return {
    target_type: args.target_type,
    target_id: args.target_id,
    target_key: args.target_key,
    target_version: args.target_version,
    text_hash: args.text_hash,
    selector: args.selector,
    note: args.note,
    color: args.color,
    tags: args.tags,
    orphaned: args.orphaned,
    anchoring: args.anchoring,
    made_on: args.made_on,
    reviewed: args.reviewed,
    text_changed: args.text_changed,
    created_at: args.created_at,
    updated_at: args.updated_at,
  };
}

