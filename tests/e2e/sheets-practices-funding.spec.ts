// Country sheets, good practices, funding and Home against a real portal
// (sample corpus) and the real core through the loopback harness: the first
// sync from an empty data folder, a sheet section edited on the portal and
// marked after the next sync until the sheet is opened, two countries and two practices side by side,
// funding filtered by deadline, the interface language kept in the user's
// settings, keyboard use, and axe in both themes.
import { expect, test, type Page } from '@playwright/test';
import type { WebHarness } from '../../electron/core/harness/web-harness';
import type { TestPortal } from '../support/portal';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;
let portal: TestPortal;
let harness: WebHarness;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({ documents: 400, tempPrefix: 'ewsi-e2e-sheets-' });
  ({ portal, harness } = env);
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

const nav = mainNav;
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const today = () => new Date().toISOString().slice(0, 10);

/** Presses "Sync now" in Settings and waits until the core reports a newer completed sync. */
async function syncNow(page: Page) {
  const before = (await harness.core.api['sync.status']({})).lastSyncAt;
  await page.goto(harness.pageUrl('/settings'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(async () => {
      const status = await harness.core.api['sync.status']({});
      return !status.running && status.lastSyncAt !== before && status.lastError === null;
    }, { timeout: 90_000 })
    .toBe(true);
}

/** Types an ISO date into a deadline field as a user does, in the English interface's order (mm/dd/yyyy). */
async function typeDeadline(page: Page, label: string, isoDate: string) {
  const [year, month, day] = isoDate.split('-');
  await page.getByText(label, { exact: true }).click();
  await page.keyboard.type(`${month}${day}${year}`);
}

/** Empties a deadline field with Backspace, from its year back to its month. */
async function clearDeadline(page: Page, label: string) {
  await page.getByRole('group', { name: label }).getByRole('spinbutton', { name: /^year/ }).click();
  for (let press = 0; press < 12; press += 1) await page.keyboard.press('Backspace');
}

interface PortalRecord {
  id: string;
  [field: string]: unknown;
}

async function portalRecord(collection: string, id: string): Promise<PortalRecord> {
  const response = await fetch(`${portal.url}/api/v1/${collection}/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PortalRecord;
}

async function portalList(collection: string): Promise<PortalRecord[]> {
  const items: PortalRecord[] = [];
  let after: string | null = null;
  do {
    const response = await fetch(`${portal.url}/api/v1/${collection}?limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: PortalRecord[]; next: string | null };
    items.push(...page.items);
    after = page.next;
  } while (after);
  return items;
}

const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const SECTION_KEYS = ['strategy', 'programmes', 'legislation', 'governance', 'evaluation', 'funding'];
const SECTION_NAMES = ['Integration strategy', 'Integration programmes', 'Legislation', 'Governance and stakeholders', 'Evaluation', 'Funding'];
const AMENDED = 'Amended by the portal editors: the new residence act of 2026 replaces the integration course rules.';
let oldLegislation = '';

test('first sync from an empty data folder, then one country sheet by its six sections', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(harness.pageUrl());
  await expect(page.getByTestId('home-changes')).toContainText('Nothing synced yet');
  await syncNow(page);

  await nav(page).getByRole('link', { name: 'Country sheets' }).click();
  await expect(h1(page, 'Country sheets')).toBeVisible();
  const countries = page.getByTestId('country-list').getByRole('link');
  await expect(countries).toHaveCount(27);
  await countries.filter({ hasText: /^Germany$/ }).click();
  await expect(page).toHaveURL(/#\/countries\/DE$/);
  await expect(h1(page, 'Germany: country information sheet')).toBeFocused();
  const sections = page.getByTestId('sheet-sections').locator(':scope > section');
  await expect(sections).toHaveCount(6);
  await expect(page.getByTestId('sheet-sections').getByRole('heading', { level: 2 })).toHaveText(SECTION_NAMES);
  // Everything arrived in the first sync, which marks nothing: no section has an earlier text.
  await expect(sections.getByTestId('change-mark')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show the previous text' })).toHaveCount(0);
  const sheet = await portalRecord('country-sheets', 'country-DE');
  const sectionsOnPortal = sheet.sections as Array<{ key: string; body: string }>;
  for (const [index, key] of SECTION_KEYS.entries()) {
    await expect(page.getByTestId(`section-${key}`)).toContainText(textOf(sectionsOnPortal[index]!.body).slice(0, 60));
  }
  // The contents move focus to a section.
  await page.getByRole('navigation', { name: 'Sections of this sheet' }).getByRole('link', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('section-evaluation')).toBeFocused();
});

test('a section edited on the portal is marked after the next sync, with its previous text', async ({ page }) => {
  test.setTimeout(120_000);
  const sheet = await portalRecord('country-sheets', 'country-DE');
  const { version: _version, updatedAt: _updatedAt, ...fields } = sheet;
  const sections = fields.sections as Array<{ key: string; body: string; updatedAt: string }>;
  const legislation = sections.find((section) => section.key === 'legislation')!;
  oldLegislation = textOf(legislation.body);
  legislation.body = `<p>${AMENDED}</p><script>document.title = 'pwned'</script>`;
  legislation.updatedAt = new Date().toISOString();
  const written = await portal.editor('PUT', '/api/v1/editor/country-sheet/country-DE', fields);
  expect(written.status).toBe(200);

  await syncNow(page);
  await page.goto(harness.pageUrl('/countries'));
  await expect(page.getByTestId('country-list').getByRole('listitem').filter({ hasText: 'Germany' })).toContainText('✎ 1 section changed');
  await expect(page.getByTestId('country-list').getByRole('listitem').filter({ hasText: 'France' })).not.toContainText('changed');

  await page.goto(harness.pageUrl('/countries/DE'));
  const changed = page.getByTestId('section-legislation');
  await expect(changed).toHaveAttribute('data-changed', 'true');
  await expect(changed.getByTestId('change-mark')).toHaveText('✎ Changed');
  await expect(changed).toContainText(AMENDED);
  expect(await page.title()).not.toBe('pwned');
  await expect(changed.locator('script')).toHaveCount(0);
  for (const key of SECTION_KEYS.filter((other) => other !== 'legislation')) {
    await expect(page.getByTestId(`section-${key}`)).toHaveAttribute('data-changed', 'false');
    await expect(page.getByTestId(`section-${key}`).getByTestId('change-mark')).toHaveCount(0);
  }
  const previous = changed.getByTestId('previous-text');
  await expect(previous).toBeHidden();
  const toggle = changed.getByRole('button', { name: 'Show the previous text' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(previous).toBeVisible();
  await expect(previous).toContainText(oldLegislation.slice(0, 60));
  await expect(previous).not.toContainText(AMENDED);
  await expect(changed.getByRole('button', { name: 'Hide the previous text' })).toHaveAttribute('aria-expanded', 'true');
});

test('two countries side by side, section by section, chosen with the keyboard', async ({ page }) => {
  await page.goto(harness.pageUrl('/countries'));
  const first = page.getByRole('combobox', { name: 'First country' });
  const second = page.getByRole('combobox', { name: 'Second country' });
  await first.selectOption({ label: 'Germany' });
  await second.focus();
  await second.selectOption({ label: 'France' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/countries\/compare\?a=DE&b=FR$/);
  await expect(h1(page, 'Germany and France side by side')).toBeFocused();

  const rows = page.getByTestId('compare-sheets').locator(':scope > section');
  await expect(rows).toHaveCount(6);
  await expect(rows.getByRole('heading', { level: 2 })).toHaveText(SECTION_NAMES);
  const france = await portalRecord('country-sheets', 'country-FR');
  const franceSections = france.sections as Array<{ key: string; body: string }>;
  for (const [index, key] of SECTION_KEYS.entries()) {
    const row = page.getByTestId(`compare-${key}`);
    // Each row holds the same section of both countries, Germany first.
    await expect(row.getByRole('heading', { level: 3 })).toHaveText(['Germany', 'France']);
    await expect(row.locator('.compare-cell').nth(1)).toContainText(textOf(franceSections[index]!.body).slice(0, 60));
  }
  await expect(page.getByTestId('compare-legislation').locator('.compare-cell').nth(0)).toContainText(AMENDED);
  await expect(page.getByTestId('compare-legislation').locator('.compare-cell').nth(1)).not.toContainText(AMENDED);
  // The German sheet was opened since its change: seen, so no mark.
  await expect(page.getByTestId('compare-legislation').getByTestId('change-mark')).toHaveCount(0);

  // The same country twice cannot be compared.
  await page.getByRole('combobox', { name: 'Second country' }).selectOption({ label: 'Germany' });
  await expect(page.getByRole('button', { name: 'Compare' })).toBeDisabled();
  await expect(page.getByText('Choose two different countries.')).toBeVisible();
});

test('good practices: filter, choose two, compare them with the differing fields marked', async ({ page }) => {
  await page.goto(harness.pageUrl('/practices'));
  await expect(h1(page, 'Good practices')).toBeVisible();
  const all = await portalList('good-practices');
  await expect(page.getByTestId('practice-total')).toHaveText(`${all.length} good practices`);

  // A country filter: the count its option showed is the new total, and every practice is from there.
  const countrySelect = page.getByRole('combobox', { name: 'Country' });
  const option = countrySelect.locator('option').nth(1);
  const [, label, shown] = /^(.+) \((\d+)\)$/.exec((await option.textContent())!)!;
  await countrySelect.selectOption({ index: 1 });
  await expect(page.getByTestId('practice-total')).toHaveText(`${shown} ${shown === '1' ? 'good practice' : 'good practices'}`);
  const code = new URLSearchParams(page.url().split('?')[1]).get('country')!;
  expect(Number(shown)).toBe(all.filter((practice) => practice.country === code).length);
  for (const meta of await page.getByTestId('practice-list').locator('.hit-meta').allTextContents()) expect(meta).toContain(label);
  await countrySelect.selectOption({ label: 'Any' });
  await expect(page.getByTestId('practice-total')).toHaveText(`${all.length} good practices`);

  const items = page.getByTestId('practice-list').getByRole('listitem');
  const ids: string[] = [];
  for (const index of [0, 1]) {
    const link = items.nth(index).getByRole('heading').getByRole('link');
    ids.push(decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!));
    const box = items.nth(index).getByRole('checkbox', { name: /^Compare/ });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(items.nth(index).getByRole('checkbox', { name: /^Compare/ })).toBeChecked();
  }
  await expect(page.getByTestId('practice-selection')).toContainText('2 of at most 6 chosen');
  await page.getByRole('button', { name: 'Compare 2 practices' }).click();
  await expect(page).toHaveURL(new RegExp(`#/practices/compare\\?ids=${ids.join('%2C')}$`));
  await expect(h1(page, 'Good practices side by side')).toBeVisible();

  const table = page.getByTestId('practice-comparison');
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('tbody tr')).toHaveCount(24);
  const [a, b] = await Promise.all(ids.map((id) => portalRecord('good-practices', id)));
  const expected: Record<string, [unknown, unknown]> = {
    country: [a!.country, b!.country],
    evaluationType: [(a!.evaluation as { type: string }).type, (b!.evaluation as { type: string }).type],
    evaluationIndicators: [(a!.evaluation as { indicators: string }).indicators, (b!.evaluation as { indicators: string }).indicators],
    peopleReached: [a!.peopleReached ?? null, b!.peopleReached ?? null],
  };
  let differing = 0;
  for (const [field, [left, right]] of Object.entries(expected)) {
    const differs = JSON.stringify(left) !== JSON.stringify(right);
    differing += differs ? 1 : 0;
    const row = table.locator(`tr[data-field="${field}"]`);
    await expect(row).toHaveAttribute('data-differs', String(differs));
    if (differs) await expect(row.getByRole('rowheader')).toContainText('Differs');
    else await expect(row.getByRole('rowheader')).not.toContainText('Differs');
  }
  expect(differing).toBeGreaterThan(0);
  // The titles head the columns (as links to the practices); no row repeats them.
  await expect(table.locator('thead th a')).toHaveText([String(a!.title), String(b!.title)]);
  await expect(table.locator('tr[data-field="title"]')).toHaveCount(0);

  // Differences only: exactly the rows marked as differing stay.
  const marked = await table.locator('tbody tr[data-differs="true"]').count();
  await page.getByRole('button', { name: 'Show differences only' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(marked);
  await expect(table.locator('tbody tr[data-differs="false"]')).toHaveCount(0);

  // Back to the list keeps the choice.
  await page.getByRole('link', { name: 'Back to the good practices' }).click();
  await expect(page.getByTestId('practice-selection')).toContainText('2 of at most 6 chosen');
});

test('funding by deadline: a deadline range and open calls only, each obeyed and sorted', async ({ page }) => {
  const calls = await portalList('funding');
  const now = today();
  const upcoming = [...new Set(calls.map((call) => call.deadline as string | null).filter((deadline): deadline is string => deadline !== null && deadline >= now))].sort();
  expect(upcoming.length).toBeGreaterThanOrEqual(4);
  const from = upcoming[1]!;
  const to = upcoming[upcoming.length - 2]!;
  const inRange = calls.filter((call) => typeof call.deadline === 'string' && call.deadline >= from && call.deadline <= to).length;
  const open = calls.filter((call) => call.deadline === null || (call.deadline as string) >= now).length;
  expect(inRange).toBeLessThan(calls.length);
  expect(open).toBeLessThan(calls.length);

  await page.goto(harness.pageUrl('/funding'));
  await expect(h1(page, 'Funding')).toBeVisible();
  await expect(page.getByTestId('funding-total')).toHaveText(`${calls.length} funding opportunities`);

  await typeDeadline(page, 'Deadline from', from);
  await typeDeadline(page, 'Deadline until', to);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(page.getByTestId('funding-total')).toHaveText(`${inRange} ${inRange === 1 ? 'funding opportunity' : 'funding opportunities'}`);
  const rows = page.getByTestId('funding-list').getByRole('listitem');
  await expect(rows).toHaveCount(Math.min(inRange, 20));
  const deadlines = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-deadline') ?? ''));
  for (const deadline of deadlines) {
    expect(deadline >= from && deadline <= to, `${deadline} within ${from}..${to}`).toBe(true);
  }
  expect(deadlines).toEqual([...deadlines].sort());
  // Days left are shown, as words.
  await expect(rows.first()).toContainText(/\d+ days? left|Closes today/);

  // Open calls only, without a range: nothing closed; dated calls soonest first, then rolling calls.
  await clearDeadline(page, 'Deadline from');
  await clearDeadline(page, 'Deadline until');
  await expect(page).toHaveURL(/#\/funding$/);
  await page.getByRole('checkbox', { name: 'Open calls only' }).check();
  await expect(page).toHaveURL(/#\/funding\?open=1$/);
  await expect(page.getByTestId('funding-total')).toHaveText(`${open} funding opportunities`);
  const openDeadlines = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-deadline') ?? ''));
  const dated = openDeadlines.filter(Boolean);
  for (const deadline of dated) expect(deadline >= now).toBe(true);
  expect(dated).toEqual([...dated].sort());
  expect(openDeadlines).toEqual([...dated, ...openDeadlines.slice(dated.length).map(() => '')]);
  await expect(rows.first()).not.toContainText('Closed');
});

test('Home shows what the last sync changed and the upcoming deadlines', async ({ page }) => {
  await page.goto(harness.pageUrl());
  const changes = page.getByTestId('home-changes');
  // The last sync brought one record: the edited German sheet.
  await expect(changes.getByTestId('home-change-counts')).toHaveText('1 country sheet');
  const newest = changes.getByTestId('home-newest').getByRole('link');
  await expect(newest).toHaveCount(1);
  await expect(newest).toHaveText('Germany: country information sheet');
  await expect(newest).toHaveAttribute('href', '#/read/country-sheet/country-DE');

  const calls = await portalList('funding');
  const now = today();
  const upcoming = calls.filter((call) => typeof call.deadline === 'string' && call.deadline >= now);
  const deadlines = page.getByTestId('home-deadline-list').getByRole('listitem');
  await expect(deadlines).toHaveCount(Math.min(5, upcoming.length));
  const shown = await deadlines.evaluateAll((items) => items.map((item) => item.getAttribute('data-deadline') ?? ''));
  expect(shown).toEqual(upcoming.map((call) => call.deadline as string).sort().slice(0, 5));
  await expect(deadlines.first()).toContainText(/\d+ days? left|Closes today/);
  await page.getByRole('link', { name: 'All open funding opportunities' }).click();
  await expect(h1(page, 'Funding')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Open calls only' })).toBeChecked();
});

test('the interface language and theme are kept in the settings, across a reload', async ({ page }) => {
  await page.goto(harness.pageUrl('/settings'));
  await page.getByTestId('language-choice').getByText('Français', { exact: true }).click();
  await expect(h1(page, 'Paramètres')).toBeVisible();
  await expect.poll(async () => (await harness.core.api['settings.get']({})).interfaceLanguage).toBe('fr');
  await page.getByText('Sombre', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await harness.core.api['settings.get']({})).theme).toBe('dark');

  // Nothing in the page's own storage carries it: the reload reads the settings.
  await page.evaluate(() => {
    const scope = globalThis as unknown as { localStorage: { clear(): void }; sessionStorage: { clear(): void } };
    scope.localStorage.clear();
    scope.sessionStorage.clear();
  });
  // Opened again from the address the harness prints (its token went with the session storage).
  await page.goto(harness.pageUrl('/settings'));
  await page.reload();
  await expect(h1(page, 'Paramètres')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto(harness.pageUrl('/countries/DE'));
  await expect(h1(page, 'Allemagne : fiche d’information pays')).toBeVisible();
  await expect(page.getByTestId('sheet-sections').getByRole('heading', { level: 2 }).first()).toHaveText('Stratégie d’intégration');

  await page.goto(harness.pageUrl('/settings'));
  await page.getByTestId('language-choice').getByText('English', { exact: true }).click();
  await page.getByText('Same as the system', { exact: true }).click();
  await expect(h1(page, 'Settings')).toBeVisible();
  await expect.poll(async () => {
    const settings = await harness.core.api['settings.get']({});
    return `${settings.interfaceLanguage} ${settings.theme}`;
  }).toBe('en system');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on these screens (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const screens: Array<[string, string, (page: Page) => Promise<void>]> = [
      ['home', '', async (p) => expect(p.getByTestId('home-newest')).toBeVisible()],
      ['country list', '#/countries', async (p) => expect(p.getByTestId('country-list')).toBeVisible()],
      // The sheet with a change and its previous text shown is checked by unseen-changes.spec.ts.
      ['country sheet', '#/countries/DE', async (p) => expect(p.getByTestId('sheet-sections')).toBeVisible()],
      ['country comparison', '#/countries/compare?a=DE&b=FR', async (p) => expect(p.getByTestId('compare-sheets')).toBeVisible()],
      ['practices', '#/practices', async (p) => expect(p.getByTestId('practice-list').getByRole('listitem').first()).toBeVisible()],
      ['practice comparison', '#/practices/compare?ids=gp-00001,gp-00002,gp-00003', async (p) => expect(p.getByTestId('practice-comparison')).toBeVisible()],
      ['funding', '#/funding?open=1', async (p) => expect(p.getByTestId('funding-list').getByRole('listitem').first()).toBeVisible()],
    ];
    for (const [label, hash, ready] of screens) {
      await page.goto(harness.pageUrl(hash));
      await ready(page);
      await expectNoSeriousViolations(page, `${label} (${colorScheme})`);
    }
  });
}
