// The two candidate formats of the corpus snapshot at N documents, measured in
// one run: gzip-compressed JSON Lines (what the portal builds) against a SQLite
// file of the same rows (as built, and gzip-compressed for the wire): bytes,
// time to build, and time to read every record back and parse it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { createPortal } from '../server/app';
import { openPortalDatabase } from '../server/db/database';
import { loadSampleCorpus } from '../server/sample/load';
import { makeTempDir } from '../tests/support/temp-dir';
import { round } from './stats';

interface ContentRow {
  type: string;
  id: string;
  version: number;
  updated_at: string;
  data: string;
}

export async function snapshotFormatBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 10_000);
  const temp = makeTempDir('ewsi-bench-snapshot-format-');
  const portalFile = path.join(temp.dir, 'portal.sqlite');
  const database = await openPortalDatabase({ file: portalFile });
  try {
    const portal = createPortal({ database, storageDir: path.join(temp.dir, 'files'), editorToken: 'bench-editor-token-0123456789' });
    await loadSampleCorpus(portal.content, portal.attachments, { documents });

    let started = performance.now();
    const info = await portal.snapshots.build();
    const jsonlBuildS = (performance.now() - started) / 1000;
    started = performance.now();
    let lines = 0;
    for await (const line of readline.createInterface({ input: fs.createReadStream(portal.snapshots.pathOf(info.sha256)).pipe(createGunzip()), crlfDelay: Infinity })) {
      JSON.parse(line);
      lines += 1;
    }
    const jsonlReadS = (performance.now() - started) / 1000;

    const sqliteFile = path.join(temp.dir, 'snapshot.sqlite');
    started = performance.now();
    const source = new Database(portalFile, { readonly: true });
    const target = new Database(sqliteFile);
    target.pragma('journal_mode = OFF');
    target.pragma('synchronous = OFF');
    target.exec('CREATE TABLE records (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id))');
    const insert = target.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?)');
    const rows = source.prepare('SELECT type, id, version, updated_at, data FROM content WHERE deleted = 0 AND hidden = 0 ORDER BY version');
    target.transaction(() => {
      for (const row of rows.iterate() as Iterable<ContentRow>) insert.run(row.type, row.id, row.version, row.updated_at, row.data);
    })();
    target.exec('VACUUM');
    target.close();
    source.close();
    const sqliteBuildS = (performance.now() - started) / 1000;
    const sqliteBytes = fs.readFileSync(sqliteFile);
    started = performance.now();
    const sqliteGzBytes = gzipSync(sqliteBytes, { level: 6 }).length;
    const sqliteGzS = (performance.now() - started) / 1000;
    started = performance.now();
    const reader = new Database(sqliteFile, { readonly: true });
    let read = 0;
    for (const row of reader.prepare('SELECT type, id, version, updated_at, data FROM records ORDER BY version').iterate() as Iterable<ContentRow>) {
      JSON.parse(row.data);
      read += 1;
    }
    reader.close();
    const sqliteReadS = (performance.now() - started) / 1000;
    if (read !== lines - 1) throw new Error(`the two formats hold ${lines - 1} and ${read} records`);
    return {
      docs: documents,
      records: info.records,
      jsonl_gz_mb: round(info.size / 1e6, 2),
      jsonl_gz_build_s: round(jsonlBuildS, 2),
      jsonl_gz_read_s: round(jsonlReadS, 2),
      sqlite_mb: round(sqliteBytes.length / 1e6, 2),
      sqlite_build_s: round(sqliteBuildS, 2),
      sqlite_gz_mb: round(sqliteGzBytes / 1e6, 2),
      sqlite_gz_build_s: round(sqliteBuildS + sqliteGzS, 2),
      sqlite_read_s: round(sqliteReadS, 2),
    };
  } finally {
    await database.close();
    temp.cleanup();
  }
}
