// The entries of the search_index FTS5 table: one per record, under the
// record's rowid, with its three weighted fields. Writing, replacing and
// rebuilding them is here; the searches that read them are in search-queries.ts.
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';
import type { CorpusRecords, StoredRecord } from './records';

/** The three weighted fields of an entry. */
export interface IndexEntryText {
  title: string;
  summary: string;
  body: string;
}

// Records read per batch while rebuilding: better-sqlite3 cannot write while a read is still iterating on the same connection.
const REBUILD_BATCH = 1000;

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  return {
    insert: prepareQuery(sqlite, (entry: IndexEntryText & { rowid: number }) =>
      db.insertInto('search_index').values({ rowid: entry.rowid, title: entry.title, summary: entry.summary, body: entry.body }),
    ),
    remove: prepareQuery(sqlite, (args: { rowid: number }) => db.deleteFrom('search_index').where('rowid', '=', args.rowid)),
    clear: prepareQuery(sqlite, () => db.deleteFrom('search_index')),
    count: prepareQuery(sqlite, () => db.selectFrom('search_index').select((eb) => eb.fn.countAll<number>().as('n'))),
  };
}

export class SearchIndexEntries {
  private readonly queries: ReturnType<typeof prepare>;
  private readonly rebuildInTransaction: (records: CorpusRecords, textOf: (stored: StoredRecord) => IndexEntryText) => void;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
    this.rebuildInTransaction = store.sqlite.transaction((records: CorpusRecords, textOf: (stored: StoredRecord) => IndexEntryText) => {
      this.clear();
      let after = 0;
      for (;;) {
        const batch = records.batchAfter(after, REBUILD_BATCH);
        if (batch.length === 0) break;
        for (const stored of batch) this.queries.insert.run({ rowid: stored.rowid, ...textOf(stored) });
        after = batch.at(-1)!.rowid;
      }
    });
  }

  /** Writes a record's entry, replacing the one it had. */
  replace(rowid: number, text: IndexEntryText): void {
    this.queries.remove.run({ rowid });
    this.queries.insert.run({ rowid, title: text.title, summary: text.summary, body: text.body });
  }

  remove(rowid: number): void {
    this.queries.remove.run({ rowid });
  }

  clear(): void {
    this.queries.clear.run({});
  }

  count(): number {
    return this.queries.count.get({})!.n;
  }

  /** Replaces every entry with the text `textOf` gives each record, in one transaction. */
  rebuild(records: CorpusRecords, textOf: (stored: StoredRecord) => IndexEntryText): void {
    this.rebuildInTransaction(records, textOf);
  }
}
