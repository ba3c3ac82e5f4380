// Helpers for the snapshot tests: a whole local corpus as comparable rows, and
// a snapshot file written by hand into a portal (to serve a tampered one).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from '../../shared/snapshot';
import type { TestPortal } from './portal';

/**
 * Everything a sync derives into corpus.sqlite, rowids left out (they differ by the order records arrived in):
 * the records' rows, their index entries, the attachments and references, the sheets' sections, the problems and the cursor.
 */
export function corpusDump(dataDir: string): Record<string, unknown[]> {
  const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
  try {
    const all = (query: string) => sqlite.prepare(query).all();
    return {
      records: all('SELECT type, id, version, updated_at, title, language, countries, themes, kind, parent_id, date, data FROM records ORDER BY type, id'),
      index: all('SELECT r.type, r.id, s.title, s.summary, s.body FROM records r JOIN search_index s ON s.rowid = r.rowid ORDER BY r.type, r.id'),
      indexEntries: all('SELECT count(*) AS n FROM search_index'),
      attachments: all('SELECT sha256, size, mime_type, file_name FROM attachments ORDER BY sha256'),
      references: all('SELECT type, id, sha256 FROM record_attachments ORDER BY type, id, sha256'),
      sections: all('SELECT sheet_id, section, changed_version, previous_title, previous_body FROM country_sheet_sections ORDER BY sheet_id, section'),
      problems: all('SELECT type, id, reason FROM record_problems ORDER BY type, id'),
      cursor: all("SELECT key, value FROM sync_state WHERE key IN ('cursor', 'latest', 'server_url') ORDER BY key"),
    };
  } finally {
    sqlite.close();
  }
}

/** Serves `lines` (after a header at `version`) as the portal's only snapshot; returns its SHA-256. */
export async function plantSnapshot(portal: TestPortal, version: number, lines: string[], records = lines.length): Promise<string> {
  const header = JSON.stringify({ format: SNAPSHOT_FORMAT, formatVersion: SNAPSHOT_FORMAT_VERSION, version, records });
  const bytes = gzipSync(`${[header, ...lines].join('\n')}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  fs.writeFileSync(portal.portal.snapshots.pathOf(sha256), bytes);
  await portal.db.deleteFrom('snapshots').execute();
  await portal.db.insertInto('snapshots').values({ sha256, version, records, size: bytes.length, created_at: new Date().toISOString() }).execute();
  return sha256;
}
