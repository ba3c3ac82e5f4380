// Typing a funding deadline as a policy officer does, against a real portal
// (sample corpus) and the real core through the loopback harness, at 1400×900
// and 1024×700: the filter applies once the date is whole (never on the first
// digit of the year), what is typed stays in the field, less than a whole date
// is said on leaving the field, the format is the interface language's
// (en mm/dd/yyyy, fr jj/mm/aaaa, de tt.mm.jjjj), a calendar picks a day, axe.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, failOnConsoleErrors, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
];

failOnConsoleErrors();

interface Call {
  deadline: string | null;
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    let env: PortalAndHarness;
    let calls: Call[] = [];

    test.describe.configure({ mode: 'serial' });
    test.use({ viewport });

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      env = await startPortalAndHarness({ documents: 60, tempPrefix: 'ewsi-e2e-deadline-' });
      await env.harness.core.api['sync.start']({});
      await expect.poll(async () => (await env.harness.core.api['sync.status']({})).lastSyncAt, { timeout: 90_000 }).not.toBeNull();
      const response = await fetch(`${env.portal.url}/api/v1/funding?limit=200`);
      calls = ((await response.json()) as { items: Call[] }).items;
    });
    test.afterAll(async () => {
      await env?.close();
    });

    const language = async (page: Page, lang: 'en' | 'fr' | 'de', hash = '#/funding') => {
      await env.harness.core.api['settings.update']({ interfaceLanguage: lang });
      await page.goto(env.harness.pageUrl(hash));
      await page.reload();
    };
    const total = (page: Page) => page.getByTestId('funding-total');
    const countFrom = (from: string) => calls.filter((call) => call.deadline !== null && call.deadline >= from).length;
    const totalText = (count: number) => `${count} ${count === 1 ? 'funding opportunity' : 'funding opportunities'}`;
    /** Every address the page went through, so a filter applied for an instant is caught too. */
    const recordAddresses = (page: Page) =>
      page.evaluate(() => {
        const scope = globalThis as unknown as { seenAddresses: string[]; addEventListener: (name: string, listener: () => void) => void; location: { hash: string } };
        scope.seenAddresses = [];
        scope.addEventListener('hashchange', () => scope.seenAddresses.push(scope.location.hash));
      });
    const addresses = (page: Page) => page.evaluate(() => (globalThis as unknown as { seenAddresses: string[] }).seenAddresses);

    test('typing 12102026 filters on 2026-12-10 once the year is whole, and keeps what was typed', async ({ page }) => {
      await language(page, 'en');
      await expect(total(page)).toHaveText(totalText(calls.length));
      await recordAddresses(page);
      // The label takes the user to the field, as a click on it does.
      await page.getByText('Deadline from', { exact: true }).click();
      await page.keyboard.type('12102026', { delay: 30 });
      await expect(page).toHaveURL(/#\/funding\?from=2026-12-10$/);
      await expect(total(page)).toHaveText(totalText(countFrom('2026-12-10')));
      expect(await addresses(page)).toEqual(['#/funding?from=2026-12-10']);
      const field = page.getByRole('group', { name: 'Deadline from' });
      await expect(field).toHaveText('12/10/2026▾');
      await expect(field).toBeInViewport();
      for (const deadline of await page.getByTestId('funding-list').getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-deadline') ?? ''))) {
        expect(deadline >= '2026-12-10', deadline).toBe(true);
      }
    });

    test('less than a whole date is kept and said on leaving the field, and applied once whole', async ({ page }) => {
      await page.goto(env.harness.pageUrl('/funding?from=2026-12-10'));
      await expect(total(page)).toHaveText(totalText(countFrom('2026-12-10')));
      await recordAddresses(page);
      await page.getByText('Deadline until', { exact: true }).click();
      await page.keyboard.type('0315');
      // Moving from segment to segment is not leaving the field: nothing is said yet.
      await expect(page.getByTestId('deadline-to').getByText(/Type the whole date/)).toHaveCount(0);
      // Out of the field (past its calendar button): the filter waits, the field says why.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const until = page.getByTestId('deadline-to');
      await expect(until.getByText('Type the whole date, for example 12/31/2026. The filter waits until then.')).toBeVisible();
      await expect(page.getByRole('group', { name: 'Deadline until' })).toHaveText('03/15/yyyy▾');
      await expect(page.getByRole('group', { name: 'Deadline until' })).toHaveAttribute('aria-describedby', /.+/);
      expect(await addresses(page)).toEqual([]);
      // Enter with a year of two digits: still not a deadline.
      await page.getByRole('spinbutton', { name: /^year/ }).nth(1).click();
      await page.keyboard.type('27');
      await page.keyboard.press('Enter');
      await expect(until.getByText(/Type the whole date/)).toBeVisible();
      expect(await addresses(page)).toEqual([]);
      // The year typed in full: the filter applies, the message goes.
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('2027');
      await expect(page).toHaveURL(/#\/funding\?from=2026-12-10&to=2027-03-15$/);
      await expect(until.getByText(/Type the whole date/)).toHaveCount(0);
      expect(await addresses(page)).toEqual(['#/funding?from=2026-12-10&to=2027-03-15']);
      await expect(total(page)).toHaveText(totalText(calls.filter((call) => call.deadline !== null && call.deadline >= '2026-12-10' && call.deadline <= '2027-03-15').length));
    });

    test('French and German show and take dates in their own order', async ({ page }) => {
      await language(page, 'fr');
      const from = page.getByRole('group', { name: 'Date limite à partir du' });
      await expect(from).toHaveText('jj/mm/aaaa▾');
      await page.getByText('Date limite à partir du', { exact: true }).click();
      await page.keyboard.type('10122026', { delay: 30 });
      await expect(page).toHaveURL(/#\/funding\?from=2026-12-10$/);
      await expect(from).toHaveText('10/12/2026▾');
      await expect(page.getByRole('group', { name: 'Date limite jusqu’au' })).toHaveText('jj/mm/aaaa▾');

      await language(page, 'de', '#/funding?from=2026-12-10');
      await expect(page.getByRole('group', { name: 'Frist ab' })).toHaveText('10.12.2026▾');
      await expect(page.getByRole('group', { name: 'Frist bis' })).toHaveText(/^tt\.mm\.jjjj▾$/i);
      await language(page, 'en');
    });

    test('a calendar picks a day; emptying the field drops the filter', async ({ page }) => {
      await page.goto(env.harness.pageUrl('/funding?from=2026-12-10'));
      await expect(total(page)).toHaveText(totalText(countFrom('2026-12-10')));
      await page.getByRole('button', { name: 'Choose a date: Deadline from' }).click();
      const calendar = page.getByRole('dialog');
      await expect(calendar.getByRole('heading')).toHaveText('December 2026');
      await expect(calendar).toBeInViewport();
      await calendar.getByRole('button', { name: 'Next month' }).click();
      await calendar.getByRole('gridcell', { name: /January 20, 2027/ }).getByRole('button').click();
      await expect(calendar).toBeHidden();
      await expect(page).toHaveURL(/#\/funding\?from=2027-01-20$/);
      await expect(total(page)).toHaveText(totalText(countFrom('2027-01-20')));

      // Backspace through the segments, from the year back to the month.
      await page.getByRole('spinbutton', { name: /^year/ }).first().click();
      for (let press = 0; press < 12; press += 1) await page.keyboard.press('Backspace');
      await expect(page.getByRole('group', { name: 'Deadline from' })).toHaveText('mm/dd/yyyy▾');
      await expect(page).toHaveURL(/#\/funding$/);
      await expect(total(page)).toHaveText(totalText(calls.length));
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no serious or critical violation on the deadline fields (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(env.harness.pageUrl('/funding?from=2026-12-10'));
        await expect(total(page)).toHaveText(totalText(countFrom('2026-12-10')));
        await page.getByText('Deadline until', { exact: true }).click();
        await page.keyboard.type('03');
        await page.getByRole('checkbox', { name: 'Open calls only' }).focus();
        await expect(page.getByText(/Type the whole date/)).toBeVisible();
        await expectNoSeriousViolations(page, `funding with an unfinished date (${colorScheme})`);
        await page.getByRole('button', { name: 'Choose a date: Deadline from' }).click();
        await expect(page.getByRole('dialog').getByRole('grid')).toBeVisible();
        await expectNoSeriousViolations(page, `funding calendar (${colorScheme})`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      });
    }
  });
}
