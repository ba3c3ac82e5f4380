// Country sheets by their six sections, with the sections the last sync changed
// (tracked by the corpus writer in country_sheet_sections).
import { ContractError, type MethodResult } from '../../../shared/contract';
import { COUNTRY_SHEET_SECTIONS } from '../../../shared/content';
import type { CountrySheetView } from '../../../shared/library';
import type { CorpusData } from '../db/corpus';
import type { SectionKey } from '../db/corpus/sheet-sections';

const sectionOrder = (key: SectionKey) => COUNTRY_SHEET_SECTIONS.indexOf(key);

export class CountrySheets {
  constructor(
    private readonly corpus: Pick<CorpusData, 'records' | 'sheetSections'>,
    /** The version above which records changed in the last sync; null when none did. */
    private readonly changedSince: () => number | null,
  ) {}

  /** Every country with a sheet, by country code. */
  list(): MethodResult<'countrySheets.list'> {
    const since = this.changedSince();
    const changed = new Map<string, SectionKey[]>();
    if (since !== null) for (const { sheetId, section } of this.corpus.sheetSections.changedAfter(since)) changed.set(sheetId, [...(changed.get(sheetId) ?? []), section]);
    const seen = new Set<string>();
    return this.corpus.records.countrySheets().flatMap((sheet) => {
      if (seen.has(sheet.country)) return [];
      seen.add(sheet.country);
      const sections = (changed.get(sheet.id) ?? []).sort((a, b) => sectionOrder(a) - sectionOrder(b));
      return [{ id: sheet.id, country: sheet.country, title: sheet.title, language: sheet.language, updatedAt: sheet.updatedAt, changedSections: sections }];
    });
  }

  get(country: string): CountrySheetView {
    const sheet = this.corpus.records.countrySheetOf(country);
    if (!sheet) throw new ContractError('not_found', `No country sheet for ${country} in the local library`);
    const since = this.changedSince();
    const tracked = new Map(this.corpus.sheetSections.ofSheet(sheet.id).map((section) => [section.section, section]));
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
        const changed = since !== null && change !== undefined && change.changedVersion > since;
        return {
          key: section.key,
          title: section.title,
          body: section.body,
          updatedAt: section.updatedAt,
          programmeKind: section.programmeKind ?? null,
          changedInLastSync: changed,
          previousBody: changed ? change.previousBody : null,
        };
      }),
    };
  }
}
