// The shell against a real portal (sample corpus) and the real core through
// the loopback harness: first sync, search everywhere, languages, keyboard, axe.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import type { WebHarness } from '../../electron/core/harness/web-harness';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;
let harness: WebHarness;

const SCREENS = ['Home', 'Library', 'Country sheets', 'Good practices', 'Links', 'Funding', 'News & events', 'Annotations', 'Collections', 'Search', 'Settings'];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Pages of 100 records: the first sync takes several, so its progress is on screen between them
  // (with one page, the only progress report could be drawn in the same frame as the end).
  env = await startPortalAndHarness({ documents: 400, tempPrefix: 'ewsi-e2e-shell-', coreEnv: { EWSI_SYNC_PAGE_LIMIT: '100' } });
  harness = env.harness;
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

const nav = mainNav;

/** Opens the app and waits for its first render (which follows reading the saved language and theme). */
async function openApp(page: Page) {
  await page.goto(harness.pageUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
}

test('first sync from an empty data folder shows its progress, then the library counts', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(harness.pageUrl());
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toContainText('Not synced yet');
  // Record every progress bar the indicator renders, however briefly it is there.
  await page.locator('body').evaluate((body) => {
    const seen: number[] = [];
    (globalThis as unknown as { seenProgress: number[] }).seenProgress = seen;
    new body.ownerDocument.defaultView!.MutationObserver(() => {
      const bar = body.querySelector('[data-testid="sync-progress"]');
      if (bar) seen.push(Number(bar.getAttribute('data-records')));
    }).observe(body, { subtree: true, childList: true, attributes: true });
  });
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator).toHaveAttribute('data-running', 'false', { timeout: 90_000 });
  await expect(indicator).toContainText(/^Synced/, { timeout: 90_000 });
  const seen = await page.evaluate(() => (globalThis as unknown as { seenProgress: number[] }).seenProgress);
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.max(...seen)).toBeGreaterThan(0);
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('home-counts').getByRole('link', { name: /^[\d,]+ documents$/ })).toBeVisible();
  await expect(page.getByTestId('home-counts').getByRole('link', { name: /^\d+ country sheets?$/ })).toBeVisible();
});

test('Ctrl+K searches everywhere: suggestions, results with highlighted snippets, facets, saving', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('integration');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/search\?q=integration$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const hits = page.getByTestId('search-hits').getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toBeVisible();
  const summary = page.getByTestId('search-summary');
  const total = Number((await summary.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(0);
  for (const facet of ['type', 'country', 'theme', 'language', 'year']) await expect(page.getByTestId(`facet-${facet}`).getByRole('button').first()).toBeVisible();

  // A facet adds its filter to the query; the count it showed is the new total.
  const germany = page.getByTestId('facet-country').getByRole('button', { name: /Germany/ });
  const expected = Number((await germany.locator('.count').textContent())!.replace(/\D/g, ''));
  await germany.click();
  await expect(page).toHaveURL(/country%3ADE/);
  await expect(page.getByTestId('facet-country').getByRole('button', { name: /Germany/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(summary).toHaveText(`${expected.toLocaleString('en')} ${expected === 1 ? 'result' : 'results'}`);

  await page.getByRole('button', { name: 'Save this search' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Integration in Germany');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved as “Integration in Germany”.')).toBeVisible();
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('saved-searches')).toContainText('Integration in Germany');
  await expect(page.getByTestId('saved-searches')).toContainText(`${expected} ${expected === 1 ? 'match' : 'matches'}`);

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(harness.pageUrl('/search?q=integration'));
  await expect(hits.first().locator('mark').first()).toBeVisible();
  await page.screenshot({ path: path.resolve('docs/screenshot.png') });
});

test('the interface switches to French and German', async ({ page }) => {
  await page.goto(harness.pageUrl('/settings'));
  await page.getByTestId('language-choice').getByText('Français', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('sync-indicator')).toContainText('Synchronisé');
  await page.getByTestId('language-choice').getByText('Deutsch', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The choice outlives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await page.getByTestId('language-choice').getByText('English', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('keyboard only: skip link, every screen from the navigation, visible focus, the search dialog', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  for (const name of SCREENS) {
    const link = nav(page).getByRole('link', { name, exact: true });
    // Walk backwards from wherever focus is until the link has it: Tab order only, no clicks.
    for (let step = 0; step < 60 && !(await link.evaluate((element) => element === element.ownerDocument.activeElement)); step += 1) await page.keyboard.press('Shift+Tab');
    await expect(link).toBeFocused();
    expect(await link.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeFocused();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any screen (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.goto(harness.pageUrl());
    for (const name of SCREENS) {
      await nav(page).getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
      if (name === 'Home') await expect(page.getByTestId('home-counts')).toBeVisible();
      if (name === 'Settings') await expect(page.getByTestId('app-info')).toBeVisible();
      await expectNoSeriousViolations(page, `${name} (${colorScheme})`);
    }
    await page.goto(harness.pageUrl('/search?q=integration'));
    await expect(page.getByTestId('search-hits').getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousViolations(page, `search results (${colorScheme})`);
    await page.keyboard.press('Control+K');
    await page.keyboard.type('hous');
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page, `search dialog (${colorScheme})`);
  });
}
