// Full (by the feed, from the portal's prebuilt corpus, and from its JSON Lines snapshot), incremental and no-op
// sync of the sample corpus from a portal in another process, against a raw bulk insert of the same rows into the
// same schema (prepared statements, one transaction), measured in the same run.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPrebuiltSnapshot } from '../electron/core/cli/build-snapshot';
import { createCore } from '../electron/core/core';
import { deriveIndexedRecord, writeIndexedRecord, type IndexedRecord } from '../electron/core/corpus/indexed-record';
import { createCorpusData } from '../electron/core/db/corpus';
import { openStores } from '../electron/core/db/stores';
import { generateSampleCorpus } from '../server/sample/generate';
import { makeTempDir } from '../tests/support/temp-dir';
import { startPortalProcess } from './portal-process';
import type { SyncProgress } from '../shared/sync';
import { round } from './stats';

const EDITOR_TOKEN = 'bench-editor-token-0123456789';

function firstDocumentId(items: Iterable<{ type: string; fields: unknown }>): string {
  for (const item of items) if (item.type === 'document') return (item.fields as { id: string }).id;
  throw new Error('the sample corpus has no document');
}

/**
 * A new client's first sync from `url` into `dataDir`, timed from the start to its first search answered:
 * the snapshot's download, its load (or checks) and swap, the feed after it, and the search, each from the progress events.
 */
async function firstSyncFrom(url: string, dataDir: string) {
  const phaseStarts = new Map<string, number>();
  const core = await createCore({
    dataDir,
    appVersion: 'bench',
    sync: {},
    emit: (name, payload) => {
      const phase = name === 'sync.progress' ? (payload as SyncProgress).phase : undefined;
      if (phase && !phaseStarts.has(phase)) phaseStarts.set(phase, performance.now());
    },
  });
  try {
    core.settings.update({ serverUrl: url, attachmentPolicy: { mode: 'none', maxBytes: null } });
    const started = performance.now();
    const result = await core.sync.run();
    const synced = performance.now();
    const found = await core.handlers['search.query']({ query: 'integration', sort: 'rank', limit: 20, offset: 0, collapse: true });
    const ended = performance.now();
    if (found.total === 0) throw new Error('the library is not searchable after its first sync');
    const between = (from: string, to: string | undefined) => round(((to ? phaseStarts.get(to) : undefined) ?? synced) / 1000 - (phaseStarts.get(from) ?? started) / 1000, 2);
    const snapshot = result.snapshot;
    return {
      seconds: (ended - started) / 1000,
      upserts: result.upserts,
      format: snapshot && 'format' in snapshot ? snapshot.format : 'feed',
      refused: snapshot && 'refused' in snapshot ? snapshot.refused : snapshot && 'prebuiltRefused' in snapshot ? snapshot.prebuiltRefused : undefined,
      checkMs: snapshot && 'checkMs' in snapshot ? snapshot.checkMs : undefined,
      downloadSeconds: between('snapshot-download', 'snapshot-load'),
      loadSeconds: between('snapshot-load', 'pulling'),
      feedSeconds: between('pulling', undefined),
      searchMs: round(ended - synced, 1),
    };
  } finally {
    await core.close();
  }
}

export async function syncBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 100_000);
  // `--only prebuilt`: the feed and the prebuilt corpus's first sync alone (to iterate on that path; the reported run is the full one).
  const prebuiltOnly = options.only === 'prebuilt';
  const temp = makeTempDir('ewsi-bench-sync-');
  const portal = await startPortalProcess({ dbFile: path.join(temp.dir, 'portal', 'portal.sqlite'), documents, editorToken: EDITOR_TOKEN });
  try {
    // The first sync by the feed alone (the portal has no snapshot yet, and this client would not ask for one).
    const openFeedClient = () => createCore({ dataDir: path.join(temp.dir, 'desktop'), appVersion: 'bench', sync: { pull: { snapshotAfterPages: Number.MAX_SAFE_INTEGER } } });
    let core = await openFeedClient();
    core.settings.update({ serverUrl: portal.url, attachmentPolicy: { mode: 'none', maxBytes: null } });

    let started = performance.now();
    const full = await core.sync.run();
    const fullSeconds = (performance.now() - started) / 1000;
    // Closed while the snapshots' first syncs are measured: a new user's computer runs one core, not a second
    // one holding a synced library (its heap, its caches) in the same process.
    await core.close();

    // The same first sync from the portal's JSON Lines snapshot (the fallback), into another empty store.
    started = performance.now();
    const built = await fetch(`${portal.url}/api/v1/editor/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${EDITOR_TOKEN}` } });
    if (!built.ok) throw new Error(`building the snapshot failed: ${built.status} ${await built.text()}`);
    const snapshotBuildSeconds = (performance.now() - started) / 1000;
    const snapshotInfo = (await built.json()) as { size: number };
    const jsonLines = prebuiltOnly ? undefined : await firstSyncFrom(portal.url, path.join(temp.dir, 'from-json-lines'));
    if (jsonLines && jsonLines.format !== 'jsonl') throw new Error(`the JSON Lines first sync took the ${jsonLines.format} snapshot`);

    // The prebuilt corpus: built by the desktop's own builder (ewsi build-snapshot) into the portal's folder
    // (<storage>/snapshots/prebuilt, the storage beside its --db file).
    started = performance.now();
    const prebuilt = await buildPrebuiltSnapshot({ serverUrl: portal.url, outDir: path.join(temp.dir, 'portal', 'files', 'snapshots', 'prebuilt'), appVersion: 'bench' });
    const prebuiltBuildSeconds = (performance.now() - started) / 1000;
    // The portal hashes a new prebuilt file once, the first time it lists it: done here, as it would be long before a client asks.
    const listed = (await (await fetch(`${portal.url}/api/v1/snapshot`)).json()) as { prebuilt: unknown[] };
    if (listed.prebuilt.length !== 1) throw new Error('the portal does not list the prebuilt corpus');
    const fromSnapshot = await firstSyncFrom(portal.url, path.join(temp.dir, 'from-snapshot'));
    if (fromSnapshot.format !== 'sqlite') throw new Error(`the first sync did not use the prebuilt corpus: ${fromSnapshot.refused ?? fromSnapshot.format}`);
    if (fromSnapshot.upserts !== full.upserts || (jsonLines && jsonLines.upserts !== full.upserts)) throw new Error(`the snapshots brought ${fromSnapshot.upserts} and ${jsonLines?.upserts} records, the feed ${full.upserts}`);
    const prebuiltFigures = {
      docs: documents,
      records: full.upserts,
      full_sync_s: round(fullSeconds, 2),
      // The prebuilt corpus: from an empty store to the first search answered (download, checks, swap, the feed after V, a search).
      snapshot_first_sync_s: round(fromSnapshot.seconds, 2),
      snapshot_vs_feed: round(fromSnapshot.seconds / fullSeconds, 3),
      snapshot_download_s: fromSnapshot.downloadSeconds,
      snapshot_check_and_swap_s: fromSnapshot.loadSeconds,
      snapshot_feed_after_s: fromSnapshot.feedSeconds,
      snapshot_first_search_ms: fromSnapshot.searchMs,
      snapshot_check_ms: fromSnapshot.checkMs,
      prebuilt_build_s: round(prebuiltBuildSeconds, 2),
      prebuilt_mb: round(prebuilt.size / 1e6, 1),
      prebuilt_database_mb: round(prebuilt.databaseSize / 1e6, 1),
    };
    if (!jsonLines) return prebuiltFigures;
    core = await openFeedClient();

    // 1 % of the documents edited on the portal, then an incremental sync.
    const corpus = generateSampleCorpus({ documents });
    const edits: string[] = [];
    let index = 0;
    for (const item of corpus.items()) {
      if (item.type !== 'document') continue;
      if (index++ % 100 === 0) edits.push(JSON.stringify({ op: 'upsert', type: 'document', record: { ...item.fields, title: `${(item.fields as { title: string }).title} (amended)` } }));
    }
    const imported = await fetch(`${portal.url}/api/v1/editor/import`, { method: 'POST', headers: { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/x-ndjson' }, body: edits.join('\n') });
    if (!imported.ok) throw new Error(`editing the portal failed: ${imported.status} ${await imported.text()}`);
    started = performance.now();
    const incremental = await core.sync.run();
    const incrementalSeconds = (performance.now() - started) / 1000;
    if (incremental.upserts !== edits.length) throw new Error(`the incremental sync applied ${incremental.upserts} changes, expected ${edits.length}`);

    started = performance.now();
    await core.sync.run();
    const noopMs = performance.now() - started;

    // A resync: a delete the client has not seen is purged from the feed, so its cursor is behind the portal's
    // horizon (409) and the whole feed comes again, into a copy beside the library that then replaces it.
    const editor = { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/json' };
    const victim = firstDocumentId(corpus.items());
    const deleted = await fetch(`${portal.url}/api/v1/editor/document/${victim}`, { method: 'DELETE', headers: editor });
    if (!deleted.ok) throw new Error(`deleting ${victim} on the portal failed: ${deleted.status}`);
    const { latest } = (await (await fetch(`${portal.url}/api/v1/changes?since=0&limit=1`)).json()) as { latest: number };
    const purged = await fetch(`${portal.url}/api/v1/editor/tombstones/purge`, { method: 'POST', headers: editor, body: JSON.stringify({ uptoVersion: latest }) });
    if (!purged.ok) throw new Error(`purging the portal's tombstones failed: ${purged.status}`);
    started = performance.now();
    const resync = await core.sync.run();
    const resyncSeconds = (performance.now() - started) / 1000;
    if (!resync.resynced) throw new Error('the portal did not ask for a resync');
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // The baseline: the same rows, already in memory, into a fresh store of the same schema.
    // Rows prepared before the clock starts: the baseline measures only the inserts, records and index alike.
    const synced = createCorpusData(core.stores.corpus);
    const rows: IndexedRecord[] = [...synced.records.each()].map((typed) => deriveIndexedRecord(typed).indexed);
    const refs = synced.attachments.refs();
    await core.close();
    const fresh = await openStores(path.join(temp.dir, 'raw'));
    const raw = createCorpusData(fresh.corpus);
    started = performance.now();
    raw.transaction(() => {
      for (const row of rows) writeIndexedRecord(raw, row);
      for (const ref of refs) raw.attachments.addRef(ref);
    })();
    const rawSeconds = (performance.now() - started) / 1000;
    await fresh.close();

    const docsPerS = documents / fullSeconds;
    const rawDocsPerS = documents / rawSeconds;
    return {
      ...prebuiltFigures,
      // The JSON Lines snapshot, the fallback for a client of another schema level, measured the same way.
      jsonl_first_sync_s: round(jsonLines.seconds, 2),
      jsonl_vs_feed: round(jsonLines.seconds / fullSeconds, 3),
      jsonl_load_and_swap_s: jsonLines.loadSeconds,
      snapshot_build_s: round(snapshotBuildSeconds, 2),
      snapshot_mb: round(snapshotInfo.size / 1e6, 1),
      docs_per_s: Math.round(docsPerS),
      raw_insert_docs_per_s: Math.round(rawDocsPerS),
      ratio: round(docsPerS / rawDocsPerS, 3),
      incremental_1pct_s: round(incrementalSeconds, 3),
      incremental_share: round(incrementalSeconds / fullSeconds, 4),
      noop_sync_ms: round(noopMs, 1),
      resync_s: round(resyncSeconds, 2),
      peak_rss_mb: Math.round(peakRssMb),
    };
  } finally {
    await portal.close();
    temp.cleanup();
  }
}
