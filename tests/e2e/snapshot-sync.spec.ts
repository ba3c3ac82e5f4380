// A first sync from the portal's snapshot, seen in the interface: while the
// snapshot downloads the header says so, on screen at both window sizes; once
// it is loaded and the feed has followed, the library holds the portal's documents.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { readFeed } from '../support/portal';

let env: PortalAndHarness;
let proxy: FaultProxy | undefined;
/** While closed, the snapshot's file answers "busy, retry shortly": the download waits and says so. */
let gateClosed = true;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: 40,
    tempPrefix: 'ewsi-e2e-snapshot-',
    prepare: async (portal) => {
      expect((await portal.editor('POST', '/api/v1/editor/snapshots')).status).toBe(200);
      proxy = await startFaultProxy(portal.url, (request) =>
        gateClosed && request.path.startsWith('/api/v1/snapshots/')
          ? { kind: 'status', status: 503, body: '{"error":"busy","message":"busy, retry shortly"}', headers: { 'content-type': 'application/json', 'retry-after': '1' } }
          : { kind: 'pass' },
      );
    },
    // Pages of 10: the sample's feed is over five pages, so the first sync asks for the snapshot. The core talks to the proxy.
    coreEnv: {
      EWSI_SYNC_PAGE_LIMIT: '10',
      get EWSI_PORTAL_URL() {
        if (!proxy) throw new Error('the proxy starts before the core');
        return proxy.url;
      },
    },
  });
});

test.afterAll(async () => {
  await env?.close();
  await proxy?.close();
});

failOnConsoleErrors();

const shotsDir = () => process.env.EWSI_SHOTS_DIR ?? test.info().outputPath();

test('the first sync downloads the whole library from the snapshot, saying so, then shows it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl());
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();

  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toContainText('Syncing: downloading the whole library (0 MB)', { timeout: 30_000 });
  // The header is at the top of the page; Settings had scrolled down to its Sync card.
  await indicator.scrollIntoViewIfNeeded();
  await expect(indicator).toBeInViewport();
  await page.screenshot({ path: path.join(shotsDir(), 'snapshot-download-1400x900.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await indicator.scrollIntoViewIfNeeded();
  await expect(indicator).toBeInViewport();
  await page.screenshot({ path: path.join(shotsDir(), 'snapshot-download-1024x700.png') });
  await expectNoSeriousViolations(page, 'snapshot download');

  gateClosed = false;
  await expect(indicator).toContainText(/^Synced/, { timeout: 90_000 });
  const status = await env.harness.core.api['sync.status']({});
  expect(status.lastError).toBeNull();
  const documents = (await readFeed(env.portal.url, 0, 1000)).changes.filter((change) => change.op === 'upsert' && change.type === 'document').length;
  expect(status.counts.document).toBe(documents);
  expect(proxy!.log.filter((request) => request.path.startsWith('/api/v1/snapshots/') && request.fault === 'pass')).toHaveLength(1);
});
