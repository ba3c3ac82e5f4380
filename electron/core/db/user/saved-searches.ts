// The saved_searches table of the user store.
import { prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

export type SavedSearchRow = UserDatabase['saved_searches'];

function prepareSavedSearches({ db, sqlite }: Store<UserDatabase>) {
  return {
    all: prepareQuery(sqlite, () => db.selectFrom('saved_searches').selectAll().orderBy('name')),
    byName: prepareQuery(sqlite, (args: { name: string }) => db.selectFrom('saved_searches').selectAll().where('name', '=', args.name)),
    byId: prepareQuery(sqlite, (args: { id: string }) => db.selectFrom('saved_searches').selectAll().where('id', '=', args.id)),
    insert: prepareQuery(sqlite, (args: SavedSearchRow) =>
      db.insertInto('saved_searches').values({ id: args.id, name: args.name, query: args.query, seen_version: args.seen_version, created_at: args.created_at }),
    ),
    setQuery: prepareQuery(sqlite, (args: { id: string; query: string; seenVersion: number }) =>
      db.updateTable('saved_searches').set({ query: args.query, seen_version: args.seenVersion }).where('id', '=', args.id),
    ),
    setNameAndQuery: prepareQuery(sqlite, (args: { id: string; name: string; query: string }) => db.updateTable('saved_searches').set({ name: args.name, query: args.query }).where('id', '=', args.id)),
    setSeen: prepareQuery(sqlite, (args: { id: string; seenVersion: number }) => db.updateTable('saved_searches').set({ seen_version: args.seenVersion }).where('id', '=', args.id)),
    delete: prepareQuery(sqlite, (args: { id: string }) => db.deleteFrom('saved_searches').where('id', '=', args.id)),
  };
}

export class SavedSearchTable {
  private readonly queries: ReturnType<typeof prepareSavedSearches>;

  constructor(store: Store<UserDatabase>) {
    this.queries = prepareSavedSearches(store);
  }

  /** Every saved search, by name. */
  all(): SavedSearchRow[] {
    return this.queries.all.all({});
  }

  byName(name: string): SavedSearchRow | undefined {
    return this.queries.byName.get({ name });
  }

  byId(id: string): SavedSearchRow | undefined {
    return this.queries.byId.get({ id });
  }

  insert(row: SavedSearchRow): void {
    this.queries.insert.run(row);
  }

  /** A new query for the search, seen up to `seenVersion`. */
  setQuery(id: string, query: string, seenVersion: number): void {
    this.queries.setQuery.run({ id, query, seenVersion });
  }

  /** Another device's name and query (member sync); what this computer has seen of it stays. */
  setNameAndQuery(id: string, name: string, query: string): void {
    this.queries.setNameAndQuery.run({ id, name, query });
  }

  setSeen(id: string, seenVersion: number): void {
    this.queries.setSeen.run({ id, seenVersion });
  }

  delete(id: string): boolean {
    return this.queries.delete.run({ id }).changes > 0;
  }
}
