// Collections: named sets of synced records (by type and id) with notes, in
// the user's store. Items may point at records not (or no longer) synced:
// their title is then null, and nothing is lost.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Collection, CollectionItem } from '../../../shared/annotations';
import type { ContentType } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';

interface CollectionRow {
  id: string;
  name: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface ItemKey {
  type: ContentType;
  id: string;
}

export class CollectionService {
  private readonly titleOf: Database.Statement<[string, string], { title: string }>;

  constructor(
    private readonly user: Database.Database,
    corpus: Database.Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.titleOf = corpus.prepare('SELECT title FROM records WHERE type = ? AND id = ?');
  }

  private row(name: string): CollectionRow {
    const row = this.user.prepare('SELECT * FROM collections WHERE name = ?').get(name) as CollectionRow | undefined;
    if (!row) throw new ContractError('not_found', `No collection named ${JSON.stringify(name)}`);
    return row;
  }

  private view(row: CollectionRow): Collection {
    const items = this.user
      .prepare('SELECT item_type, item_id, note, added_at FROM collection_items WHERE collection_id = ? ORDER BY added_at, rowid')
      .all(row.id) as Array<{ item_type: ContentType; item_id: string; note: string; added_at: string }>;
    return {
      id: row.id,
      name: row.name,
      note: row.note,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      items: items.map((item): CollectionItem => ({ type: item.item_type, id: item.item_id, note: item.note, addedAt: item.added_at, title: this.titleOf.get(item.item_type, item.item_id)?.title ?? null })),
    };
  }

  list(): Collection[] {
    return (this.user.prepare('SELECT * FROM collections ORDER BY name COLLATE NOCASE, name').all() as CollectionRow[]).map((row) => this.view(row));
  }

  get(name: string): Collection {
    return this.view(this.row(name));
  }

  exists(name: string): boolean {
    return this.user.prepare('SELECT 1 FROM collections WHERE name = ?').get(name) !== undefined;
  }

  create(name: string, note = ''): Collection {
    if (this.exists(name)) throw new ContractError('conflict', `A collection named ${JSON.stringify(name)} already exists`);
    const at = this.now();
    const row: CollectionRow = { id: randomUUID(), name, note, created_at: at, updated_at: at };
    this.user.prepare('INSERT INTO collections (id, name, note, created_at, updated_at) VALUES (@id, @name, @note, @created_at, @updated_at)').run(row);
    return this.view(row);
  }

  rename(name: string, newName: string): Collection {
    const row = this.row(name);
    if (newName !== name && this.exists(newName)) throw new ContractError('conflict', `A collection named ${JSON.stringify(newName)} already exists`);
    this.user.prepare('UPDATE collections SET name = ?, updated_at = ? WHERE id = ?').run(newName, this.now(), row.id);
    return this.get(newName);
  }

  delete(name: string): boolean {
    return this.user.prepare('DELETE FROM collections WHERE name = ?').run(name).changes > 0;
  }

  /** Adds items (an item already there keeps its place; a note given replaces its note). */
  addItems(name: string, items: Array<ItemKey & { note?: string }>, options: { create?: boolean } = {}): Collection {
    return this.user.transaction(() => {
      const row = options.create && !this.exists(name) ? this.create(name) : this.row(name);
      const at = this.now();
      const insert = this.user.prepare(
        `INSERT INTO collection_items (collection_id, item_type, item_id, note, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (collection_id, item_type, item_id) DO UPDATE SET note = CASE WHEN ? THEN excluded.note ELSE note END`,
      );
      for (const item of items) insert.run(row.id, item.type, item.id, item.note ?? '', at, item.note === undefined ? 0 : 1);
      this.user.prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(at, row.id);
      return this.get(name);
    })();
  }

  removeItems(name: string, items: ItemKey[]): Collection {
    return this.user.transaction(() => {
      const row = this.row(name);
      const remove = this.user.prepare('DELETE FROM collection_items WHERE collection_id = ? AND item_type = ? AND item_id = ?');
      for (const item of items) remove.run(row.id, item.type, item.id);
      this.user.prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(this.now(), row.id);
      return this.get(name);
    })();
  }

  /** The note of the collection, or of one of its items. */
  setNote(name: string, note: string, item?: ItemKey): Collection {
    const row = this.row(name);
    if (item) {
      const changed = this.user.prepare('UPDATE collection_items SET note = ? WHERE collection_id = ? AND item_type = ? AND item_id = ?').run(note, row.id, item.type, item.id).changes;
      if (changed === 0) throw new ContractError('not_found', `The collection ${JSON.stringify(name)} has no item ${item.type}/${item.id}`);
    } else {
      this.user.prepare('UPDATE collections SET note = ? WHERE id = ?').run(note, row.id);
    }
    this.user.prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(this.now(), row.id);
    return this.get(name);
  }
}
