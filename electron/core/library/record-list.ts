// records.list and records.facets: windows of a filtered, sorted list for a
// virtualized view, and the facet counts of its filters (their SQL, on the
// covering indexes, is in db/corpus/record-filters.ts).
import type { ContentType } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';
import type { RecordFacetsResult, RecordFilters, RecordListRequest, RecordListResult } from '../../../shared/library';
import { filterClause, type FacetName, type Where } from '../db/corpus/record-filters';
import type { CorpusRecords } from '../db/corpus/records';
import type { UnseenLookup } from '../changes/unseen-changes';
import { splitListColumn, toListItem } from './record-rows';

/** A few recent results keyed by their arguments, dropped whenever the corpus changes. */
class GenerationCache<T> {
  private generation = -1;
  private readonly entries = new Map<string, T>();
  constructor(
    private readonly currentGeneration: () => number,
    private readonly size: number,
  ) {}

  get(key: string, compute: () => T): T {
    if (this.generation !== this.currentGeneration()) {
      this.entries.clear();
      this.generation = this.currentGeneration();
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

// Each facet is counted under every filter but its own; countries and themes come grouped by whole lists.
const FACETS: Record<FacetName, { without: Partial<RecordFilters>; lists?: boolean }> = {
  kind: { without: { kinds: [] } },
  language: { without: { languages: [] } },
  year: { without: { yearFrom: undefined, yearTo: undefined } },
  country: { without: { countries: [] }, lists: true },
  theme: { without: { themes: [] }, lists: true },
};

export class RecordList {
  private readonly totals: GenerationCache<number>;
  private readonly facetCache: GenerationCache<RecordFacetsResult>;

  constructor(
    private readonly records: CorpusRecords,
    /** Bumped by the corpus writer on every change (CorpusWriter.generation). */
    generation: () => number,
    /** What the user has not seen yet of each record. */
    private readonly unseen: Pick<UnseenLookup, 'changeOf'>,
  ) {
    // The virtualized list asks for many windows of one filter set: count it once.
    this.totals = new GenerationCache(generation, 50);
    this.facetCache = new GenerationCache(generation, 20);
  }

  list(request: RecordListRequest): RecordListResult {
    const where = filterClause(request);
    const total = this.count(where);
    if (request.offset >= total) return { total, items: [] };
    const rowids = this.records.windowRowids(where, request.sort, request.limit, request.offset);
    const items = rowids.flatMap((rowid) => {
      const row = this.records.listRow(rowid);
      return row ? [toListItem(row, this.unseen)] : [];
    });
    return { total, items };
  }

  /**
   * Every record of a list in its sort order: what "add all" puts in a
   * collection. More than `max` is refused rather than cut, since a cut list
   * would look complete.
   */
  keys(filters: RecordFilters, sort: RecordListRequest['sort'], max: number): Array<{ type: ContentType; id: string }> {
    const where = filterClause(filters);
    const total = this.count(where);
    if (total > max) throw new ContractError('invalid_arguments', `The list has ${total} records; at most ${max} can be added at once`);
    return this.records.keysOf(this.records.windowRowids(where, sort, Math.max(total, 1), 0));
  }

  /**
   * Counts per facet value. Each facet is counted under every filter but its
   * own, so choosing "report" still shows how many studies there are.
   */
  facets(filters: RecordFilters): RecordFacetsResult {
    return this.facetCache.get(JSON.stringify(filters), () => this.countFacets(filters));
  }

  private countFacets(filters: RecordFilters): RecordFacetsResult {
    const counted = (facet: FacetName) => {
      const { without, lists } = FACETS[facet];
      const counts = new Map<string, number>();
      for (const { value, n } of this.records.facetGroups(filterClause({ ...filters, ...without }), facet)) {
        for (const single of lists ? splitListColumn(value) : [value]) if (single) counts.set(single, (counts.get(single) ?? 0) + n);
      }
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => (facet === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    };
    return { total: this.count(filterClause(filters)), kind: counted('kind'), language: counted('language'), year: counted('year'), country: counted('country'), theme: counted('theme') };
  }

  private count(where: Where): number {
    return this.totals.get(JSON.stringify([where.sql, where.params]), () => this.records.countWhere(where));
  }
}
