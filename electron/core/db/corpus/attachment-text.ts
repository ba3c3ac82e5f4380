// The text of PDF attachments: how far each file's extraction got
// (attachment_text, per SHA-256, so a restart resumes at the next page and a
// file is done again only when a record points at a file with another hash),
// its pages (attachment_pages, indexed by attachment_pages_index through
// triggers), and the searches over them. A page reaches its records through
// record_attachments, so a record's changed or removed file needs no index write.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { allRows, prepareColumn, prepareQuery, prepareTuples } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';
import { SNIPPET_END, SNIPPET_START } from './search-queries';

export type AttachmentTextStatus = CorpusDatabase['attachment_text']['status'];

/** A downloaded PDF whose text is not (completely) extracted yet. */
export interface ExtractionJob {
  sha256: string;
  fileName: string;
  size: number;
  /** Pages already stored by an earlier run (extraction resumes after them). */
  pagesDone: number;
}

/** The PDFs the library's records reference, by how far their text got. */
export interface AttachmentTextCoverage {
  /** Every referenced PDF. */
  pdfs: number;
  /** With a text layer, extracted and searchable. */
  indexed: number;
  /** Extracted, but no page had text (scans). */
  withoutText: number;
  /** Stopped (budget, broken file), with a reason. */
  failed: number;
  /** Not on this computer (the attachment policy did not download them). */
  notDownloaded: number;
  /** On this computer, waiting for (or in) extraction. */
  pending: number;
  /** Pages of text in the index. */
  pages: number;
}

/** The best-matching page of a record's attachments. */
export interface PageMatch {
  /** The record's rowid. */
  record: number;
  /** The page row's rowid (for its snippet). */
  pageRowid: number;
  sha256: string;
  fileName: string;
  page: number;
  /** BM25 of the page, higher is better. */
  score: number;
}

const PDF = 'application/pdf';

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  const referencedPdfs = () =>
    db
      .selectFrom('attachments as a')
      .where('a.mime_type', '=', PDF)
      .where(({ exists, selectFrom }) => exists(selectFrom('record_attachments as r').select('r.sha256').whereRef('r.sha256', '=', 'a.sha256')));
  return {
    toExtract: prepareQuery(sqlite, () =>
      referencedPdfs()
        .leftJoin('attachment_text as t', 't.sha256', 'a.sha256')
        .select(['a.sha256', 'a.file_name', 'a.size', sql<number>`coalesce(t.pages_done, 0)`.as('pages_done')])
        .where('a.present', '=', 1)
        .where((eb) => eb.or([eb('t.status', 'is', null), eb('t.status', '=', 'pending')]))
        .orderBy('a.sha256'),
    ),
    // One file at a time, from a cursor: the list of every pending file, read after each file, made extraction quadratic in the library's size.
    nextToExtract: prepareQuery(sqlite, (args: { after: string }) =>
      referencedPdfs()
        .leftJoin('attachment_text as t', 't.sha256', 'a.sha256')
        .select(['a.sha256', 'a.file_name', 'a.size', sql<number>`coalesce(t.pages_done, 0)`.as('pages_done')])
        .where('a.present', '=', 1)
        .where((eb) => eb.or([eb('t.status', 'is', null), eb('t.status', '=', 'pending')]))
        .where('a.sha256', '>', args.after)
        .orderBy('a.sha256')
        .limit(1),
    ),
    state: prepareQuery(sqlite, (args: { sha256: string }) => db.selectFrom('attachment_text').selectAll().where('sha256', '=', args.sha256)),
    begin: prepareQuery(sqlite, (args: { sha256: string; pages: number; at: string }) =>
      db
        .insertInto('attachment_text')
        .values({ sha256: args.sha256, status: 'pending', reason: null, pages: args.pages, pages_done: 0, pages_with_text: 0, updated_at: args.at })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ pages: args.pages, updated_at: args.at })),
    ),
    insertPage: prepareQuery(sqlite, (args: { sha256: string; page: number; text: string }) =>
      db.insertInto('attachment_pages').orReplace().values({ sha256: args.sha256, page: args.page, text: args.text }),
    ),
    pageDone: prepareQuery(sqlite, (args: { sha256: string; page: number; withText: number; at: string }) =>
      db
        .updateTable('attachment_text')
        .set((eb) => ({ pages_done: args.page, pages_with_text: eb('pages_with_text', '+', args.withText), updated_at: args.at }))
        .where('sha256', '=', args.sha256),
    ),
    finish: prepareQuery(sqlite, (args: { sha256: string; status: AttachmentTextStatus; reason: string | null; at: string }) =>
      db
        .insertInto('attachment_text')
        .values({ sha256: args.sha256, status: args.status, reason: args.reason, pages: null, pages_done: 0, pages_with_text: 0, updated_at: args.at })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ status: args.status, reason: args.reason, updated_at: args.at })),
    ),
    coverage: prepareQuery(sqlite, () =>
      referencedPdfs()
        .leftJoin('attachment_text as t', 't.sha256', 'a.sha256')
        .select([
          sql<number>`count(*)`.as('pdfs'),
          sql<number>`coalesce(sum(t.status = 'indexed'), 0)`.as('indexed'),
          sql<number>`coalesce(sum(t.status = 'no-text-layer'), 0)`.as('withoutText'),
          sql<number>`coalesce(sum(t.status = 'failed'), 0)`.as('failed'),
          sql<number>`coalesce(sum(a.present = 0 AND (t.status IS NULL OR t.status = 'pending')), 0)`.as('notDownloaded'),
          sql<number>`coalesce(sum(a.present = 1 AND (t.status IS NULL OR t.status = 'pending')), 0)`.as('pending'),
        ]),
    ),
    pageCount: prepareColumn(sqlite, () => db.selectFrom('attachment_pages').select((eb) => eb.fn.countAll<number>().as('n'))),
    failures: prepareQuery(sqlite, (args: { limit: number }) =>
      db.selectFrom('attachment_text').select(['sha256', 'reason', 'updated_at']).where('status', '=', 'failed').orderBy('updated_at', 'desc').limit(args.limit),
    ),
    // Files no record references any more: their text goes (the rows of attachments themselves stay, content-addressed).
    pruneUnreferencedPages: prepareQuery(sqlite, () =>
      db.deleteFrom('attachment_pages').where(({ not, exists, selectFrom }) => not(exists(selectFrom('record_attachments as r').select('r.sha256').whereRef('r.sha256', '=', 'attachment_pages.sha256')))),
    ),
    pruneUnreferencedState: prepareQuery(sqlite, () =>
      db.deleteFrom('attachment_text').where(({ not, exists, selectFrom }) => not(exists(selectFrom('record_attachments as r').select('r.sha256').whereRef('r.sha256', '=', 'attachment_text.sha256')))),
    ),
    // One string rather than a row per page: a common word is on most of 155,000 pages.
    matchingPageList: prepareColumn(sqlite, (args: { match: string }) =>
      db.selectFrom('attachment_pages_index').select(sql<string | null>`group_concat(rowid, ',')`.as('rowids')).where(sql<boolean>`attachment_pages_index MATCH ${args.match}`),
    ),
    pagesAfter: prepareTuples(
      sqlite,
      (args: { after: number }) => db.selectFrom('attachment_pages').select(['rowid', 'sha256', 'page']).where('rowid', '>', args.after).orderBy('rowid'),
      ['rowid', 'sha256', 'page'],
    ),
    filesOfRecords: prepareTuples(
      sqlite,
      () =>
        db
          .selectFrom('record_attachments as ra')
          .innerJoin('records as rec', (join) => join.onRef('rec.type', '=', 'ra.type').onRef('rec.id', '=', 'ra.id'))
          .innerJoin('attachments as a', 'a.sha256', 'ra.sha256')
          .select(['ra.sha256', 'a.file_name', 'rec.rowid'])
          .where('a.mime_type', '=', PDF),
      ['sha256', 'file_name', 'rowid'],
    ),
    filesOfRecordsIn: prepareTuples(
      sqlite,
      (args: { rowids: string }) =>
        db
          .selectFrom('record_attachments as ra')
          .innerJoin('records as rec', (join) => join.onRef('rec.type', '=', 'ra.type').onRef('rec.id', '=', 'ra.id'))
          .innerJoin('attachments as a', 'a.sha256', 'ra.sha256')
          .select(['ra.sha256', 'a.file_name', 'rec.rowid'])
          .where('a.mime_type', '=', PDF)
          .where('rec.rowid', 'in', sql<number>`(SELECT value FROM json_each(${args.rowids}))`),
      ['sha256', 'file_name', 'rowid'],
    ),
    pagesOfFile: prepareTuples(sqlite, (args: { sha256: string }) => db.selectFrom('attachment_pages').select(['rowid', 'page']).where('sha256', '=', args.sha256), ['rowid', 'page']),
    // rowid IN (…) reaches FTS5 as one rowid at a time: the expression is evaluated again for each page
    // (a prefix's doclist merged again each time). Cheap for a few pages of plain words.
    pageScores: prepareTuples(
      sqlite,
      (args: { match: string; rowids: string }) =>
        db
          .selectFrom('attachment_pages_index')
          .select(['rowid', sql<number>`-rank`.as('score')])
          .where(sql<boolean>`attachment_pages_index MATCH ${args.match}`)
          .where('rowid', 'in', sql<number>`(SELECT value FROM json_each(${args.rowids}))`),
      ['rowid', 'score'],
    ),
    // +rowid keeps the list from FTS5: the expression's matches are read once, and rank is computed only for the listed pages.
    pageScoresByScan: prepareTuples(
      sqlite,
      (args: { match: string; rowids: string }) =>
        db
          .selectFrom('attachment_pages_index')
          .select(['rowid', sql<number>`-rank`.as('score')])
          .where(sql<boolean>`attachment_pages_index MATCH ${args.match}`)
          .where(sql<boolean>`+rowid IN (SELECT value FROM json_each(${args.rowids}))`),
      ['rowid', 'score'],
    ),
    recordsWithText: prepareColumn(sqlite, () =>
      db
        .selectFrom('attachment_text as t')
        .innerJoin('record_attachments as ra', 'ra.sha256', 't.sha256')
        .innerJoin('records as rec', (join) => join.onRef('rec.type', '=', 'ra.type').onRef('rec.id', '=', 'ra.id'))
        .select('rec.rowid')
        .where('t.status', '=', 'indexed')
        .distinct(),
    ),
  };
}

/** Page rows copied per step when a side copy takes over the text (the event loop runs between steps). */
const CARRY_OVER_BATCH = 2000;

/**
 * Copies the extracted text of the files `side`'s records reference from the
 * corpus file `liveFile` into `side`, before a side copy (a resync, another
 * portal's first copy) replaces the library: text is extracted again only for
 * a file with another hash, never because the records were copied anew.
 */
export async function carryOverAttachmentText(side: Store<CorpusDatabase>, liveFile: string): Promise<void> {
  const { db, sqlite } = side;
  const run = (query: { compile(db: Kysely<CorpusDatabase>): CompiledQuery<unknown> }) => prepareQuery(sqlite, () => query.compile(db));
  run(sql`ATTACH DATABASE ${liveFile} AS live`).run({});
  try {
    const referenced = sql`EXISTS (SELECT 1 FROM main.record_attachments r WHERE r.sha256 = l.sha256)`;
    run(sql`INSERT OR REPLACE INTO main.attachment_text SELECT l.* FROM live.attachment_text l WHERE ${referenced}`).run({});
    const bounds = run(sql<{ high: number | null }>`SELECT max(rowid) AS high FROM live.attachment_pages`).get({}) as { high: number | null } | undefined;
    const copyBatch = prepareQuery(sqlite, (args: { after: number; upto: number }) =>
      sql`INSERT OR REPLACE INTO main.attachment_pages (sha256, page, text) SELECT l.sha256, l.page, l.text FROM live.attachment_pages l WHERE l.rowid > ${args.after} AND l.rowid <= ${args.upto} AND ${referenced}`.compile(db),
    );
    for (let after = 0; after < (bounds?.high ?? 0); after += CARRY_OVER_BATCH) {
      copyBatch.run({ after, upto: after + CARRY_OVER_BATCH });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    run(sql`DETACH DATABASE live`).run({});
  }
}

export class AttachmentText {
  private readonly queries: ReturnType<typeof prepare>;
  private readonly store: Store<CorpusDatabase>;
  private readonly storePage: (sha256: string, page: number, text: string | null, at: string) => void;
  private readonly snippetsInScratch: (match: string, rowids: string) => Array<{ rowid: number; text: string }>;

  constructor(store: Store<CorpusDatabase>) {
    this.store = store;
    const queries = (this.queries = prepare(store));
    prepareQuery(store.sqlite, () => sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.attachment_snippet_scratch USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')`.compile(store.db)).run({});
    const scratch = {
      clear: prepareQuery(store.sqlite, () => store.db.deleteFrom('temp.attachment_snippet_scratch')),
      fill: prepareQuery(store.sqlite, (args: { rowids: string }) =>
        store.db
          .insertInto('temp.attachment_snippet_scratch')
          .columns(['rowid', 'text'])
          .expression(store.db.selectFrom('attachment_pages').select(['rowid', 'text']).where('rowid', 'in', sql<number>`(SELECT value FROM json_each(${args.rowids}))`)),
      ),
      snippets: prepareQuery(store.sqlite, (args: { match: string }) =>
        store.db
          .selectFrom('temp.attachment_snippet_scratch')
          .select(['rowid', sql<string>`snippet(attachment_snippet_scratch, 0, ${sql.lit(SNIPPET_START)}, ${sql.lit(SNIPPET_END)}, '…', 24)`.as('text')])
          .where(sql<boolean>`attachment_snippet_scratch MATCH ${args.match}`),
      ),
    };
    // Emptied before and after each use, in one transaction.
    this.snippetsInScratch = store.sqlite.transaction((match: string, rowids: string) => {
      scratch.clear.run({});
      scratch.fill.run({ rowids });
      const rows = scratch.snippets.all({ match });
      scratch.clear.run({});
      return rows;
    });
    // A page and the count of pages done in one transaction: a crash between pages loses nothing, and redoes nothing.
    this.storePage = store.sqlite.transaction((sha256: string, page: number, text: string | null, at: string) => {
      if (text !== null) queries.insertPage.run({ sha256, page, text });
      queries.pageDone.run({ sha256, page, withText: text === null ? 0 : 1, at });
    });
  }

  /** Downloaded PDFs of the library whose text is not extracted yet (or only partly), in a stable order. */
  toExtract(): ExtractionJob[] {
    return this.queries.toExtract.all({}).map((row) => ({ sha256: row.sha256, fileName: row.file_name, size: row.size, pagesDone: row.pages_done }));
  }

  /** The first downloaded PDF after `after` (by SHA-256) whose text is not extracted yet (or only partly). */
  nextToExtract(after: string): ExtractionJob | undefined {
    const row = this.queries.nextToExtract.get({ after });
    return row && { sha256: row.sha256, fileName: row.file_name, size: row.size, pagesDone: row.pages_done };
  }

  state(sha256: string): CorpusDatabase['attachment_text'] | undefined {
    return this.queries.state.get({ sha256 });
  }

  /** The file opened with this many pages: extraction of it is under way (pages already done stay). */
  begin(sha256: string, pages: number, at = new Date().toISOString()): void {
    this.queries.begin.run({ sha256, pages, at });
  }

  /** One page extracted: its text (null: no text layer on it), stored with the progress. */
  pageExtracted(sha256: string, page: number, text: string | null, at = new Date().toISOString()): void {
    this.storePage(sha256, page, text, at);
  }

  /** The file is done: indexed, without any text layer, or failed with a reason. */
  finish(sha256: string, status: Exclude<AttachmentTextStatus, 'pending'>, reason: string | null = null, at = new Date().toISOString()): void {
    this.queries.finish.run({ sha256, status, reason, at });
  }

  coverage(): AttachmentTextCoverage {
    const counts = this.queries.coverage.get({})!;
    return { ...counts, pages: this.queries.pageCount.get({}) ?? 0 };
  }

  /** The newest failures, with their reasons. */
  failures(limit: number): Array<{ sha256: string; reason: string; at: string }> {
    return this.queries.failures.all({ limit }).map((row) => ({ sha256: row.sha256, reason: row.reason ?? '', at: row.updated_at }));
  }

  /** Drops the text of files no record references any more (a record's file changed or it was removed). */
  pruneUnreferenced(): number {
    return this.store.sqlite.transaction(() => this.queries.pruneUnreferencedPages.run({}).changes + this.queries.pruneUnreferencedState.run({}).changes)();
  }

  /** Rowids of the pages the FTS5 expression matches (no score: that is the cheap part of a match). */
  matchingPageRowids(match: string): Int32Array {
    const list = this.queries.matchingPageList.get({ match });
    if (!list) return new Int32Array(0);
    let count = 1;
    for (let i = 0; i < list.length; i += 1) if (list.charCodeAt(i) === 44) count += 1;
    const rowids = new Int32Array(count);
    let value = 0;
    let at = 0;
    for (let i = 0; i < list.length; i += 1) {
      const code = list.charCodeAt(i);
      if (code === 44) {
        rowids[at++] = value;
        value = 0;
      } else value = value * 10 + (code - 48);
    }
    rowids[at] = value;
    return rowids;
  }

  /** Every page row after `after`, in rowid order (pages are appended as files are extracted). */
  pagesAfter(after: number): IterableIterator<[rowid: number, sha256: string, page: number]> {
    return this.queries.pagesAfter.iterate({ after });
  }

  /** Every PDF a record references, with the record's rowid. */
  filesOfRecords(): Array<[sha256: string, fileName: string, record: number]> {
    return this.queries.filesOfRecords.all({});
  }

  /** The PDFs the listed records reference, with the record's rowid (a page of a sync changed them). */
  filesOfRecordsIn(recordRowids: readonly number[]): Array<[sha256: string, fileName: string, record: number]> {
    return recordRowids.length ? this.queries.filesOfRecordsIn.all({ rowids: JSON.stringify(recordRowids) }) : [];
  }

  /** The stored pages of one file. */
  pagesOfFile(sha256: string): Array<[rowid: number, page: number]> {
    return this.queries.pagesOfFile.all({ sha256 });
  }

  /**
   * BM25 (higher is better) of the listed pages that the expression matches: looked up page by page,
   * or read off one pass over all the expression's matches (`scan`), whichever the caller knows is cheaper.
   */
  pageScores(match: string, pageRowids: readonly number[], how: 'lookup' | 'scan' = 'lookup'): Array<[rowid: number, score: number]> {
    if (pageRowids.length === 0) return [];
    return (how === 'scan' ? this.queries.pageScoresByScan : this.queries.pageScores).all({ match, rowids: JSON.stringify(pageRowids) });
  }

  /** How many pages are stored. */
  pageCount(): number {
    return this.queries.pageCount.get({}) ?? 0;
  }

  /**
   * snippet() of each listed page the expression matches, its matches between SNIPPET_START and SNIPPET_END.
   * Made in a scratch index of just these pages, so the cost follows the pages shown, not the size of the
   * pages' own index (a profile of searches while a large PDF was being read had snippet() there on top).
   */
  snippets(match: string, pageRowids: readonly number[]): Array<{ rowid: number; text: string }> {
    if (pageRowids.length === 0) return [];
    return this.snippetsInScratch(match, JSON.stringify(pageRowids));
  }

  /** Rowids of the records with at least one PDF whose text is indexed. */
  recordsWithText(): Set<number> {
    return new Set(this.queries.recordsWithText.all({}));
  }

  /** For each listed record: how many of its PDFs are not on this computer (records with none are absent). */
  notDownloaded(recordRowids: readonly number[]): Map<number, number> {
    if (recordRowids.length === 0) return new Map();
    const rows = allRows(
      this.store.sqlite,
      this.store.db
        .selectFrom('records as rec')
        .innerJoin('record_attachments as ra', (join) => join.onRef('ra.type', '=', 'rec.type').onRef('ra.id', '=', 'rec.id'))
        .innerJoin('attachments as a', 'a.sha256', 'ra.sha256')
        .leftJoin('attachment_text as t', 't.sha256', 'a.sha256')
        .select(['rec.rowid as record', sql<number>`count(*)`.as('files')])
        .where('a.mime_type', '=', PDF)
        .where('a.present', '=', 0)
        // A file removed from disk after its text was extracted is still searchable.
        .where((eb) => eb.or([eb('t.status', 'is', null), eb('t.status', '=', 'pending')]))
        .where('rec.rowid', 'in', recordRowids)
        .groupBy('rec.rowid'),
    );
    return new Map(rows.map((row) => [row.record, row.files]));
  }
}
