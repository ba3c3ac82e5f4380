// Annotations and collections in the real interface, against a real portal
// and the real core: a national contact point highlights and annotates a law,
// the portal amends it, the annotation follows its words and the one on a
// deleted article becomes an orphan to triage; a researcher gathers items in a
// collection and exports it from the interface.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, syncNowFromSettings, type PortalAndHarness } from '../support/e2e';
import { sampleDocument } from '../support/portal';

const LAW_ID = 'law-residence-act';
const LAW_TITLE = 'Residence Act (consolidated)';
const LEGAL = { identifierScheme: 'ELI', identifier: 'eli/at/2021/act/33', status: 'in-force' };
const BODY_V1 =
  '<h2>Article 5</h2><p>The residence permit is <em>valid for 30 days</em>. An applicant shall register with the municipality.</p>' +
  '<h2>Article 6</h2><p>Family members may join after two years of residence.</p>';
// The amendment: a preamble before, a new duration inside the passage, Article 6 deleted.
const BODY_V2 =
  '<h2>Preamble</h2><p>As amended by the Integration Act of 2025.</p>' +
  '<h2>Article 5</h2><p>The residence permit is <em>valid for 45 days</em>. An applicant shall register with the municipality.</p>';

let env: PortalAndHarness;
const law = (body: string) => sampleDocument(LAW_ID, { documentType: 'legislation', legal: LEGAL, title: LAW_TITLE, summary: 'Entry, residence and family reunification.', body, countries: ['AT'] });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: 60,
    tempPrefix: 'ewsi-e2e-annotations-',
    prepare: async (portal) => {
      expect((await portal.editor('PUT', `/api/v1/editor/document/${LAW_ID}`, law(BODY_V1))).status).toBe(200);
    },
  });
});

test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();
const nav = mainNav;

/** Selects the first occurrence of `words` in the reader's body, as a mouse drag would. */
async function selectInBody(page: Page, words: string): Promise<void> {
  await page.getByTestId('reader-body').evaluate((body, wanted) => {
    const doc = body.ownerDocument;
    const walker = doc.createTreeWalker(body, doc.defaultView!.NodeFilter.SHOW_TEXT);
    type TextNode = NonNullable<ReturnType<typeof walker.nextNode>> & { data: string };
    const nodes: TextNode[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as TextNode);
    // The words may span text nodes (<em>): find them in the joined text, then map back.
    const joined = nodes.map((node) => node.data).join('');
    const at = joined.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the body`);
    const point = (offset: number): [TextNode, number] => {
      let rest = offset;
      for (const node of nodes) {
        if (rest <= node.data.length) return [node, rest];
        rest -= node.data.length;
      }
      throw new Error('past the end');
    };
    const [startNode, startOffset] = point(at);
    const [endNode, endOffset] = point(at + wanted.length);
    doc.getSelection()!.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  }, words);
}

/** The text of every range painted under a highlight name (the CSS Custom Highlight API). */
const painted = (page: Page, name: string) =>
  page.evaluate((highlight) => {
    const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<{ toString(): string }>> } }).CSS.highlights;
    const ranges = registry.get(highlight);
    return ranges ? [...ranges].map((range) => range.toString()) : [];
  }, name);

const openLaw = async (page: Page) => {
  await page.goto(env.harness.pageUrl(`/read/document/${LAW_ID}`));
  await expect(page.getByRole('heading', { level: 1, name: LAW_TITLE })).toBeVisible();
  await expect(page.getByTestId('annotation-panel')).toBeVisible();
};

test('highlight and annotate a passage of a law, re-anchored after the portal amends it; a deleted passage becomes an orphan', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(env.harness.pageUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await syncNowFromSettings(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
  await openLaw(page);
  const panel = page.getByTestId('annotation-panel');

  // With the mouse's selection: the passage, a colour, a note and tags.
  await selectInBody(page, 'valid for 30 days');
  await expect(panel.getByTestId('pending-quote')).toHaveText('valid for 30 days');
  await panel.getByTestId('annotation-color').getByText('Green').click();
  await panel.getByTestId('annotation-note').fill('Check the duration against the 2025 amendment.');
  await panel.getByTestId('annotation-tags').fill('duration, permit');
  await panel.getByTestId('annotation-create').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Annotation saved.' })).toBeVisible();
  const duration = panel.getByTestId('annotation-card').filter({ hasText: 'Check the duration' });
  await expect(duration.getByTestId('annotation-quote')).toHaveText('valid for 30 days');
  await expect(duration.getByRole('list', { name: 'Tags' })).toHaveText(/duration\s*permit/);
  // The new annotation is the current one, drawn as such.
  await expect.poll(() => painted(page, 'ewsi-annotation-active')).toEqual(['valid for 30 days']);

  // With the keyboard: find the words, then highlight them.
  await panel.getByTestId('annotation-find').fill('family members may join after two years');
  await panel.getByTestId('annotation-find').press('Enter');
  await expect(panel.getByTestId('pending-quote')).toHaveText('Family members may join after two years');
  // The colour stays as last chosen; this one is yellow.
  await panel.getByTestId('annotation-color').getByText('Yellow').click();
  await panel.getByTestId('annotation-note').fill('Reunification waiting period.');
  await panel.getByTestId('annotation-create').focus();
  await page.keyboard.press('Enter');
  const family = panel.getByTestId('annotation-card').filter({ hasText: 'Reunification waiting period.' });
  await expect(family.getByTestId('annotation-quote')).toHaveText('Family members may join after two years');
  await expect.poll(() => painted(page, 'ewsi-annotation-active')).toEqual(['Family members may join after two years']);
  await expect.poll(() => painted(page, 'ewsi-annotation-green')).toEqual(['valid for 30 days']);
  await duration.getByRole('button', { name: 'Show “valid for 30 days” in the text' }).click();
  await expect.poll(() => painted(page, 'ewsi-annotation-yellow')).toEqual(['Family members may join after two years']);
  await expectNoSeriousViolations(page, 'reader with annotations');

  // The portal amends the law; the next sync re-anchors.
  expect((await env.portal.editor('PUT', `/api/v1/editor/document/${LAW_ID}`, law(BODY_V2))).status).toBe(200);
  await syncNowFromSettings(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
  await openLaw(page);
  await expect(page.getByTestId('reader-body')).toContainText('valid for 45 days');
  const moved = panel.getByTestId('annotation-card').filter({ hasText: 'Check the duration' });
  await expect(moved).toHaveAttribute('data-status', 'placed');
  await expect(moved.getByTestId('annotation-quote')).toHaveText('valid for 45 days');
  await expect(moved.getByText('Moved')).toBeVisible();
  await expect.poll(() => painted(page, 'ewsi-annotation-green')).toEqual(['valid for 45 days']);
  const orphans = page.getByTestId('reader-orphans');
  await expect(orphans.getByRole('heading')).toHaveText('1 annotation could not be placed');
  const orphan = orphans.getByTestId('annotation-card');
  await expect(orphan).toHaveAttribute('data-status', 'orphaned');
  await expect(orphan.getByTestId('annotation-old-quote')).toHaveText('Family members may join after two years');
  await expect(orphan.getByTestId('annotation-note-text')).toHaveText('Reunification waiting period.');
  await expect.poll(() => painted(page, 'ewsi-annotation-yellow')).toEqual([]);
  await expectNoSeriousViolations(page, 'reader with an orphan');

  // The Annotations screen lists the orphan for triage, and finds notes by their words.
  await nav(page).getByRole('link', { name: 'Annotations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annotations' })).toBeVisible();
  await expect(page.getByTestId('annotations-total')).toHaveText('2 annotations');
  await page.getByTestId('annotations-filter-orphans').check();
  await expect(page.getByTestId('annotations-total')).toHaveText('1 annotation');
  const triage = page.getByTestId('annotation-results').getByTestId('annotation-card');
  await expect(triage.getByTestId('annotation-old-quote')).toHaveText('Family members may join after two years');
  await expect(triage.getByRole('link', { name: LAW_TITLE })).toBeVisible();
  await expectNoSeriousViolations(page, 'annotations screen, orphans');
  await page.getByTestId('annotations-filter-orphans').uncheck();
  await page.getByTestId('annotations-filter-color').selectOption('green');
  await expect(page.getByTestId('annotations-total')).toHaveText('1 annotation');
  await page.getByTestId('annotations-filter-color').selectOption('');
  await page.getByTestId('annotations-filter-country').selectOption('AT');
  await expect(page.getByTestId('annotations-total')).toHaveText('2 annotations');
  await page.getByTestId('annotation-search').fill('amendm');
  await page.getByTestId('annotation-search').press('Enter');
  await expect(page.getByTestId('annotations-total')).toHaveText('1 annotation');
  await expect(page.getByTestId('annotation-results').locator('mark')).toHaveText('amendment');

  // The library's search points at matching notes too (they live apart from the library's index).
  await page.goto(env.harness.pageUrl('/search?q=amendment'));
  await expect(page.getByTestId('notes-matching')).toContainText('1 of your annotation notes matches.');
  await page.getByTestId('notes-matching').getByRole('link', { name: 'Show them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annotations' })).toBeVisible();
  await expect(page.getByTestId('annotation-results').getByTestId('annotation-card')).toHaveCount(1);

  // Triage: open the orphan in the Reader and attach it to the passage it belongs to now.
  await page.getByTestId('annotation-search').fill('reunification');
  await page.getByTestId('annotation-search').press('Enter');
  await page.getByTestId('annotation-results').getByRole('link', { name: LAW_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: LAW_TITLE })).toBeVisible();
  await selectInBody(page, 'Integration Act of 2025');
  await orphans.getByRole('button', { name: 'Attach to the selected passage' }).click();
  await expect(page.getByTestId('reader-orphans')).toHaveCount(0);
  await expect(panel.getByTestId('annotation-card').filter({ hasText: 'Reunification waiting period.' }).getByTestId('annotation-quote')).toHaveText('Integration Act of 2025');
  // Opened on this annotation, it is the current one.
  await expect.poll(() => painted(page, 'ewsi-annotation-active')).toEqual(['Integration Act of 2025']);
});

test('gather items into a collection from the Reader, a list and search results, and export it from the interface', async ({ page }) => {
  test.setTimeout(120_000);
  await openLaw(page);
  await page.getByRole('button', { name: `Add “${LAW_TITLE}” to a collection` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('new-collection-name').fill('Residence research');
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(page.getByTestId('added-to-collection')).toHaveText('Added to Residence research.');

  // From the library list, with the keyboard: the active row's action.
  await nav(page).getByRole('link', { name: 'Library' }).click();
  const list = page.getByTestId('record-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  const actions = page.getByTestId('list-actions');
  const chosenTitle = (await list.locator('.record-row.active .record-title-text').textContent())!;
  await expect(actions).toContainText(chosenTitle);
  await actions.getByTestId('add-to-collection').click();
  await expect(dialog.getByRole('radio', { name: 'Residence research' })).toBeChecked();
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(actions.getByTestId('added-to-collection')).toHaveText('Added to Residence research.');

  // From search results.
  await page.goto(env.harness.pageUrl('/search?q=integration'));
  const hit = page.getByTestId('search-hits').getByRole('listitem').filter({ hasNotText: chosenTitle }).filter({ hasNotText: LAW_TITLE }).first();
  const hitTitle = (await hit.getByRole('heading').textContent())!;
  await hit.getByTestId('add-to-collection').click();
  await dialog.getByTestId('add-to-collection-confirm').click();
  await expect(hit.getByTestId('added-to-collection')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Collections' }).click();
  await page.getByTestId('collections-list').getByRole('link', { name: 'Residence research' }).click();
  const detail = page.getByTestId('collection-detail');
  await expect(detail.getByTestId('collection-item')).toHaveCount(3);
  await expect(detail.getByTestId('collection-items')).toContainText(LAW_TITLE);
  await expect(detail.getByTestId('collection-items')).toContainText(chosenTitle);
  await expect(detail.getByTestId('collection-items')).toContainText(hitTitle);
  await expectNoSeriousViolations(page, 'collections screen');

  const exportAs = async (format: string) => {
    await detail.getByTestId('export-format').selectOption(format);
    const downloading = page.waitForEvent('download');
    await detail.getByTestId('export-collection').click();
    const download = await downloading;
    const file = path.join(env.dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect(detail.getByTestId('collection-message')).toContainText(`Exported ${download.suggestedFilename()}`);
    return file;
  };

  const csl = JSON.parse(fs.readFileSync(await exportAs('csl-json'), 'utf8')) as Array<{ title: string; type: string }>;
  expect(csl.map((item) => item.title).sort()).toEqual([LAW_TITLE, chosenTitle, hitTitle].sort());
  expect(csl.find((item) => item.title === LAW_TITLE)?.type).toBe('legislation');

  const markdown = fs.readFileSync(await exportAs('markdown'), 'utf8');
  expect(markdown).toContain(LAW_TITLE);
  expect(markdown).toContain('valid for 45 days');
  expect(markdown).toContain('Check the duration against the 2025 amendment.');

  const zip = fs.readFileSync(await exportAs('zip'));
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(zip.includes(Buffer.from('manifest.json'))).toBe(true);
});
