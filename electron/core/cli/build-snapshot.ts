// `ewsi build-snapshot --server URL --out DIR`: the prebuilt corpus a portal
// serves for first syncs. It is this build's own sync (the core's writer,
// migrations and derivations, into a throwaway data folder, without
// attachments), compacted (VACUUM INTO) and gzip-compressed, with a manifest
// naming its schema level, feed version, sizes and SHA-256. Run it where the
// portal keeps its files, with DIR its <storage>/snapshots/prebuilt folder
// (server/prebuilt-snapshots.ts lists and serves what it finds there). The
// portal cannot build this file itself: its layer may not import the desktop's
// corpus code, and the file is only worth having if that code wrote it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { PREBUILT_SNAPSHOT_FORMAT, prebuiltSnapshotInfo, snapshotFilePath, type PrebuiltSnapshotInfo } from '../../../shared/snapshot';
import { createCore } from '../core';
import { corpusSchemaLevel, writePrebuiltCorpus } from '../db/prebuilt-corpus';
import { CORPUS_FILE, openCorpusStore } from '../db/stores';

/** Prebuilt corpora kept per schema level in the folder: a client still downloading the one before the newest can finish it. */
const KEPT = 3;

export interface BuildSnapshotOptions {
  serverUrl: string;
  outDir: string;
  appVersion: string;
  allowInsecurePortal?: boolean;
}

/** Builds the prebuilt corpus of the portal at `serverUrl` into `outDir`; returns its manifest. */
export async function buildPrebuiltSnapshot(options: BuildSnapshotOptions): Promise<PrebuiltSnapshotInfo> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-build-snapshot-'));
  fs.mkdirSync(options.outDir, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const database = path.join(options.outDir, `.building-${stamp}.sqlite`);
  const compressed = `${database}.gz`;
  try {
    const core = await createCore({ dataDir: work, appVersion: options.appVersion, sync: {} });
    try {
      core.settings.update({ serverUrl: options.serverUrl, attachmentPolicy: { mode: 'none', maxBytes: null }, ...(options.allowInsecurePortal ? { allowInsecurePortal: true } : {}) });
      await core.sync.run();
    } finally {
      await core.close();
    }
    const store = await openCorpusStore(path.join(work, CORPUS_FILE));
    let written;
    try {
      written = writePrebuiltCorpus(store, database);
    } finally {
      await store.close();
    }
    const { sha256, size } = await gzipHashed(database, compressed);
    await fsp.rename(compressed, path.join(options.outDir, `${sha256}.sqlite.gz`));
    const manifest = prebuiltSnapshotInfo.parse({
      format: PREBUILT_SNAPSHOT_FORMAT,
      schema: corpusSchemaLevel(),
      version: written.version,
      sha256,
      size,
      databaseSize: written.databaseSize,
      records: written.records,
      created: new Date().toISOString(),
      url: snapshotFilePath(sha256),
    });
    // The manifest last, renamed into place: a portal never lists a file still being written.
    const manifestTemp = path.join(options.outDir, `.building-${stamp}.json`);
    await fsp.writeFile(manifestTemp, `${JSON.stringify(manifest, null, 2)}\n`);
    await fsp.rename(manifestTemp, path.join(options.outDir, `${sha256}.json`));
    await prune(options.outDir, manifest.schema);
    return manifest;
  } finally {
    for (const leftover of [database, compressed, `${database}-journal`]) await fsp.rm(leftover, { force: true });
    await fsp.rm(work, { recursive: true, force: true });
  }
}

async function gzipHashed(source: string, target: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(source), createGzip({ level: 6 }), tap, fs.createWriteStream(target, { mode: 0o644 }));
  return { sha256: hash.digest('hex'), size };
}

/** Keeps the newest few corpora of `schema` in the folder; older ones' manifests go first, then their files. */
async function prune(dir: string, schema: string): Promise<void> {
  const manifests: PrebuiltSnapshotInfo[] = [];
  for (const name of await fsp.readdir(dir)) {
    if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
    const parsed = prebuiltSnapshotInfo.safeParse(JSON.parse(await fsp.readFile(path.join(dir, name), 'utf8')));
    if (parsed.success && parsed.data.schema === schema) manifests.push(parsed.data);
  }
  manifests.sort((a, b) => b.version - a.version || b.created.localeCompare(a.created));
  for (const old of manifests.slice(KEPT)) {
    await fsp.rm(path.join(dir, `${old.sha256}.json`), { force: true });
    await fsp.rm(path.join(dir, `${old.sha256}.sqlite.gz`), { force: true });
  }
}
