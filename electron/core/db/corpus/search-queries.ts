// The search's reads of the corpus: FTS5 matches, ranks and snippets, the
// records' facets and hits, the vocabulary and internals of the FTS5 index that
// term postings are read from, and a scratch index tokenized like it. The
// writes of index entries are db/corpus/search-index.ts's. Every statement is
// prepared once; one-column and long reads skip the object per row.
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { allRows, prepareColumn, prepareQuery, prepareTuples } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';
import { CorpusRecords, type FacetRow } from './records';

/** The tokenizer of the corpus index (migration 0003); the scratch index must tokenize alike. */
const SEARCH_TOKENIZER = 'unicode61 remove_diacritics 2';

/** The marks snippet() puts around a match; they never reach the screen. */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

export type { FacetRow } from './records';

/** Text of one row of the index, by column. */
export interface IndexedText {
  rowid: number;
  title: string;
  summary: string;
  body: string;
}

/** A row of the index as FTS5 stores it: its token counts per column, and its text. */
export interface StoredIndexRow {
  id: number;
  /** Tokens per column, as varints (search_index_docsize). */
  sz: Buffer;
  title: string | null;
  summary: string | null;
  body: string | null;
}

function createScratchTables(db: Kysely<CorpusDatabase>, sqlite: Database.Database): void {
  // In the connection's temp schema: vocabulary views of the corpus index, and a small
  // index with the same tokenizer for text that is not in the corpus index yet (query words, changed rows).
  const statements = [
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_hits USING fts5vocab(main, search_index, 'instance')`,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_terms USING fts5vocab(main, search_index, 'row')`,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch USING fts5(title, summary, body, tokenize = ${sql.lit(SEARCH_TOKENIZER)})`,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_hits USING fts5vocab(temp, search_scratch, 'instance')`,
  ];
  for (const statement of statements) prepareQuery(sqlite, () => statement.compile(db)).run({});
}

/** `group_concat(doc || <column letter>, ',')`: every hit of a term in one string, parsed by term-postings.ts. */
const hitList = sql<string | null>`group_concat(doc || substr(col, 1, 1), ',')`;

function prepareSearchQueries({ db, sqlite }: Store<CorpusDatabase>) {
  createScratchTables(db, sqlite);
  const matching = (match: string) => db.selectFrom('search_index').where('search_index', 'match', match);
  return {
    // Facets need every match but no score; the page needs scores, and FTS5 answers
    // `ORDER BY rank LIMIT` without making the caller sort every match.
    matchingRowids: prepareColumn(sqlite, (args: { match: string }) => matching(args.match).select('rowid')),
    rankedRowids: prepareColumn(sqlite, (args: { match: string }) => matching(args.match).select('rowid').orderBy('rank')),
    rankedPage: prepareColumn(sqlite, (args: { match: string; limit: number; offset: number }) =>
      matching(args.match).select('rowid').orderBy('rank').limit(args.limit).offset(args.offset),
    ),
    // One string per query instead of a JavaScript row per match: half the cost for
    // thousands of matches. SQLite writes doubles as text that reads back exactly.
    rowidsAndRanks: prepareColumn(sqlite, (args: { match: string }) => matching(args.match).select(sql<string | null>`group_concat(rowid || ' ' || rank, ',')`.as('ranks'))),
    rowidList: prepareColumn(sqlite, (args: { match: string }) => matching(args.match).select(sql<string | null>`group_concat(rowid, ',')`.as('rowids'))),

    rankFunction: prepareColumn(sqlite, () => db.selectFrom('search_index_config').select('v').where('k', '=', 'rank')),
    indexedColumns: prepareColumn(sqlite, () => sql<{ n: number }>`SELECT count(*) AS n FROM pragma_table_info('search_index')`.compile(db)),
    termHits: prepareColumn(sqlite, (args: { term: string }) => db.selectFrom('temp.search_index_hits').select(hitList.as('hits')).where('term', '=', args.term)),
    termsAfter: prepareTuples(
      sqlite,
      (args: { after: string; limit: number }) => db.selectFrom('temp.search_index_terms').select(['term', 'doc']).where('term', '>', args.after).limit(args.limit),
      ['term', 'doc'],
    ),
    termsFrom: prepareTuples(
      sqlite,
      (args: { from: string; limit: number }) => db.selectFrom('temp.search_index_terms').select(['term', 'doc']).where('term', '>=', args.from).limit(args.limit),
      ['term', 'doc'],
    ),
    averages: prepareColumn(sqlite, () => db.selectFrom('search_index_data').select('block').where('id', '=', 1)),
    allRowLengths: prepareColumn(sqlite, () => db.selectFrom('search_index_docsize').select(sql<string | null>`group_concat(id || ':' || hex(sz), ',')`.as('lengths'))),
    storedRows: prepareQuery(sqlite, (args: { rowids: string }) =>
      db
        .selectFrom('search_index_docsize as d')
        .innerJoin('search_index_content as c', 'c.id', 'd.id')
        .select(['d.id', 'd.sz', 'c.c0 as title', 'c.c1 as summary', 'c.c2 as body'])
        .where('d.id', 'in', sql<number>`(SELECT value FROM json_each(${args.rowids}))`),
    ),
    scratchSnippets: prepareTuples(
      sqlite,
      (args: { match: string }) =>
        db
          .selectFrom('temp.search_scratch')
          .select(['rowid', sql<string>`snippet(search_scratch, -1, ${sql.lit(SNIPPET_START)}, ${sql.lit(SNIPPET_END)}, '…', 24)`.as('text')])
          .where(sql<boolean>`search_scratch MATCH ${args.match}`),
      ['rowid', 'text'],
    ),
    scratchClear: prepareQuery(sqlite, () => db.deleteFrom('temp.search_scratch')),
    scratchInsert: prepareQuery(sqlite, (args: IndexedText) =>
      db.insertInto('temp.search_scratch').values({ rowid: args.rowid, title: args.title, summary: args.summary, body: args.body }),
    ),
    // One pass over the scratch index: a lookup per term there costs milliseconds each.
    scratchHitsByTerm: prepareTuples(sqlite, () => db.selectFrom('temp.search_scratch_hits').select(['term', hitList.as('hits')]).groupBy('term'), ['term', 'hits']),
    scratchTokens: prepareColumn(sqlite, () => db.selectFrom('temp.search_scratch_hits').select('term').orderBy('doc').orderBy('col').orderBy('offset')),
  };
}

/** Every read of the corpus the search makes, on statements prepared once per store. */
export class SearchQueries {
  private readonly queries: ReturnType<typeof prepareSearchQueries>;
  private readonly records: CorpusRecords;
  private readonly db: Kysely<CorpusDatabase>;
  private readonly sqlite: Database.Database;
  private readonly tokenizeInScratch: (text: string) => string[];
  private readonly hitsInScratch: (rows: readonly IndexedText[]) => Array<[term: string, hits: string | null]>;
  private readonly snippetsInScratch: (match: string, rowids: readonly number[]) => Array<[rowid: number, text: string]>;

  constructor(store: Store<CorpusDatabase>) {
    // The records table's own module reads the records' facets and hits: it is the only code touching that table.
    this.records = new CorpusRecords(store);
    this.db = store.db;
    this.sqlite = store.sqlite;
    const queries = (this.queries = prepareSearchQueries(store));
    // The scratch index is emptied before and after each use, in one transaction.
    this.tokenizeInScratch = store.sqlite.transaction((text: string) => {
      queries.scratchClear.run({});
      queries.scratchInsert.run({ rowid: 1, title: text, summary: '', body: '' });
      const tokens = queries.scratchTokens.all({});
      queries.scratchClear.run({});
      return tokens;
    });
    this.snippetsInScratch = store.sqlite.transaction((match: string, rowids: readonly number[]) => {
      queries.scratchClear.run({});
      for (const row of queries.storedRows.all({ rowids: JSON.stringify(rowids) })) queries.scratchInsert.run({ rowid: row.id, title: row.title ?? '', summary: row.summary ?? '', body: row.body ?? '' });
      const snippets = queries.scratchSnippets.all({ match });
      queries.scratchClear.run({});
      return snippets;
    });
    this.hitsInScratch = store.sqlite.transaction((rows: readonly IndexedText[]) => {
      queries.scratchClear.run({});
      for (const row of rows) queries.scratchInsert.run(row);
      const hits = queries.scratchHitsByTerm.all({});
      queries.scratchClear.run({});
      return hits;
    });
  }

  // Records, for the facet table, the hits and suggestions.

  recordCount(): number {
    return this.records.count();
  }

  /** Every record's facet columns, streamed (never all in memory at once). */
  facetRows(): IterableIterator<FacetRow> {
    return this.records.facetRows();
  }

  facetRowsOf(rowids: readonly number[]): FacetRow[] {
    return this.records.facetRowsOf(rowids);
  }

  /** The listed fields of these records (in no particular order). */
  hitRecords(rowids: readonly number[]) {
    return this.records.hitRecords(rowids);
  }

  /** The type and id of each record, in the order of `rowids`. */
  keysOf(rowids: readonly number[]) {
    return this.records.keysOf(rowids);
  }


  // Full-text matches.

  /** Rowids of every row the FTS5 expression matches, in rowid order. */
  matchingRowids(match: string): number[] {
    return this.queries.matchingRowids.all({ match });
  }

  /** One page of the matches, best rank first. */
  rankedPage(match: string, limit: number, offset: number): number[] {
    return this.queries.rankedPage.all({ match, limit, offset });
  }

  /** Every match, best rank first, streamed (the caller stops when its page is full). */
  rankedRowids(match: string): IterableIterator<number> {
    return this.queries.rankedRowids.iterate({ match });
  }

  /** `rowid rank,rowid rank,…` of every match (rank negative, as FTS5 gives it); null when none match. */
  rowidsAndRanks(match: string): string | null {
    return this.queries.rowidsAndRanks.get({ match }) ?? null;
  }

  /** `rowid,rowid,…` of every match; null when none match. */
  rowidList(match: string): string | null {
    return this.queries.rowidList.get({ match }) ?? null;
  }

  /** snippet() of each listed row the expression matches, its matches between SNIPPET_START and SNIPPET_END. */
  snippets(match: string, rowids: readonly number[]): Array<{ rowid: number; text: string }> {
    // rowid IN (…) reaches FTS5 one rowid at a time, each evaluating the expression again over the whole
    // index: for a prefix or a long OR (the stem variants, a prefix spelled out) that is the slowest step,
    // so those are matched in a scratch index of just these rows (snippet() reads only the row's own text).
    if (/"\*/.test(match) || match.split(' OR ').length > 8) return this.snippetsInScratch(match, rowids).map(([rowid, text]) => ({ rowid, text }));
    const snippet = sql<string>`snippet(search_index, -1, ${sql.lit(SNIPPET_START)}, ${sql.lit(SNIPPET_END)}, '…', 24)`;
    return allRows(this.sqlite, this.db.selectFrom('search_index').select(['rowid', snippet.as('text')]).where('search_index', 'match', match).where('rowid', 'in', rowids));
  }

  /** FTS5's BM25 score (higher is better) of each listed row the expression matches. */
  scoresOf(match: string, rowids: readonly number[]): Array<{ rowid: number; score: number }> {
    return allRows(this.sqlite, this.db.selectFrom('search_index').select(['rowid', sql<number>`-rank`.as('score')]).where('search_index', 'match', match).where('rowid', 'in', rowids));
  }

  /** The first 160 characters of each listed row's summary and body. */
  openings(rowids: readonly number[]): Array<{ rowid: number; text: string }> {
    return allRows(this.sqlite, this.db.selectFrom('search_index').select(['rowid', sql<string>`substr(summary || ' ' || body, 1, 160)`.as('text')]).where('rowid', 'in', rowids));
  }

  // The FTS5 index's vocabulary and internals, for term postings.

  /** The index's configured rank function, e.g. `bm25(10.0, 4.0, 1.0)`. */
  rankFunction(): string | undefined {
    const rank = this.queries.rankFunction.get({});
    return typeof rank === 'string' ? rank : undefined;
  }

  /** How many columns the index has. */
  indexedColumnCount(): number {
    return this.queries.indexedColumns.get({}) ?? 0;
  }

  /** Every hit of a term in the index as `group_concat(doc || <column letter>, ',')`, in rowid order; null when none. */
  termHits(term: string): string | null {
    return this.queries.termHits.get({ term }) ?? null;
  }

  /** Up to `limit` index terms after `after` in the vocabulary's order, each with how many rows hold it. */
  termsAfter(after: string, limit: number): Array<[term: string, rows: number]> {
    return this.queries.termsAfter.all({ after, limit });
  }

  /** Up to `limit` index terms from `from` on, in the vocabulary's order (a prefix's terms come first), each with how many rows hold it. */
  termsFrom(from: string, limit: number): Array<[term: string, rows: number]> {
    return this.queries.termsFrom.all({ from, limit });
  }

  /** FTS5's "averages" record (row count, then tokens per column, as varints); undefined for an empty index. */
  averagesRecord(): Buffer | undefined {
    return this.queries.averages.get({});
  }

  /** `rowid:<hex of its docsize blob>,…` for every row. */
  allRowLengths(): string | null {
    return this.queries.allRowLengths.get({}) ?? null;
  }

  /** Token counts and text of these rows as the index holds them (rows no longer there are absent). */
  storedRows(rowids: readonly number[]): StoredIndexRow[] {
    return this.queries.storedRows.all({ rowids: JSON.stringify(rowids) });
  }

  /** The words of `text` as the index tokenizes them, in order. */
  tokenize(text: string): string[] {
    return this.tokenizeInScratch(text);
  }

  /** The hits of every term in these rows' text, tokenized as the index tokenizes, in termHits' format. */
  hitsByTerm(rows: readonly IndexedText[]): Map<string, string | null> {
    return new Map(this.hitsInScratch(rows));
  }
}
