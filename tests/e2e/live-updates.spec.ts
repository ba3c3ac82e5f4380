// With the app open and online, a document published on the portal appears
// without anyone pressing Sync: the core follows the portal's change stream
// and syncs on its announcement (the schedule is the default 15 minutes, so
// nothing else would sync within this test). Home lists the newest changes of
// the last sync, where the document shows up.
import { expect, test } from '@playwright/test';
import { sampleDocument } from '../support/portal';
import { failOnConsoleErrors, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

failOnConsoleErrors();

test.describe('live updates', () => {
  let env: PortalAndHarness;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // The background schedule on (the other specs switch it off): start-up sync, then the change stream.
    env = await startPortalAndHarness({ documents: 20, tempPrefix: 'ewsi-e2e-live-', coreEnv: { EWSI_AUTO_SYNC: '1' } });
  });
  test.afterAll(async () => {
    await env?.close();
  });

  test('a document published on the portal appears in the open app without pressing Sync', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(env.harness.pageUrl('/'));
    // The start-up sync brings the library.
    await expect.poll(async () => {
      const status = await env.harness.core.api['sync.status']({});
      return !status.running && status.lastSyncAt !== null && status.lastError === null;
    }, { timeout: 90_000 }).toBe(true);
    await expect(page.getByTestId('home-first-sync')).toBeVisible();

    const title = 'Live from the portal: a report published while the app was open';
    const published = await env.portal.editor('PUT', '/api/v1/editor/document/doc-live-e2e', sampleDocument('doc-live-e2e', { title, publishedOn: '2026-12-03' }));
    expect(published.status).toBe(200);
    // Waited for with a timeout, not timed: the announcement and the sync take a second or two here.
    await expect(page.getByTestId('home-newest').getByRole('link', { name: title })).toBeVisible({ timeout: 15_000 });
  });
});
