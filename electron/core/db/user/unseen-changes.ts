// The unseen_changes, unseen_sections and change_tracking tables of the user
// store: what syncs brought that the user has not opened yet (the change
// tracker in electron/core/changes/ is the only writer).
import type { ContentType } from '../../../../shared/content';
import type { SectionKey } from '../corpus/sheet-sections';
import { prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

export type UnseenChange = UserDatabase['unseen_changes']['change'];

/** The tracker's one state key: set while the corpus catches up from version 0 (a first sync or a resync). */
const CATCHING_UP = 'catching_up';

function prepare({ db, sqlite }: Store<UserDatabase>) {
  return {
    changeOf: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => db.selectFrom('unseen_changes').select('change').where('item_type', '=', key.type).where('item_id', '=', key.id)),
    // A change already noticed keeps its kind and time: an unseen new record that changes again is still new.
    notice: prepareQuery(sqlite, (row: { type: ContentType; id: string; change: UnseenChange; at: string }) =>
      db
        .insertInto('unseen_changes')
        .values({ item_type: row.type, item_id: row.id, change: row.change, noticed_at: row.at })
        .onConflict((conflict) => conflict.columns(['item_type', 'item_id']).doNothing()),
    ),
    forget: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => db.deleteFrom('unseen_changes').where('item_type', '=', key.type).where('item_id', '=', key.id)),
    forgetAll: prepareQuery(sqlite, () => db.deleteFrom('unseen_changes')),
    keys: prepareQuery(sqlite, () => db.selectFrom('unseen_changes').select(['item_type', 'item_id'])),
    counts: prepareQuery(sqlite, () => db.selectFrom('unseen_changes').select((eb) => ['change', eb.fn.countAll<number>().as('n')]).groupBy('change')),
    sectionsOf: prepareQuery(sqlite, (key: { sheetId: string }) => db.selectFrom('unseen_sections').select(['section', 'previous_body']).where('sheet_id', '=', key.sheetId)),
    allSections: prepareQuery(sqlite, () => db.selectFrom('unseen_sections').select(['sheet_id', 'section'])),
    // The first unseen change of a section keeps the text from before it: what the user last saw.
    noticeSection: prepareQuery(sqlite, (row: { sheetId: string; section: SectionKey; previousBody: string | null; at: string }) =>
      db
        .insertInto('unseen_sections')
        .values({ sheet_id: row.sheetId, section: row.section, previous_body: row.previousBody, noticed_at: row.at })
        .onConflict((conflict) => conflict.columns(['sheet_id', 'section']).doNothing()),
    ),
    forgetSections: prepareQuery(sqlite, (key: { sheetId: string }) => db.deleteFrom('unseen_sections').where('sheet_id', '=', key.sheetId)),
    forgetAllSections: prepareQuery(sqlite, () => db.deleteFrom('unseen_sections')),
    getState: prepareQuery(sqlite, (key: { key: string }) => db.selectFrom('change_tracking').select('value').where('key', '=', key.key)),
    setState: prepareQuery(sqlite, (row: { key: string; value: string }) =>
      db
        .insertInto('change_tracking')
        .values({ key: row.key, value: row.value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    ),
    clearState: prepareQuery(sqlite, (key: { key: string }) => db.deleteFrom('change_tracking').where('key', '=', key.key)),
  };
}

export class UnseenChangeTable {
  private readonly queries: ReturnType<typeof prepare>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.queries = prepare(store);
  }

  transaction<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn)();
  }

  changeOf(type: ContentType, id: string): UnseenChange | null {
    return this.queries.changeOf.get({ type, id })?.change ?? null;
  }

  /** Marks a record new or changed, unless it is marked already. */
  notice(type: ContentType, id: string, change: UnseenChange, at: string): void {
    this.queries.notice.run({ type, id, change, at });
  }

  /** Marks a section changed with the text the user last saw (null: the section is new), unless it is marked already. */
  noticeSection(sheetId: string, section: SectionKey, previousBody: string | null, at: string): void {
    this.queries.noticeSection.run({ sheetId, section, previousBody, at });
  }

  /** The record's marks (and a sheet's section marks) are gone; whether there was one. */
  forget(type: ContentType, id: string): boolean {
    const record = this.queries.forget.run({ type, id }).changes;
    const sections = type === 'country-sheet' ? this.queries.forgetSections.run({ sheetId: id }).changes : 0;
    return record + sections > 0;
  }

  /** Every mark gone; how many records had one. */
  forgetAll(): number {
    this.queries.forgetAllSections.run({});
    return this.queries.forgetAll.run({}).changes;
  }

  /**
   * Every marked record, read one row at a time: after a large sync there may be one mark per record
   * (170,000 objects, ~70 MB at once as a list). No write to this store may run while it is read.
   */
  *keys(): Generator<{ type: ContentType; id: string }> {
    for (const row of this.queries.keys.iterate({})) yield { type: row.item_type, id: row.item_id };
  }

  counts(): Record<UnseenChange, number> {
    const counts: Record<UnseenChange, number> = { new: 0, changed: 0 };
    for (const row of this.queries.counts.all({})) counts[row.change] = row.n;
    return counts;
  }

  /** The unseen sections of one sheet, with the text the user last saw. */
  sectionsOf(sheetId: string): Map<SectionKey, string | null> {
    return new Map(this.queries.sectionsOf.all({ sheetId }).map((row) => [row.section, row.previous_body]));
  }

  /** The unseen sections of every sheet. */
  allSections(): Map<string, SectionKey[]> {
    const bySheet = new Map<string, SectionKey[]>();
    for (const row of this.queries.allSections.all({})) bySheet.set(row.sheet_id, [...(bySheet.get(row.sheet_id) ?? []), row.section]);
    return bySheet;
  }

  catchingUp(): boolean {
    return this.queries.getState.get({ key: CATCHING_UP }) !== undefined;
  }

  setCatchingUp(catchingUp: boolean): void {
    if (catchingUp) this.queries.setState.run({ key: CATCHING_UP, value: '1' });
    else this.queries.clearState.run({ key: CATCHING_UP });
  }
}
