// Annotating from the selection, as a researcher does, against a real portal
// and the real core through the loopback harness, at 1400×900, 1024×700 and
// 800×600: a selection in the Reader shows a small toolbar at the passage
// (colours, note, Highlight), with the mouse and with the keyboard (Shift+arrows
// to select, Tab into the toolbar); the annotations sidebar scrolls on its own
// beside the text, or opens as a drawer where the window is narrow; axe.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations, failOnConsoleErrors, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { sampleDocument } from '../support/portal';

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];
const DOC_ID = 'doc-reception-guide';
const TITLE = 'Guide to the reception of applicants';
const PARAGRAPHS = Array.from(
  { length: 14 },
  (_, i) =>
    `<h2>Chapter ${i + 1}</h2><p>Paragraph ${i + 1} opens here. The municipality registers every applicant within ${i + 3} days of arrival, and the reception centre offers language courses to families with children. ` +
    'Social workers visit each household in the first month, and the national contact point reports the waiting times to the ministry every quarter.</p>',
).join('');
/** Words the tests annotate, each in its own paragraph. */
const PASSAGES = Array.from({ length: 8 }, (_, i) => `registers every applicant within ${i + 3} days`);

failOnConsoleErrors();

/** Selects the first occurrence of `words` in the reader's body, as a mouse drag over them would. */
async function selectInBody(page: Page, words: string): Promise<void> {
  await page.getByTestId('reader-body').evaluate((body, wanted) => {
    const doc = body.ownerDocument;
    const walker = doc.createTreeWalker(body, doc.defaultView!.NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as typeof node & { data: string };
      const at = text.data.indexOf(wanted);
      if (at < 0) continue;
      text.parentElement!.scrollIntoView({ block: 'center' });
      doc.getSelection()!.setBaseAndExtent(text, at, text, at + wanted.length);
      return;
    }
    throw new Error(`"${wanted}" is not in the body`);
  }, words);
}

/** The text of every range painted under a highlight name (the CSS Custom Highlight API). */
const painted = (page: Page, name: string) =>
  page.evaluate((highlight) => {
    const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<{ toString(): string }>> } }).CSS.highlights;
    const ranges = registry.get(highlight);
    return ranges ? [...ranges].map((range) => range.toString()) : [];
  }, name);

/** The selection's box on the screen. */
const selectionBox = (page: Page) =>
  page.evaluate(() => {
    const rect = (globalThis as unknown as { getSelection(): { getRangeAt(i: number): { getBoundingClientRect(): { top: number; bottom: number; left: number } } } }).getSelection().getRangeAt(0).getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left };
  });

/** The box is wholly inside the window. */
async function expectWithinWindow(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, 'bottom edge').toBeLessThanOrEqual(height + 0.5);
}

for (const viewport of VIEWPORTS) {
  const narrow = viewport.width <= 1024;
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    let env: PortalAndHarness;

    test.describe.configure({ mode: 'serial' });
    test.use({ viewport });

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      env = await startPortalAndHarness({
        documents: 40,
        tempPrefix: 'ewsi-e2e-adder-',
        prepare: async (portal) => {
          expect((await portal.editor('PUT', `/api/v1/editor/document/${DOC_ID}`, sampleDocument(DOC_ID, { title: TITLE, summary: 'How applicants are received.', body: PARAGRAPHS }))).status).toBe(200);
        },
      });
      await env.harness.core.api['sync.start']({});
      await expect.poll(async () => (await env.harness.core.api['sync.status']({})).lastSyncAt, { timeout: 90_000 }).not.toBeNull();
    });
    test.afterAll(async () => {
      await env?.close();
    });

    const openReader = async (page: Page) => {
      await page.goto(env.harness.pageUrl(`/read/document/${DOC_ID}`));
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      await expect(page.getByTestId('reader-body')).toContainText('Paragraph 14');
    };
    const toolbar = (page: Page) => page.getByRole('group', { name: 'Annotate the selected passage' });
    const stored = async () => (await env.harness.core.api['annotations.list']({ target: { type: 'document', id: DOC_ID }, limit: 100 })).annotations;

    test('a selection made with the mouse shows the toolbar at the passage: a colour, a note, Highlight', async ({ page }) => {
      await openReader(page);
      // A real drag over the start of a paragraph first: the toolbar comes with it.
      const paragraph = page.getByTestId('reader-body').locator('p').nth(4);
      await paragraph.scrollIntoViewIfNeeded();
      const box = (await paragraph.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + 6);
      await page.mouse.down();
      await page.mouse.move(box.x + 160, box.y + 6, { steps: 6 });
      await page.mouse.up();
      await expect(toolbar(page)).toBeInViewport({ ratio: 1 });

      await selectInBody(page, PASSAGES[5]!);
      const bar = toolbar(page);
      await expect(bar).toBeVisible();
      await expectWithinWindow(page, bar);
      // Next to the passage: right above it (or below, with no room above), not at the sidebar.
      const passage = await selectionBox(page);
      const placed = (await bar.boundingBox())!;
      const gap = placed.y + placed.height <= passage.top ? passage.top - (placed.y + placed.height) : placed.y - passage.bottom;
      expect(gap, 'distance between the toolbar and the passage').toBeGreaterThanOrEqual(0);
      expect(gap, 'distance between the toolbar and the passage').toBeLessThan(24);
      await expect(bar.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio')).toHaveCount(6);

      await bar.getByRole('radio', { name: 'Green' }).click();
      await expect(bar.getByRole('radio', { name: 'Green' })).toHaveAttribute('aria-checked', 'true');
      await bar.getByRole('button', { name: 'Note' }).click();
      await bar.getByRole('textbox', { name: 'Note' }).fill('Eight days: check against the law.');
      await bar.getByRole('button', { name: 'Highlight' }).click();
      await expect(bar).toBeHidden();
      // Drawn as the current annotation, stored green with its note.
      await expect.poll(() => painted(page, 'ewsi-annotation-active')).toEqual([PASSAGES[5]]);
      expect((await stored()).map((a) => [a.quote.exact, a.color, a.note])).toEqual([[PASSAGES[5], 'green', 'Eight days: check against the law.']]);
      await expect(page.getByTestId('toolbar-status')).toHaveText('Annotation saved.');

      // A click elsewhere in the text lets a passage go, and its toolbar with it.
      await selectInBody(page, PASSAGES[6]!);
      await expect(toolbar(page)).toBeVisible();
      await page.getByTestId('reader-body').getByRole('heading', { name: 'Chapter 8' }).click();
      await expect(toolbar(page)).toBeHidden();
    });

    test('with the keyboard: Shift+arrows select, Tab goes into the toolbar, Enter and Ctrl+Enter save, Escape leaves', async ({ page }) => {
      await openReader(page);
      await selectInBody(page, 'registers');
      // Extend the selection word by word, as a keyboard user does.
      for (let word = 0; word < 4; word += 1) await page.keyboard.press('Shift+Control+ArrowRight');
      await expect.poll(() => page.evaluate(() => String((globalThis as unknown as { getSelection(): unknown }).getSelection()).trim())).toBe('registers every applicant within 3');
      await expect(toolbar(page)).toBeVisible();
      await page.keyboard.press('Tab');
      const bar = toolbar(page);
      await expect(bar.getByRole('radio', { name: 'Yellow' })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(bar.getByRole('radio', { name: 'Blue' })).toBeFocused();
      await page.keyboard.press('Space');
      await expect(bar.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true');
      await page.keyboard.press('Tab');
      await expect(bar.getByRole('button', { name: 'Note' })).toBeFocused();
      await page.keyboard.press('Space');
      await expect(bar.getByRole('textbox', { name: 'Note' })).toBeFocused();
      await page.keyboard.type('Three days for the first chapter.');
      await expectWithinWindow(page, bar);
      await page.keyboard.press('Control+Enter');
      await expect(bar).toBeHidden();
      await expect.poll(async () => (await stored()).find((a) => a.color === 'blue')?.note).toBe('Three days for the first chapter.');
      expect((await stored()).find((a) => a.color === 'blue')!.quote.exact).toBe('registers every applicant within 3');

      // Highlight straight away: Tab in, Tab to Highlight past the note, Enter.
      await selectInBody(page, PASSAGES[2]!);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(toolbar(page).getByRole('button', { name: 'Highlight' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(toolbar(page)).toBeHidden();
      await expect.poll(async () => (await stored()).map((a) => a.quote.exact)).toContain(PASSAGES[2]);
      // The colour chosen last stays.
      expect((await stored()).find((a) => a.quote.exact === PASSAGES[2])!.color).toBe('blue');

      // Escape lets the passage go, from the text or from inside the toolbar.
      await selectInBody(page, PASSAGES[3]!);
      await expect(toolbar(page)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(toolbar(page)).toBeHidden();
      await selectInBody(page, PASSAGES[3]!);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(toolbar(page)).toBeHidden();
    });

    test(narrow ? 'the sidebar opens as a drawer from a button kept in view, and scrolls on its own' : 'the sidebar stays beside the text, in the window, and scrolls on its own', async ({ page }) => {
      // Enough annotations for a sidebar longer than the window.
      const view = await env.harness.core.api['annotations.forTarget']({ target: { type: 'document', id: DOC_ID, key: null } });
      for (const words of PASSAGES.slice(4)) {
        const start = view.text!.indexOf(words);
        if ((await stored()).some((a) => a.quote.exact === words)) continue;
        await env.harness.core.api['annotations.create']({ target: { type: 'document', id: DOC_ID, key: null }, start, end: start + words.length, note: `A longer note about “${words}”, to read again before the next report.` });
      }
      await openReader(page);
      const panel = page.getByTestId('annotation-panel');
      // Deep in the document.
      await page.getByTestId('reader-body').getByRole('heading', { name: 'Chapter 13' }).scrollIntoViewIfNeeded();
      if (narrow) {
        await expect(panel).toBeHidden();
        const toggle = page.getByRole('button', { name: /^Annotations \(\d+\)$/ });
        await expect(toggle).toBeInViewport({ ratio: 1 });
        await toggle.click();
        await expect(panel).toBeVisible();
        await expect(panel.getByRole('heading', { level: 2, name: /^Annotations/ })).toBeFocused();
      } else {
        await expect(page.getByTestId('annotations-toggle')).toBeHidden();
      }
      await expect(panel).toBeInViewport();
      await expectWithinWindow(page, panel);
      // Its own scroll: the last annotation comes into view without the page moving.
      const pageScroll = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
      expect(await panel.evaluate((element) => element.scrollHeight > element.clientHeight && element.ownerDocument.defaultView!.getComputedStyle(element).overflowY === 'auto')).toBe(true);
      await panel.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(panel.getByTestId('annotation-card').last()).toBeInViewport();
      expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(pageScroll);
      // The sidebar's form (still open as a drawer on a narrow window) takes a passage too, within reach.
      await selectInBody(page, PASSAGES[1]!);
      await panel.evaluate((element) => element.scrollTo({ top: 0 }));
      await expect(panel.getByTestId('pending-quote')).toHaveText(PASSAGES[1]!);
      await panel.getByTestId('annotation-create').scrollIntoViewIfNeeded();
      await expect(panel.getByTestId('annotation-create')).toBeInViewport();
      await expectWithinWindow(page, panel);
      if (narrow) {
        await panel.getByRole('heading', { level: 2, name: /^Annotations/ }).focus();
        await page.keyboard.press('Escape');
        await expect(panel).toBeHidden();
        await expect(page.getByRole('button', { name: /^Annotations \(\d+\)$/ })).toBeFocused();
        // A click on a highlight opens the drawer on its card.
        await expect.poll(() => painted(page, 'ewsi-annotation-yellow')).toContain(PASSAGES[7]);
        const point = await page.getByTestId('reader-body').evaluate((body, wanted) => {
          const doc = body.ownerDocument;
          const walker = doc.createTreeWalker(body, doc.defaultView!.NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node as typeof node & { data: string };
            const at = text.data.indexOf(wanted);
            if (at < 0) continue;
            text.parentElement!.scrollIntoView({ block: 'center' });
            const range = doc.createRange();
            range.setStart(text, at + 2);
            range.setEnd(text, at + 3);
            const rect = range.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          throw new Error(`"${wanted}" is not in the body`);
        }, PASSAGES[7]!);
        await page.mouse.click(point.x, point.y);
        await expect(panel).toBeVisible();
        const card = panel.getByTestId('annotation-card').filter({ hasText: PASSAGES[7]! });
        await expect(card).toBeFocused();
        await expect(card).toBeInViewport();
      }
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no serious or critical violation with the toolbar and the sidebar (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await openReader(page);
        await selectInBody(page, PASSAGES[1]!);
        await toolbar(page).getByRole('button', { name: 'Note' }).click();
        await expect(toolbar(page).getByRole('textbox', { name: 'Note' })).toBeVisible();
        await expectNoSeriousViolations(page, `reader with the toolbar (${colorScheme})`);
        if (narrow) {
          await page.getByRole('button', { name: /^Annotations \(\d+\)$/ }).click();
          await expect(page.getByTestId('annotation-panel')).toBeVisible();
        }
        await expectNoSeriousViolations(page, `reader with the sidebar (${colorScheme})`);
      });
    }
  });
}
