// `npm run bench -- NAME [options]`: runs one benchmark and prints one JSON line.
import { parseArgs } from 'node:util';
import { coreRoundTrip } from './core-round-trip';
import { fulltextBench } from './fulltext';
import { serverFeed } from './server-feed';
import { snapshotFormatBench } from './snapshot-format';
import { syncBench } from './sync';
import { searchBench } from './search';
import { libraryBench } from './library';

export type Benchmark = (options: Record<string, string | undefined>) => Promise<Record<string, unknown>>;

const benchmarks: Record<string, { describe: string; run: Benchmark }> = {
  core: { describe: 'contract round trips to the core process (latency, calls/s)', run: coreRoundTrip },
  search: { describe: 'search p50/p95 with snippets and facets vs a naive FTS5 query, suggestions; then with every PDF\'s text extracted and indexed first (extract_pages_per_s, index_mb with and without it), memory by phase [--docs 100000 --rounds 5 --fulltext 0|1 --reuse-dir DIR: keep the built library there and reuse it --extract-for-s S: stop extraction after S s, to carry on next time]', run: searchBench },
  fulltext: { describe: 'PDF text extraction after a fresh sync: pages/s, time until fully searchable, contract round trips meanwhile and during a hostile PDF [--docs 100000]', run: fulltextBench },
  sync: { describe: 'full sync by the feed and from the snapshot, 1 % incremental and no-op sync vs a raw bulk insert [--docs 100000 --only prebuilt: the feed and the prebuilt corpus alone, to iterate]', run: syncBench },
  'snapshot-format': { describe: 'the corpus snapshot as gzip JSON Lines vs a SQLite file: size, build and read times [--docs 10000]', run: snapshotFormatBench },
  library: { describe: 'library screen in Chromium: navigation to first visible row (p50/max), most DOM rows while scrolling [--docs 100000 --rounds 7 --steps 300]', run: libraryBench },
  server: {
    describe: 'change-feed throughput and p50/p99 under autocannon load, one instance per engine and three on one database; change-stream fan-out [--docs N --limit N --connections N --duration S --subscribers 2000 --rounds 20]',
    run: serverFeed,
  },
};

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: {
      calls: { type: 'string' },
      docs: { type: 'string' },
      limit: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      fulltext: { type: 'string' },
      steps: { type: 'string' },
      subscribers: { type: 'string' },
      'reuse-dir': { type: 'string' },
      'extract-for-s': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const name = positionals[0];
  const benchmark = name ? benchmarks[name] : undefined;
  if (!benchmark) {
    console.error(`Usage: npm run bench -- NAME [options]\nBenchmarks:\n${Object.entries(benchmarks).map(([key, b]) => `  ${key.padEnd(8)} ${b.describe}`).join('\n')}`);
    process.exit(2);
  }
  const result = await benchmark.run(values as Record<string, string | undefined>);
  console.log(JSON.stringify({ bench: name, ...result }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
