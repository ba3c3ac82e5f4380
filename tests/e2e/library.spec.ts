// Library, Reader, Links and News against a real portal (sample corpus plus one
// document with hostile HTML) and the real core through the loopback harness:
// a virtualized list fed by records.list windows, facets and sort, the reader
// with sanitized HTML and a PDF drawn by pdf.js, keyboard only, axe.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { WebHarness } from '../../electron/core/harness/web-harness';
import { sampleDocument } from '../support/portal';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;
let harness: WebHarness;

const DOCUMENTS = 400;
const HOSTILE_ID = 'doc-hostile';
const HOSTILE_BODY = [
  '<h2>Hostile heading</h2>',
  '<p id="kept">Kept paragraph <a href="javascript:alert(1)">bad link</a> <a href="https://example.org/ok">good link</a></p>',
  '<script>window.__pwned = true</script>',
  '<img src="x" onerror="window.__pwned = true" alt="broken">',
  '<p style="color:red" onclick="window.__pwned = true" class="shell">Styled</p>',
  '<iframe src="https://example.org"></iframe>',
].join('\n');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: DOCUMENTS,
    tempPrefix: 'ewsi-e2e-library-',
    prepare: async (portal) => {
      const put = await portal.editor(
        'PUT',
        `/api/v1/editor/document/${HOSTILE_ID}`,
        sampleDocument(HOSTILE_ID, { title: 'Hostile markup report', body: HOSTILE_BODY, publisher: 'Test publisher', sourceUrl: 'https://example.org/source', publishedOn: '2024-05-02' }),
      );
      expect(put.status).toBe(200);
    },
  });
  harness = env.harness;
});

test.afterAll(async () => {
  await env?.close();
});

/**
 * Chromium reports a CSP violation when it merely parses an inline handler or a
 * style attribute, even into DOMPurify's inert parser document (which inherits
 * the page's policy): the hostile document's markup is reported, blocked, and
 * then removed by the sanitizer. Only that test allows those two reports.
 */
const CSP_PARSE_REPORT = /^(Executing inline event handler|Applying inline style) violates the following Content Security Policy directive/;
const consoleErrors = failOnConsoleErrors();

const nav = mainNav;
const list = (page: Page, name = 'Records') => page.getByRole('listbox', { name });
const rows = (listbox: Locator) => listbox.getByRole('option');
const loadedRow = (listbox: Locator, position: number) => listbox.locator(`[role="option"][aria-posinset="${position}"][data-loaded="true"]`);
const totalOf = async (listbox: Locator) => Number(await listbox.getAttribute('data-total'));
const activePosition = async (listbox: Locator) => {
  const id = await listbox.getAttribute('aria-activedescendant');
  return id ? Number(await listbox.page().locator(`[id="${id}"]`).getAttribute('aria-posinset')) : null;
};

test('first sync brings the library', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(harness.pageUrl('/settings'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-running', 'false', { timeout: 90_000 });
  await expect(indicator).toContainText(/^Synced/, { timeout: 90_000 });
});

test('the library list is virtualized: few rows in the DOM, however far the keyboard goes', async ({ page }) => {
  await page.goto(harness.pageUrl());
  await nav(page).getByRole('link', { name: 'Library', exact: true }).click();
  const listbox = list(page);
  await expect(loadedRow(listbox, 1)).toBeVisible();
  const total = await totalOf(listbox);
  expect(total).toBe(DOCUMENTS + 1); // the sample documents and the hostile one
  await expect(page.getByTestId('list-total')).toHaveText(`${total} items`);
  await expect(rows(listbox).first()).toHaveAttribute('aria-setsize', String(total));
  const initialRows = await rows(listbox).count();
  expect(initialRows).toBeGreaterThan(3);
  expect(initialRows).toBeLessThan(40);

  await listbox.focus();
  expect(await activePosition(listbox)).toBe(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await activePosition(listbox)).toBe(3);
  await page.keyboard.press('PageDown');
  expect(await activePosition(listbox)).toBeGreaterThan(4);
  await page.keyboard.press('End');
  await expect(loadedRow(listbox, total)).toBeVisible();
  expect(await activePosition(listbox)).toBe(total);
  // Moving is not selecting: the active row is marked, and nothing is selected until Space, Ctrl or Shift says so.
  await expect(loadedRow(listbox, total)).toHaveClass(/\bactive\b/);
  await expect(loadedRow(listbox, total)).toHaveAttribute('aria-selected', 'false');
  expect(await rows(listbox).count()).toBeLessThan(40);
  await expect(listbox.locator('[aria-posinset="1"]')).toHaveCount(0); // the first row left the DOM
  await page.keyboard.press('PageUp');
  expect(await activePosition(listbox)).toBeLessThan(total);
  await page.keyboard.press('Home');
  await expect(loadedRow(listbox, 1)).toBeVisible();
  expect(await activePosition(listbox)).toBe(1);
  expect(await rows(listbox).count()).toBeLessThan(40);
});

test('a facet filters the list to its count, and the sort reorders it', async ({ page }) => {
  await page.goto(harness.pageUrl('/library'));
  const listbox = list(page);
  await expect(loadedRow(listbox, 1)).toBeVisible();
  const country = page.getByTestId('filter-country');
  await expect(country.locator('option[value="DE"]')).toHaveCount(1);
  const expected = Number(await country.locator('option[value="DE"]').getAttribute('data-count'));
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(DOCUMENTS);
  await country.selectOption('DE');
  await expect(page).toHaveURL(/country=DE/);
  await expect(page.getByTestId('list-total')).toHaveText(`${expected} ${expected === 1 ? 'item' : 'items'}`);
  await expect(listbox).toHaveAttribute('data-total', String(expected));
  await expect(loadedRow(listbox, 1)).toContainText('Germany');

  const kind = page.getByTestId('filter-kind');
  const legislation = Number(await kind.locator('option[value="legislation"]').getAttribute('data-count'));
  await kind.selectOption('legislation');
  await expect(page.getByTestId('list-total')).toHaveText(`${legislation} ${legislation === 1 ? 'item' : 'items'}`);
  await expect(loadedRow(listbox, 1)).toContainText('Legislation');

  // Titles A–Z (SQLite's NOCASE folds ASCII letters only).
  await page.getByTestId('sort').selectOption('title');
  await expect(page).toHaveURL(/sort=title/);
  await expect(loadedRow(listbox, 1)).toBeVisible();
  const count = Math.min(legislation, 5);
  const titles: string[] = [];
  for (let position = 1; position <= count; position += 1) titles.push((await loadedRow(listbox, position).locator('.record-title-text').textContent())!);
  const fold = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  expect(titles).toEqual([...titles].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)));

  // Oldest first puts the years in ascending order.
  await page.getByTestId('sort').selectOption('date-asc');
  await expect(page).toHaveURL(/sort=date-asc/);
  // The year is the row's date (its facts line), which titles no longer all end with.
  const yearOf = async (position: number) => Number((await loadedRow(listbox, position).locator('.record-meta').textContent())!.match(/\b(\d{4})\b/)![1]);
  await expect(loadedRow(listbox, count)).toBeVisible();
  const years = [];
  for (let position = 1; position <= count; position += 1) years.push(await yearOf(position));
  expect(years).toEqual([...years].sort((a, b) => a - b));
});

test('the reader shows a document from the library: sanitized body and metadata', async ({ page }) => {
  consoleErrors.allow(CSP_PARSE_REPORT);
  const listbox = list(page);
  // Narrow the list to the hostile document's facets, then open it from there.
  await page.goto(harness.pageUrl('/library?country=DE&kind=report&sort=date-desc&year=2024'));
  await expect(loadedRow(listbox, 1)).toBeVisible();
  const row = listbox.getByRole('option', { name: /Hostile markup report/ });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/read/document/${HOSTILE_ID}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Hostile markup report' })).toBeFocused();
  const body = page.getByTestId('reader-body');
  await expect(body.getByRole('heading', { name: 'Hostile heading' })).toBeVisible();
  await expect(body.locator('#kept')).toHaveCount(0); // ids are stripped by the sanitizer (SANITIZE_NAMED_PROPS prefixes them)
  await expect(body).toContainText('Kept paragraph');
  await expect(body).toContainText('Styled');
  expect(await body.locator('script, iframe, [onerror], [onclick], [style], [class]').count()).toBe(0);
  await expect(body.getByRole('link', { name: 'good link' })).toHaveAttribute('target', '_blank');
  expect(await body.getByText('bad link').evaluate((element) => element.hasAttribute('href'))).toBe(false);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  const meta = page.getByTestId('reader-meta');
  await expect(meta).toContainText('Document');
  await expect(meta).toContainText('Report');
  await expect(meta).toContainText('Test publisher');
  await expect(meta).toContainText('Germany');
  await expect(meta).toContainText('English');
  await expect(meta).toContainText('Employment');
  await expect(meta.getByRole('link', { name: 'https://example.org/source' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByTestId('reader-changed')).toHaveCount(0); // everything arrived with the first sync, which marks nothing

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/#\/library\?/);
  await expect(listbox.getByRole('option', { name: /Hostile markup report/ })).toBeVisible();
});

test('the reader opens a search hit (Ctrl+K) and a PDF attachment drawn by pdf.js', async ({ page }) => {
  await page.goto(harness.pageUrl());
  // Keys pressed before the first render (which waits for the saved settings) would be lost.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('housing');
  await page.keyboard.press('Enter');
  const hit = page.getByTestId('search-hits').getByRole('listitem').first().getByRole('link');
  await expect(hit).toBeVisible();
  const title = (await hit.textContent())!;
  await hit.click();
  await expect(page).toHaveURL(/#\/read\//);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('reader-meta')).toBeVisible();

  // doc-000001 carries a PDF in the sample corpus.
  await page.goto(harness.pageUrl('/read/document/doc-000001'));
  const attachments = page.getByTestId('reader-attachments');
  await expect(attachments).toContainText('doc-000001.pdf');
  await expect(attachments).toContainText('available offline');
  await attachments.getByRole('button', { name: 'Show doc-000001.pdf' }).click();
  const viewer = page.getByTestId('pdf-view');
  await expect(viewer).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
  await expect(viewer.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible();
  expect(await viewer.locator('canvas').evaluate((canvas) => (canvas as unknown as { width: number; height: number }).width > 100 && (canvas as unknown as { height: number }).height > 100)).toBe(true);
  // The text layer carries the page's words: pdf.js parsed the page, not just painted a blank canvas.
  await expect(viewer.locator('.textLayer')).toContainText('EWSI sample document doc-000001');
  // Some pixel is not white: the page was drawn.
  const inked = await viewer.locator('canvas').evaluate((element) => {
    type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const canvas = element as unknown as Canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) return true;
    return false;
  });
  expect(inked).toBe(true);
});

test('Links and News & events list their records and open them in the reader', async ({ page }) => {
  await page.goto(harness.pageUrl());
  await nav(page).getByRole('link', { name: 'Links', exact: true }).click();
  const links = list(page, 'Links');
  await expect(loadedRow(links, 1)).toBeVisible();
  expect(await totalOf(links)).toBeGreaterThan(0);
  const linkTitle = (await loadedRow(links, 1).locator('.record-title-text').textContent())!;
  await loadedRow(links, 1).click();
  await expect(page).toHaveURL(/#\/read\/link\//);
  await expect(page.getByRole('heading', { level: 1, name: linkTitle })).toBeVisible();
  await expect(page.getByTestId('reader-meta').getByRole('link')).toHaveAttribute('target', '_blank');

  await nav(page).getByRole('link', { name: 'News & events', exact: true }).click();
  const news = list(page, 'News and events');
  await expect(loadedRow(news, 1)).toBeVisible();
  const all = await totalOf(news);
  await page.getByRole('group', { name: 'Content type' }).getByRole('button', { name: 'Events', exact: true }).click();
  await expect(page).toHaveURL(/type=event/);
  await expect(loadedRow(news, 1)).toBeVisible();
  const events = await totalOf(news);
  expect(events).toBeGreaterThan(0);
  expect(events).toBeLessThan(all);
  await loadedRow(news, 1).click();
  await expect(page).toHaveURL(/#\/read\/event\//);
  await expect(page.getByTestId('reader-meta')).toContainText('Place');
});

test('keyboard only: Library → Reader → back to the same row', async ({ page }) => {
  await page.goto(harness.pageUrl());
  const link = nav(page).getByRole('link', { name: 'Library', exact: true });
  for (let step = 0; step < 30 && !(await link.evaluate((element) => element === element.ownerDocument.activeElement)); step += 1) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
  const listbox = list(page);
  await expect(loadedRow(listbox, 1)).toBeVisible();
  for (let step = 0; step < 30 && !(await listbox.evaluate((element) => element === element.ownerDocument.activeElement)); step += 1) await page.keyboard.press('Tab');
  await expect(listbox).toBeFocused();
  expect(await listbox.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).outlineStyle)).not.toBe('none');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  expect(await activePosition(listbox)).toBe(5);
  const title = (await loadedRow(listbox, 5).locator('.record-title-text').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/read\/document\//);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  // Back and Add to collection follow the title: the first Tabs reach them.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Add “${title}” to a collection` })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  // Back where it was opened: the list has focus, on the same row.
  await expect(listbox).toBeFocused();
  await expect(loadedRow(listbox, 5)).toHaveClass(/\bactive\b/);
  expect(await activePosition(listbox)).toBe(5);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on Library, Reader, Links, News (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.goto(harness.pageUrl('/library'));
    await expect(loadedRow(list(page), 1)).toBeVisible();
    await list(page).focus();
    await page.keyboard.press('ArrowDown');
    await expectNoSeriousViolations(page, `Library (${colorScheme})`);
    await page.goto(harness.pageUrl('/read/document/doc-000001'));
    await page.getByRole('button', { name: 'Show doc-000001.pdf' }).click();
    await expect(page.getByTestId('pdf-view')).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
    await expectNoSeriousViolations(page, `Reader (${colorScheme})`);
    await page.goto(harness.pageUrl('/links'));
    await expect(loadedRow(list(page, 'Links'), 1)).toBeVisible();
    await expectNoSeriousViolations(page, `Links (${colorScheme})`);
    await page.goto(harness.pageUrl('/news'));
    await expect(loadedRow(list(page, 'News and events'), 1)).toBeVisible();
    await expectNoSeriousViolations(page, `News (${colorScheme})`);
  });
}
