// Issue 17, the Reader's half (real portal with the sample corpus, real core
// behind the harness, Chromium): a search hit's address
// #/read/document/<id>?attachment=<sha>&page=3&hl=<word> opens the PDF at
// page 3 with the word marked over the drawn text, next/previous match walk
// the matches across pages, Ctrl+F finds in the PDF (not the app's search),
// the marks stay on the words when zoomed, and with hl alone the record's
// text marks the words and scrolls to the first. The words are read from the
// PDF itself with pdf.js under Node, never written here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { htmlToText } from '../../shared/text';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';

let env: PortalAndHarness;

/** The document chosen: its id, its text PDF, and each page's text as pdf.js reads it (items joined, a line break after each line). */
interface ChosenPdf {
  id: string;
  sha256: string;
  fileName: string;
  pages: string[];
}
let chosen: ChosenPdf;

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** How often `word` (lower-case ASCII letters) starts a word in `text`: the reference count, independent of the renderer's code. */
const occurrences = (text: string, word: string) => (fold(text).match(new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'gu')) ?? []).length;

/** pdf.js under Node reads the metrics of the standard fonts (the sample's Helvetica) from its own folder. */
const STANDARD_FONTS = `${path.join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts')}/`;

async function readPdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useWasm: false, disableFontFace: true, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

async function readAttachment(sha256: string, size: number): Promise<Uint8Array> {
  const answer = await env.harness.core.api['attachments.read']({ sha256, offset: 0, length: size });
  return Uint8Array.from(Buffer.from(answer.base64, 'base64'));
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  env = await startPortalAndHarness({ documents: 60, tempPrefix: 'ewsi-e2e-reader-find-' });
  await firstSync(env);
  // The first sample document whose text PDF is on disk and has at least four pages.
  for (let n = 1; n <= 60 && !chosen; n += 1) {
    const id = `doc-${String(n).padStart(6, '0')}`;
    const detail = await env.harness.core.api['records.get']({ type: 'document', id });
    const pdf = detail.attachments.find((attachment) => attachment.fileName === `${id}.pdf`);
    if (!pdf) continue;
    await expect.poll(async () => (await env.harness.core.api['records.get']({ type: 'document', id })).attachments.find((a) => a.sha256 === pdf.sha256)?.availableOffline, { timeout: 60_000 }).toBe(true);
    const pages = await readPdfPages(await readAttachment(pdf.sha256, pdf.size));
    if (pages.length >= 4) chosen = { id, sha256: pdf.sha256, fileName: pdf.fileName, pages };
  }
  if (!chosen) throw new Error('No sample document among the first 60 has a text PDF of four pages or more');
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

async function axeBothSchemes(page: Page, label: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `${label} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A word of page 3 (seven letters or more, plain letters) that is also on another page, so that the next match leaves it. */
function wordOnPage3(): { word: string; total: number; before: number } {
  const candidates = [...new Set((chosen.pages[2]!.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase()))].filter((word) => /^[a-z]{7,}$/.test(word));
  for (const word of candidates) {
    const counts = chosen.pages.map((text) => occurrences(text, word));
    const elsewhere = counts.some((count, i) => i !== 2 && count > 0);
    if (counts[2]! > 0 && elsewhere) return { word, total: counts.reduce((a, b) => a + b, 0), before: counts[0]! + counts[1]! };
  }
  throw new Error(`No word of page 3 of ${chosen.fileName} is also on another page`);
}

/** The current match's mark: inside the text layer, on the text it matched, over ink the canvas drew. */
async function expectMarkOnDrawnWord(viewer: Locator, word: string): Promise<void> {
  const mark = viewer.locator('.textLayer mark.pdf-match-current');
  await expect(mark).toHaveCount(1);
  expect(fold((await mark.textContent())!)).toBe(word.slice(0, fold((await mark.textContent())!).length));
  expect(fold((await mark.locator('xpath=..').textContent())!)).toContain(fold((await mark.textContent())!));
  const inked = await mark.evaluate((element) => {
    const canvas = element.closest('.pdf-page')!.querySelector('canvas')!;
    const box = element.getBoundingClientRect();
    const page = canvas.getBoundingClientRect();
    const ratio = canvas.width / page.width;
    const x = Math.floor((box.left - page.left) * ratio);
    const y = Math.floor((box.top - page.top) * ratio);
    const width = Math.max(1, Math.floor(box.width * ratio));
    const height = Math.max(1, Math.floor(box.height * ratio));
    if (x < 0 || y < 0 || x + width > canvas.width || y + height > canvas.height) return { inside: false, dark: 0 };
    const data = canvas.getContext('2d')!.getImageData(x, y, width, height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) dark += 1;
    return { inside: true, dark: dark / (width * height) };
  });
  // The mark lies on the page and over drawn letters (a word's box is partly ink, never blank paper).
  expect(inked.inside).toBe(true);
  expect(inked.dark).toBeGreaterThan(0.03);
}

async function openHit(page: Page, word: string) {
  await page.goto(env.harness.pageUrl(`/read/document/${chosen.id}?attachment=${chosen.sha256}&page=3&hl=${encodeURIComponent(word)}`));
  const viewer = page.getByTestId('pdf-view');
  await expect(viewer).toHaveAttribute('data-rendered-page', '3', { timeout: 20_000 });
  return viewer;
}

test('a hit in a PDF opens at page 3 with its word marked, walks the matches and finds with Ctrl+F', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const { word, total, before } = wordOnPage3();
  const viewer = await openHit(page, word);
  await expect(viewer.getByRole('img', { name: new RegExp(`^Page 3 of ${chosen.pages.length}$`) })).toBeVisible();
  await expect(viewer).toHaveAttribute('data-matches', String(total));
  // The first match on page 3 is the current one: "Match k of n" counts from the first page.
  await expect(viewer).toHaveAttribute('data-current-match', String(before + 1));
  await expect(viewer.getByTestId('pdf-find-count')).toHaveText(`Match ${before + 1} of ${total}`);
  await expect(viewer.getByRole('searchbox', { name: `Find in ${chosen.fileName}` })).toHaveValue(word);
  await expect(viewer.locator('.textLayer mark.pdf-match')).toHaveCount(occurrences(chosen.pages[2]!, word));
  await expectMarkOnDrawnWord(viewer, word);
  await expect(viewer.locator('.textLayer mark.pdf-match-current')).toBeInViewport();
  await axeBothSchemes(page, 'PDF view with marks');

  // Zoomed in and back to the width: the mark is drawn again on the words.
  const fitted = (await viewer.getAttribute('data-scale'))!;
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer).not.toHaveAttribute('data-scale', fitted);
  await expectMarkOnDrawnWord(viewer, word);
  await viewer.getByRole('button', { name: 'Fit to width' }).click();
  await expect(viewer).toHaveAttribute('data-scale', fitted);
  await expectMarkOnDrawnWord(viewer, word);

  // Next match, to the end and round: it moves through every match, across pages.
  const seen = new Set<string>();
  for (let step = 0; step < total; step += 1) {
    const at = Number(await viewer.getAttribute('data-current-match'));
    seen.add(`${await viewer.getAttribute('data-rendered-page')}`);
    await viewer.getByRole('button', { name: 'Next match' }).click();
    await expect(viewer).toHaveAttribute('data-current-match', String((at % total) + 1));
    await expectMarkOnDrawnWord(viewer, word);
  }
  expect(seen.size).toBeGreaterThan(1);
  await expect(viewer).toHaveAttribute('data-current-match', String(before + 1));
  await expect(viewer).toHaveAttribute('data-rendered-page', '3');
  await viewer.getByRole('button', { name: 'Previous match' }).click();
  await expect(viewer).toHaveAttribute('data-current-match', String(before === 0 ? total : before));
  await expectMarkOnDrawnWord(viewer, word);

  // Ctrl+F focuses the PDF's find field (the app's search palette stays shut); typing jumps to the first match from
  // the page shown; Enter, Shift+Enter and F3 step; Escape gives focus back.
  const scroller = viewer.getByRole('region', { name: `PDF file ${chosen.fileName}` });
  await scroller.focus();
  await page.keyboard.press('Control+f');
  const field = viewer.getByRole('searchbox', { name: `Find in ${chosen.fileName}` });
  await expect(field).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const lastPage = chosen.pages.length;
  const other = [...new Set((chosen.pages[lastPage - 1]!.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()))].find((w) => /^[a-z]{6,}$/.test(w) && w !== word)!;
  const counts = chosen.pages.map((text) => occurrences(text, other));
  const shownPage = Number(await viewer.getAttribute('data-rendered-page'));
  const firstPage = counts.findIndex((count, i) => i + 1 >= shownPage && count > 0) + 1 || counts.findIndex((count) => count > 0) + 1;
  await page.keyboard.type(other);
  await expect(viewer).toHaveAttribute('data-matches', String(counts.reduce((a, b) => a + b, 0)));
  await expect(viewer).toHaveAttribute('data-rendered-page', String(firstPage));
  await expectMarkOnDrawnWord(viewer, other);
  const first = Number(await viewer.getAttribute('data-current-match'));
  const otherTotal = counts.reduce((a, b) => a + b, 0);
  await page.keyboard.press('Enter');
  await expect(viewer).toHaveAttribute('data-current-match', String((first % otherTotal) + 1));
  await page.keyboard.press('Shift+Enter');
  await expect(viewer).toHaveAttribute('data-current-match', String(first));
  await page.keyboard.press('Escape');
  await expect(scroller).toBeFocused();
  await page.keyboard.press('F3');
  await expect(viewer).toHaveAttribute('data-current-match', String((first % otherTotal) + 1));
  // The file's Show in the list goes to the view the hit opened, rather than draw the file a second time.
  await page.getByTestId('reader-attachments').getByRole('button', { name: `Show ${chosen.fileName}` }).click();
  await expect(scroller).toBeFocused();
  await expect(page.getByTestId('pdf-view')).toHaveCount(1);
  // Ctrl+K is still the app's search everywhere.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // The way to the record's text: the same words marked there, focus on the title.
  await page.getByRole('link', { name: "Show the record's text" }).click();
  await expect(page.getByTestId('pdf-view')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: "Find in this record's text" })).toHaveValue(word);
});

test('with hl alone the record’s text marks the words, scrolls to the first and steps through them', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const detail = await env.harness.core.api['records.get']({ type: 'document', id: chosen.id });
  if (detail.type !== 'document') throw new Error('not a document');
  const shown = `${detail.record.summary ?? ''}\n${htmlToText(detail.record.body ?? '')}`;
  // A word of the body's last part (below the fold at first) that occurs more than once in the text.
  const bodyText = htmlToText(detail.record.body ?? '');
  const late = [...new Set((bodyText.slice(Math.floor(bodyText.length * 0.6)).match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()))];
  const word = late.find((w) => /^[a-z]{7,}$/.test(w) && occurrences(shown, w) >= 2);
  if (!word) throw new Error(`No repeated word in the body of ${chosen.id}`);
  const total = occurrences(shown, word);

  await page.goto(env.harness.pageUrl(`/read/document/${chosen.id}?hl=${encodeURIComponent(word.toUpperCase())}`));
  const find = page.getByTestId('body-find');
  await expect(find).toHaveAttribute('data-matches', String(total));
  await expect(find).toHaveAttribute('data-current-match', '1');
  await expect(find.getByTestId('body-find-bar-count')).toHaveText(`Match 1 of ${total}`);
  const marks = page.locator('mark.body-match');
  await expect(marks).toHaveCount(total);
  for (const text of await marks.allTextContents()) expect(fold(text)).toBe(word);
  // The marks sit in the sanitized text around the words only: the text reads the same with and without them.
  const markedText = await page.getByTestId('reader-body').textContent();
  const current = page.locator('mark.body-match-current');
  await expect(current).toHaveCount(1);
  await expect(current).toBeInViewport();
  await axeBothSchemes(page, 'record text with marks');

  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(find).toHaveAttribute('data-current-match', '2');
  await expect(marks.nth(1)).toHaveClass(/body-match-current/);
  await expect(marks.nth(1)).toBeInViewport();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: "Find in this record's text" });
  await expect(field).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(find).toHaveAttribute('data-current-match', '1');
  // Cleared: no marks, and the text is whole again (the original nodes back in place).
  await field.fill('');
  await expect(marks).toHaveCount(0);
  expect(await page.getByTestId('reader-body').textContent()).toBe(markedText);
  expect(await page.getByTestId('reader-body').evaluate((body) => body.querySelectorAll('mark').length)).toBe(0);
});

test('a hit naming a file that is not on this computer says so and marks the words in the record’s text instead', async ({ page }) => {
  const detail = await env.harness.core.api['records.get']({ type: 'document', id: chosen.id });
  if (detail.type !== 'document') throw new Error('not a document');
  const word = (htmlToText(detail.record.body ?? '').match(/\p{L}{7,}/gu) ?? [])[0]!;
  const missing = '0'.repeat(64);
  await page.goto(env.harness.pageUrl(`/read/document/${chosen.id}?attachment=${missing}&page=3&hl=${encodeURIComponent(word)}`));
  await expect(page.getByTestId('hit-attachment-missing')).toContainText('is not on this computer');
  await expect(page.getByTestId('pdf-view')).toHaveCount(0);
  await expect(page.locator('mark.body-match-current')).toBeInViewport();
});

test('an annotation over marked words is still drawn on its passage (marks that split a word are no blank to it)', async ({ page }) => {
  const target = { type: 'document' as const, id: chosen.id, key: null };
  const view = await env.harness.core.api['annotations.forTarget']({ target });
  const stored = view.text!;
  // A passage around a long word of the body; the words searched are that word's first five letters, so its mark ends
  // inside the word.
  const found = /(?<![\p{L}])[a-z]{9,}/u.exec(stored.slice(200))!;
  const at = 200 + found.index;
  const [start, end] = [at - 12, at + found[0].length + 12];
  const exact = stored.slice(start, end);
  await env.harness.core.api['annotations.create']({ target, start, end, exact, color: 'green' });
  const painted = () =>
    page.evaluate(() => {
      const ranges = (globalThis as unknown as { CSS: { highlights: Map<string, Set<{ toString(): string }>> } }).CSS.highlights.get('ewsi-annotation-green');
      return ranges ? [...ranges].map((range) => range.toString().replace(/\s+/g, ' ')) : [];
    });
  await page.goto(env.harness.pageUrl(`/read/document/${chosen.id}?hl=${found[0].slice(0, 5)}`));
  await expect(page.getByTestId('body-find')).toHaveAttribute('data-current-match', '1');
  await expect(page.locator('mark.body-match').filter({ hasText: new RegExp(`^${found[0].slice(0, 5)}$`, 'i') }).first()).toBeVisible();
  // Drawn without the blanks at its ends, as every passage is.
  await expect.poll(painted).toEqual([exact.trim()]);
});
