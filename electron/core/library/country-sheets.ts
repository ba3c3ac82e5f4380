// Country sheets by their six sections, with what the user has not seen yet:
// the sheet new or changed, and each section changed since the user last
// opened the sheet with the text the user saw then (the change tracker).
import { ContractError, type MethodResult } from '../../../shared/contract';
import { COUNTRY_SHEET_SECTIONS } from '../../../shared/content';
import type { CountrySheetView } from '../../../shared/library';
import type { CorpusData } from '../db/corpus';
import type { SectionKey } from '../db/corpus/sheet-sections';
import type { UnseenLookup } from '../changes/unseen-changes';

const sectionOrder = (key: SectionKey) => COUNTRY_SHEET_SECTIONS.indexOf(key);

export class CountrySheets {
  constructor(
    private readonly corpus: Pick<CorpusData, 'records'>,
    private readonly unseen: Pick<UnseenLookup, 'changeOf' | 'sectionsOf' | 'allSections'>,
  ) {}

  /** Every country with a sheet, by country code. */
  list(): MethodResult<'countrySheets.list'> {
    const changed = this.unseen.allSections();
    const seen = new Set<string>();
    return this.corpus.records.countrySheets().flatMap((sheet) => {
      if (seen.has(sheet.country)) return [];
      seen.add(sheet.country);
      const sections = [...(changed.get(sheet.id) ?? [])].sort((a, b) => sectionOrder(a) - sectionOrder(b));
      return [{ id: sheet.id, country: sheet.country, title: sheet.title, language: sheet.language, updatedAt: sheet.updatedAt, unseenChange: this.unseen.changeOf('country-sheet', sheet.id), changedSections: sections }];
    });
  }

  get(country: string): CountrySheetView {
    const sheet = this.corpus.records.countrySheetOf(country);
    if (!sheet) throw new ContractError('not_found', `No country sheet for ${country} in the local library`);
    const unseenSections = this.unseen.sectionsOf(sheet.id);
    const sections = [...sheet.sections].sort((a, b) => sectionOrder(a.key) - sectionOrder(b.key));
    return {
      id: sheet.id,
      country: sheet.country,
      title: sheet.title,
      language: sheet.language,
      version: sheet.version,
      updatedAt: sheet.updatedAt,
      unseenChange: this.unseen.changeOf('country-sheet', sheet.id),
      sections: sections.map((section) => {
        const previousBody = unseenSections.get(section.key);
        return {
          key: section.key,
          title: section.title,
          body: section.body,
          updatedAt: section.updatedAt,
          programmeKind: section.programmeKind ?? null,
          unseenChange: previousBody === undefined ? null : previousBody === null ? 'new' : 'changed',
          previousBody: previousBody ?? null,
        };
      }),
    };
  }
}
