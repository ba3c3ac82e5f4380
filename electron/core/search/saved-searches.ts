import { randomUUID } from 'node:crypto';
import type { SavedSearch } from '../../../shared/search';
import type { SavedSearchRow, SavedSearchTable } from '../db/user/saved-searches';
import type { SearchEngine } from './search-engine';

/** Saved searches live in the user's store; "new" means matching records with a version above the one last seen. */
export class SavedSearches {
  constructor(
    private readonly table: SavedSearchTable,
    private readonly engine: SearchEngine,
    /** The corpus's current cursor: what "seen" means when the user opens a search. */
    private readonly currentVersion: () => number,
  ) {}

  private present(row: SavedSearchRow): SavedSearch {
    return {
      id: row.id,
      name: row.name,
      query: row.query,
      createdAt: row.created_at,
      newMatches: this.engine.countNewer(row.query, row.seen_version),
      total: this.engine.search({ query: row.query, limit: 1 }).total,
    };
  }

  list(): SavedSearch[] {
    return this.table.all().map((row) => this.present(row));
  }

  save(name: string, query: string): SavedSearch {
    const existing = this.table.byName(name);
    if (existing) {
      this.table.setQuery(existing.id, query, this.currentVersion());
      return this.present({ ...existing, query, seen_version: this.currentVersion() });
    }
    const row: SavedSearchRow = { id: randomUUID(), name, query, seen_version: this.currentVersion(), created_at: new Date().toISOString() };
    this.table.insert(row);
    return this.present(row);
  }

  delete(id: string): boolean {
    return this.table.delete(id);
  }

  markSeen(id: string): SavedSearch {
    const row = this.table.byId(id);
    if (!row) throw new Error(`No saved search with id ${id}`);
    this.table.setSeen(id, this.currentVersion());
    return this.present({ ...row, seen_version: this.currentVersion() });
  }
}
