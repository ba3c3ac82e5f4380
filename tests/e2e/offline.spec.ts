// Offline: after a first sync the portal is stopped, and the app keeps
// browsing, reading and searching from its own store, with the offline badge
// on every screen.
import { expect, test } from '@playwright/test';
import type { WebHarness } from '../../electron/core/harness/web-harness';
import { failOnConsoleErrors, mainNav, startPortalAndHarness, syncNowFromSettings, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;
let harness: WebHarness;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({ documents: 300, tempPrefix: 'ewsi-e2e-offline-' });
  harness = env.harness;
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

const nav = mainNav;

const syncNow = syncNowFromSettings;

test('after a first sync the portal stops; the app says it is offline and keeps working', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(harness.pageUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await syncNow(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
  await expect(page.getByTestId('offline-badge')).toHaveCount(0);

  await env.portal.close(); // Closing twice (again in afterAll) is harmless.
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
