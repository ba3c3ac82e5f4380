// Issue 20, citations in the interface, against a real portal (sample corpus)
// and the real core through the harness, at 1400×900 and 1024×700: "Cite…" on
// an item in the Reader, on a selection in the library, on a collection, each
// copying plain text and HTML to the clipboard; the export's formatted
// bibliography as a file; a funding deadline added to a calendar (.ics).
// Screenshots go to EWSI_SHOTS_DIR when set.
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { sampleDocument } from '../support/portal';

let env: PortalAndHarness;

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
] as const;
const REPORT = { documentType: 'report', title: 'Mentoring, jobs and newcomers', authors: [{ kind: 'person', family: 'Doe', given: 'Jane' }, { kind: 'person', family: 'de Vries', given: 'Pieter' }], publisher: 'Migration Policy Group', publishedOn: '2019-11-20', sourceUrl: 'https://example.org/report' };

test.describe.configure({ mode: 'serial' });

/** Formatting runs citeproc in the core; on a loaded machine the answer can take a while. */
const COPIED = { timeout: 30_000 };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: 40,
    tempPrefix: 'ewsi-e2e-citations-',
    prepare: async (portal) => {
      expect((await portal.editor('PUT', '/api/v1/editor/document/hand-report', sampleDocument('hand-report', REPORT))).status).toBe(200);
    },
  });
  await firstSync(env);
  await env.harness.core.api['collections.addItems']({ name: 'Mission reading', items: [{ type: 'document', id: 'hand-report' }, { type: 'document', id: 'doc-000001' }, { type: 'document', id: 'doc-000002' }], create: true });
});
test.afterAll(async () => {
  await env?.close();
});

failOnConsoleErrors();

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.harness.pageUrl()).origin });
});

async function shot(page: Page, name: string) {
  const dir = process.env.EWSI_SHOTS_DIR;
  if (!dir) return;
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}.png`) });
}

/** The clipboard's plain text and HTML, as a paste would read them. */
async function clipboard(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    // The page's own globals (this file is checked with Node's types).
    const scope = globalThis as unknown as { navigator: { clipboard: { read(): Promise<Array<{ types: string[]; getType(type: string): Promise<{ text(): Promise<string> }> }>> } } };
    const [item] = await scope.navigator.clipboard.read();
    const read = async (type: string) => (item && item.types.includes(type) ? await (await item.getType(type)).text() : '');
    return { text: await read('text/plain'), html: await read('text/html') };
  });
}

for (const viewport of VIEWPORTS) {
  test(`cites an item from the Reader in OSCOLA and APA (German), by keyboard, at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(env.harness.pageUrl('/read/document/hand-report'));
    await expect(page.getByRole('heading', { level: 1, name: REPORT.title })).toBeVisible();
    const cite = page.getByTestId('cite-item');
    await expect(cite).toBeInViewport();
    await cite.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cite' });
    await expect(dialog.getByTestId('cite-subject')).toHaveText(`This item: ${REPORT.title}`);
    await dialog.getByTestId('cite-style').selectOption('oscola');
    // Every field and the buttons fit the window, the "as in force on" date included.
    await expect(dialog.getByTestId('cite-as-of')).toBeInViewport();
    await expect(dialog.getByTestId('copy-bibliography')).toBeInViewport();
    await shot(page, 'cite-dialog');
    await expectNoSeriousViolations(page, 'cite dialog');
    await dialog.getByTestId('copy-citation').click();
    await expect(dialog.getByTestId('cite-message')).toHaveText('Copied the citation of 1 item (OSCOLA).', COPIED);
    // OSCOLA footnote: full names, "and", (publisher year), the URL in angle brackets, a full stop.
    const footnote = await clipboard(page);
    expect(footnote.text).toBe('Jane Doe and Pieter de Vries, ‘Mentoring, Jobs and Newcomers’ (Migration Policy Group 2019) Report <https://example.org/report>.');
    expect(footnote.html).toContain('Jane Doe and Pieter de Vries');

    await dialog.getByTestId('cite-style').selectOption('apa');
    await dialog.getByTestId('cite-locale').selectOption('de');
    await dialog.getByTestId('copy-bibliography').click();
    await expect(dialog.getByTestId('cite-message')).toHaveText('Copied the bibliography of 1 item (APA 7th edition).', COPIED);
    const reference = await clipboard(page);
    expect(reference.text).toBe('Doe, J., & de Vries, P. (2019). Mentoring, jobs and newcomers [Report]. Migration Policy Group. https://example.org/report\n');
    // Pasted into a word processor, the title stays in italics.
    expect(reference.html).toContain('<i>Mentoring, jobs and newcomers</i>');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
}

test('cites a selection from the library and a collection, and exports a formatted bibliography', async ({ page }) => {
  await page.goto(env.harness.pageUrl('/library?type=document'));
  const rows = page.getByRole('listbox', { name: 'Records' }).locator('[role="option"][data-loaded="true"]');
  await expect(rows.first()).toBeVisible();
  // Ctrl+click selects a row without opening it.
  for (const n of [0, 1, 2]) await rows.nth(n).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  const cite = page.getByTestId('cite-selected');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expect(cite).toBeInViewport();
    await shot(page, 'cite-selection');
  }
  await cite.click();
  const selectionDialog = page.getByRole('dialog', { name: 'Cite' });
  await expect(selectionDialog.getByTestId('cite-subject')).toHaveText('3 selected items');
  await selectionDialog.getByTestId('cite-style').selectOption('harvard');
  await selectionDialog.getByTestId('copy-bibliography').click();
  await expect(selectionDialog.getByTestId('cite-message')).toHaveText('Copied the bibliography of 3 items (Harvard (Cite Them Right)).', COPIED);
  expect((await clipboard(page)).text.trim().split('\n')).toHaveLength(3);
  await selectionDialog.getByRole('button', { name: 'Close' }).click();

  await page.goto(env.harness.pageUrl('/collections?name=Mission%20reading'));
  const detail = page.getByTestId('collection-detail');
  await detail.getByTestId('cite-collection').click();
  const dialog = page.getByRole('dialog', { name: 'Cite' });
  await expect(dialog.getByTestId('cite-subject')).toHaveText('Every item of the collection “Mission reading”');
  await dialog.getByTestId('cite-style').selectOption('chicago-author-date');
  await dialog.getByTestId('copy-citation').click();
  await expect(dialog.getByTestId('cite-message')).toHaveText('Copied the citation of 3 items (Chicago (author-date)).', COPIED);
  expect((await clipboard(page)).text).toMatch(/^\(.*Doe and de Vries 2019.*\)$/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await detail.getByTestId('export-format').selectOption('bibliography');
  await detail.getByTestId('bibliography-style').selectOption('oscola');
  await detail.getByTestId('bibliography-locale').selectOption('fr');
  await detail.getByTestId('bibliography-file').selectOption('rtf');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expect(detail.getByTestId('bibliography-choice')).toBeVisible();
    await shot(page, 'bibliography-export');
  }
  await expectNoSeriousViolations(page, 'collection export with bibliography');
  const downloading = page.waitForEvent('download');
  await detail.getByTestId('export-collection').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Mission-reading.oscola.rtf');
  const file = path.join(env.dir, download.suggestedFilename());
  await download.saveAs(file);
  const rtf = fs.readFileSync(file, 'utf8');
  expect(rtf.startsWith('{\\rtf1')).toBe(true);
  expect(rtf.match(/\\par\n/g)).toHaveLength(3);
  // French OSCOLA: "et" between authors, a no-break space after the particle, guillemets, as RTF Unicode escapes.
  expect(rtf).toContain('Doe J et de\\uc0\\u160{}Vries P, \\uc0\\u171{}\\uc0\\u160{}Mentoring, Jobs and Newcomers');
});

test('adds a funding deadline to a calendar from the Reader: an .ics that ical.js reads with the deadline day', async ({ page }) => {
  const CALL = { id: 'call-e2e', language: 'en', countries: ['DE'], themes: ['employment'], title: 'Mentoring for newcomers', programme: 'AMIF', funderType: 'eu', deadline: '2027-03-31', url: 'https://example.eu/calls/mentoring' };
  expect((await env.portal.editor('PUT', `/api/v1/editor/funding/${CALL.id}`, CALL)).status).toBe(200);
  await firstSync(env);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto(env.harness.pageUrl(`/read/funding/${CALL.id}`));
    await expect(page.getByRole('heading', { level: 1, name: CALL.title })).toBeVisible();
    await expect(page.getByTestId('add-to-calendar')).toBeInViewport();
    await shot(page, 'calendar-reader');
  }
  const downloading = page.waitForEvent('download');
  await page.getByTestId('add-to-calendar').click();
  const download = await downloading;
  const file = path.join(env.dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('add-to-calendar-message')).toHaveText(`Saved ${download.suggestedFilename()}: 1 calendar entry.`, COPIED);
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  const [event] = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  expect(event!.summary).toBe(`Deadline: ${CALL.title}`);
  expect(event!.startDate.toString()).toBe('2027-03-31');
  expect(event!.startDate.isDate).toBe(true);
});

test('adds what a saved search matches to a calendar from Home', async ({ page }) => {
  await env.harness.core.api['savedSearches.save']({ name: 'All funding', query: 'type:funding' });
  const expected = await env.harness.core.api['calendar.export']({ source: { kind: 'matching', source: { from: 'search', query: 'type:funding', sort: 'date' } } });
  expect(expected.entries).toBeGreaterThan(0);
  await page.goto(env.harness.pageUrl('/home'));
  const button = page.getByRole('button', { name: 'Add the matches of “All funding” to a calendar (.ics)' });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    await shot(page, 'calendar-saved-search');
  }
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('All-funding.ics');
  const file = path.join(env.dir, download.suggestedFilename());
  await download.saveAs(file);
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  expect(events).toHaveLength(expected.entries);
  for (const event of events) expect(event.summary).toMatch(/^Deadline: /);
});
