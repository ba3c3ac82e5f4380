// Issue 17, the results side, in Chromium against the real core behind the
// harness: after a sync the core reads the PDFs in the background; a word that
// is only on page 3 of a PDF finds its record, whose hit shows the page's
// snippet with the file name and "p. 3", linked to the Reader at that page
// with the word to highlight (ROUTE-17); a record whose PDF the attachment
// policy left on the portal says its full text is not on this computer; and
// Settings counts the PDFs indexed.
import { expect, test } from '@playwright/test';
import { manyPagesPdf } from '../support/hostile-pdf';
import { pdfWithWordOnPage3, putDocument, putPdf } from '../support/pdf-documents';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

const WORD = 'zephyrine';
/** Above it, the attachment policy leaves a PDF on the portal. */
const MAX_BYTES = 120_000;
let env: PortalAndHarness;
let reportSha = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  env = await startPortalAndHarness({
    documents: 40,
    tempPrefix: 'ewsi-e2e-fulltext-',
    prepare: async (portal) => {
      const report = await putPdf(portal, pdfWithWordOnPage3(WORD).bytes, 'integration-report.pdf');
      reportSha = report.sha256;
      await putDocument(portal, 'doc-page-three', { title: 'Annual report on newcomers', attachments: [report] });
      const big = manyPagesPdf(2000);
      expect(big.bytes.length).toBeGreaterThan(MAX_BYTES);
      await putDocument(portal, 'doc-oversized', { title: 'Oversized appendix on quillworts', attachments: [await putPdf(portal, big.bytes, 'appendix.pdf')] });
    },
  });
  await env.harness.core.api['settings.update']({ attachmentPolicy: { mode: 'all', maxBytes: MAX_BYTES } });
  await firstSync(env);
  // The core reads the PDFs in the background after the sync.
  await expect.poll(async () => (await env.harness.core.api['sync.status']({})).fullText, { timeout: 240_000 }).toMatchObject({ pending: 0, running: false });
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
  test(`a word only on page 3 of a PDF finds its record, shown with file and page (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(env.harness.pageUrl(`/search?q=${WORD}`));
    const snippet = page.getByTestId('attachment-snippet');
    await expect(snippet).toHaveCount(1);
    await expect(snippet).toContainText('integration-report.pdf, p. 3');
    await expect(snippet.locator('mark')).toHaveText([WORD]);
    const link = snippet.getByRole('link', { name: 'Open integration-report.pdf at page 3' });
    const target = new URL((await link.getAttribute('href'))!.replace('#/', 'http://x/'));
    expect(target.pathname).toBe('/read/document/doc-page-three');
    expect(Object.fromEntries(target.searchParams)).toEqual({ attachment: reportSha, page: '3', hl: WORD });
    await link.focus();
    await expect(link).toBeFocused();
    await expect(snippet).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`fulltext-hit-${viewport.width}.png`) });
    await expectNoSeriousViolations(page, 'attachment hit');
  });
}

test('a record whose PDF is not downloaded says its full text is not on this computer', async ({ page }) => {
  await page.goto(env.harness.pageUrl('/search?q=quillworts'));
  await expect(page.getByTestId('full-text-not-here')).toHaveText('Full text not on this computer');
  await expect(page.getByTestId('attachment-snippet')).toHaveCount(0);
});

test('Settings counts the PDFs indexed, those without text and those not downloaded', async ({ page }) => {
  const { fullText } = await env.harness.core.api['sync.status']({});
  expect(fullText.indexed).toBeGreaterThan(1);
  expect(fullText.notDownloaded).toBeGreaterThanOrEqual(1);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(env.harness.pageUrl('/settings'));
  const coverage = page.getByTestId('full-text-coverage');
  await expect(coverage).toContainText(`${fullText.indexed} of ${fullText.pdfs} PDFs indexed, ${fullText.withoutText} without text`);
  await expect(coverage).toContainText('not on this computer');
  await coverage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fulltext-settings-1024.png') });
  await expectNoSeriousViolations(page, 'settings coverage');
});
