// Offline: after a first sync the portal is stopped, and the app keeps
// browsing, reading and searching from its own store, with the offline badge
// on every screen.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { loadSampleCorpus } from '../../server/sample/load';
import { sqliteEngine } from '../support/databases';
import { startTestPortal, type TestPortal } from '../support/portal';
import { makeTempDir } from '../support/temp-dir';

let portal: TestPortal | undefined;
let harness: WebHarness;
let cleanup: () => void;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  portal = await startTestPortal(sqliteEngine);
  await loadSampleCorpus(portal.portal.content, portal.portal.attachments, { documents: 300 });
  const temp = makeTempDir('ewsi-e2e-offline-');
  cleanup = temp.cleanup;
  harness = await startWebHarness({ dataDir: path.join(temp.dir, 'data'), coreEnv: { EWSI_PORTAL_URL: portal.url, EWSI_AUTO_SYNC: '0' } });
});

test.afterAll(async () => {
  await harness?.close();
  await portal?.close();
  cleanup?.();
});

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    // The core, not the page, reaches for the stopped portal: any console error is the app's own.
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});
test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function syncNow(page: Page) {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-running', 'false', { timeout: 90_000 });
}

test('after a first sync the portal stops; the app says it is offline and keeps working', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await syncNow(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
  await expect(page.getByTestId('offline-badge')).toHaveCount(0);

  await portal!.close();
  portal = undefined;
  await syncNow(page);
  const badge = page.getByTestId('offline-badge');
  await expect(badge).toBeVisible({ timeout: 30_000 });

  // Every screen still shows its content, with the badge in the header.
  for (const [screen, heading] of [
    ['Library', 'Library'],
    ['Country sheets', 'Country sheets'],
    ['Good practices', 'Good practices'],
    ['Funding', 'Funding'],
    ['Links', 'Links'],
    ['News & events', 'News & events'],
  ] as const) {
    await nav(page).getByRole('link', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(badge).toBeVisible();
  }

  // Browse the library and read a document.
  await nav(page).getByRole('link', { name: 'Library' }).click();
  const list = page.getByRole('listbox');
  const firstRow = list.getByRole('option').first();
  await expect(firstRow).toBeVisible();
  await firstRow.click();
  await expect(page).toHaveURL(/#\/read\//);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();

  // Search everywhere still answers from the local index.
  await page.keyboard.press('Control+K');
  await page.getByTestId('palette-input').fill('integration');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=integration$/);
  const results = page.getByTestId('search-hits');
  await expect(results.locator('mark').first()).toBeVisible();
  await expect(badge).toBeVisible();

  // A country sheet opens with its six sections.
  await nav(page).getByRole('link', { name: 'Country sheets' }).click();
  await page.getByTestId('country-list').getByRole('link').first().click();
  await expect(page.getByTestId('sheet-sections').locator('[data-testid^="section-"]')).toHaveCount(6);
});
