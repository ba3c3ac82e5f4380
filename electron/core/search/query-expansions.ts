// A query's expansions, remembered until the corpus changes: its words'
// stem variants in every language searched (stemming.ts) and the concepts
// they name (concepts.ts). Each is hundreds of stemmer calls and vocabulary
// lookups, and the same words come back as a user pages, filters and refines.
import type { SearchQueries } from '../db/corpus/search-queries';
import { findConcepts } from './concepts';
import type { QueryClauses } from './query';
import { stemmedQuery, type StemmedQuery } from './stemming';
import type { TermPostings } from './term-postings';

export interface Expansions {
  stemmed: StemmedQuery | undefined;
  concepts: ReturnType<typeof findConcepts>;
}

export class QueryExpansions {
  private readonly termsByPrefix = new Map<string, Array<[term: string, rows: number]>>();
  private readonly expanded = new Map<string, Expansions>();
  private termsGeneration = -1;

  constructor(
    private readonly queries: SearchQueries,
    private readonly termPostings: TermPostings,
    /** Changes whenever the corpus does. */
    private readonly generation: () => number,
  ) {}

  /**
   * A query's stem variants and concepts, remembered until the corpus changes: each is hundreds of
   * stemmer calls and vocabulary lookups, and the same words come back as a user pages, filters and refines.
   */
  of(match: string, clauses: QueryClauses, languages: string[]): Expansions {
    this.dropOutdatedTerms();
    // The variants come from the postings' vocabulary once it is read, from FTS5's before.
    const key = `${this.termPostings.ready ? 1 : 0}${match}\u0000${languages.join(',')}`;
    let known = this.expanded.get(key);
    if (!known) {
      known = { stemmed: stemmedQuery(clauses, languages, (prefix, limit) => this.termsFrom(prefix, limit)), concepts: findConcepts(clauses) };
      if (this.expanded.size > 2_000) this.expanded.clear();
      this.expanded.set(key, known);
    }
    return known;
  }

  private dropOutdatedTerms(): void {
    const generation = this.generation();
    if (this.termsGeneration === generation) return;
    this.termsByPrefix.clear();
    this.expanded.clear();
    this.termsGeneration = generation;
  }

  /** Index terms from a prefix on: from the postings' vocabulary in memory once read, else from FTS5's (slow: it counts as it scans); remembered until the corpus changes. */
  private termsFrom(prefix: string, limit: number): Array<[term: string, rows: number]> {
    this.dropOutdatedTerms();
    const key = `${prefix} ${limit}`;
    let terms = this.termsByPrefix.get(key);
    if (!terms) {
      terms = this.termPostings.ready ? this.termPostings.expandPrefix(prefix).slice(0, limit).map((term): [string, number] => [term, 0]) : this.queries.termsFrom(prefix, limit);
      if (this.termsByPrefix.size > 10_000) this.termsByPrefix.clear();
      this.termsByPrefix.set(key, terms);
    }
    return terms;
  }
}
