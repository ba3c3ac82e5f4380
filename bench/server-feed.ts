// Change-feed throughput and latency under concurrent load from autocannon on
// loopback, on SQLite and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL).
import autocannon from 'autocannon';
import { createPortal } from '../server/app';
import { migratePortal } from '../server/db/database';
import { loadSampleCorpus } from '../server/sample/load';
import { listen } from '../server/serve';
import { postgresServerEngine, sqliteEngine, type TestEngine } from '../tests/support/databases';
import { makeTempDir } from '../tests/support/temp-dir';
import { serverInstances } from './server-instances';
import { round } from './stats';

async function measure(engine: TestEngine, documents: number, limit: number, connections: number, duration: number): Promise<Record<string, number>> {
  const database = await engine.create();
  const temp = makeTempDir('ewsi-bench-portal-');
  try {
    await migratePortal(database.db);
    const portal = createPortal({
      database: { db: database.db, dialect: database.dialect, close: async () => {} },
      storageDir: temp.dir,
      editorToken: 'bench-editor-token',
      rateLimits: { perAddress: { limit: 1e9, windowMs: 60_000 } },
    });
    const loadStarted = Date.now();
    const { records } = await loadSampleCorpus(portal.content, portal.attachments, { documents });
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const server = await listen(portal.app, 0);
    // Every page of a full sync, in order; each connection walks them as a client would.
    const paths: string[] = [];
    for (let since = 0; since < records; since += limit) paths.push(`/api/v1/changes?since=${since}&limit=${limit}`);
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    await server.close();
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${engine.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    const recordsPerRequest = records / paths.length;
    return {
      records,
      load_s: round(loadSeconds, 1),
      requests: result.requests.total,
      req_per_s: round(result.requests.average, 1),
      records_per_s: Math.round(result.requests.average * recordsPerRequest),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      mb_per_s: round(result.throughput.average / 1e6, 1),
    };
  } finally {
    await database.cleanup();
    temp.cleanup();
  }
}

export async function serverFeed(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 2000);
  const limit = Number(options.limit ?? 500);
  const connections = Number(options.connections ?? 16);
  const duration = Number(options.duration ?? 10);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const sqlite = await measure(sqliteEngine, documents, limit, connections, duration);
  const postgres = pgUrl
    ? await measure(postgresServerEngine(pgUrl), documents, limit, connections, duration)
    : { skipped: 'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database' };
  const instances = await serverInstances({
    documents,
    limit,
    connections,
    duration,
    subscribers: Number(options.subscribers ?? 2000),
    rounds: Number(options.rounds ?? 20),
  });
  return { docs: documents, page_limit: limit, connections, duration_s: duration, sqlite, postgres, three_instances: instances };
}
