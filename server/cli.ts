// `npm run server -- …`: the portal server and its editor tools.
//   serve (default)    [--port 8787] [--host 127.0.0.1] [--db FILE] [--storage DIR] [--sample N] [--editor-token T] [--updates DIR] [--trusted-proxy ADDR …]
//   import FILE        apply a JSON Lines file of operations (see server/import.ts)
//   purge-tombstones --upto V
//   snapshot           build a corpus snapshot now (serve also builds one every --snapshot-every minutes)
// DATABASE_URL=postgres://… selects PostgreSQL instead of the SQLite file;
// EWSI_UPDATES_DIR (or --updates) is the folder served at /updates/.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPortal } from './app';
import { openPortalDatabase } from './db/database';
import { ApiFailure } from './errors';
import { parseImportLines } from './import';
import { loadSampleCorpus } from './sample/load';
import { listen } from './serve';
import { scheduleSnapshots } from './snapshots';

const usage = `Usage:
  npm run server -- [serve] [--port 8787] [--host 127.0.0.1] [--db FILE] [--storage DIR] [--sample N] [--editor-token T] [--updates DIR] [--trusted-proxy ADDR …]
  npm run server -- import FILE [--db FILE]
  npm run server -- purge-tombstones --upto VERSION [--db FILE]
  npm run server -- snapshot [--db FILE] [--storage DIR]
serve --snapshot-every MINUTES (default 60; 0: never) builds a corpus snapshot at start and then whenever the corpus
  changed, for clients' first sync (GET /api/v1/snapshot); POST /api/v1/editor/snapshots builds one on demand.
Set DATABASE_URL=postgres://… to use PostgreSQL instead of the SQLite file.
--updates DIR (or EWSI_UPDATES_DIR) serves the app's update files (latest*.yml, installers, blockmaps) at /updates/.
--trusted-proxy ADDR (repeatable, or EWSI_TRUSTED_PROXIES=a,b): a reverse proxy whose X-Forwarded-For names the client
  for rate limits; without it the header is ignored, since any client could forge it.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: '.data/portal/portal.sqlite' },
      storage: { type: 'string' },
      sample: { type: 'string' },
      'editor-token': { type: 'string' },
      updates: { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
      upto: { type: 'string' },
      'snapshot-every': { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(usage);
  const [command = 'serve', ...rest] = positionals;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535\n${usage}`);
  const updatesDir = values.updates ?? (process.env.EWSI_UPDATES_DIR || undefined);
  if (command === 'serve' && updatesDir !== undefined && !fs.statSync(updatesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`The updates folder ${path.resolve(updatesDir)} (--updates or EWSI_UPDATES_DIR) is not a directory\n${usage}`);
  }
  const databaseUrl = process.env.DATABASE_URL;
  const database = await openPortalDatabase(databaseUrl ? { url: databaseUrl } : { file: values.db });
  const storageDir = values.storage ?? (databaseUrl ? '.data/portal/files' : path.join(path.dirname(values.db), 'files'));
  const editorToken = values['editor-token'] ?? process.env.EWSI_EDITOR_TOKEN ?? randomBytes(24).toString('base64url');
  const trustedProxies = values['trusted-proxy'] ?? (process.env.EWSI_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const portal = createPortal({ database, storageDir, editorToken, updatesDir: updatesDir && path.resolve(updatesDir), trustedProxies });
  const where = databaseUrl ? 'PostgreSQL' : `SQLite ${path.resolve(values.db)}`;

  if (command === 'import') {
    if (!rest[0]) throw new Error(`import needs a file\n${usage}`);
    const written = await portal.content.write(parseImportLines(fs.readFileSync(rest[0], 'utf8')));
    console.log(`Imported ${written.length} operation(s) into ${where}; latest version ${written.at(-1)?.version}`);
    return database.close();
  }
  if (command === 'purge-tombstones') {
    const upto = Number(values.upto);
    if (!Number.isInteger(upto) || upto < 0) throw new Error(`purge-tombstones needs --upto VERSION\n${usage}`);
    console.log(JSON.stringify(await portal.content.purgeTombstones(upto)));
    return database.close();
  }
  if (command === 'snapshot') {
    const started = Date.now();
    const info = await portal.snapshots.build();
    console.log(`Snapshot of ${info.records} records at version ${info.version}: ${info.sha256} (${info.size} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return database.close();
  }
  const snapshotEvery = Number(values['snapshot-every']);
  if (!Number.isFinite(snapshotEvery) || snapshotEvery < 0) throw new Error(`--snapshot-every must be a number of minutes (0: never)\n${usage}`);
  if (command !== 'serve') throw new Error(`Unknown command ${command}\n${usage}`);

  if (values.sample !== undefined) {
    const documents = Number(values.sample);
    if (!Number.isInteger(documents) || documents < 1) throw new Error(`--sample must be a positive whole number\n${usage}`);
    const { latest } = await portal.content.latestVersion();
    if (latest > 0) {
      console.log(`The database already has content (version ${latest}); not loading the sample again.`);
    } else {
      const started = Date.now();
      const { records } = await loadSampleCorpus(portal.content, portal.attachments, {
        documents,
        onProgress: (written, total) => process.stdout.isTTY && process.stdout.write(`\rLoading the sample corpus: ${written}/${total}`),
      });
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.log(`Loaded a sample corpus of ${records} records (${documents} documents) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  const stopSnapshots = snapshotEvery > 0 ? scheduleSnapshots(portal.snapshots, snapshotEvery) : () => undefined;
  const server = await listen(portal.app, port, values.host);
  console.log(`EWSI portal on ${server.url} (${where})`);
  console.log(`Change feed: ${server.url}/api/v1/changes   OpenAPI: ${server.url}/api/openapi.json`);
  if (updatesDir) console.log(`Updates: ${server.url}/updates/ from ${path.resolve(updatesDir)}`);
  if (!values['editor-token'] && !process.env.EWSI_EDITOR_TOKEN) console.log(`Editor token for this run: ${editorToken}`);
  const stop = async () => {
    stopSnapshots();
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ApiFailure || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
