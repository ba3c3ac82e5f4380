// A law through time in the real interface, against a real portal and core:
// a contact point annotates Article 3, the portal publishes three amendments,
// a sync brings them; Home says the law was amended and links to the diff;
// the note says "text changed since your note" with the diff of its passage;
// the version picker reads the law as in force on an earlier date; the note
// is accepted. Screenshots at 1400×900 and 1024×700 to EWSI_SHOTS_DIR.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, syncNowFromSettings, type PortalAndHarness } from '../support/e2e';
import { LAW_VERSIONS, lawRecord } from '../support/law-fixture';

const LAW_ID = 'law-integration-courses';
const LAW_TITLE = 'Integration Courses Act';
const QUOTE = 'is entitled to a place on an integration course';
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
];

let env: PortalAndHarness;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: 40,
    tempPrefix: 'ewsi-e2e-history-',
    prepare: async (portal) => {
      expect((await portal.editor('PUT', `/api/v1/editor/document/${LAW_ID}`, lawRecord(LAW_ID, LAW_VERSIONS[0]!))).status).toBe(200);
    },
  });
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

/** Screenshots of the page at both sizes (when EWSI_SHOTS_DIR is set), back at the first size after. */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.EWSI_SHOTS_DIR;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Nothing may stick out sideways at either size.
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    if (dir) await page.screenshot({ path: path.join(dir, `${name}-${size.width}x${size.height}.png`), fullPage: false });
  }
  await page.setViewportSize(SIZES[0]!);
}

test('annotate, amend on the portal, sync: the alert, the note on changed text with its passage diff, the version picker and the diff; accept the note', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(SIZES[0]!);
  await page.goto(env.harness.pageUrl());
  await syncNowFromSettings(page);
  await page.goto(env.harness.pageUrl(`/read/document/${LAW_ID}`));
  await expect(page.getByRole('heading', { level: 1, name: LAW_TITLE })).toBeVisible();
  const panel = page.getByTestId('annotation-panel');
  await panel.getByTestId('annotation-find').fill(QUOTE);
  await panel.getByTestId('annotation-find').press('Enter');
  await expect(panel.getByTestId('pending-quote')).toHaveText(QUOTE);
  await panel.getByTestId('annotation-note').fill('Waiting lists: check against the Land statistics.');
  await panel.getByTestId('annotation-create').click();
  const card = panel.getByTestId('annotation-card').filter({ hasText: 'Waiting lists' });
  await expect(card.getByTestId('annotation-quote')).toHaveText(QUOTE);
  await expect(card.getByTestId('text-change')).toHaveCount(0);

  // The portal publishes the three amendments; the next sync brings them all.
  for (const version of LAW_VERSIONS.slice(1)) expect((await env.portal.editor('PUT', `/api/v1/editor/document/${LAW_ID}`, lawRecord(LAW_ID, version))).status).toBe(200);
  await syncNowFromSettings(page);

  // Home: the law was amended, with a link to its diff.
  await mainNav(page).getByRole('link', { name: 'Home' }).click();
  const alerts = page.getByTestId('home-amended');
  await expect(alerts).toContainText('Amended in the last sync');
  await expect(alerts).toContainText('version 1 → 4');
  await expect(alerts.getByRole('link', { name: '1 of your notes on changed text' })).toBeVisible();
  await expectNoSeriousViolations(page, 'home with an amendment alert');
  await shots(page, 'home-amended');
  await alerts.getByRole('link', { name: `See what changed in ${LAW_TITLE}` }).click();

  // The Reader opens on the diff of versions 1 and 4, unchanged articles folded.
  await expect(page.getByRole('heading', { level: 1, name: LAW_TITLE })).toBeVisible();
  const diff = page.getByTestId('version-diff');
  await expect(diff.getByTestId('diff-counts')).toHaveText('2 inserted, 1 deleted, 4 changed, 3 unchanged');
  await expect(diff.locator('[data-status="inserted"] h4')).toHaveText([/Article 4a – Childcare/, /Article 8 – Evaluation/]);
  await expect(diff.locator('[data-status="deleted"] h4')).toHaveText([/Article 5 – Certificates/]);
  const article3 = diff.getByTestId('diff-unit').filter({ hasText: 'Article 3 – Right to a course' });
  await expect(article3.locator('del')).toHaveText(['one year', 'three months']);
  await expect(article3.locator('ins')).toHaveText(['six months', 'six weeks']);
  const folds = diff.getByTestId('diff-fold');
  await expect(folds.first()).toHaveText(/Show 1 unchanged article \(Article 1 – Subject matter\)/);
  await folds.first().click();
  await expect(folds.first()).toHaveAttribute('aria-expanded', 'true');
  await expect(diff).toContainText('This Act lays down the rules on the integration courses');

  // The note: text changed since it was made, with the diff of just its passage.
  const changed = panel.getByTestId('annotation-card').filter({ hasText: 'Waiting lists' });
  await expect(changed.getByTestId('text-change')).toContainText('Text changed since your note');
  await expect(changed.getByTestId('text-change-diff').locator('del')).toContainText(['one year']);
  await expect(changed.getByTestId('text-change-diff').locator('ins')).toContainText(['six months']);
  await expectNoSeriousViolations(page, 'reader with a diff and a changed note');
  await shots(page, 'reader-diff');
  await changed.getByTestId('text-change').scrollIntoViewIfNeeded();
  await shots(page, 'reader-note-changed');

  // As in force on an earlier date: version 2's text, beside the current one.
  const picker = page.getByTestId('version-picker');
  await picker.getByTestId('version-select').selectOption({ label: 'Version 2 · in force from Jul 1, 2021' });
  const old = picker.getByTestId('old-version');
  await expect(old).toContainText('You are reading version 2, in force from Jul 1, 2021.');
  await expect(old).toContainText('A certificate is issued to every participant who passes the final test.');
  await expect(old).not.toContainText('Evaluation');
  await shots(page, 'reader-version-2');
  await expectNoSeriousViolations(page, 'reader on version 2');
  // Or by a date: the version in force that day (version 3 from 1 January 2022); before the first, a clear refusal.
  await picker.getByTestId('version-date').fill('2022-06-30');
  await expect(old).toContainText('You are reading version 3, in force from Jan 1, 2022.');
  await picker.getByTestId('version-date').fill('2019-01-01');
  await expect(picker.getByRole('alert')).toHaveText('No version of this text was in force on Jan 1, 2019.');

  // Keep the note where it is: the mark goes, and stays gone on the Annotations screen's filter.
  await changed.getByTestId('accept-change').click();
  await expect(panel.getByTestId('annotation-card').filter({ hasText: 'Waiting lists' }).getByTestId('text-change')).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'Annotations' }).click();
  // The filter lives in the address: each click navigates, and the box follows the address once it has.
  await page.getByTestId('annotations-filter-changed').click();
  await expect(page).toHaveURL(/changed=1/);
  await expect(page.getByTestId('annotations-filter-changed')).toBeChecked();
  await expect(page.getByTestId('annotations-total')).toHaveText('0 annotations');
  await page.getByTestId('annotations-filter-changed').click();
  await expect(page).not.toHaveURL(/changed=1/);
  await expect(page.getByTestId('annotation-results').getByTestId('annotation-card')).toHaveCount(1);
  await shots(page, 'annotations-screen');
});
