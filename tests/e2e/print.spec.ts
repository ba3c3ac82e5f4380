// Issue 20, printable views, against a real portal (sample corpus) and the
// real core through the harness: a document with its annotations, a country
// sheet, two countries compared and good practices compared, each rendered to
// PDF by Chromium (page.pdf(), print media) and read back with pdftotext: the
// title, the sections and the annotation notes, in order, and none of the
// app's chrome. In the app the same views go through Electron's printToPDF
// (electron/main/print-to-pdf.ts), which cannot run here.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;
let documentId = '';
let documentTitle = '';
const NOTES = ['First note: check the transposition date.', 'Second note: compare with the 2019 act.'];
let quotes: string[] = [];

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
] as const;
const SECTIONS = ['Integration strategy', 'Integration programmes', 'Legislation', 'Governance and stakeholders', 'Evaluation', 'Funding'];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({ documents: 30, tempPrefix: 'ewsi-e2e-print-' });
  await firstSync(env);
  const api = env.harness.core.api;
  const docs = await api['records.list']({ types: ['document'], kinds: ['report'], limit: 5 });
  const chosen = docs.items[0]!;
  documentId = chosen.id;
  documentTitle = chosen.title;
  const target = { type: 'document' as const, id: documentId, key: null };
  const view = await api['annotations.forTarget']({ target });
  const text = view.text!;
  // Two passages, the later one annotated first: the print lists them in the text's order.
  const spans = [text.indexOf(' ', 40) + 1, text.indexOf(' ', Math.floor(text.length / 2)) + 1].map((start) => ({ start, end: text.indexOf(' ', start + 25) }));
  quotes = spans.map((span) => text.slice(span.start, span.end));
  await api['annotations.create']({ target, start: spans[1]!.start, end: spans[1]!.end, color: 'green', note: NOTES[1]!, tags: [] });
  await api['annotations.create']({ target, start: spans[0]!.start, end: spans[0]!.end, color: 'yellow', note: NOTES[0]!, tags: ['check'] });
});
test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

async function shot(page: Page, name: string) {
  const dir = process.env.EWSI_SHOTS_DIR;
  if (!dir) return;
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}.png`) });
}

/** The print view as a PDF from Chromium's print path, and its text as pdftotext reads it (one line of words). */
async function printedText(page: Page, name: string): Promise<string> {
  const file = path.join(env.dir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Each string found after the one before it. */
function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part.replace(/\s+/g, ' '), from);
    expect(at, `"${part}" after position ${from} in: ${text.slice(0, 400)}…`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

async function open(page: Page, route: string, heading: string | RegExp) {
  await page.goto(env.harness.pageUrl(route));
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Preparing' })).toHaveCount(0);
}

test('a document with its annotations: title, sections and notes in the text order, no app chrome', async ({ page }) => {
  await page.goto(env.harness.pageUrl(`/read/document/${documentId}`));
  const link = page.getByTestId('print-document');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expect(link).toBeInViewport();
    await shot(page, 'print-link-reader');
  }
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: documentTitle })).toBeVisible();
  await expect(page.getByTestId('print-annotations').getByRole('listitem')).toHaveCount(2);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await shot(page, 'print-document');
  }
  await expectNoSeriousViolations(page, 'print view of a document');
  const text = await printedText(page, 'document');
  expectInOrder(text, [documentTitle, 'Summary', 'Text', 'Annotations (2)', quotes[0]!, NOTES[0]!, 'Tags: check', quotes[1]!, NOTES[1]!]);
  for (const chrome of ['EWSI Desktop', 'Print or save as PDF', 'Ctrl+K', 'Partner search']) expect(text).not.toContain(chrome);
});

test('"Print or save as PDF" opens the browser print dialog where no Electron main answers', async ({ page }) => {
  await page.addInitScript(() => {
    const scope = globalThis as unknown as { print: () => void; printed: number };
    scope.printed = 0;
    scope.print = () => {
      scope.printed += 1;
    };
  });
  await open(page, `/print/document/${documentId}`, documentTitle);
  await page.getByTestId('print-button').click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
});

test('a country sheet, and two countries compared, section by section', async ({ page }) => {
  const sheets = await env.harness.core.api['countrySheets.list']({});
  const [first, second] = sheets;
  await open(page, `/print/country/${first!.country}`, first!.title);
  expectInOrder(await printedText(page, 'country'), [first!.title, ...SECTIONS]);

  await page.goto(env.harness.pageUrl(`/countries/compare?a=${first!.country}&b=${second!.country}`));
  await page.getByTestId('print-comparison').click();
  const names = [first!.country, second!.country].map((code) => new Intl.DisplayNames(['en'], { type: 'region' }).of(code)!);
  await expect(page.getByRole('heading', { level: 1, name: `${names[0]} and ${names[1]} compared` })).toBeVisible();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await shot(page, 'print-comparison');
  }
  const text = await printedText(page, 'comparison');
  expectInOrder(text, [`${names[0]} and ${names[1]} compared`, ...SECTIONS.flatMap((section) => [section, names[0]!, names[1]!])]);
});

test('good practices compared: their titles, then the template fields in order', async ({ page }) => {
  const practices = await env.harness.core.api['records.list']({ types: ['good-practice'], limit: 2 });
  const ids = practices.items.map((item) => item.id);
  await page.goto(env.harness.pageUrl(`/practices/compare?ids=${ids.join(',')}`));
  await page.getByTestId('print-practices').click();
  await expect(page.getByRole('heading', { level: 1, name: '2 good practices compared' })).toBeVisible();
  const text = await printedText(page, 'practices');
  expectInOrder(text, ['2 good practices compared', practices.items[0]!.title.split(' ').slice(0, 3).join(' '), 'Country', 'Summary', 'How it works', 'Results']);
});
