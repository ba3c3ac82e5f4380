import type { TypedRecord } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import { recordFacets } from '../../../shared/record-facets';
import type { Suggestion } from '../../../shared/search';
import type { CorpusRecords } from '../db/corpus/records';
import { SuggestionIndex, type SuggestSource } from './suggest/suggestion-index';

/** The organisation a record names, for organisation suggestions. */
function organisationOf({ type, record }: TypedRecord): string | undefined {
  if (type === 'good-practice') return record.organisation?.name;
  if (type === 'partner-request') return record.organisation;
  if (type === 'document') return record.publisher || undefined;
  return undefined;
}

export function suggestSource(typed: TypedRecord): SuggestSource {
  const { type, record } = typed;
  const facets = recordFacets(type, record);
  return { type, id: record.id, title: facets.title, language: facets.language, countries: facets.countries, themes: facets.themes, organisation: organisationOf(typed) };
}

/** The suggestion index: built on first use, then kept in step page by page (never rebuilt on an incremental sync). */
export class Suggestions {
  private index: SuggestionIndex | undefined;

  constructor(private readonly records: CorpusRecords) {}

  private built(): SuggestionIndex {
    if (!this.index) {
      const records = this.records;
      this.index = SuggestionIndex.build(
        (function* () {
          for (const typed of records.each()) yield suggestSource(typed);
        })(),
      );
    }
    return this.index;
  }

  suggest(query: string, limit: number): Suggestion[] {
    return this.built().suggest(query, { limit });
  }

  /** Called after each applied page. */
  apply(page: ChangesPage): void {
    if (!this.index) return;
    for (const change of page.changes) {
      if (change.op === 'upsert') this.index.upsert(suggestSource(change));
      else this.index.remove(change.type, change.id);
    }
  }

  /** The corpus was dropped for a resync: start over on next use. */
  reset(): void {
    this.index = undefined;
  }
}
