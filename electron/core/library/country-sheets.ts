// Country sheets by their six sections, with the sections the last sync changed
// (tracked by the corpus writer in country_sheet_sections).
import type Database from 'better-sqlite3';
import { ContractError } from '../../../shared/contract';
import { COUNTRY_SHEET_SECTIONS, type ContentRecord } from '../../../shared/content';
import type { CountrySheetView } from '../../../shared/library';

type Sheet = ContentRecord<'country-sheet'>;
type SectionKey = (typeof COUNTRY_SHEET_SECTIONS)[number];

export interface CountrySheetSummary {
  id: string;
  country: string;
  title: string;
  language: string;
  updatedAt: string;
  changedSections: SectionKey[];
}

const sectionOrder = (key: SectionKey) => COUNTRY_SHEET_SECTIONS.indexOf(key);

export class CountrySheets {
  private readonly all: Database.Statement<[], { data: string }>;
  // Kind is the sheet's country (shared/record-facets.ts); the newest sheet wins should a country have two.
  private readonly byCountry: Database.Statement<[string], { data: string }>;
  private readonly changedSections: Database.Statement<[number], { sheet_id: string; section: SectionKey }>;
  private readonly sectionsOf: Database.Statement<[string], { section: SectionKey; changed_version: number; previous_body: string | null }>;

  constructor(
    sqlite: Database.Database,
    /** The version above which records changed in the last sync; null when none did. */
    private readonly changedSince: () => number | null,
  ) {
    this.all = sqlite.prepare("SELECT data FROM records WHERE type = 'country-sheet' ORDER BY kind, version DESC");
    this.byCountry = sqlite.prepare("SELECT data FROM records WHERE type = 'country-sheet' AND kind = ? ORDER BY version DESC LIMIT 1");
    this.changedSections = sqlite.prepare('SELECT sheet_id, section FROM country_sheet_sections WHERE changed_version > ?');
    this.sectionsOf = sqlite.prepare('SELECT section, changed_version, previous_body FROM country_sheet_sections WHERE sheet_id = ?');
  }

  /** Every country with a sheet, by country code. */
  list(): CountrySheetSummary[] {
    const since = this.changedSince();
    const changed = new Map<string, SectionKey[]>();
    if (since !== null) for (const row of this.changedSections.all(since)) changed.set(row.sheet_id, [...(changed.get(row.sheet_id) ?? []), row.section]);
    const seen = new Set<string>();
    return this.all.all().flatMap(({ data }) => {
      const sheet = JSON.parse(data) as Sheet;
      if (seen.has(sheet.country)) return [];
      seen.add(sheet.country);
      const sections = (changed.get(sheet.id) ?? []).sort((a, b) => sectionOrder(a) - sectionOrder(b));
      return [{ id: sheet.id, country: sheet.country, title: sheet.title, language: sheet.language, updatedAt: sheet.updatedAt, changedSections: sections }];
    });
  }

  get(country: string): CountrySheetView {
    const row = this.byCountry.get(country);
    if (!row) throw new ContractError('not_found', `No country sheet for ${country} in the local library`);
    const sheet = JSON.parse(row.data) as Sheet;
    const since = this.changedSince();
    const tracked = new Map(this.sectionsOf.all(sheet.id).map((section) => [section.section, section]));
    const sections = [...sheet.sections].sort((a, b) => sectionOrder(a.key) - sectionOrder(b.key));
    return {
      id: sheet.id,
      country: sheet.country,
      title: sheet.title,
      language: sheet.language,
      version: sheet.version,
      updatedAt: sheet.updatedAt,
      sections: sections.map((section) => {
        const change = tracked.get(section.key);
        const changed = since !== null && change !== undefined && change.changed_version > since;
        return {
          key: section.key,
          title: section.title,
          body: section.body,
          updatedAt: section.updatedAt,
          programmeKind: section.programmeKind ?? null,
          changedInLastSync: changed,
          previousBody: changed ? (change.previous_body ?? null) : null,
        };
      }),
    };
  }
}
