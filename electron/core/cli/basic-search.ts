import type Database from 'better-sqlite3';

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  date: string;
}

/**
 * Every word of the query must appear in the title or the record's text
 * (case-insensitive substring). A plain scan: the full-text index replaces it.
 */
export function searchRecords(sqlite: Database.Database, query: string, filters: { type?: string; country?: string; limit: number }): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  const clauses = words.map(() => "instr(lower(title || ' ' || data), ?) > 0");
  const params: Array<string | number> = [...words];
  if (filters.type) {
    clauses.push('type = ?');
    params.push(filters.type);
  }
  if (filters.country) {
    clauses.push('countries LIKE ?');
    params.push(`%,${filters.country},%`);
  }
  params.push(filters.limit);
  return sqlite.prepare(`SELECT type, id, title, date FROM records WHERE ${clauses.join(' AND ')} ORDER BY date DESC LIMIT ?`).all(...params) as SearchHit[];
}
