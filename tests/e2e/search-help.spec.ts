// The Search screen's help with a query: a mistyped filter's notice, written
// once with the closest valid value as a link; an empty result's offers to
// drop each filter; every facet value reachable; hits with their kind.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  env = await startPortalAndHarness({ documents: 600, tempPrefix: 'ewsi-e2e-search-help-' });
  await firstSync(env);
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

for (const size of [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`a mistyped filter says once what it left out, with the closest value as a link (${size.width}×${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(env.harness.pageUrl('/search?q=family%20reunification%20type%3Alegislaton'));
    const notices = page.getByTestId('search-notices');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('“type:legislaton” is not a value this filter knows');
    expect((await notices.textContent())!.match(/left it out/g)).toHaveLength(1);
    await expect(notices).toBeInViewport();
    await page.screenshot({ path: `test-results/search-help-notice-${size.width}.png` });
    await expectNoSeriousViolations(page, 'notice');
    await notices.getByRole('link', { name: 'type:legislation' }).click();
    await expect(page).toHaveURL(/type%3Alegislation(&|$)/);
    await expect(page.getByTestId('search-notices')).toHaveCount(0);
    await expect(page.getByTestId('search-hits').locator('.hit-meta').first()).toContainText('Legislation');
  });
}

test('an empty result offers to drop each filter, with the count it would give', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(env.harness.pageUrl('/search?q=family%20reunification%20type%3Alegislation%20year%3A1990'));
  await expect(page.getByTestId('search-summary')).toHaveText('0 results');
  const offers = page.getByTestId('search-relaxations');
  await expect(offers.getByRole('listitem')).toHaveCount(2);
  await expect(offers.getByRole('link', { name: 'without year:1990' })).toBeVisible();
  await expect(offers).toBeInViewport();
  await page.screenshot({ path: 'test-results/search-help-relaxations-1024.png' });
  await expectNoSeriousViolations(page, 'relaxations');
  const link = offers.getByRole('link', { name: 'without year:1990' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-summary')).not.toHaveText('0 results');
});

test('every country of a facet is reachable: "Show all" lists them, keyboard included', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(env.harness.pageUrl('/search?q=type%3Acountry-sheet'));
  const countries = page.getByTestId('facet-country');
  await expect(countries.getByRole('button')).toHaveCount(12);
  const more = page.getByTestId('facet-more-country');
  await expect(more).toHaveText('Show all 27');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(countries.getByRole('button')).toHaveCount(27);
  await expect(countries.getByRole('button', { name: /France/ })).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: 'test-results/search-help-facets-1400.png', fullPage: true });
  await expectNoSeriousViolations(page, 'facets');
});
