import type Database from 'better-sqlite3';
import type { ContentType } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import { recordFacets } from '../../../shared/record-facets';
import type { Suggestion } from '../../../shared/search';
import { SuggestionIndex, type SuggestSource } from './suggest/suggestion-index';

/** The organisation a record names, for organisation suggestions. */
function organisationOf(type: string, record: Record<string, unknown>): string | undefined {
  if (type === 'good-practice') return (record.organisation as { name?: string } | undefined)?.name;
  if (type === 'partner-request') return record.organisation as string | undefined;
  if (type === 'document') return (record.publisher as string | undefined) || undefined;
  return undefined;
}

export function suggestSource(type: ContentType, record: Record<string, unknown>): SuggestSource {
  const facets = recordFacets(type, record);
  return { type, id: String(record.id), title: facets.title, language: facets.language, countries: facets.countries, themes: facets.themes, organisation: organisationOf(type, record) };
}

/** The suggestion index: built on first use, then kept in step page by page (never rebuilt on an incremental sync). */
export class Suggestions {
  private index: SuggestionIndex | undefined;

  constructor(private readonly corpus: Database.Database) {}

  private built(): SuggestionIndex {
    if (!this.index) {
      // Streamed row by row: loading every record's JSON at once would cost hundreds of megabytes.
      const rows = this.corpus.prepare('SELECT type, data FROM records').iterate() as IterableIterator<{ type: ContentType; data: string }>;
      this.index = SuggestionIndex.build(
        (function* () {
          for (const row of rows) yield suggestSource(row.type, JSON.parse(row.data) as Record<string, unknown>);
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
      if (change.op === 'upsert') this.index.upsert(suggestSource(change.type, change.record));
      else this.index.remove(change.type, change.id);
    }
  }

  /** The corpus was dropped for a resync: start over on next use. */
  reset(): void {
    this.index = undefined;
  }
}
