import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { SavedSearch } from '../../../shared/search';
import type { SearchEngine } from './search-engine';

interface Row {
  id: string;
  name: string;
  query: string;
  seen_version: number;
  created_at: string;
}

/** Saved searches live in the user's store; "new" means matching records with a version above the one last seen. */
export class SavedSearches {
  constructor(
    private readonly user: Database.Database,
    private readonly engine: SearchEngine,
    /** The corpus's current cursor: what "seen" means when the user opens a search. */
    private readonly currentVersion: () => number,
  ) {}

  private present(row: Row): SavedSearch {
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
    return (this.user.prepare('SELECT * FROM saved_searches ORDER BY name').all() as Row[]).map((row) => this.present(row));
  }

  save(name: string, query: string): SavedSearch {
    const existing = this.user.prepare('SELECT * FROM saved_searches WHERE name = ?').get(name) as Row | undefined;
    if (existing) {
      this.user.prepare('UPDATE saved_searches SET query = ?, seen_version = ? WHERE id = ?').run(query, this.currentVersion(), existing.id);
      return this.present({ ...existing, query, seen_version: this.currentVersion() });
    }
    const row: Row = { id: randomUUID(), name, query, seen_version: this.currentVersion(), created_at: new Date().toISOString() };
    this.user.prepare('INSERT INTO saved_searches (id, name, query, seen_version, created_at) VALUES (@id, @name, @query, @seen_version, @created_at)').run(row);
    return this.present(row);
  }

  delete(id: string): boolean {
    return this.user.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
  }

  markSeen(id: string): SavedSearch {
    const row = this.user.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new Error(`No saved search with id ${id}`);
    this.user.prepare('UPDATE saved_searches SET seen_version = ? WHERE id = ?').run(this.currentVersion(), id);
    return this.present({ ...row, seen_version: this.currentVersion() });
  }
}
