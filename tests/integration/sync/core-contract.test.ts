// Sync through the app contract, with the core in a process of its own: the
// calls the renderer makes and the events it receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress, SyncStatus } from '../../../shared/sync';
import { forkCoreProcess, type CoreClient } from '../../../electron/core/host/core-client';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

describe('sync over the contract', () => {
  let server: TestPortal;
  let core: CoreClient;
  let cleanup: () => void;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 200 });
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    core = await forkCoreProcess({ dataDir: temp.dir, env: { EWSI_AUTO_SYNC: '0' } });
  });
  afterAll(async () => {
    await core?.close();
    await server?.close();
    cleanup?.();
  });

  it('refuses to start without a portal, then syncs with one, reporting progress and status as events', async () => {
    expect(await core.api['sync.start']({})).toEqual({ started: false, reason: expect.stringMatching(/No portal is configured/) });
    const settings = await core.api['settings.update']({ serverUrl: server.url, syncIntervalMinutes: 0 });
    expect(settings).toMatchObject({ serverUrl: server.url, syncIntervalMinutes: 0, attachmentPolicy: { mode: 'all' } });

    const progress: SyncProgress[] = [];
    const statuses: SyncStatus[] = [];
    core.on('sync.progress', (payload) => progress.push(payload as SyncProgress));
    const finished = new Promise<SyncStatus>((resolve) =>
      core.on('sync.status', (payload) => {
        const status = payload as SyncStatus;
        statuses.push(status);
        if (!status.running && status.lastSyncAt) resolve(status);
      }),
    );
    expect(await core.api['sync.start']({})).toEqual({ started: true });
    const done = await finished;
    expect(statuses[0]!.running).toBe(true);
    expect(done).toMatchObject({ running: false, online: true, lastError: null, cursor: done.latest });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.records).toBeGreaterThan(0);
    const status = await core.api['sync.status']({});
    expect(status.counts.document).toBe(200);
    expect(status.attachments.missing).toBe(0);
  });

  it('validates settings and reports a cancel with nothing running', async () => {
    expect(await core.call('settings.update', { serverUrl: 'ftp://example.org' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await core.call('settings.update', { attachmentPolicy: { mode: 'sometimes', maxBytes: null } })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await core.api['sync.cancel']({})).toEqual({ cancelled: false });
  });
});
