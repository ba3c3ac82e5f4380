// "Changed since the last sync" as a contact point meets it, against a real
// portal (sample corpus) and the real core through the loopback harness, at
// 1400×900 and 1024×700: the first sync marks nothing; a later sync marks a
// new document "New", an edited one and an edited country-sheet section
// "Changed", with one wording; the marks outlast the next small sync until the
// user opens the item (the section keeps its previous text until then) or marks
// everything seen; French marks; axe in both themes.
import { expect, test, type Page } from '@playwright/test';
import { sampleDocument } from '../support/portal';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
];
const ARRIVED = { id: 'doc-arrived-later', title: 'Reception of families: a report that arrived later' };
const AMENDED = 'Amended by the portal editors: the new residence act of 2026 replaces the integration course rules.';

failOnConsoleErrors();

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    let env: PortalAndHarness;
    let documents: Array<{ id: string; title: string }> = [];
    let originalLegislation = '';

    test.describe.configure({ mode: 'serial' });
    test.use({ viewport });

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      env = await startPortalAndHarness({ documents: 60, tempPrefix: 'ewsi-e2e-unseen-' });
    });
    test.afterAll(async () => {
      await env?.close();
    });

    const portalGet = async (collection: string, id: string) => {
      const response = await fetch(`${env.portal.url}/api/v1/${collection}/${id}`);
      expect(response.status).toBe(200);
      const { version: _version, updatedAt: _updatedAt, ...fields } = (await response.json()) as Record<string, unknown>;
      return fields;
    };
    const editDocument = async (id: string, summary: string) => {
      expect((await env.portal.editor('PUT', `/api/v1/editor/document/${id}`, { ...(await portalGet('documents', id)), summary })).status).toBe(200);
    };
    /** "Sync now" in Settings, then waits until the core reports a newer completed sync. */
    const syncNowFromSettings = async (page: Page) => {
      const before = (await env.harness.core.api['sync.status']({})).lastSyncAt;
      await page.goto(env.harness.pageUrl('/settings'));
      await page.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(async () => {
        const status = await env.harness.core.api['sync.status']({});
        return !status.running && status.lastSyncAt !== before && status.lastError === null;
      }, { timeout: 90_000 }).toBe(true);
    };
    const listRow = (page: Page, title: string) => page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    const germany = (page: Page) => page.getByTestId('country-list').getByRole('listitem').filter({ hasText: /^Germany/ });

    test('the first sync marks nothing and says so once', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(env.harness.pageUrl());
      await syncNowFromSettings(page);
      await mainNav(page).getByRole('link', { name: 'Country sheets' }).click();
      await expect(page.getByTestId('country-list').getByRole('listitem')).toHaveCount(27);
      // No mark of any wording: "6 sections changed in the last sync" on every country was noise.
      await expect(page.getByTestId('country-list')).not.toContainText(/changed|\bnew\b/i);
      await mainNav(page).getByRole('link', { name: 'Library' }).click();
      await expect(page.getByRole('listbox', { name: 'Records' }).locator('[data-loaded="true"]').first()).toBeVisible();
      await expect(page.getByRole('listbox', { name: 'Records' }).locator('[data-loaded="true"]').first()).not.toContainText(/changed|\bnew\b/i);
      await expect(page.getByRole('listbox', { name: 'Records' }).getByTestId('change-mark')).toHaveCount(0);
      await mainNav(page).getByRole('link', { name: 'Home' }).click();
      await expect(page.getByTestId('home-first-sync')).toContainText('The first sync brought your library');
      await expect(page.getByTestId('home-changes').getByTestId('change-mark')).toHaveCount(0);

      const list = await env.harness.core.api['records.list']({ types: ['document'], sort: 'date-desc', limit: 10 });
      documents = list.items.map((item) => ({ id: item.id, title: item.title }));
      const sheet = await portalGet('country-sheets', 'country-DE');
      originalLegislation = (sheet.sections as Array<{ key: string; body: string }>).find((section) => section.key === 'legislation')!.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    });

    test('a later sync marks what it brought, and the marks outlast the next small sync until opened', async ({ page }) => {
      test.setTimeout(120_000);
      const sheet = await portalGet('country-sheets', 'country-DE');
      const sections = sheet.sections as Array<{ key: string; body: string; updatedAt: string }>;
      const legislation = sections.find((section) => section.key === 'legislation')!;
      legislation.body = `<p>${AMENDED}</p>`;
      legislation.updatedAt = new Date().toISOString();
      expect((await env.portal.editor('PUT', '/api/v1/editor/country-sheet/country-DE', sheet)).status).toBe(200);
      expect((await env.portal.editor('PUT', `/api/v1/editor/document/${ARRIVED.id}`, sampleDocument(ARRIVED.id, { title: ARRIVED.title, publishedOn: '2030-01-01' }))).status).toBe(200);
      await editDocument(documents[1]!.id, 'Revised by the portal editors.');
      await page.goto(env.harness.pageUrl());
      await syncNowFromSettings(page);

      // Then a small sync of something else: on main, every mark of the sync before is gone now.
      await editDocument(documents[3]!.id, 'Revised again, elsewhere.');
      await syncNowFromSettings(page);

      await page.goto(env.harness.pageUrl('/countries'));
      await expect(germany(page).getByTestId('change-mark')).toHaveText('✎ 1 section changed');
      await germany(page).scrollIntoViewIfNeeded();
      await expect(germany(page).getByTestId('change-mark')).toBeInViewport();
      await expect(page.getByTestId('country-list').getByTestId('change-mark')).toHaveCount(1);

      await page.goto(env.harness.pageUrl('/library'));
      await expect(listRow(page, ARRIVED.title).getByTestId('change-mark')).toHaveText('✎ New');
      await expect(listRow(page, documents[1]!.title).getByTestId('change-mark')).toHaveText('✎ Changed');
      await expect(listRow(page, documents[3]!.title).getByTestId('change-mark')).toHaveText('✎ Changed');

      await page.goto(env.harness.pageUrl());
      const unseen = page.getByTestId('home-unseen');
      await expect(unseen).toContainText(/New\s*1/);
      await expect(unseen).toContainText(/Changed\s*3/);
    });

    test('opening the sheet shows the section changed since it was last seen, with its previous text, once', async ({ page }) => {
      await page.goto(env.harness.pageUrl('/countries'));
      await germany(page).getByRole('link', { name: 'Germany' }).click();
      const changed = page.getByTestId('section-legislation');
      await expect(changed).toHaveAttribute('data-changed', 'true');
      await expect(changed.getByTestId('change-mark')).toHaveText('✎ Changed');
      await expect(page.getByTestId('sheet-sections').getByTestId('change-mark')).toHaveCount(1);
      await changed.getByRole('button', { name: 'Show the previous text' }).click();
      await expect(changed.getByTestId('previous-text')).toContainText(originalLegislation.slice(0, 60));
      await expect(changed.getByTestId('previous-text')).not.toContainText(AMENDED);
      await changed.getByTestId('previous-text').scrollIntoViewIfNeeded();
      await expect(changed.getByTestId('previous-text')).toBeInViewport();

      // Seen: back in the list, and opened again, nothing is marked any more.
      await page.goto(env.harness.pageUrl('/countries'));
      await expect(page.getByTestId('country-list').getByRole('listitem')).toHaveCount(27);
      await expect(germany(page).getByTestId('change-mark')).toHaveCount(0);
      await page.goto(env.harness.pageUrl('/countries/DE'));
      await expect(page.getByTestId('section-legislation')).toContainText(AMENDED);
      await expect(page.getByTestId('section-legislation')).toHaveAttribute('data-changed', 'false');
      await expect(page.getByRole('button', { name: 'Show the previous text' })).toHaveCount(0);
    });

    test('the Reader says New once; the row loses its mark once the document was opened', async ({ page }) => {
      await page.goto(env.harness.pageUrl('/library'));
      await listRow(page, ARRIVED.title).click();
      await expect(page.getByRole('heading', { level: 1, name: ARRIVED.title })).toBeVisible();
      const notice = page.getByTestId('reader-changed');
      await expect(notice).toContainText('✎ New');
      await expect(notice).toContainText('You have not opened it yet');
      await expect(notice).toBeInViewport();
      await page.getByTestId('reader-back').click();
      await expect(listRow(page, ARRIVED.title)).toBeVisible();
      await expect(listRow(page, ARRIVED.title).getByTestId('change-mark')).toHaveCount(0);
      await expect(listRow(page, documents[1]!.title).getByTestId('change-mark')).toHaveText('✎ Changed');
    });

    test('French marks say the same words; "Mark all as seen" clears every mark', async ({ page }) => {
      await env.harness.core.api['settings.update']({ interfaceLanguage: 'fr' });
      await page.goto(env.harness.pageUrl('/library'));
      await page.reload();
      await expect(listRow(page, documents[1]!.title).getByTestId('change-mark')).toHaveText('✎ Modifié');
      await page.goto(env.harness.pageUrl());
      await expect(page.getByTestId('home-unseen')).toContainText(/Modifié\s*2/);
      await env.harness.core.api['settings.update']({ interfaceLanguage: 'en' });
      await page.reload();
      const unseen = page.getByTestId('home-unseen');
      await expect(unseen).toContainText(/Changed\s*2/);
      await unseen.getByRole('button', { name: 'Mark all as seen' }).click();
      await expect(unseen.getByRole('status')).toHaveText('Everything is marked as seen.');
      await expect(unseen.getByTestId('change-mark')).toHaveCount(0);
      await page.goto(env.harness.pageUrl('/library'));
      await expect(listRow(page, documents[1]!.title)).toBeVisible();
      await expect(page.getByRole('listbox', { name: 'Records' }).getByTestId('change-mark')).toHaveCount(0);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no serious or critical violation where changes are marked (${colorScheme})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.emulateMedia({ colorScheme });
        // Fresh marks to look at: a section, a new document and an edited one.
        const sheet = await portalGet('country-sheets', 'country-FR');
        const sections = sheet.sections as Array<{ key: string; body: string; updatedAt: string }>;
        sections[0]!.body = `<p>Edited for the ${colorScheme} check.</p>`;
        sections[0]!.updatedAt = new Date().toISOString();
        expect((await env.portal.editor('PUT', '/api/v1/editor/country-sheet/country-FR', sheet)).status).toBe(200);
        expect((await env.portal.editor('PUT', `/api/v1/editor/document/doc-${colorScheme}`, sampleDocument(`doc-${colorScheme}`, { title: `Arrived for the ${colorScheme} check`, publishedOn: '2031-01-01' }))).status).toBe(200);
        await editDocument(documents[5]!.id, `Revised for the ${colorScheme} check.`);
        await page.goto(env.harness.pageUrl());
        await syncNowFromSettings(page);

        await page.goto(env.harness.pageUrl());
        await expect(page.getByTestId('home-unseen').getByTestId('change-mark').first()).toBeVisible();
        await expectNoSeriousViolations(page, `home (${colorScheme})`);
        await page.goto(env.harness.pageUrl('/countries'));
        await expect(page.getByTestId('country-list').getByTestId('change-mark')).toHaveCount(1);
        await expectNoSeriousViolations(page, `country list (${colorScheme})`);
        await page.goto(env.harness.pageUrl('/library'));
        await expect(listRow(page, `Arrived for the ${colorScheme} check`).getByTestId('change-mark')).toBeVisible();
        await expectNoSeriousViolations(page, `library (${colorScheme})`);
        await page.goto(env.harness.pageUrl(`/read/document/doc-${colorScheme}`));
        await expect(page.getByTestId('reader-changed')).toBeVisible();
        await expectNoSeriousViolations(page, `reader (${colorScheme})`);
        await page.goto(env.harness.pageUrl('/countries/FR'));
        await page.getByRole('button', { name: 'Show the previous text' }).click();
        await expect(page.getByTestId('previous-text')).toBeVisible();
        await expectNoSeriousViolations(page, `country sheet (${colorScheme})`);
      });
    }
  });
}
