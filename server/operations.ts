// What a load balancer and an operator use: /healthz (the process answers and
// reads its database), /readyz (the database answers and is fully migrated,
// and the instance is not shutting down), /metrics (Prometheus text), and one
// JSON line per request in the log.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { pendingMigrations, type PortalDatabase } from './db/database';
import type { ChangeStreams } from './change-streams';
import type { ContentStore } from './content/store';
import type { PortalLog } from './log';

/** Latency buckets in seconds: loopback reads take a millisecond, a full feed page tens of ms, an upload seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Counters and histograms of this instance, since it started; Prometheus sums them over instances. */
export class PortalMetrics {
  private readonly requests = new Map<string, number>();
  private readonly latencies = new Map<string, Histogram>();

  /** `route` is the route's pattern (`/api/v1/records/:id`), never the path: the labels stay a bounded set. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const latencyKey = `method="${method}",route="${escapeLabel(route)}"`;
    let histogram = this.latencies.get(latencyKey);
    if (!histogram) this.latencies.set(latencyKey, (histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) histogram.counts[index]! += 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  /** The exposition text; gauges are passed in as read now. */
  render(gauges: Array<{ name: string; help: string; type?: 'gauge' | 'counter'; value: number | undefined }>): string {
    const lines: string[] = [];
    lines.push('# HELP ewsi_http_requests_total HTTP requests answered, by route pattern and status.', '# TYPE ewsi_http_requests_total counter');
    for (const [labels, value] of this.requests) lines.push(`ewsi_http_requests_total{${labels}} ${value}`);
    lines.push('# HELP ewsi_http_request_duration_seconds Time to answer (to the head for streamed bodies).', '# TYPE ewsi_http_request_duration_seconds histogram');
    for (const [labels, histogram] of this.latencies) {
      BUCKETS.forEach((bound, index) => lines.push(`ewsi_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${histogram.counts[index]}`));
      lines.push(`ewsi_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${histogram.count}`);
      lines.push(`ewsi_http_request_duration_seconds_sum{${labels}} ${histogram.sum}`);
      lines.push(`ewsi_http_request_duration_seconds_count{${labels}} ${histogram.count}`);
    }
    for (const gauge of gauges) {
      // A gauge with nothing to measure (no snapshot built yet) is left out rather than shown as a made-up number.
      if (gauge.value === undefined) continue;
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} ${gauge.type ?? 'gauge'}`, `${gauge.name} ${gauge.value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Counts and times every request and logs it as one JSON line. */
export function requestObserver(metrics: PortalMetrics, log: PortalLog | undefined): MiddlewareHandler {
  return async (c, next) => {
    const started = process.hrtime.bigint();
    await next();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The matched pattern; a request no route took is counted under one label.
    const route = c.req.routePath === '/*' ? 'unmatched' : c.req.routePath;
    metrics.observe(c.req.method, route, c.res.status, seconds);
    log?.info('request', { method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(seconds * 1e4) / 10 });
  };
}

export interface OperationsDeps {
  database: PortalDatabase;
  content: ContentStore;
  streams: ChangeStreams;
  metrics: PortalMetrics;
  /** True once shutdown began: readiness fails so the load balancer sends no more. */
  draining: () => boolean;
  /** Seconds since the newest snapshot was built; undefined while there is none. */
  snapshotAgeSeconds?: () => Promise<number | undefined>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function operationsRoutes(app: Hono, deps: OperationsDeps): void {
  const { database, content, streams, metrics } = deps;
  const dialect = database.dialect;

  // Liveness: the process answers and reads its database.
  app.get('/healthz', async (c) => {
    try {
      const { latest } = await content.latestVersion();
      return c.json({ status: 'ok', database: dialect, latest });
    } catch (error) {
      return c.json({ status: 'unavailable', database: dialect, message: message(error) }, 503);
    }
  });

  // Readiness: send requests here only while this answers 200.
  app.get('/readyz', async (c: Context) => {
    if (deps.draining()) return c.json({ status: 'draining', database: dialect, message: 'This instance is shutting down: it finishes the requests it has and takes no new ones' }, 503);
    try {
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) return c.json({ status: 'migrating', database: dialect, message: `The database still lacks migrations ${pending.join(', ')}` }, 503);
      const { latest } = await content.latestVersion();
      return c.json({ status: 'ready', database: dialect, latest });
    } catch (error) {
      return c.json({ status: 'unavailable', database: dialect, message: `The database does not answer: ${message(error)}` }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    const latest = await content.latestVersion().then(
      (head) => head.latest,
      () => undefined,
    );
    const snapshotAge = deps.snapshotAgeSeconds ? await deps.snapshotAgeSeconds().catch(() => undefined) : undefined;
    const text = metrics.render([
      { name: 'ewsi_feed_latest_version', help: 'The change feed\'s newest version, as read from the database.', value: latest },
      { name: 'ewsi_snapshot_age_seconds', help: 'Seconds since the newest corpus snapshot was built (absent while there is none).', value: snapshotAge },
      { name: 'ewsi_change_streams_connected', help: 'Change streams (SSE) this instance holds open.', value: streams.connected },
      { name: 'ewsi_change_streams_refused_total', help: 'Change streams refused at the per-instance bound.', type: 'counter', value: streams.refused },
      { name: 'ewsi_change_announcements_total', help: 'New feed versions announced to this instance\'s streams.', type: 'counter', value: streams.announcements },
      { name: 'ewsi_draining', help: '1 while this instance shuts down.', value: deps.draining() ? 1 : 0 },
    ]);
    return c.body(text, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
}
