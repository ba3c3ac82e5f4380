// The country_sheet_sections table: for each section of a country sheet whose
// text changed, the version it changed at and its text before (the corpus
// writer tracks them, the country-sheets screen shows them).
import type { COUNTRY_SHEET_SECTIONS } from '../../../../shared/content';
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';

export type SectionKey = (typeof COUNTRY_SHEET_SECTIONS)[number];

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  const sections = () => db.selectFrom('country_sheet_sections');
  return {
    changedVersion: prepareQuery(sqlite, (key: { sheetId: string; section: SectionKey }) =>
      sections().select('changed_version').where('sheet_id', '=', key.sheetId).where('section', '=', key.section),
    ),
    markChanged: prepareQuery(sqlite, (change: { sheetId: string; section: SectionKey; version: number; previousTitle: string | null; previousBody: string | null }) =>
      db
        .insertInto('country_sheet_sections')
        .values({ sheet_id: change.sheetId, section: change.section, changed_version: change.version, previous_title: change.previousTitle, previous_body: change.previousBody })
        .onConflict((conflict) =>
          conflict.columns(['sheet_id', 'section']).doUpdateSet((eb) => ({
            changed_version: eb.ref('excluded.changed_version'),
            previous_title: eb.ref('excluded.previous_title'),
            previous_body: eb.ref('excluded.previous_body'),
          })),
        ),
    ),
    touch: prepareQuery(sqlite, (change: { sheetId: string; section: SectionKey; version: number }) =>
      db.updateTable('country_sheet_sections').set({ changed_version: change.version }).where('sheet_id', '=', change.sheetId).where('section', '=', change.section),
    ),
    forget: prepareQuery(sqlite, (key: { sheetId: string }) => db.deleteFrom('country_sheet_sections').where('sheet_id', '=', key.sheetId)),
    clear: prepareQuery(sqlite, () => db.deleteFrom('country_sheet_sections')),
    changedAfter: prepareQuery(sqlite, (args: { since: number }) => sections().select(['sheet_id', 'section']).where('changed_version', '>', args.since)),
    ofSheet: prepareQuery(sqlite, (key: { sheetId: string }) => sections().select(['section', 'changed_version', 'previous_body']).where('sheet_id', '=', key.sheetId)),
  };
}

export class SheetSections {
  private readonly queries: ReturnType<typeof prepare>;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
  }

  /** The version a section was last tracked as changed at, if it ever was. */
  changedVersion(sheetId: string, section: SectionKey): number | undefined {
    return this.queries.changedVersion.get({ sheetId, section })?.changed_version;
  }

  /** A section changed at `version`; its text before was `previous` (none for a new section). */
  markChanged(sheetId: string, section: SectionKey, version: number, previous: { title: string; body: string } | undefined): void {
    this.queries.markChanged.run({ sheetId, section, version, previousTitle: previous?.title ?? null, previousBody: previous?.body ?? null });
  }

  /** A section changed again within the same window: a newer version, the text from before the window kept. */
  touch(sheetId: string, section: SectionKey, version: number): void {
    this.queries.touch.run({ sheetId, section, version });
  }

  /** The sheet was removed. */
  forget(sheetId: string): void {
    this.queries.forget.run({ sheetId });
  }

  clear(): void {
    this.queries.clear.run({});
  }

  /** Sections changed above `since`, by sheet. */
  changedAfter(since: number): Array<{ sheetId: string; section: SectionKey }> {
    return this.queries.changedAfter.all({ since }).map((row) => ({ sheetId: row.sheet_id, section: row.section }));
  }

  /** The tracked sections of one sheet. */
  ofSheet(sheetId: string): Array<{ section: SectionKey; changedVersion: number; previousBody: string | null }> {
    return this.queries.ofSheet.all({ sheetId }).map((row) => ({ section: row.section, changedVersion: row.changed_version, previousBody: row.previous_body }));
  }
}
