// The records table: one row per synced record, its facets in columns (for
// lists, filters and facets) and the record itself as JSON. The only code that
// reads or writes it.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContentRecord, ContentType, TypedRecord } from '../../../../shared/content';
import type { FundingListRequest } from '../../../../shared/library';
import { allRows, firstRow, prepareQuery, prepareTuples, type RowOf, type TupleOf } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';
import { countQuery, facetQuery, windowQuery, type FacetName, type Where } from './record-filters';

/** A row of the records table as written (SQLite assigns the rowid). */
export type RecordRow = Omit<Selectable<CorpusDatabase['records']>, 'rowid'>;

/** A stored record: its rowid (shared with its full-text index entry), version and the record typed by its type. */
export type StoredRecord<T extends ContentType = ContentType> = { rowid: number; version: number } & TypedRecord<T>;

/** The funding filters of funding.list, with the day deadlines are compared with. */
export type FundingFilters = Pick<FundingListRequest, 'openOnly' | 'deadlineFrom' | 'deadlineTo' | 'funderTypes' | 'countries'> & { asOf: string };

// The JSON of a stored record was validated against its type's schema (parseChangesPage) before it was written.
const parseRecord = <T extends ContentType>(_type: T, data: string) => JSON.parse(data) as ContentRecord<T>;
const typedRecord = (type: ContentType, data: string) => ({ type, record: JSON.parse(data) }) as TypedRecord;

/**
 * The field each type's list summary comes from, extracted by SQLite (and cut
 * short there) so a window of rows never parses whole records in JavaScript.
 */
const SUMMARY_SOURCE = sql<string | null>`substr(CASE type
    WHEN 'document' THEN json_extract(data, '$.summary')
    WHEN 'good-practice' THEN json_extract(data, '$.summary')
    WHEN 'link' THEN json_extract(data, '$.description')
    WHEN 'funding' THEN json_extract(data, '$.description')
    WHEN 'forum' THEN json_extract(data, '$.description')
    WHEN 'news' THEN json_extract(data, '$.body')
    WHEN 'event' THEN json_extract(data, '$.body')
    WHEN 'forum-post' THEN json_extract(data, '$.body')
    WHEN 'partner-request' THEN json_extract(data, '$.projectIdea')
    WHEN 'country-sheet' THEN json_extract(data, '$.sections[0].body')
    ELSE '' END, 1, 4000)`;

const FACET_COLUMNS = ['rowid', 'type', 'kind', 'language', 'countries', 'themes', 'date', 'version'] as const;
/** A record's facet columns, in FACET_COLUMNS order: the search engine's in-memory facet table is built from them. */
export type FacetRow = TupleOf<Selectable<CorpusDatabase['records']>, typeof FACET_COLUMNS>;

/** The columns a list item is built from (library/record-rows.ts). */
const selectListColumns = (db: Kysely<CorpusDatabase>) =>
  db
    .selectFrom('records')
    .select(['rowid', 'type', 'id', 'version', 'title', 'date', 'language', 'countries', 'themes', 'kind'])
    .select(SUMMARY_SOURCE.as('summary_source'));
export type ListRow = RowOf<ReturnType<typeof selectListColumns>>;

function prepare(db: Kysely<CorpusDatabase>, sqlite: Store<CorpusDatabase>['sqlite']) {
  const records = () => db.selectFrom('records');
  return {
    upsert: prepareQuery(sqlite, (row: RecordRow) =>
      db
        .insertInto('records')
        .values({
          type: row.type,
          id: row.id,
          version: row.version,
          updated_at: row.updated_at,
          title: row.title,
          language: row.language,
          countries: row.countries,
          themes: row.themes,
          kind: row.kind,
          parent_id: row.parent_id,
          date: row.date,
          data: row.data,
        })
        .onConflict((conflict) =>
          conflict.columns(['type', 'id']).doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
            title: eb.ref('excluded.title'),
            language: eb.ref('excluded.language'),
            countries: eb.ref('excluded.countries'),
            themes: eb.ref('excluded.themes'),
            kind: eb.ref('excluded.kind'),
            parent_id: eb.ref('excluded.parent_id'),
            date: eb.ref('excluded.date'),
            data: eb.ref('excluded.data'),
          })),
        )
        .returning('rowid'),
    ),
    remove: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => db.deleteFrom('records').where('type', '=', key.type).where('id', '=', key.id).returning('rowid')),
    clear: prepareQuery(sqlite, () => db.deleteFrom('records')),
    count: prepareQuery(sqlite, () => records().select((eb) => eb.fn.countAll<number>().as('n'))),
    countsByType: prepareQuery(sqlite, () => records().select((eb) => ['type', eb.fn.countAll<number>().as('n')]).groupBy('type')),
    changedCounts: prepareQuery(sqlite, (args: { since: number }) =>
      records()
        .select((eb) => ['type', eb.fn.countAll<number>().as('n')])
        .where('version', '>', args.since)
        .groupBy('type'),
    ),
    batchAfter: prepareQuery(sqlite, (args: { after: number; limit: number }) => records().select(['rowid', 'type', 'version', 'data']).where('rowid', '>', args.after).orderBy('rowid').limit(args.limit)),
    every: prepareQuery(sqlite, () => records().select(['type', 'data'])),
    byKey: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => records().select(['rowid', 'version', 'data']).where('type', '=', key.type).where('id', '=', key.id)),
    rowidOf: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => records().select('rowid').where('type', '=', key.type).where('id', '=', key.id)),
    maxRowid: prepareQuery(sqlite, () => records().select((eb) => eb.fn.max<number | null>('rowid').as('rowid'))),
    titleOf: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => records().select('title').where('type', '=', key.type).where('id', '=', key.id)),
    titledByKey: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => records().select(['rowid', 'version', 'title', 'data']).where('type', '=', key.type).where('id', '=', key.id)),
    countrySheets: prepareQuery(sqlite, () => records().select('data').where('type', '=', 'country-sheet').orderBy('kind').orderBy('version', 'desc')),
    // Kind is the sheet's country (shared/record-facets.ts); the newest sheet wins should a country have two.
    countrySheetOf: prepareQuery(sqlite, (args: { country: string }) =>
      records().select('data').where('type', '=', 'country-sheet').where('kind', '=', args.country).orderBy('version', 'desc').limit(1),
    ),
    listRow: prepareQuery(sqlite, (args: { rowid: number }) => selectListColumns(db).where('rowid', '=', args.rowid)),
    keyOf: prepareQuery(sqlite, (args: { rowid: number }) => records().select(['type', 'id']).where('rowid', '=', args.rowid)),
    facetRows: prepareTuples(sqlite, () => records().select(FACET_COLUMNS), FACET_COLUMNS),
    facetRowsOf: prepareTuples(sqlite, (args: { rowids: string }) => records().select(FACET_COLUMNS).where('rowid', 'in', sql<number>`(SELECT value FROM json_each(${args.rowids}))`), FACET_COLUMNS),
    newest: prepareQuery(sqlite, (args: { since: number; limit: number }) => selectListColumns(db).where('version', '>', args.since).orderBy('version', 'desc').limit(args.limit)),
  };
}

export class CorpusRecords {
  private readonly db: Kysely<CorpusDatabase>;
  private readonly sqlite: Store<CorpusDatabase>['sqlite'];
  private readonly queries: ReturnType<typeof prepare>;

  constructor(store: Store<CorpusDatabase>) {
    this.db = store.db;
    this.sqlite = store.sqlite;
    this.queries = prepare(store.db, store.sqlite);
  }

  /** Inserts or replaces a record; returns the rowid its index entry shares. */
  upsert(row: RecordRow): number {
    return this.queries.upsert.get(row)!.rowid;
  }

  /** Removes a record; returns the rowid it had, or undefined when it was not there. */
  remove(type: ContentType, id: string): number | undefined {
    return this.queries.remove.get({ type, id })?.rowid;
  }

  clear(): void {
    this.queries.clear.run({});
  }

  count(): number {
    return this.queries.count.get({})!.n;
  }

  /** Records per type. */
  countsByType(): Record<string, number> {
    return Object.fromEntries(this.queries.countsByType.all({}).map((row) => [row.type, row.n]));
  }

  /** Records per type with a version above `since`. */
  changedCountsByType(since: number): Record<string, number> {
    return Object.fromEntries(this.queries.changedCounts.all({ since }).map((row) => [row.type, row.n]));
  }

  /** Up to `limit` records after `rowid`, in rowid order: a whole-table walk that lets writes happen between batches. */
  batchAfter(rowid: number, limit: number): StoredRecord[] {
    return this.queries.batchAfter.all({ after: rowid, limit }).map((row) => ({ rowid: row.rowid, version: row.version, ...typedRecord(row.type, row.data) }));
  }

  /** Every record, streamed row by row (no write may run on the store until the walk ends). */
  *each(): Generator<TypedRecord> {
    for (const row of this.queries.every.iterate({})) yield typedRecord(row.type, row.data);
  }

  /** A record by its key, or undefined when it is not in the library. */
  get<T extends ContentType>(type: T, id: string): StoredRecord<T> | undefined {
    const row = this.queries.byKey.get({ type, id });
    if (!row) return undefined;
    const stored: StoredRecord<T> = { rowid: row.rowid, version: row.version, type, record: parseRecord(type, row.data) };
    return stored;
  }

  /** A record by its key with its list title (what annotations show and filter by), or undefined when it is not in the library. */
  getTitled<T extends ContentType>(type: T, id: string): (StoredRecord<T> & { title: string }) | undefined {
    const row = this.queries.titledByKey.get({ type, id });
    if (!row) return undefined;
    const stored: StoredRecord<T> & { title: string } = { rowid: row.rowid, version: row.version, title: row.title, type, record: parseRecord(type, row.data) };
    return stored;
  }

  /** Every record's facet columns as tuples, streamed: 100,000 rows never sit in memory as objects. */
  facetRows(): IterableIterator<FacetRow> {
    return this.queries.facetRows.iterate({});
  }

  /** The facet columns of the listed records that exist (a removed record has none): what keeps the facet table in step after a page. */
  facetRowsOf(rowids: readonly number[]): FacetRow[] {
    return rowids.length ? this.queries.facetRowsOf.all({ rowids: JSON.stringify(rowids) }) : [];
  }

  /** What a search hit shows of these records (in no particular order). */
  hitRecords(rowids: readonly number[]) {
    return allRows(this.sqlite, this.db.selectFrom('records').select(['rowid', 'type', 'id', 'title', 'date', 'language', 'countries']).where('rowid', 'in', rowids));
  }

  /** A record's rowid, or undefined when it is not in the library. */
  rowidOf(type: ContentType, id: string): number | undefined {
    return this.queries.rowidOf.get({ type, id })?.rowid;
  }

  /** The largest rowid in use (0 for an empty library): SQLite gives a new row the largest rowid + 1. */
  maxRowid(): number {
    return this.queries.maxRowid.get({})?.rowid ?? 0;
  }

  exists(type: ContentType, id: string): boolean {
    return this.queries.titleOf.get({ type, id }) !== undefined;
  }

  /** A record's list title (a forum post's is cut from its body), without reading its JSON. */
  titleOf(type: ContentType, id: string): string | undefined {
    return this.queries.titleOf.get({ type, id })?.title;
  }

  /** Every country sheet, by country and newest first. */
  countrySheets(): Array<ContentRecord<'country-sheet'>> {
    return this.queries.countrySheets.all({}).map((row) => parseRecord('country-sheet', row.data));
  }

  /** The newest sheet of a country. */
  countrySheetOf(country: string): ContentRecord<'country-sheet'> | undefined {
    const row = this.queries.countrySheetOf.get({ country });
    return row && parseRecord('country-sheet', row.data);
  }

  /** The columns of one list item. */
  listRow(rowid: number): ListRow | undefined {
    return this.queries.listRow.get({ rowid });
  }

  /** The type and id of each record, in the order of `rowids` (a rowid no longer there is left out). */
  keysOf(rowids: readonly number[]): Array<{ type: ContentType; id: string }> {
    return rowids.flatMap((rowid) => {
      const key = this.queries.keyOf.get({ rowid });
      return key ? [key] : [];
    });
  }

  /** The newest records above `since`, as list rows. */
  newestSince(since: number, limit: number): ListRow[] {
    return this.queries.newest.all({ since, limit });
  }

  /** How many records a filter set matches. */
  countWhere(where: Where): number {
    return firstRow(this.sqlite, countQuery(this.db, where))!.n;
  }

  /** The rowids of one window of a filtered, sorted list. */
  windowRowids(where: Where, sort: Parameters<typeof windowQuery>[1], limit: number, offset: number): number[] {
    return allRows(this.sqlite, windowQuery(where, sort, limit, offset).compile(this.db)).map((row) => row.rowid);
  }

  /** A facet's values under a filter set (whole lists for countries and themes), with their counts. */
  facetGroups(where: Where, facet: FacetName): Array<{ value: string; n: number }> {
    return allRows(this.sqlite, facetQuery(this.db, where, facet));
  }

  /** Funding calls matching the filters: how many, and one window of them with each call's version. */
  funding(filters: FundingFilters, window: { limit: number; offset: number }): { total: number; calls: Array<{ version: number; call: ContentRecord<'funding'> }> } {
    const matching = this.fundingQuery(filters);
    const total = firstRow(this.sqlite, matching.select((eb) => eb.fn.countAll<number>().as('n')))!.n;
    const { asOf } = filters;
    // Upcoming deadlines first (soonest first), then rolling calls (no deadline: ''), then closed calls (latest first).
    const rows = allRows(
      this.sqlite,
      matching
        .select(['version', 'data'])
        .orderBy((eb) => eb.case().when('date', '=', '').then(1).when('date', '>=', asOf).then(0).else(2).end())
        .orderBy((eb) => eb.case().when('date', '>=', asOf).then(eb.ref('date')).end())
        .orderBy('date', 'desc')
        .orderBy('rowid')
        .limit(window.limit)
        .offset(window.offset),
    );
    return { total, calls: rows.map((row) => ({ version: row.version, call: parseRecord('funding', row.data) })) };
  }

  // The records table keeps the funder type as `kind` and the deadline as `date` ('' for a rolling call).
  private fundingQuery(filters: FundingFilters) {
    let query = this.db.selectFrom('records').where('type', '=', 'funding');
    if (filters.funderTypes.length) query = query.where('kind', 'in', filters.funderTypes);
    if (filters.countries.length) {
      // A call that names no country (an EU-wide call) is open to every country.
      query = query.where((eb) => eb.or([eb('countries', '=', ''), ...filters.countries.map((country) => eb(eb.fn<number>('instr', ['countries', eb.val(`,${country},`)]), '>', 0))]));
    }
    if (filters.openOnly) query = query.where((eb) => eb.or([eb('date', '=', ''), eb('date', '>=', filters.asOf)]));
    if (filters.deadlineFrom !== undefined) query = query.where('date', '<>', '').where('date', '>=', filters.deadlineFrom);
    if (filters.deadlineTo !== undefined) query = query.where('date', '<>', '').where('date', '<=', filters.deadlineTo);
    return query;
  }
}
