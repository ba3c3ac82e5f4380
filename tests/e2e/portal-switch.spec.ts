// Switching portals from Settings: the interface asks first ("Switch to portal
// X?"), a mistyped address leaves the library as it was, and another portal's
// copy arrives beside the library, with its progress shown, replacing the
// library only once it is complete.
import { expect, test, type Page } from '@playwright/test';
import http from 'node:http';
import path from 'node:path';
import { loadSampleCorpus } from '../../server/sample/load';
import { sqliteEngine } from '../support/databases';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { readFeed, startTestPortal, type TestPortal } from '../support/portal';

let env: PortalAndHarness;
let portalB: TestPortal;
let proxyB: FaultProxy;
/** While closed, B answers its feed's first page only; later pages are "busy, retry shortly". */
let gateClosed = true;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({ documents: 60, tempPrefix: 'ewsi-e2e-switch-', coreEnv: { EWSI_SYNC_PAGE_LIMIT: '25' } });
  portalB = await startTestPortal(sqliteEngine);
  await loadSampleCorpus(portalB.portal.content, portalB.portal.attachments, { documents: 30 });
  proxyB = await startFaultProxy(portalB.url);
  proxyB.plan = (request) =>
    gateClosed && request.path.startsWith('/api/v1/changes') && !request.path.includes('since=0&')
      ? { kind: 'status', status: 503, body: '{"error":"busy","message":"busy, retry shortly"}', headers: { 'content-type': 'application/json', 'retry-after': '2' } }
      : { kind: 'pass' };
});

test.afterAll(async () => {
  await proxyB?.close();
  await portalB?.close();
  await env?.close();
});

failOnConsoleErrors();

/** An address where nothing listens: a port taken and given back. */
async function closedAddress(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** What the library shows: the documents list's total and a search's summary. */
async function libraryView(page: Page): Promise<{ documents: number; search: string }> {
  await mainNav(page).getByRole('link', { name: 'Library', exact: true }).click();
  const listbox = page.getByRole('listbox', { name: 'Records' });
  await expect(listbox.locator('[role="option"][data-loaded="true"]').first()).toBeVisible();
  const documents = Number(await listbox.getAttribute('data-total'));
  await page.goto(env.harness.pageUrl('/search?q=integration'));
  await expect(page.getByTestId('search-hits').locator('mark').first()).toBeVisible();
  return { documents, search: (await page.getByTestId('search-summary').textContent()) ?? '' };
}

const shotsDir = () => process.env.EWSI_SHOTS_DIR ?? test.info().outputPath();

async function enterPortal(page: Page, address: string): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  const field = page.getByTestId('portal-url');
  await field.fill(address);
  await field.press('Enter');
}

test('asks before switching portal; a mistyped address leaves the library as it was', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl());
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  // Waited for by its outcome: the indicator may not say "running" yet when the click returns.
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/, { timeout: 90_000 });
  // The PDFs' text is read in the background after the sync and adds search results: the library is compared once it is all in.
  await expect.poll(async () => (await env.harness.core.api['sync.status']({})).fullText, { timeout: 120_000 }).toMatchObject({ pending: 0, running: false });
  const before = await libraryView(page);
  expect(before.documents).toBe(60);

  const typo = await closedAddress();
  await enterPortal(page, typo);
  const dialog = page.getByRole('alertdialog', { name: `Switch to portal ${typo}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Your library stays as it is until ${typo}'s first complete copy has arrived; that copy then replaces the one from ${env.portal.url}.`);
  // The choice that changes nothing has the focus; Escape is that choice too.
  await expect(dialog.getByRole('button', { name: 'Keep the current portal' })).toBeFocused();
  await expectNoSeriousViolations(page, 'switch portal dialog');
  await page.screenshot({ path: path.join(shotsDir(), 'switch-portal-1400x900.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(dialog.getByRole('button', { name: 'Switch portal' })).toBeInViewport();
  await page.screenshot({ path: path.join(shotsDir(), 'switch-portal-1024x700.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect((await env.harness.core.api['settings.get']({})).serverUrl).toBe(env.portal.url);

  // Asked again, and this time confirmed from the keyboard.
  await page.getByTestId('portal-url').press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Switch portal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect((await env.harness.core.api['settings.get']({})).serverUrl).toBe(typo);

  // Nothing listens there: the sync fails, saying the library is kept, and the library is the same.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/^Last error: .*The library is unchanged: it keeps its copy from/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-running', 'false');
  expect(await libraryView(page)).toEqual(before);
});

test("another portal's copy arrives beside the library, its progress shown, and replaces it once complete", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl());
  const before = await libraryView(page);
  await enterPortal(page, proxyB.url);
  const dialog = page.getByRole('alertdialog', { name: `Switch to portal ${proxyB.url}?` });
  await dialog.getByRole('button', { name: 'Switch portal' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).click();

  // B's first page is in the copy beside the library; the next waits at the gate.
  const progress = page.getByTestId('copy-progress');
  await expect(progress).toHaveText(`A complete copy from ${proxyB.url} is arriving: 25 records so far. Your library stays as it is until the copy is complete.`, { timeout: 30_000 });
  await expect(page.getByTestId('sync-indicator')).toContainText('New copy arriving: 25 records');
  await page.screenshot({ path: path.join(shotsDir(), 'copy-progress-1400x900.png') });
  expect(await libraryView(page)).toEqual(before);

  gateClosed = false;
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/, { timeout: 90_000 });
  const documentsOfB = (await readFeed(proxyB.url, 0, 1000)).changes.filter((change) => change.op === 'upsert' && change.type === 'document').length;
  const after = await libraryView(page);
  expect(after.documents).toBe(documentsOfB);
  expect(after.documents).not.toBe(before.documents);
  expect((await env.harness.core.api['sync.status']({})).libraryPortal).toBe(proxyB.url);
});
