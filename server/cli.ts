// `npm run server -- …`: the portal server and its editor tools.
//   serve (default)    [--port 8787] [--host 127.0.0.1] [--db FILE] [--storage DIR] [--sample N] [--editor-token T] [--updates DIR] [--trusted-proxy ADDR …]
//                      [--instances N] [--max-streams N]
//   import FILE        apply a JSON Lines file of operations (see server/import.ts)
//   purge-tombstones --upto V
//   snapshot           build a corpus snapshot now (serve also builds one every --snapshot-every minutes)
// DATABASE_URL=postgres://… selects PostgreSQL instead of the SQLite file;
// EWSI_UPDATES_DIR (or --updates) is the folder served at /updates/.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPortal } from './app';
import { openPortalDatabase } from './db/database';
import { ApiFailure } from './errors';
import { parseImportLines } from './import';
import { superviseInstances } from './instances';
import { jsonLinesLog } from './log';
import { loadSampleCorpus } from './sample/load';
import { listen } from './serve';
import { scheduleSnapshots } from './snapshots';

/** How long a graceful shutdown waits for requests in flight before the process exits regardless. */
const SHUTDOWN_GRACE_MS = 30_000;

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
  for rate limits; without it the header is ignored, since any client could forge it.
--instances N: N portal processes on the one database, on ports PORT..PORT+N-1 (each a free one with --port 0).
--max-streams N: change streams (SSE) one instance holds at most (default 5000); past it, 503 with Retry-After.
Logs are JSON lines on stdout; SIGTERM or SIGINT stops after the requests in flight.`;

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
      instances: { type: 'string' },
      'max-streams': { type: 'string' },
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
  const instances = values.instances === undefined ? 1 : Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 64) throw new Error(`--instances must be a whole number from 1 to 64\n${usage}`);
  const maxStreams = values['max-streams'] === undefined ? undefined : Number(values['max-streams']);
  if (maxStreams !== undefined && (!Number.isInteger(maxStreams) || maxStreams < 0)) throw new Error(`--max-streams must be a whole number\n${usage}`);
  const log = jsonLinesLog(process.env.EWSI_INSTANCE ?? (instances > 1 ? 'supervisor' : 'portal'));
  const databaseUrl = process.env.DATABASE_URL;
  const database = await openPortalDatabase(databaseUrl ? { url: databaseUrl } : { file: values.db });
  const storageDir = values.storage ?? (databaseUrl ? '.data/portal/files' : path.join(path.dirname(values.db), 'files'));
  const editorToken = values['editor-token'] ?? process.env.EWSI_EDITOR_TOKEN ?? randomBytes(24).toString('base64url');
  const trustedProxies = values['trusted-proxy'] ?? (process.env.EWSI_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const portal = createPortal({
    database,
    storageDir,
    editorToken,
    updatesDir: updatesDir && path.resolve(updatesDir),
    trustedProxies,
    log,
    changeStreams: maxStreams === undefined ? undefined : { maxStreams },
  });
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
      log.info(`The database already has content (version ${latest}); not loading the sample again.`);
    } else {
      const started = Date.now();
      const { records } = await loadSampleCorpus(portal.content, portal.attachments, {
        documents,
        onProgress: (written, total) => process.stdout.isTTY && process.stdout.write(`\rLoading the sample corpus: ${written}/${total}`),
      });
      if (process.stdout.isTTY) process.stdout.write('\n');
      log.info(`Loaded a sample corpus of ${records} records (${documents} documents) in ${((Date.now() - started) / 1000).toFixed(1)} s`, { records, documents });
    }
  }
  if (!values['editor-token'] && !process.env.EWSI_EDITOR_TOKEN) log.info(`Editor token for this run: ${editorToken}`);

  if (instances > 1) {
    // The database is migrated and the sample loaded once, here; each instance then only serves.
    await database.close();
    const forwarded = process.argv.slice(2).filter((_, index, all) => !['--instances', '--port', '--sample'].includes(all[index - 1] ?? '') && !/^--(instances|port|sample)(=|$)/.test(all[index] ?? ''));
    await superviseInstances({
      count: instances,
      basePort: port,
      entry: fileURLToPath(import.meta.url),
      args: forwarded,
      env: { ...process.env, EWSI_EDITOR_TOKEN: editorToken },
      log,
    });
    return;
  }

  // One builder per database: in a multi-instance run the first instance builds the snapshots.
  const buildsSnapshots = snapshotEvery > 0 && (process.env.EWSI_INSTANCE ?? 'instance-0') === 'instance-0';
  const stopSnapshots = buildsSnapshots ? scheduleSnapshots(portal.snapshots, snapshotEvery) : () => undefined;
  const server = await listen(portal.app, port, values.host);
  log.info(`EWSI portal on ${server.url} (${where})`, { url: server.url, database: databaseUrl ? 'postgres' : 'sqlite' });
  log.info(`Change feed: ${server.url}/api/v1/changes   OpenAPI: ${server.url}/api/openapi.json   Metrics: ${server.url}/metrics`);
  if (updatesDir) log.info(`Updates: ${server.url}/updates/ from ${path.resolve(updatesDir)}`);
  process.send?.({ ready: server.url });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining: no new requests, finishing those in flight`);
    // Readiness fails and the change streams end first: their clients reconnect to another instance.
    portal.drain();
    stopSnapshots();
    const grace = setTimeout(() => {
      log.error(`requests still in flight after ${SHUTDOWN_GRACE_MS / 1000} s; exiting regardless`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    grace.unref();
    await server.close();
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // An instance of `--instances N` whose supervisor is gone (killed, crashed) stops as on SIGTERM: never an orphan.
  if (process.send) process.once('disconnect', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ApiFailure || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
