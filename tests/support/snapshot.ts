// Helpers for the snapshot tests: a whole local corpus as comparable rows, and
// a snapshot file written by hand into a portal (to serve a tampered one).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildPrebuiltSnapshot } from '../../electron/core/cli/build-snapshot';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, snapshotFilePath, type PrebuiltSnapshotInfo } from '../../shared/snapshot';
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

/**
 * Builds the portal's prebuilt corpus with the desktop's own builder (ewsi build-snapshot) into the
 * folder the portal serves it from; returns its manifest.
 */
export async function buildPrebuilt(portal: TestPortal): Promise<PrebuiltSnapshotInfo> {
  return buildPrebuiltSnapshot({ serverUrl: portal.url, outDir: portal.portal.snapshots.prebuilt.dir, appVersion: '0.0.0-test' });
}

/** The prebuilt corpus file `info` names, decompressed to `out` (to be tampered with). */
export function unpackPrebuilt(portal: TestPortal, info: PrebuiltSnapshotInfo, out: string): string {
  fs.writeFileSync(out, gunzipSync(fs.readFileSync(portal.portal.snapshots.prebuilt.pathOf(info.sha256))));
  return out;
}

/**
 * Serves the database file `database` as the portal's only prebuilt corpus (its hash and sizes its own,
 * so only the client's checks can refuse it); the manifest's fields can be overridden. Returns the manifest.
 */
export function plantPrebuilt(portal: TestPortal, database: string, like: PrebuiltSnapshotInfo, overrides: Partial<PrebuiltSnapshotInfo> = {}): PrebuiltSnapshotInfo {
  const dir = portal.portal.snapshots.prebuilt.dir;
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.json')) fs.rmSync(path.join(dir, name));
  const bytes = gzipSync(fs.readFileSync(database));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  fs.writeFileSync(portal.portal.snapshots.prebuilt.pathOf(sha256), bytes);
  const manifest = { ...like, sha256, size: bytes.length, databaseSize: fs.statSync(database).size, url: snapshotFilePath(sha256), ...overrides };
  fs.writeFileSync(path.join(dir, `${sha256}.json`), JSON.stringify(manifest));
  return manifest;
}

/** Puts the manifest `info` back as the only one (after a tampered one was served). */
export function restorePrebuilt(portal: TestPortal, info: PrebuiltSnapshotInfo): void {
  const dir = portal.portal.snapshots.prebuilt.dir;
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.json')) fs.rmSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, `${info.sha256}.json`), JSON.stringify(info));
}

/** Runs SQL on a copy of a corpus database file, as a tampering portal would. */
export function tamper(database: string, out: string, statements: string): string {
  fs.copyFileSync(database, out);
  const sqlite = new Database(out);
  try {
    sqlite.exec(statements);
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
  return out;
}
