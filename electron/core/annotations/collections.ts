// Collections: named sets of synced records (by type and id) with notes, in
// the user's store. Items may point at records not (or no longer) synced:
// their title is then null, and nothing is lost. The statements are in
// db/user/collections.ts, the title reads in db/corpus/records.ts.
import { randomUUID } from 'node:crypto';
import type { AddMatchingResult, Collection, CollectionItem } from '../../../shared/annotations';
import type { ContentType } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';
import type { CorpusRecords } from '../db/corpus/records';
import type { CollectionRow, CollectionTable } from '../db/user/collections';

export interface ItemKey {
  type: ContentType;
  id: string;
}

export class CollectionService {
  constructor(
    private readonly table: CollectionTable,
    private readonly records: CorpusRecords,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private row(name: string): CollectionRow {
    const row = this.table.byName(name);
    if (!row) throw new ContractError('not_found', `No collection named ${JSON.stringify(name)}`);
    return row;
  }

  private view(row: CollectionRow): Collection {
    const items = this.table.items(row.id);
    return {
      id: row.id,
      name: row.name,
      note: row.note,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      items: items.map((item): CollectionItem => ({ type: item.item_type, id: item.item_id, note: item.note, addedAt: item.added_at, title: this.records.titleOf(item.item_type, item.item_id) ?? null })),
    };
  }

  list(): Collection[] {
    return this.table.all().map((row) => this.view(row));
  }

  get(name: string): Collection {
    return this.view(this.row(name));
  }

  exists(name: string): boolean {
    return this.table.exists(name);
  }

  create(name: string, note = ''): Collection {
    if (this.exists(name)) throw new ContractError('conflict', `A collection named ${JSON.stringify(name)} already exists`);
    const at = this.now();
    const row: CollectionRow = { id: randomUUID(), name, note, created_at: at, updated_at: at };
    this.table.insert(row);
    return this.view(row);
  }

  rename(name: string, newName: string): Collection {
    const row = this.row(name);
    if (newName !== name && this.exists(newName)) throw new ContractError('conflict', `A collection named ${JSON.stringify(newName)} already exists`);
    this.table.rename(row.id, newName, this.now());
    return this.get(newName);
  }

  delete(name: string): boolean {
    return this.table.deleteByName(name);
  }

  /** Adds items (an item already there keeps its place; a note given replaces its note). */
  addItems(name: string, items: Array<ItemKey & { note?: string }>, options: { create?: boolean } = {}): Collection {
    return this.table.transaction(() => {
      const row = options.create && !this.exists(name) ? this.create(name) : this.row(name);
      const at = this.now();
      for (const item of items) this.table.addItem(row.id, item.type, item.id, item.note, at);
      this.table.touch(row.id, at);
      return this.get(name);
    });
  }

  /**
   * Adds many records in one transaction, in their order (those already there
   * keep their place and note), and says how many were new: the answer to
   * "add all", where the whole collection would be a needless answer.
   */
  addAll(name: string, items: ItemKey[], options: { create?: boolean } = {}): AddMatchingResult {
    return this.table.transaction(() => {
      const row = options.create && !this.exists(name) ? this.create(name) : this.row(name);
      const before = this.table.itemCount(row.id);
      const at = this.now();
      for (const item of items) this.table.addItem(row.id, item.type, item.id, undefined, at);
      this.table.touch(row.id, at);
      const after = this.table.itemCount(row.id);
      return { name: row.name, matched: items.length, added: after - before, items: after };
    });
  }

  removeItems(name: string, items: ItemKey[]): Collection {
    return this.table.transaction(() => {
      const row = this.row(name);
      for (const item of items) this.table.removeItem(row.id, item.type, item.id);
      this.table.touch(row.id, this.now());
      return this.get(name);
    });
  }

  /** The note of the collection, or of one of its items. */
  setNote(name: string, note: string, item?: ItemKey): Collection {
    const row = this.row(name);
    if (item) {
      if (!this.table.setItemNote(row.id, item.type, item.id, note)) throw new ContractError('not_found', `The collection ${JSON.stringify(name)} has no item ${item.type}/${item.id}`);
    } else {
      this.table.setNote(row.id, note);
    }
    this.table.touch(row.id, this.now());
    return this.get(name);
  }
}
