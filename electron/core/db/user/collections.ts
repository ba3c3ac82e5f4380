// The collections and collection_items tables of the user store: every
// statement the collection service runs.
import { sql } from 'kysely';
import type { ContentType } from '../../../../shared/content';
import { prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

export type CollectionRow = UserDatabase['collections'];

/** An item of a collection, its type typed (only the collection service writes it). */
export type CollectionItemRow = Omit<UserDatabase['collection_items'], 'collection_id' | 'item_type'> & { item_type: ContentType };

interface ItemKey {
  collectionId: string;
  type: string;
  id: string;
}

function prepareCollections({ db, sqlite }: Store<UserDatabase>) {
  return {
    byName: prepareQuery(sqlite, (args: { name: string }) => db.selectFrom('collections').selectAll().where('name', '=', args.name)),
    byId: prepareQuery(sqlite, (args: { id: string }) => db.selectFrom('collections').selectAll().where('id', '=', args.id)),
    deleteById: prepareQuery(sqlite, (args: { id: string }) => db.deleteFrom('collections').where('id', '=', args.id)),
    replace: prepareQuery(sqlite, (args: CollectionRow) =>
      db.updateTable('collections').set({ name: args.name, note: args.note, created_at: args.created_at, updated_at: args.updated_at }).where('id', '=', args.id),
    ),
    // Case-insensitive first, then exact, so "alpha" and "Alpha" keep one order.
    all: prepareQuery(sqlite, () => db.selectFrom('collections').selectAll().orderBy(sql`name COLLATE NOCASE`).orderBy('name')),
    exists: prepareQuery(sqlite, (args: { name: string }) => db.selectFrom('collections').select((eb) => eb.lit(1).as('one')).where('name', '=', args.name)),
    items: prepareQuery(sqlite, (args: { collectionId: string }) =>
      db
        .selectFrom('collection_items')
        .select(['item_type', 'item_id', 'note', 'added_at'])
        .$narrowType<{ item_type: ContentType }>()
        .where('collection_id', '=', args.collectionId)
        .orderBy('added_at')
        .orderBy(sql`rowid`),
    ),
    itemCount: prepareQuery(sqlite, (args: { collectionId: string }) =>
      db
        .selectFrom('collection_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('collection_id', '=', args.collectionId),
    ),
    insert: prepareQuery(sqlite, (args: CollectionRow) =>
      db.insertInto('collections').values({ id: args.id, name: args.name, note: args.note, created_at: args.created_at, updated_at: args.updated_at }),
    ),
    rename: prepareQuery(sqlite, (args: { id: string; name: string; at: string }) =>
      db.updateTable('collections').set({ name: args.name, updated_at: args.at }).where('id', '=', args.id),
    ),
    deleteByName: prepareQuery(sqlite, (args: { name: string }) => db.deleteFrom('collections').where('name', '=', args.name)),
    touch: prepareQuery(sqlite, (args: { id: string; at: string }) => db.updateTable('collections').set({ updated_at: args.at }).where('id', '=', args.id)),
    setNote: prepareQuery(sqlite, (args: { id: string; note: string }) => db.updateTable('collections').set({ note: args.note }).where('id', '=', args.id)),
    // An item already there keeps its place (added_at); its note is replaced only when one is given.
    addItem: prepareQuery(sqlite, (args: ItemKey & { note: string; at: string; replaceNote: number }) =>
      db
        .insertInto('collection_items')
        .values({ collection_id: args.collectionId, item_type: args.type, item_id: args.id, note: args.note, added_at: args.at })
        .onConflict((conflict) =>
          conflict.columns(['collection_id', 'item_type', 'item_id']).doUpdateSet({ note: sql<string>`CASE WHEN ${args.replaceNote} THEN excluded.note ELSE note END` }),
        ),
    ),
    removeItem: prepareQuery(sqlite, (args: ItemKey) =>
      db.deleteFrom('collection_items').where('collection_id', '=', args.collectionId).where('item_type', '=', args.type).where('item_id', '=', args.id),
    ),
    setItemNote: prepareQuery(sqlite, (args: ItemKey & { note: string }) =>
      db
        .updateTable('collection_items')
        .set({ note: args.note })
        .where('collection_id', '=', args.collectionId)
        .where('item_type', '=', args.type)
        .where('item_id', '=', args.id),
    ),
  };
}

export class CollectionTable {
  private readonly queries: ReturnType<typeof prepareCollections>;

  constructor(private readonly store: Store<UserDatabase>) {
    this.queries = prepareCollections(store);
  }

  transaction<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn)();
  }

  byName(name: string): CollectionRow | undefined {
    return this.queries.byName.get({ name });
  }

  byId(id: string): CollectionRow | undefined {
    return this.queries.byId.get({ id });
  }

  /** Inserts the collection, or replaces its name, note and times (member sync). */
  upsert(row: CollectionRow): void {
    if (this.queries.replace.run(row).changes === 0) this.queries.insert.run(row);
  }

  /** Deletes the collection and (by cascade) its items. */
  deleteById(id: string): boolean {
    return this.queries.deleteById.run({ id }).changes > 0;
  }

  /** Every collection, by name. */
  all(): CollectionRow[] {
    return this.queries.all.all({});
  }

  exists(name: string): boolean {
    return this.queries.exists.get({ name }) !== undefined;
  }

  /** The collection's items in the order they were added. */
  items(collectionId: string): CollectionItemRow[] {
    return this.queries.items.all({ collectionId });
  }

  /** How many items the collection holds. */
  itemCount(collectionId: string): number {
    return this.queries.itemCount.get({ collectionId })?.n ?? 0;
  }

  insert(row: CollectionRow): void {
    this.queries.insert.run(row);
  }

  rename(id: string, name: string, at: string): void {
    this.queries.rename.run({ id, name, at });
  }

  /** Deletes the collection and (by cascade) its items. */
  deleteByName(name: string): boolean {
    return this.queries.deleteByName.run({ name }).changes > 0;
  }

  /** Marks the collection as changed at `at`. */
  touch(id: string, at: string): void {
    this.queries.touch.run({ id, at });
  }

  setNote(id: string, note: string): void {
    this.queries.setNote.run({ id, note });
  }

  /** Adds an item, or with a note given, replaces the note of the item already there. */
  addItem(collectionId: string, type: string, id: string, note: string | undefined, at: string): void {
    this.queries.addItem.run({ collectionId, type, id, note: note ?? '', at, replaceNote: note === undefined ? 0 : 1 });
  }

  removeItem(collectionId: string, type: string, id: string): void {
    this.queries.removeItem.run({ collectionId, type, id });
  }

  /** False when the collection has no such item. */
  setItemNote(collectionId: string, type: string, id: string, note: string): boolean {
    return this.queries.setItemNote.run({ collectionId, type, id, note }).changes > 0;
  }
}
