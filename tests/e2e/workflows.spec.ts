// Issue 19, points 4 to 8, as the newcomers did them, against a real portal
// (sample corpus) and the real core through the harness, at 1400×900 and
// 1024×700: the search palette's keys; gathering many records into a
// collection; writing while signed out, registering on the portal's page and
// signing in; the partner-request form filled from the profile; focus on the
// way into and back from the Reader. Screenshots go to EWSI_SHOTS_DIR when set.
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, syncNowFromSettings, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;

const DOCUMENTS = 300;
const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
] as const;
const NEWCOMER = { displayName: 'Maria Huber', email: 'maria.huber@example.org', password: 'a long enough secret', organisation: 'Gemeinde Oberland', country: 'AT' };
const PROFILE = { displayName: 'Jonas Virtanen', email: 'jonas.virtanen@example.org', password: 'another long secret', organisation: 'Tampereen kaupunki', country: 'FI' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({ documents: DOCUMENTS, tempPrefix: 'ewsi-e2e-workflows-' });
});
test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

const nav = mainNav;
const list = (page: Page) => page.getByRole('listbox', { name: 'Records' });
const loadedRow = (listbox: Locator, position: number) => listbox.locator(`[role="option"][aria-posinset="${position}"][data-loaded="true"]`);
const activePosition = async (listbox: Locator) => {
  const id = await listbox.getAttribute('aria-activedescendant');
  return id ? Number(await listbox.page().locator(`[id="${id}"]`).getAttribute('aria-posinset')) : null;
};

async function shot(page: Page, name: string) {
  const dir = process.env.EWSI_SHOTS_DIR;
  if (!dir) return;
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}.png`) });
}

/** Opens the app on a screen (`#/library?…`), with the harness token in the address's fragment. */
async function openApp(page: Page, hash = '') {
  await page.goto(env.harness.pageUrl(hash.replace(/^#/, '')));
  await expect(page.getByRole('main')).toBeVisible();
}

test('first sync', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await syncNowFromSettings(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
});

for (const viewport of VIEWPORTS) {
  test(`Ctrl+K at ${viewport.width}×${viewport.height}: ArrowDown then Enter opens the highlighted suggestion; Esc closes whatever is typed`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page, '#/library');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog');
    const input = page.getByTestId('palette-input');
    await expect(input).toBeFocused();
    await page.keyboard.type('housing');
    const options = dialog.getByRole('option');
    // What the core suggests for the whole word: the palette shows it once the last keystroke's answer is in.
    const suggested = await env.harness.core.api['search.suggest']({ query: 'housing', limit: 8 });
    const index = suggested.findIndex((suggestion) => suggestion.kind === 'title');
    expect(index).toBeGreaterThanOrEqual(0);
    const title = suggested[index]!.text;
    await expect(options).toHaveCount(suggested.length);
    await expect(options.nth(index).locator('[slot="label"]')).toHaveText(title);
    // Typing highlights nothing: Enter would search the words, as the footer says.
    await expect(input).not.toHaveAttribute('aria-activedescendant', /.+/);
    await expect(dialog.locator('[role="option"][data-focused]')).toHaveCount(0);
    for (let step = 0; step <= index; step += 1) await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(index).getAttribute('id'))!);
    await expect(options.nth(index)).toHaveAttribute('data-focused', 'true');
    // Eight suggestions at most, one line each: the list never scrolls (axe: a scrolling region needs focus of its own).
    expect(await dialog.locator('.palette-list').evaluate((element) => element.scrollHeight <= element.clientHeight)).toBe(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoSeriousViolations(page, `search palette with a suggestion highlighted (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, 'palette-highlighted');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/read\//);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Esc closes at once, with words typed (the search field alone would only empty itself).
    await page.keyboard.press('Control+K');
    await expect(input).toBeFocused();
    await page.keyboard.type('integration');
    await expect(options.first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/read\//);
  });
}

test('a collection from many records: Space, Shift, Ctrl+click in the library, Ctrl+A, ticks and "add all" in search results', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(VIEWPORTS[0]);
  await openApp(page, '#/library?sort=title');
  const listbox = list(page);
  await expect(loadedRow(listbox, 1)).toBeVisible();
  await expect(listbox).toHaveAttribute('aria-multiselectable', 'true');
  await listbox.focus();
  // Space selects the first row, Shift+ArrowDown adds the next two; an arrow alone only moves.
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await activePosition(listbox)).toBe(5);
  await expect(loadedRow(listbox, 5)).toHaveAttribute('aria-selected', 'false');
  // Ctrl+click adds row 7 without opening it; Shift+click adds 7 to 9.
  await loadedRow(listbox, 7).click({ modifiers: ['Control'] });
  await loadedRow(listbox, 9).click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(/#\/library/);
  const count = page.getByTestId('selection-count');
  await expect(count).toHaveText('6 selected');
  const selectedTitles = await listbox.locator('[role="option"][aria-selected="true"] .record-title-text').allTextContents();
  expect(selectedTitles).toHaveLength(6);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `library with six rows selected (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    // The actions on the selection are above the list, in view.
    await expect(page.getByTestId('add-selected-to-collection')).toBeInViewport();
    await shot(page, 'library-selection');
  }
  await page.setViewportSize(VIEWPORTS[0]);

  const dialog = page.getByRole('dialog');
  await page.getByTestId('add-selected-to-collection').click();
  await expect(dialog.getByTestId('add-to-collection-subject')).toHaveText('6 selected items');
  await dialog.getByTestId('new-collection-name').fill('Reading for the mission');
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(page.getByTestId('list-actions').getByTestId('added-to-collection')).toHaveText('Added 6 items to Reading for the mission.');

  // Ctrl+A: every document, added by the core in one call; the six already there are counted apart.
  await listbox.focus();
  await page.keyboard.press('Control+a');
  const documents = Number(await listbox.getAttribute('data-total'));
  await expect(count).toHaveText(`${documents} selected`);
  await page.getByTestId('add-selected-to-collection').click();
  await expect(dialog.getByRole('radio', { name: 'Reading for the mission' })).toBeChecked();
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(page.getByTestId('list-actions').getByTestId('added-to-collection')).toHaveText(`Added ${documents - 6} items to Reading for the mission. 6 were already in it.`);
  await page.keyboard.press('Escape');
  await listbox.focus();
  await page.keyboard.press('Escape');
  await expect(count).toHaveCount(0);

  // Search results: tick one, Shift+click another to tick the ones between, then add them; then add all results.
  await openApp(page, '#/search?q=integration');
  const hits = page.getByTestId('search-hits').getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  await hits.nth(1).getByTestId('hit-check').click();
  await hits.nth(4).getByTestId('hit-check').click({ modifiers: ['Shift'] });
  await expect(count).toHaveText('4 selected');
  const tickedTitles = await page.locator('.hit.chosen h3').allTextContents();
  expect(tickedTitles).toHaveLength(4);
  const total = Number((await page.getByTestId('search-summary').textContent())!.replace(/\D/g, ''));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `search results with four ticked (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await hits.nth(4).scrollIntoViewIfNeeded();
    // The bar stays in view while the results scroll.
    await expect(page.getByTestId('add-all-results')).toBeInViewport();
    await shot(page, 'search-selection');
  }
  await page.setViewportSize(VIEWPORTS[0]);
  await page.getByTestId('add-selected-to-collection').click();
  await dialog.getByTestId('collection-choice').getByText('New collection', { exact: true }).click();
  await dialog.getByTestId('new-collection-name').fill('Ticked results');
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(page.getByTestId('search-actions').getByTestId('added-to-collection').first()).toHaveText('Added 4 items to Ticked results.');
  await page.getByTestId('add-all-results').click();
  await expect(dialog.getByTestId('add-to-collection-subject')).toHaveText(`All ${total.toLocaleString('en')} results of “integration”`);
  await dialog.getByTestId('collection-choice').getByText('New collection', { exact: true }).click();
  await dialog.getByTestId('new-collection-name').fill('Everything on integration');
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(page.getByTestId('search-actions').getByTestId('added-to-collection').last()).toHaveText(`Added ${total.toLocaleString('en')} items to Everything on integration.`);

  // The collections hold what was chosen.
  await nav(page).getByRole('link', { name: 'Collections' }).click();
  const collections = page.getByTestId('collections-list');
  await collections.getByRole('link', { name: 'Ticked results' }).click();
  const items = page.getByTestId('collection-detail').getByTestId('collection-item');
  await expect(items).toHaveCount(4);
  for (const title of tickedTitles) await expect(page.getByTestId('collection-items')).toContainText(title);
  await nav(page).getByRole('link', { name: 'Collections' }).click();
  await collections.getByRole('link', { name: 'Reading for the mission' }).click();
  await expect(items).toHaveCount(documents);
  for (const title of selectedTitles) await expect(page.getByTestId('collection-items')).toContainText(title);
  await nav(page).getByRole('link', { name: 'Collections' }).click();
  await collections.getByRole('link', { name: 'Everything on integration' }).click();
  await expect(items).toHaveCount(total);
});

test('signed out: the composer says the reply waits in the Outbox, links to sign-in; the card links to the portal registration, which makes an account to sign in with', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(VIEWPORTS[0]);
  await openApp(page, '#/forums');
  await page.getByTestId('forum-list').getByRole('link').first().click();
  await page.getByTestId('thread-list').getByRole('link').first().click();
  const reply = page.getByRole('region', { name: 'Reply' });
  const waiting = reply.getByTestId('waits-for-sign-in');
  await expect(waiting).toHaveText('You are not signed in: what you send waits in your Outbox until you sign in. Sign in');
  // The hint describes the message field, so a screen reader says it there too.
  await expect(reply.getByRole('textbox', { name: 'Your reply' })).toHaveAccessibleDescription(/what you send waits in your Outbox until you sign in/);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await reply.scrollIntoViewIfNeeded();
    await shot(page, 'reply-signed-out');
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `thread with the signed-out reply form (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(VIEWPORTS[0]);

  // The partner-request form says the same, above the form.
  await openApp(page, '#/partners/new');
  await expect(page.getByTestId('waits-for-sign-in')).toHaveText('You are not signed in: what you send waits in your Outbox until you sign in. Sign in');
  await page.goBack();
  await expect(waiting).toBeVisible();

  // The link leads to the sign-in form, its e-mail field focused.
  await waiting.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/settings\?signin=1$/);
  const card = page.getByTestId('sign-in-card');
  await expect(card.getByLabel('E-mail')).toBeFocused();
  // Nothing about where the session is kept on disk.
  await expect(card).not.toContainText('Session kept in');
  await expect(card).not.toContainText(env.dir);
  const register = card.getByTestId('register-link').getByRole('link', { name: 'Create one on the portal (opens your browser)' });
  await expect(register).toHaveAttribute('href', `${env.portal.url}/register`);
  await expect(register).toHaveAttribute('target', '_blank');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await shot(page, 'sign-in-card-signed-out');
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `Settings, signed out (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(VIEWPORTS[0]);

  // The portal's page, opened beside the app as the system browser would: a form that creates the account.
  const [portalPage] = await Promise.all([context.waitForEvent('page'), register.click()]);
  await expect(portalPage.getByRole('heading', { level: 1, name: 'Create an EWSI community account' })).toBeVisible();
  await portalPage.getByLabel('Your name').fill(NEWCOMER.displayName);
  await portalPage.getByLabel('E-mail address').fill(NEWCOMER.email);
  await portalPage.getByLabel('Password').fill('too short');
  await portalPage.getByLabel('Organisation (optional)').fill(NEWCOMER.organisation);
  await portalPage.getByLabel('Country').selectOption(NEWCOMER.country);
  await portalPage.getByRole('button', { name: 'Create the account' }).click();
  // The browser's own check (minlength) stops the short password first; the portal would answer the same.
  await expect(portalPage.getByRole('heading', { level: 1, name: 'Create an EWSI community account' })).toBeVisible();
  await portalPage.getByLabel('Password').fill(NEWCOMER.password);
  await expectNoSeriousViolations(portalPage, 'portal registration page');
  for (const viewport of VIEWPORTS) {
    await portalPage.setViewportSize(viewport);
    await shot(portalPage, 'portal-registration');
  }
  await portalPage.getByRole('button', { name: 'Create the account' }).click();
  await expect(portalPage.getByRole('heading', { level: 1, name: 'Your account is ready' })).toBeVisible();
  await portalPage.close();

  await card.getByLabel('E-mail').fill(NEWCOMER.email);
  await card.getByLabel('Password').fill(NEWCOMER.password);
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('signed-in')).toContainText(NEWCOMER.displayName);
  // How the session is kept, in words (the harness has no keychain), and still no path.
  await expect(card.getByTestId('signed-in')).toContainText('Session keptin a file on this computer that only your user account can read, without a keychain');
  await expect(card).not.toContainText('session-token');
  await expect(card).not.toContainText(env.dir);
  await expect(card.getByTestId('register-link')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'sign-in-card-signed-in');

  // Signed in, the composer says the reply goes out when the portal can be reached.
  await page.goBack();
  await expect(reply).toBeVisible();
  await expect(reply.getByTestId('waits-for-sign-in')).toHaveCount(0);
  await expect(reply).toContainText('It goes to your outbox and is sent when the portal can be reached.');
});

test('the partner-request form starts with the name, e-mail, organisation and country of the profile', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[0]);
  // A member of its own, registered through the API and signed in here, so this test stands alone.
  const registered = await fetch(`${env.portal.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(PROFILE) });
  expect(registered.status).toBe(201);
  await openApp(page, '#/settings');
  const card = page.getByTestId('sign-in-card');
  const signOut = card.getByRole('button', { name: 'Sign out' });
  await expect(signOut.or(card.getByRole('button', { name: 'Sign in' }))).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await card.getByLabel('E-mail').fill(PROFILE.email);
  await card.getByLabel('Password').fill(PROFILE.password);
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('signed-in')).toContainText(PROFILE.displayName);
  await openApp(page, '#/partners/new');
  const form = page.getByTestId('partner-form');
  await expect(form.getByLabel('Contact name')).toHaveValue(PROFILE.displayName);
  await expect(form.getByLabel('Contact e-mail')).toHaveValue(PROFILE.email);
  await expect(form.getByLabel('Your organisation', { exact: true })).toHaveValue(PROFILE.organisation);
  await expect(form.getByLabel('Country of your organisation')).toHaveValue(PROFILE.country);
  await expect(page.getByTestId('partner-form-prefilled')).toBeVisible();
  // What the member types is theirs: a later reading of the session does not fill it again.
  await form.getByLabel('Contact name').fill('');
  await page.getByRole('main').click({ position: { x: 5, y: 5 } });
  await expect(form.getByLabel('Contact name')).toHaveValue('');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await shot(page, 'partner-form-prefilled');
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `new partner request, prefilled (${colorScheme})`);
  }
});

for (const viewport of VIEWPORTS) {
  test(`the Reader at ${viewport.width}×${viewport.height}: Back and Add to collection first after the title; Back returns focus to the row or link`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page, '#/library');
    const listbox = list(page);
    await expect(loadedRow(listbox, 1)).toBeVisible();
    await listbox.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    const title = (await loadedRow(listbox, 4).locator('.record-title-text').textContent())!;
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: title });
    await expect(heading).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Back' })).toBeInViewport();
    await page.keyboard.press('Tab');
    const add = page.getByRole('button', { name: `Add “${title}” to a collection` });
    await expect(add).toBeFocused();
    await expect(add).toBeInViewport();
    await shot(page, 'reader-actions-focused');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoSeriousViolations(page, `Reader (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    // Back on the list, on the row the Reader was opened from.
    await expect(listbox).toBeFocused();
    await expect(loadedRow(listbox, 4)).toHaveClass(/\bactive\b/);
    expect(await activePosition(listbox)).toBe(4);
    await shot(page, 'library-back-from-reader');

    // From a search result's link, Back focuses that link again.
    await openApp(page, '#/search?q=integration');
    const link = page.getByTestId('search-hits').getByRole('listitem').nth(2).getByRole('heading').getByRole('link');
    await expect(link).toBeVisible();
    const hitTitle = (await link.textContent())!;
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: hitTitle })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/search\?q=integration$/);
    await expect(page.getByTestId('search-hits').getByRole('link', { name: hitTitle, exact: true })).toBeFocused();
  });
}
