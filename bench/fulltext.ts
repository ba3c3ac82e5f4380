// PDF full text at scale: a freshly synced library (portal in another
// process, attachment policy "all") is read page by page by the core's worker
// thread until every PDF is searchable. Reports extraction throughput, the time
// from the first sync request until the library is fully searchable, and the
// core's answers meanwhile: contract round trips (sync.status, search.query)
// and event-loop delay, while the sample's PDFs and then a hostile PDF
// (40,000 pages, stopped at its time budget) are read.
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore, type Core } from '../electron/core/core';
import { manyPagesPdf } from '../tests/support/hostile-pdf';
import { makeTempDir } from '../tests/support/temp-dir';
import { startPortalProcess } from './portal-process';
import { quantile, round } from './stats';

const EDITOR_TOKEN = 'bench-editor-token-0123456789';

/** Round trips through the contract while `work` runs, and the event loop's delay over the same time. */
async function answersWhile<T>(core: Core, work: Promise<T>): Promise<{ result: T; roundTripMs: number[]; statusMs: number[]; searchMs: number[]; loopDelayP99Ms: number }> {
  let busy = true;
  const finished = work.finally(() => (busy = false));
  const roundTripMs: number[] = [];
  const statusMs: number[] = [];
  const searchMs: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const queries = ['integration', 'housing', '"language courses"', 'refugees OR asylum'];
  for (let i = 0; busy; i += 1) {
    const started = performance.now();
    const answer = i % 2 === 0 ? await core.dispatch('sync.status', {}) : await core.dispatch('search.query', { query: queries[i % queries.length] });
    if (!answer.ok) throw new Error(answer.error.message);
    const took = performance.now() - started;
    roundTripMs.push(took);
    (i % 2 === 0 ? statusMs : searchMs).push(took);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  delay.disable();
  return { result: await finished, roundTripMs, statusMs, searchMs, loopDelayP99Ms: delay.percentile(99) / 1e6 };
}

export async function fulltextBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 100_000);
  const temp = makeTempDir('ewsi-bench-fulltext-');
  const portal = await startPortalProcess({ dbFile: path.join(temp.dir, 'portal', 'portal.sqlite'), documents, editorToken: EDITOR_TOKEN });
  try {
    const core = await createCore({ dataDir: path.join(temp.dir, 'desktop'), appVersion: 'bench', sync: { textExtraction: { budget: { timeMs: 10_000 } } } });
    core.settings.update({ serverUrl: portal.url, attachmentPolicy: { mode: 'all', maxBytes: null } });
    const started = performance.now();
    const synced = await core.sync.run();
    const syncSeconds = (performance.now() - started) / 1000;
    // The same calls with nothing else running: the machine's own noise, to read the figures below against.
    const idle = await answersWhile(core, new Promise((resolve) => setTimeout(resolve, 3000)));
    const extractionStarted = performance.now();
    const extraction = await answersWhile(core, core.sync.textExtractor.run());
    const extractSeconds = (performance.now() - extractionStarted) / 1000;
    const searchableSeconds = syncSeconds + extractSeconds;
    const coverage = core.sync.fullTextStatus();
    const found = core.search.search({ query: 'integration in:attachment' });

    // A hostile file arrives with the next sync: the core keeps answering while pdf.js is stopped at its budget.
    const hostile = manyPagesPdf(40_000);
    const editor = { authorization: `Bearer ${EDITOR_TOKEN}` };
    const uploaded = await fetch(`${portal.url}/api/v1/editor/attachments?fileName=many-pages.pdf`, { method: 'POST', headers: { ...editor, 'content-type': 'application/pdf' }, body: hostile.bytes });
    if (!uploaded.ok) throw new Error(`uploading the hostile PDF failed: ${uploaded.status}`);
    const attachment = (await uploaded.json()) as { sha256: string; size: number; fileName: string; mimeType: string };
    const put = await fetch(`${portal.url}/api/v1/editor/document/doc-hostile`, {
      method: 'PUT',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'doc-hostile', language: 'en', countries: [], themes: [], documentType: 'report', title: 'A hostile PDF', summary: '', body: '<p>x</p>', attachments: [attachment] }),
    });
    if (!put.ok) throw new Error(`publishing the hostile document failed: ${put.status} ${await put.text()}`);
    await core.sync.run();
    const hostileRun = await answersWhile(core, core.sync.textExtractor.run());
    await core.close();
    return {
      docs: documents,
      records: synced.upserts,
      attachments_downloaded: synced.attachments.downloaded,
      pdfs: coverage.pdfs,
      indexed: coverage.indexed,
      without_text: coverage.withoutText,
      failed: coverage.failed,
      pages: coverage.pages,
      sync_s: round(syncSeconds, 1),
      extract_s: round(extractSeconds, 1),
      extract_pages_per_s: round(coverage.pages / extractSeconds, 1),
      fully_searchable_s: round(searchableSeconds, 1),
      attachment_hits_for_integration: found.total,
      round_trip_p95_ms_idle: round(quantile(idle.roundTripMs, 0.95), 1),
      event_loop_delay_p99_ms_idle: round(idle.loopDelayP99Ms, 1),
      round_trip_p95_ms_while_extracting: round(quantile(extraction.roundTripMs, 0.95), 1),
      round_trips_while_extracting: extraction.roundTripMs.length,
      event_loop_delay_p99_ms_while_extracting: round(extraction.loopDelayP99Ms, 1),
      hostile_outcome: hostileRun.result.map((outcome) => `${outcome.fileName}: ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}`).join('; '),
      round_trip_p95_ms_while_hostile: round(quantile(hostileRun.roundTripMs, 0.95), 1),
      status_p95_ms_while_hostile: round(quantile(hostileRun.statusMs, 0.95), 1),
      search_p95_ms_while_hostile: round(quantile(hostileRun.searchMs, 0.95), 1),
      status_p95_ms_while_extracting: round(quantile(extraction.statusMs, 0.95), 1),
      search_p95_ms_while_extracting: round(quantile(extraction.searchMs, 0.95), 1),
      event_loop_delay_p99_ms_while_hostile: round(hostileRun.loopDelayP99Ms, 1),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await portal.close();
    temp.cleanup();
  }
}
