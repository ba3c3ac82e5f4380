import { performance } from 'node:perf_hooks';
import { forkCoreProcess } from '../electron/core/host/core-client';
import { makeTempDir } from '../tests/support/temp-dir';
import { quantile, round } from './stats';

/** Latency of app.info through the real core process, as the app's windows see it. */
export async function coreRoundTrip(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const calls = Number(options.calls ?? 5000);
  const temp = makeTempDir('ewsi-bench-');
  const core = await forkCoreProcess({ dataDir: temp.dir });
  try {
    for (let i = 0; i < 200; i += 1) await core.api['app.info']({}); // warm-up
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < calls; i += 1) {
      const t0 = performance.now();
      await core.api['app.info']({});
      latencies.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      calls,
      calls_per_s: Math.round(calls / seconds),
      p50_ms: round(quantile(latencies, 0.5), 3),
      p99_ms: round(quantile(latencies, 0.99), 3),
    };
  } finally {
    await core.close();
    temp.cleanup();
  }
}
