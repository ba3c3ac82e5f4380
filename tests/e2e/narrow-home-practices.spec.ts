// Issue 19, points 9–11, as the walkthrough's people met them (2,000-document
// sample, real portal, real core behind the harness, Chromium):
// 9. below 1000 px the navigation folds behind a menu button (keyboard, Esc,
//    aria-expanded) and at 800 × 600 the first rows of a list are in view;
// 10. Home at 1400 × 900: the deadlines in view, counts as links with human
//    names, a first-sync summary that does not repeat them, a "Start here"
//    that stays hidden once dismissed;
// 11. Good practices: a words filter, a Compare bar that stays in view, a
//    comparison without a repeated title row.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  env = await startPortalAndHarness({ documents: 2000, tempPrefix: 'ewsi-e2e-narrow-' });
  await firstSync(env);
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });
const loadedRow = (listbox: Locator, position: number) => listbox.locator(`[role="option"][aria-posinset="${position}"][data-loaded="true"]`);

/** The whole box of `locator` lies inside the window (nothing to scroll to see it). */
async function expectFullyInWindow(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
}

test('below 1000 px the navigation folds behind a menu button; at 800 × 600 the first rows are in view', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl('/library'));
  await expect(h1(page, 'Library')).toBeVisible();
  await expect(mainNav(page)).toBeVisible();
  await expect(menuButton(page)).toBeHidden();

  await page.setViewportSize({ width: 800, height: 600 });
  await expect(mainNav(page)).toBeHidden();
  const button = menuButton(page);
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // The list's first rows need no scrolling.
  const records = page.getByRole('listbox', { name: 'Records' });
  for (const position of [1, 2]) {
    await expect(loadedRow(records, position)).toBeVisible();
    await expectFullyInWindow(page, loadedRow(records, position));
  }

  // Keyboard only: the skip link, then the menu button; Enter opens the navigation at the current screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(mainNav(page)).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Library' })).toBeFocused();
  await expectFullyInWindow(page, mainNav(page).getByRole('link', { name: 'Home' }));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `navigation open at 800 × 600 (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Esc closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(mainNav(page)).toBeHidden();
  await expect(button).toBeFocused();

  // A link followed from the open menu closes it; the new screen's heading has focus.
  await page.keyboard.press('Enter');
  await mainNav(page).getByRole('link', { name: 'News & events' }).press('Enter');
  await expect(h1(page, 'News & events')).toBeFocused();
  await expect(mainNav(page)).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  const news = page.getByRole('listbox', { name: 'News and events' });
  for (const position of [1, 2]) {
    await expect(loadedRow(news, position)).toBeVisible();
    await expectFullyInWindow(page, loadedRow(news, position));
  }

  // A click outside closes it too.
  await button.click();
  await expect(mainNav(page)).toBeVisible();
  await page.mouse.click(760, 120);
  await expect(mainNav(page)).toBeHidden();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `News & events at 800 × 600 (${scheme})`);
  }
});

test('Home at 1400 × 900: deadlines in view, counts as links with names, no repeated counts, Start here dismissed for good', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl());
  await expect(h1(page, 'Home')).toBeVisible();
  const status = await env.harness.core.api['sync.status']({});

  // Upcoming deadlines: the card and its whole list are in the window.
  const deadlines = page.getByTestId('home-deadline-list').getByRole('listitem');
  await expect(deadlines.first()).toBeVisible();
  await expectFullyInWindow(page, page.getByRole('heading', { level: 2, name: 'Upcoming funding deadlines' }));
  await expectFullyInWindow(page, page.getByTestId('home-deadline-list'));

  // Counts are links that say what they count, in the interface's number format.
  const counts = page.getByTestId('home-counts');
  const documents = status.counts.document!;
  const documentsLink = counts.getByRole('link', { name: `${documents.toLocaleString('en')} documents` });
  await expect(documentsLink).toBeVisible();
  await expect(counts.getByRole('link', { name: `${status.counts['country-sheet']} country sheets` })).toHaveAttribute('href', '#/library?type=country-sheet');
  await expect(counts.getByRole('link', { name: `${status.counts['good-practice']} good practices` })).toHaveAttribute('href', '#/library?type=good-practice');

  // The first sync brought everything: its summary says so instead of listing the same counts again.
  const changes = page.getByTestId('home-changes');
  await expect(changes.getByTestId('home-first-sync')).toContainText('The first sync brought your library');
  await expect(changes.getByTestId('home-change-counts')).toHaveCount(0);
  await expect(changes).not.toContainText(`${documents.toLocaleString('en')} documents`);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `Home (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A count opens the library on that type.
  await documentsLink.click();
  await expect(h1(page, 'Library')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Document', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('list-total')).toHaveText(`${documents.toLocaleString('en')} items`);
  await page.goBack();

  // "Start here" is hidden for good once dismissed: the choice is a setting.
  const startHere = page.getByTestId('start-here');
  await expect(startHere).toContainText('the library is on this computer, works offline and syncs on its own');
  await startHere.getByRole('button', { name: 'Got it, hide this' }).click();
  await expect(startHere).toHaveCount(0);
  expect((await env.harness.core.api['settings.get']({})).startHereDismissed).toBe(true);
  await page.reload();
  await expect(page.getByTestId('home-counts')).toBeVisible();
  await expect(page.getByTestId('start-here')).toHaveCount(0);
});

test('Good practices: a words filter, a Compare bar that stays in view, a comparison without a repeated title row', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const all = await env.harness.core.api['records.list']({ types: ['good-practice'], limit: 1 });
  await page.goto(env.harness.pageUrl('/practices'));
  await expect(h1(page, 'Good practices')).toBeVisible();
  await expect(page.getByTestId('practice-total')).toHaveText(`${all.total} good practices`);

  // The words filter narrows the list to the practices the search finds with those words.
  const word = 'mentoring';
  const expected = await env.harness.core.api['search.query']({ query: `type:good-practice ${word}`, limit: 50 });
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(all.total);
  await page.getByRole('searchbox', { name: 'Words in the practice' }).fill(word);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/#\/practices\?q=mentoring/);
  await expect(page.getByTestId('practice-total')).toHaveText(`${expected.total} ${expected.total === 1 ? 'good practice' : 'good practices'}`);
  const items = page.getByTestId('practice-list').getByRole('listitem');
  await expect(items.first().getByRole('heading')).toHaveText(expected.hits[0]!.title);
  // The search knows no organisation type: that filter is off, and says why.
  await expect(page.getByRole('combobox', { name: 'Organisation type' })).toBeDisabled();
  await expect(page.getByText('The organisation type filter applies to the list without words.')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `Good practices filtered by words (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Clear the words' }).click();
  await expect(page.getByTestId('practice-total')).toHaveText(`${all.total} good practices`);

  // Choose two, then scroll to the end of the page: the Compare bar is still in view.
  for (const index of [0, 1]) await items.nth(index).getByRole('checkbox', { name: /^Compare/ }).check();
  const bar = page.getByTestId('practice-selection');
  await expect(bar).toContainText('2 of at most 6 chosen');
  await page.getByRole('navigation', { name: 'Pages of good practices' }).scrollIntoViewIfNeeded();
  await expect(items.last()).toBeInViewport();
  await expectFullyInWindow(page, bar);
  const compare = page.getByRole('button', { name: 'Compare 2 practices' });
  await expectFullyInWindow(page, compare);

  // Opened afresh on another page, the bar names the chosen practices by their titles, not their ids.
  const chosen = new URL(page.url()).hash.match(/sel=([^&]+)/)![1]!;
  const chosenTitles = await Promise.all(decodeURIComponent(chosen).split(',').map(async (id) => (await env.harness.core.api['records.get']({ type: 'good-practice', id })).record as { title: string }));
  await page.goto(env.harness.pageUrl(`/practices?page=3&sel=${chosen}`));
  await page.reload();
  await expect(page.getByTestId('practice-list')).toBeVisible();
  for (const { title } of chosenTitles) await expect(bar.getByRole('listitem').filter({ hasText: title })).toHaveCount(1);
  await compare.click();

  await expect(h1(page, 'Good practices side by side')).toBeVisible();
  const table = page.getByTestId('practice-comparison');
  const titles = await table.locator('thead th a').allTextContents();
  expect(titles).toHaveLength(2);
  // No row repeats the titles the columns already show.
  await expect(table.locator('tbody tr[data-field="title"]')).toHaveCount(0);
  for (const title of titles) await expect(table.locator('tbody').getByText(title, { exact: true })).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `Good practices side by side (${scheme})`);
  }
});
