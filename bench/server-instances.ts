// The portal at scale: three instances (`npm run server -- --instances 3`) on
// one database (PostgreSQL by BENCH_DATABASE_URL or TEST_DATABASE_URL, else one
// SQLite file). Feed pages through all three under autocannon (records/s,
// p50/p99), then 2,000 change-stream subscribers held on one instance and the
// time from a publication to the last subscriber's announcement, for a
// publication on the same instance and on another one (which that instance
// learns of by polling the feed head).
import autocannon from 'autocannon';
import http from 'node:http';
import path from 'node:path';
import { postgresServerEngine, type TestDatabase } from '../tests/support/databases';
import { startPortalInstances, type PortalInstances } from '../tests/support/portal-instances';
import { sampleDocument } from '../tests/support/portal';
import { makeTempDir } from '../tests/support/temp-dir';
import { quantile, round } from './stats';

const INSTANCES = 3;

interface Subscriber {
  latest: number;
  counted: boolean;
  request: http.ClientRequest;
}

/** Opens `count` streams on `url`, a few hundred at a time, and resolves once each has its first announcement. */
async function subscribe(url: string, count: number, onAnnouncement: (subscriber: Subscriber) => void): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  const openOne = () =>
    new Promise<Subscriber>((resolve, reject) => {
      const request = http.get(`${url}/api/v1/changes/stream`, { agent: false }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`a stream answered ${response.statusCode}`));
        response.setEncoding('utf8');
        let first = true;
        response.on('data', (chunk: string) => {
          const found = [...chunk.matchAll(/data: \{"latest":(\d+)\}/g)].at(-1);
          if (!found) return;
          subscriber.latest = Number(found[1]);
          if (first) {
            first = false;
            resolve(subscriber);
          } else onAnnouncement(subscriber);
        });
      });
      const subscriber: Subscriber = { latest: -1, counted: false, request };
      request.on('error', reject);
    });
  for (let start = 0; start < count; start += 250) {
    subscribers.push(...(await Promise.all(Array.from({ length: Math.min(250, count - start) }, openOne))));
  }
  return subscribers;
}

/**
 * Counts subscribers told of the version awaited; the bench is the only writer,
 * so each publication's version is the one after the last.
 */
class Rounds {
  target = Number.POSITIVE_INFINITY;
  private told = 0;
  private done: (() => void) | undefined;

  constructor(private readonly total: number) {}

  announced(subscriber: Subscriber): void {
    if (subscriber.latest >= this.target && !subscriber.counted) {
      subscriber.counted = true;
      if ((this.told += 1) === this.total) this.done?.();
    }
  }

  expect(version: number, subscribers: Subscriber[]): Promise<void> {
    this.target = version;
    this.told = 0;
    for (const subscriber of subscribers) subscriber.counted = false;
    return new Promise((resolve) => (this.done = resolve));
  }
}

/** For each publication: ms from sending it until the last of the subscribers was told of its version. */
async function publicationToLastSubscriber(portal: PortalInstances, subscribers: Subscriber[], rounds: Rounds, publishOn: number, count: number, firstId: number): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const head = (await (await fetch(`${portal.urls[publishOn]}/api/v1/changes?since=0&limit=1`)).json()) as { latest: number };
    const everyoneTold = rounds.expect(head.latest + 1, subscribers);
    const started = performance.now();
    const id = `doc-bench-${firstId + index}`;
    const response = await portal.editor(publishOn, 'PUT', `/api/v1/editor/document/${id}`, sampleDocument(id));
    if (response.status !== 200) throw new Error(`publishing answered ${response.status}`);
    await everyoneTold;
    times.push(performance.now() - started);
  }
  return times;
}

export async function serverInstances(options: { documents: number; limit: number; connections: number; duration: number; subscribers: number; rounds: number }): Promise<Record<string, unknown>> {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const temp = makeTempDir('ewsi-bench-instances-');
  let database: TestDatabase | undefined;
  let portal: PortalInstances | undefined;
  try {
    database = pgUrl ? await postgresServerEngine(pgUrl).create() : undefined;
    const args = database
      ? ['--storage', temp.dir]
      : ['--db', path.join(temp.dir, 'portal.sqlite')];
    const started = Date.now();
    portal = await startPortalInstances(INSTANCES, [...args, '--sample', String(options.documents), '--max-streams', String(options.subscribers + 100)], {
      DATABASE_URL: database?.url ?? '',
    });
    const loadSeconds = (Date.now() - started) / 1000;
    const head = (await (await fetch(`${portal.urls[0]}/api/v1/changes?since=0&limit=1`)).json()) as { latest: number };
    const records = head.latest;
    const paths: string[] = [];
    for (let since = 0; since < records; since += options.limit) paths.push(`/api/v1/changes?since=${since}&limit=${options.limit}`);
    const result = await autocannon({
      // Connections spread over the three instances, as a load balancer would. autocannon takes a list of
      // URLs (its README: "More than one URL is allowed"); its type declarations only know one.
      url: portal.urls as unknown as string,
      connections: options.connections,
      duration: options.duration,
      requests: paths.map((route) => ({ method: 'GET', path: route })),
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    const feed = {
      records,
      start_and_load_s: round(loadSeconds, 1),
      requests: result.requests.total,
      req_per_s: round(result.requests.average, 1),
      records_per_s: Math.round((result.requests.average * records) / paths.length),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
    };

    const subscribeStarted = performance.now();
    const rounds = new Rounds(options.subscribers);
    const subscribers = await subscribe(portal.urls[0]!, options.subscribers, (subscriber) => rounds.announced(subscriber));
    const subscribeSeconds = (performance.now() - subscribeStarted) / 1000;
    const sameInstance = await publicationToLastSubscriber(portal, subscribers, rounds, 0, options.rounds, 0);
    const otherInstance = await publicationToLastSubscriber(portal, subscribers, rounds, 1, options.rounds, options.rounds);
    for (const subscriber of subscribers) subscriber.request.destroy();
    const summary = (times: number[]) => ({ p50_ms: round(quantile(times, 0.5), 1), p99_ms: round(quantile(times, 0.99), 1), max_ms: round(Math.max(...times), 1) });
    return {
      database: database ? 'postgres' : 'sqlite',
      instances: INSTANCES,
      feed,
      streams: {
        subscribers: options.subscribers,
        on_instance: 0,
        connect_all_s: round(subscribeSeconds, 2),
        publications: options.rounds,
        to_last_subscriber_published_same_instance: summary(sameInstance),
        to_last_subscriber_published_other_instance: summary(otherInstance),
      },
    };
  } finally {
    await portal?.stop();
    await database?.cleanup();
    temp.cleanup();
  }
}
