// Full-text search over the synced corpus: the matches and their BM25 scores
// come from in-memory postings of frequent terms (bm25.ts; FTS5 itself until
// they are ready), an in-memory facet table filters and counts them, and
// snippets are made for the page of results alone (a plain `ORDER BY rank`
// with snippet() computes a snippet for every match).
import type { ContentType } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';
import type { SearchHit, SearchRequest, SearchResultPayload } from '../../../shared/search';
import type { SearchQueries } from '../db/corpus/search-queries';
import type { AttachmentHits, AttachmentSelection } from './attachment-hits';
import { QueryExpansions } from './query-expansions';
import { rankedFromFts, snippetParts, type Tier } from './tiers';
import { Bm25Evaluator, type RankedMatches } from './bm25';
import { matchExpression, parseQuery, withoutFilter, type QueryClauses, type SearchFilters } from './query';
export { snippetParts } from './tiers';
import type { StemmedQuery } from './stemming';
import { vocabularyKey } from '../../../shared/search-vocabulary';
import { TermPostings } from './term-postings';
import { conceptPositions, countFacets, FacetTable, filterPredicate, positionsOf, topByScore, topPositions } from './facet-table';

/**
 * How close two BM25 scores must be (as a ratio) for authority to order them:
 * tuned on the judged queries (mean nDCG@10 0.527 at 5 %, 0.520 at 10 %, 0.523
 * at 25 %, where policy-en and country already lose).
 */
const AUTHORITY_BAND = 0.05;

type HitRecord = ReturnType<SearchQueries['hitRecords']>[number];

/** Every position a selection holds: the text matches, then the tiers. */
const everything = (selection: Selection): number[] => (selection.tiers.length ? selection.positions.concat(...selection.tiers.map((tier) => tier.positions)) : selection.positions);

/** The records a query selects: text matches (ranked by BM25) and, after them, the records its concepts stand for. */
interface Selection {
  match: string;
  ranked: RankedMatches | undefined;
  table: FacetTable;
  positions: number[];
  filtered: boolean;
  /** What the words as typed did not find, in the order it follows them: stem variants, then concepts. */
  tiers: Tier[];
  /** The clauses whose words snippets mark (the stem variants included). */
  snippetClauses: QueryClauses;
  /** The query's own clauses. */
  clauses: QueryClauses;
  /** What the records' PDFs add: the records and pages their text matches, and the full-text filters. */
  inAttachments: AttachmentSelection | undefined;
}

export interface SearchEngineOptions {
  /** Read frequent terms' postings in the background whenever the corpus settles (the app does; one-shot CLI runs need not). */
  backgroundPostings?: boolean;
  /** Terms in at least this many rows keep their postings in memory. */
  frequentTermMinRows?: number;
  /** Quiet time after the last corpus change before a background read starts. */
  settleMs?: number;
}

export class SearchEngine {
  private facets: FacetTable | undefined;
  private facetsGeneration = -1;
  /** Postings for BM25 outside FTS5: what makes broad queries fast. */
  readonly termPostings: TermPostings;
  private readonly bm25: Bm25Evaluator;
  private buildTimer: NodeJS.Timeout | undefined;
  private building: Promise<boolean> | undefined;
  private closed = false;
  private readonly expansions: QueryExpansions;
  private facetRebuild: NodeJS.Immediate | undefined;

  constructor(
    private readonly queries: SearchQueries,
    /** Changes whenever the corpus does (the writer's page counter). */
    private readonly generation: () => number,
    private readonly options: SearchEngineOptions = {},
    /** The text of the records' PDFs, searched with their own (none: the records' own text only). */
    private readonly attachments?: AttachmentHits,
  ) {
    this.termPostings = new TermPostings(queries, { frequentTermMinRows: options.frequentTermMinRows });
    this.bm25 = new Bm25Evaluator(queries, this.termPostings);
    this.expansions = new QueryExpansions(queries, this.termPostings, generation);
    if (options.backgroundPostings) this.scheduleBuild();
  }

  /** Reads the frequent terms' postings now (the background build does the same when the corpus settles). */
  buildTermPostings(): Promise<boolean> {
    if (!this.building) {
      this.building = this.termPostings.build().finally(() => {
        this.building = undefined;
      });
    }
    return this.building;
  }

  /** Told by the corpus writer after each applied page. */
  corpusChanged(changedRowids: number[]): void {
    this.termPostings.markChanged(changedRowids);
    // The facet table and the attachments' page table take the page in now, so no search rebuilds them.
    this.updateFacets(changedRowids);
    this.attachments?.recordsChanged(changedRowids);
    // A small sync is caught up here, page by page as the writer applies it, so the
    // next search does not pay for it; a large one is read again in the background.
    if (this.termPostings.ready && !this.needsRebuild()) {
      try {
        this.termPostings.catchUp();
      } catch (error) {
        // The next search catches up (or FTS5 answers); a page applied must not fail for the postings.
        console.error(`Search: catching up term postings failed: ${(error as Error).message}`);
      }
    }
    if (this.options.backgroundPostings) this.scheduleBuild();
    this.scheduleFacetRebuild();
  }

  /** A facet table in step until this page takes in its changed rows (else the next search builds one). */
  private updateFacets(changedRowids: readonly number[]): void {
    const generation = this.generation();
    if (!this.facets || this.facetsGeneration !== generation - 1) return;
    try {
      this.facets.update(changedRowids, this.queries.facetRowsOf(changedRowids));
      this.facetsGeneration = generation;
    } catch (error) {
      // A page applied must not fail for the facet table: the next search builds it again.
      this.facets = undefined;
      console.error(`Search: updating the facet table failed: ${(error as Error).message}`);
    }
  }

  /** Whether the facet table is in step with the corpus (a search then has nothing to rebuild). */
  get facetsCurrent(): boolean {
    return this.facets !== undefined && this.facetsGeneration === this.generation();
  }

  /**
   * Rebuilds a facet table the corpus has outdated once the sync's pages are
   * applied (the next turn of the event loop), so the first search after a
   * sync, which arrives as a message of its own, does not pay for it.
   */
  private scheduleFacetRebuild(): void {
    if (this.facetRebuild || !this.facets) return;
    this.facetRebuild = setImmediate(() => {
      this.facetRebuild = undefined;
      if (this.closed || this.facetsCurrent) return;
      try {
        this.facetTable();
      } catch (error) {
        // The next search builds it (and reports what fails).
        console.error(`Search: rebuilding the facet table failed: ${(error as Error).message}`);
      }
    });
    this.facetRebuild.unref();
  }

  /** Told by the corpus writer when the corpus was dropped or its index rebuilt. */
  corpusReset(): void {
    this.termPostings.reset();
    if (this.options.backgroundPostings) this.scheduleBuild();
  }

  /** Stops background work (the store is closing). */
  close(): void {
    this.closed = true;
    if (this.facetRebuild) clearImmediate(this.facetRebuild);
    clearTimeout(this.buildTimer);
    this.termPostings.reset();
  }

  private needsRebuild(): boolean {
    return this.termPostings.pendingChanges > Math.max(2000, this.termPostings.totals().rows * 0.05);
  }

  /** After the corpus has been quiet for a while: read the postings, or catch them up after a small sync. */
  private scheduleBuild(): void {
    clearTimeout(this.buildTimer);
    this.buildTimer = setTimeout(() => {
      if (this.closed) return;
      if (this.building) return this.scheduleBuild(); // Changes came during a build: look again once it is done.
      if (this.termPostings.ready && !this.needsRebuild()) {
        // A small sync: catch up now, so the next search does not have to.
        try {
          this.termPostings.catchUp();
        } catch (error) {
          // The next search catches up (or FTS5 answers); a timer must not take the core down.
          if (!this.closed) console.error(`Search: catching up term postings failed: ${(error as Error).message}`);
        }
        return;
      }
      void this.buildTermPostings().catch((error: unknown) => {
        if (!this.closed) console.error(`Search: reading term postings failed: ${(error as Error).message}`);
      });
    }, this.options.settleMs ?? 3000);
    this.buildTimer.unref();
  }

  /** Matches with BM25 scores from the postings, when they are ready and close enough to the corpus to catch up. */
  private rankedMatches(clauses: QueryClauses): RankedMatches | undefined {
    // In a small corpus no term is frequent, and FTS5 alone is faster than reading postings.
    if (!this.termPostings.ready || !this.termPostings.hasFrequentTerms) return undefined;
    if (this.needsRebuild()) {
      if (this.options.backgroundPostings) this.scheduleBuild();
      return undefined;
    }
    return this.bm25.evaluate(clauses);
  }

  private facetTable(): FacetTable {
    const generation = this.generation();
    if (!this.facets || this.facetsGeneration !== generation) {
      this.facets = new FacetTable(this.queries);
      this.facetsGeneration = generation;
    }
    return this.facets;
  }

  /** Positions (in the facet table) of the records a query and its filters select. */
  private select(match: string, filters: SearchFilters, kinds: string[], matched: Int32Array | undefined, inAttachments: AttachmentSelection | undefined): { table: FacetTable; positions: number[]; filtered: boolean; passes: ((p: number) => boolean) | undefined } {
    const table = this.facetTable();
    // in:attachment with words: the records' own text selects nothing; their PDFs' tier holds them all.
    const ownText = inAttachments?.only ? [] : match ? positionsOf(table, matched ?? this.queries.matchingRowids(match)) : table.livePositions();
    const byFacets = filterPredicate(table, filters, kinds);
    const withText = inAttachments?.withText;
    const passes = withText ? (p: number) => withText.has(table.rowids[p]!) && (!byFacets || byFacets(p)) : byFacets;
    return { table, positions: passes ? ownText.filter(passes) : ownText, filtered: passes !== undefined, passes };
  }

  /**
   * What a query selects: its words as typed (ranked by BM25), then what only
   * their stem variants find (ranked by BM25 of the widened query), then the
   * records its concepts stand for, in every language. The later tiers are
   * ordered only as far as a page reaches into them.
   */
  private resolve(query: string): { parsed: ReturnType<typeof parseQuery>; selection: Selection } {
    const parsed = parseQuery(query);
    const inAttachments = this.attachments?.select(parsed.match, parsed.filters);
    const ranked = parsed.match && !inAttachments?.only ? this.rankedMatches(parsed.clauses) : undefined;
    const { table, positions, filtered, passes } = this.select(parsed.match, parsed.filters, parsed.kinds, ranked?.rowids, inAttachments);
    const tiers: Tier[] = [];
    const snippetItems = parsed.clauses.groups.flat();
    const taken = new Uint8Array(parsed.match ? table.size : 0);
    for (const p of parsed.match ? positions : []) taken[p] = 1;
    // The words as typed found in a record's PDFs come right after the records' own text matches.
    if (parsed.match && inAttachments && inAttachments.records.size > 0) tiers.push(this.attachmentTier(table, parsed.match, inAttachments, passes, taken));
    // Stem variants and concepts widen the records' own text (in:attachment asks for the PDFs' words alone).
    if (parsed.match && !inAttachments?.only) {
      const { stemmed, concepts } = this.expansions.of(parsed.match, parsed.clauses, parsed.filters.languages);
      if (stemmed) {
        tiers.push(this.stemTier(table, stemmed, passes, taken));
        snippetItems.push(...stemmed.clauses.groups.flat());
      }
      if (concepts) tiers.push(conceptPositions(table, { ...concepts, titled: () => (concepts.titleExpression ? this.queries.matchingRowids(concepts.titleExpression) : []) }, passes, taken));
    }
    return { parsed, selection: { match: parsed.match, ranked, table, positions, filtered, tiers: tiers.filter((tier) => tier.positions.length), snippetClauses: { groups: [snippetItems], excluded: [] }, clauses: parsed.clauses, inAttachments } };
  }

  /**
   * The rows only the stem variants find (in the languages that widened the query), best BM25 of the
   * widened query first. Which rows they are is all a count and the facets need (the postings' row lists,
   * unscored); the widened query is scored only when a page of results reaches this tier.
   */
  private stemTier(table: FacetTable, stemmed: StemmedQuery, passes: ((p: number) => boolean) | undefined, taken: Uint8Array): Tier {
    const postingsUsable = this.termPostings.ready && this.termPostings.hasFrequentTerms && !this.needsRebuild();
    let ranked: RankedMatches | undefined;
    const rankedNow = () => (ranked ??= this.rankedMatches(stemmed.clauses) ?? rankedFromFts(this.queries.rowidsAndRanks(matchExpression(stemmed.clauses))));
    const rowids = (postingsUsable ? this.bm25.matchingRows(stemmed.clauses) : undefined) ?? rankedNow().rowids;
    const wanted = table.dictionaries.language.lookup(stemmed.languages);
    const found: number[] = [];
    for (const p of positionsOf(table, rowids)) {
      if (taken[p] || !wanted.has(table.language[p]!) || (passes && !passes(p))) continue;
      taken[p] = 1;
      found.push(p);
    }
    const tableRowids = table.rowids;
    return {
      positions: found,
      compare: (a, b) => {
        const { scoreOf } = rankedNow();
        return scoreOf[tableRowids[b]!]! - scoreOf[tableRowids[a]!]! || tableRowids[a]! - tableRowids[b]!;
      },
    };
  }

  /** The records found only in their PDFs, by their best page's BM25 (read once, and only when a page of results reaches them). */
  private attachmentTier(table: FacetTable, match: string, inAttachments: AttachmentSelection, passes: ((p: number) => boolean) | undefined, taken: Uint8Array): Tier {
    const found: number[] = [];
    for (const p of positionsOf(table, [...inAttachments.records])) {
      if (taken[p] || (passes && !passes(p))) continue;
      taken[p] = 1;
      found.push(p);
    }
    const rowids = table.rowids;
    let best: Map<number, number> | undefined;
    const scoreOf = (rowid: number) => {
      best ??= new Map([...this.attachments!.bestPages(match, inAttachments, found.map((p) => rowids[p]!))].map(([record, page]) => [record, page.score]));
      return best.get(rowid) ?? 0;
    };
    return { positions: found, compare: (a, b) => scoreOf(rowids[b]!) - scoreOf(rowids[a]!) || rowids[a]! - rowids[b]! };
  }

  search(request: SearchRequest): SearchResultPayload {
    const limit = Math.min(Math.max(request.limit ?? 20, 1), 100);
    const offset = Math.max(request.offset ?? 0, 0);
    const { parsed, selection } = this.resolve(request.query);
    const all = everything(selection);
    const { page, similar, records } = request.collapse === false ? { page: this.orderedPage(selection, request.sort ?? 'rank', limit, offset), similar: new Map<number, number>(), records: undefined } : this.collapsedPage(selection, request.sort ?? 'rank', limit, offset);
    return {
      total: all.length,
      hits: this.hitsFor(selection, page, parsed.match ? this.snippetMatch(selection, request.collapse === false ? offset + limit : offset + limit * 4) : '', similar, records),
      facets: countFacets(selection.table, all),
      notices: parsed.notices,
      relaxations: all.length === 0 ? this.relaxations(request.query, parsed.appliedFilters) : [],
    };
  }

  /** The expression snippets mark: the words and their stem variants, prefixes spelled out when the postings know them. */
  private snippetMatch(selection: Selection, pageEnd: number): string {
    // A page of text matches needs only the words as typed; the variants' longer expression costs per row.
    if (pageEnd <= selection.positions.length || selection.tiers.length === 0) return selection.ranked ? this.bm25.snippetExpression(selection.clauses) : selection.match;
    return this.bm25.snippetExpression(selection.snippetClauses);
  }

  /** For an empty result: the query with each of its filters dropped in turn, and what each would find. */
  private relaxations(query: string, filters: ReturnType<typeof parseQuery>['appliedFilters']): SearchResultPayload['relaxations'] {
    return filters.map((filter) => {
      const relaxed = withoutFilter(query, filter);
      const { selection } = this.resolve(relaxed);
      return { dropped: filter.typed, query: relaxed, total: everything(selection).length };
    });
  }

  /**
   * A page of hits with the same title and kind folded into the first of them
   * (ten copies of a forum thread are one hit "and 9 more"): read from the top
   * through a window of three pages beyond this one, so paging stays stable.
   */
  private collapsedPage(selection: Selection, sort: 'rank' | 'date', limit: number, offset: number): { page: number[]; similar: Map<number, number>; records: Map<number, HitRecord> } {
    const window = this.withAuthority(selection, sort, this.orderedPage(selection, sort, offset + limit * 4, 0));
    const records = new Map(this.queries.hitRecords(window).map((row) => [row.rowid, row]));
    const { table } = selection;
    const leaders: number[] = [];
    const similar = new Map<number, number>();
    const leaderOf = new Map<string, number>();
    for (const rowid of window) {
      const record = records.get(rowid);
      const position = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      const kind = position >= 0 ? table.dictionaries.kind.values[table.kind[position]!] : '';
      const key = record ? `${record.type} ${kind} ${vocabularyKey(record.title)}` : `row ${rowid}`;
      const leader = leaderOf.get(key);
      if (leader === undefined) {
        leaderOf.set(key, rowid);
        leaders.push(rowid);
      } else similar.set(leader, (similar.get(leader) ?? 0) + 1);
    }
    return { page: leaders.slice(offset, offset + limit), similar, records };
  }

  /**
   * The text matches of a ranked window reordered by authority within a
   * score band (scores within AUTHORITY_BAND of each other on a log scale):
   * legislation above a forum post that scores about the same, never above a
   * clearly better match, and never above the text matches from a lower tier.
   */
  private withAuthority(selection: Selection, sort: 'rank' | 'date', window: number[]): number[] {
    const { table, positions, match, ranked } = selection;
    if (sort !== 'rank' || !match || window.length < 2) return window;
    const textCount = Math.min(window.length, positions.length);
    const text = window.slice(0, textCount);
    const scoreOf = new Map<number, number>();
    if (ranked) for (const rowid of text) scoreOf.set(rowid, ranked.scoreOf[rowid]!);
    else for (const row of this.queries.scoresOf(match, text)) scoreOf.set(row.rowid, row.score);
    const band = (rowid: number) => Math.floor(Math.log(Math.max(scoreOf.get(rowid) ?? 0, 1e-9)) / Math.log(1 + AUTHORITY_BAND));
    const authorityOf = (rowid: number) => {
      const p = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      return p >= 0 ? table.authority[p]! : 0;
    };
    const rank = new Map(text.map((rowid, i) => [rowid, i]));
    text.sort((a, b) => band(b) - band(a) || authorityOf(b) - authorityOf(a) || rank.get(a)! - rank.get(b)!);
    return text.concat(window.slice(textCount));
  }

  /** Results offset … offset+limit: the text matches in their order, then each tier in its own (by date: all by date). */
  private orderedPage(selection: Selection, sort: 'rank' | 'date', limit: number, offset: number): number[] {
    const { table, positions, tiers } = selection;
    if (tiers.length === 0) return this.orderedRowids(selection, sort, limit, offset);
    if (sort === 'date') return this.orderedRowids({ ...selection, positions: everything(selection) }, sort, limit, offset);
    const page = offset < positions.length ? this.orderedRowids(selection, sort, Math.min(limit, positions.length - offset), offset) : [];
    let before = positions.length;
    for (const tier of tiers) {
      if (page.length === limit) break;
      const from = Math.max(0, offset + page.length - before);
      if (from < tier.positions.length) {
        const ordered = topPositions(tier.positions, from + limit - page.length, tier.compare);
        page.push(...ordered.slice(from).map((p) => table.rowids[p]!));
      }
      before += tier.positions.length;
    }
    return page;
  }

  /**
   * The rowids of results offset … offset+limit in the order the results are
   * shown: by date (or without words), by BM25 score from the postings, or
   * in FTS5's rank order (filtered as it streams).
   */
  private orderedRowids(selection: Selection, sort: 'rank' | 'date', limit: number, offset: number): number[] {
    const { match, ranked, table, positions, filtered } = selection;
    if (sort === 'date' || !match) {
      const byDate = (a: number, b: number) => (table.dates[b]! < table.dates[a]! ? -1 : table.dates[b]! > table.dates[a]! ? 1 : 0);
      return topPositions(positions, offset + limit, byDate).slice(offset).map((p) => table.rowids[p]!);
    }
    if (ranked) {
      const { scoreOf } = ranked;
      const rowids = table.rowids;
      // A page keeps the best few as it goes; every result (adding all to a collection) is one sort.
      const best =
        offset + limit >= positions.length
          ? [...positions].sort((a, b) => scoreOf[rowids[b]!]! - scoreOf[rowids[a]!]! || rowids[a]! - rowids[b]!)
          : topByScore(positions, offset + limit, (p) => scoreOf[rowids[p]!]!, (p) => rowids[p]!);
      return best.slice(offset, offset + limit).map((p) => rowids[p]!);
    }
    if (!filtered) return this.queries.rankedPage(match, limit, offset);
    // Ranked matches stream in BM25 order; keep those the filters let through until the page is full.
    const wanted = new Uint8Array(table.size);
    for (const p of positions) wanted[p] = 1;
    const page: number[] = [];
    let skipped = 0;
    for (const rowid of this.queries.rankedRowids(match)) {
      const position = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      if (position < 0 || !wanted[position] || skipped++ < offset) continue;
      page.push(rowid);
      if (page.length === limit) break;
    }
    return page;
  }

  /**
   * Every record a query matches, in the order its results are shown: what
   * "add all results" puts in a collection. More than `max` is refused rather
   * than cut, since a cut list would look complete.
   */
  matchingKeys(query: string, sort: 'rank' | 'date', max: number): Array<{ type: ContentType; id: string }> {
    const { selection } = this.resolve(query);
    const total = everything(selection).length;
    if (total > max) throw new ContractError('invalid_arguments', `The search matches ${total} records; at most ${max} can be added at once`);
    if (total === 0) return [];
    // In the order the results are shown: authority orders text matches of about the same score there too.
    return this.queries.keysOf(this.withAuthority(selection, sort, this.orderedPage(selection, sort, total, 0)));
  }

  /** The page's hits; `known` holds records the folding read already (the page is among them). */
  private hitsFor(selection: Selection, rowids: number[], match: string, similar: ReadonlyMap<number, number>, known?: ReadonlyMap<number, HitRecord>): SearchHit[] {
    if (rowids.length === 0) return [];
    const { table } = selection;
    const decorate = this.attachments?.decorator(rowids, selection.match, selection.inAttachments, snippetParts);
    const records = known ?? new Map(this.queries.hitRecords(rowids).map((row) => [row.rowid, row]));
    const snippets = new Map<number, string>();
    if (match) for (const row of this.queries.snippets(match, rowids)) snippets.set(row.rowid, row.text);
    // Rows the expression found nothing to highlight in (or no words at all) open with their summary.
    const plain = rowids.filter((rowid) => !snippets.get(rowid));
    if (plain.length) for (const row of this.queries.openings(plain)) snippets.set(row.rowid, row.text);
    return rowids.flatMap((rowid) => {
      const record = records.get(rowid);
      if (!record) return [];
      const position = rowid < table.positionOf.length ? table.positionOf[rowid]! : -1;
      const kind = position >= 0 ? table.dictionaries.kind.values[table.kind[position]!] : undefined;
      const hit: SearchHit = {
        type: record.type,
        id: record.id,
        title: record.title,
        date: record.date,
        language: record.language,
        countries: record.countries ? record.countries.slice(1, -1).split(',') : [],
        ...(record.type === 'document' && kind ? { kind } : {}),
        similar: similar.get(rowid) ?? 0,
        snippet: snippetParts(snippets.get(rowid) ?? ''),
      };
      return [decorate ? decorate(rowid, hit) : hit];
    });
  }

  /** How many records a query matches whose version is above `sinceVersion` (new since then). */
  countNewer(query: string, sinceVersion: number): number {
    const { selection } = this.resolve(query);
    const { table } = selection;
    return everything(selection).filter((p) => table.versions[p]! > sinceVersion).length;
  }
}
