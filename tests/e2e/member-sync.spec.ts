// A member's own notes on two computers, end-to-end encrypted through a real
// portal: two profiles (two data folders, two harnesses, two cores) signed in
// as one member. The first turns sync on with a new passphrase and annotates a
// law; the second is refused a wrong passphrase with its message, joins with
// the right one, and shows the annotation. Real portal, real cores, real
// renderer in Chromium. Then both edit the note before seeing the other's
// edit: the second shows both texts in the conflict view, the member keeps a
// merged text, and the first receives it; the second then turns sync off
// and keeps its notes.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { MEMBER } from '../support/community';
import { expectNoSeriousViolations, failOnConsoleErrors, firstSync, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { sampleDocument } from '../support/portal';

const LAW_ID = 'law-integration-act';
const LAW_TITLE = 'Integration Act (consolidated)';
const BODY = '<h2>Article 3</h2><p>Every newcomer is offered a <em>language course of 300 hours</em> within six months of arrival.</p>';
const QUOTE = 'language course of 300 hours';
const NOTE = 'Compare with the 2024 course hours in our national plan.';
const PASSPHRASE = 'four green kites over Graz';

let env: PortalAndHarness;
/** The second profile: its own data folder and core, on the same portal. */
let second: WebHarness;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPortalAndHarness({
    documents: 20,
    tempPrefix: 'ewsi-e2e-member-sync-',
    prepare: async (portal) => {
      const law = sampleDocument(LAW_ID, { title: LAW_TITLE, body: BODY, countries: ['AT'] });
      expect((await portal.editor('PUT', `/api/v1/editor/document/${LAW_ID}`, law)).status).toBe(200);
      const registered = await fetch(`${portal.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) });
      expect(registered.status).toBe(201);
    },
  });
  second = await startWebHarness({ dataDir: path.join(env.dir, 'data-second'), coreEnv: { EWSI_PORTAL_URL: env.portal.url, EWSI_AUTO_SYNC: '0' } });
  // The library's first sync has its own specs: here it is done through each core. The first profile
  // signs in the same way; the second signs in from the sync section, in its test.
  await env.harness.core.api['auth.signIn']({ email: MEMBER.email, password: MEMBER.password });
  for (const harness of [env.harness, second]) await firstSync({ ...env, harness });
});

test.afterAll(async () => {
  await second?.close();
  await env?.close();
});

failOnConsoleErrors();

const card = (page: Page) => page.getByTestId('member-sync-card');

async function openSyncSettings(page: Page, harness: WebHarness) {
  await page.goto(harness.pageUrl('/settings?show=member-sync'));
  await expect(page.getByRole('heading', { level: 2, name: 'Sync my notes and collections' })).toBeFocused();
}

/** Selects the words in the reader's body, as a mouse drag would (the words are inside one text node). */
async function selectInBody(page: Page, words: string) {
  await page.getByTestId('reader-body').evaluate((body, wanted) => {
    const doc = body.ownerDocument;
    const walker = doc.createTreeWalker(body, doc.defaultView!.NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at >= 0) {
        doc.getSelection()!.setBaseAndExtent(node, at, node, at + wanted.length);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in one text node of the body`);
  }, words);
}

test('the first profile turns sync on with a new passphrase and its annotation is sent', async ({ page }) => {
  test.setTimeout(150_000);
  await openSyncSettings(page, env.harness);
  await expect(card(page)).toHaveAttribute('data-enabled', 'false');
  // From the keyboard: the section's heading has focus, Tab reaches the button, Enter opens the dialog.
  await page.keyboard.press('Tab');
  await expect(card(page).getByRole('button', { name: 'Turn on sync…' })).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByTestId('member-sync-enable-dialog');
  await expect(dialog.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('Name of this computer')).not.toHaveValue('');
  // The portal holds no key yet: this is the first computer, which chooses the passphrase.
  await expect(dialog.getByText('This is the first computer to sync your notes', { exact: false })).toBeVisible();
  await dialog.getByLabel('Name of this computer').fill('Office desktop');
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await dialog.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(dialog.getByText('The two passphrases differ: type the same one twice.')).toBeVisible();
  await expectNoSeriousViolations(page, 'enable dialog');
  await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('member-sync-message')).toHaveText('Sync is on for this computer.');
  await expect(card(page)).toHaveAttribute('data-enabled', 'true');
  await expect(page.getByTestId('member-sync-this-device')).toHaveText('Office desktop');
  await expect(page.getByTestId('member-sync-devices').locator('li[data-this-device="true"]')).toContainText('Office desktop');

  // An annotation on the law.
  await page.goto(env.harness.pageUrl(`/read/document/${LAW_ID}`));
  await expect(page.getByRole('heading', { level: 1, name: LAW_TITLE })).toBeVisible();
  const panel = page.getByTestId('annotation-panel');
  await selectInBody(page, QUOTE);
  await expect(panel.getByTestId('pending-quote')).toHaveText(QUOTE);
  await panel.getByTestId('annotation-note').fill(NOTE);
  await panel.getByTestId('annotation-create').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Annotation saved.' })).toBeVisible();

  // Sent: the Outbox's section for notes and collections, then Settings, say nothing waits.
  await mainNav(page).getByRole('link', { name: /^Outbox/ }).click();
  const section = page.getByTestId('outbox-member-sync');
  await expect(section.getByRole('heading', { name: 'Notes and collections to sync' })).toBeVisible();
  // Read when the screen opens: the edit moved the count without a sync (this core pushes only when asked to).
  await expect(section.locator('dd[data-kind="annotation"]')).toHaveText('1');
  await expect(section.locator('dd[data-kind="conflicts"]')).toHaveText('0');
  await expectNoSeriousViolations(page, 'outbox with the notes section');
  await section.getByRole('link', { name: 'Sync settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sync my notes and collections' })).toBeFocused();
  await card(page).getByRole('button', { name: 'Sync my notes now' }).click();
  await expect(page.getByTestId('member-sync-nothing-pending')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('member-sync-last-sync')).not.toHaveText(/Not synced yet|Syncing/);
  await expectNoSeriousViolations(page, 'settings with sync on');
});

test('the second profile is refused a wrong passphrase, joins with the right one and shows the annotation', async ({ page }) => {
  test.setTimeout(150_000);
  await openSyncSettings(page, second);
  // Not signed in: the section says so and leads to the sign-in form; once signed in, it follows.
  await expect(card(page).getByRole('button', { name: 'Turn on sync…' })).toBeDisabled();
  await page.getByTestId('member-sync-sign-in').getByRole('link', { name: 'Go to the sign-in form' }).click();
  const account = page.getByTestId('sign-in-card');
  await expect(account.getByLabel('E-mail')).toBeFocused();
  await account.getByLabel('E-mail').fill(MEMBER.email);
  await account.getByLabel('Password').fill(MEMBER.password);
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('member-sync-sign-in')).toBeHidden();
  await card(page).getByRole('button', { name: 'Turn on sync…' }).click();
  const dialog = page.getByTestId('member-sync-enable-dialog');
  // The portal holds the first profile's key: this computer joins, so the passphrase is typed once.
  await expect(dialog.getByRole('heading', { name: 'Join your other computers' })).toBeVisible();
  await expect(dialog.getByText('Your notes already sync from another computer.', { exact: false })).toBeVisible();
  const again = dialog.getByLabel('Passphrase again');
  await expect(again).toHaveCount(0);
  await dialog.getByLabel('Name of this computer').fill('Mission laptop');
  await dialog.getByLabel('Passphrase', { exact: true }).fill('five red kites over Linz');
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  const passphrase = dialog.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(passphrase).toBeFocused();
  await expect(dialog.getByText('This is not the passphrase your notes are encrypted with. Type the passphrase you chose on your first computer.')).toBeVisible();
  await expectNoSeriousViolations(page, 'enable dialog, wrong passphrase');

  await passphrase.fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page)).toHaveAttribute('data-enabled', 'true');
  // Both computers are listed once this one has synced; this one is marked.
  await card(page).getByRole('button', { name: 'Sync my notes now' }).click();
  const devices = page.getByTestId('member-sync-devices');
  await expect(devices.getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
  await expect(devices.locator('li[data-this-device="true"]')).toContainText('Mission laptop');
  await expect(devices).toContainText('Office desktop');

  // The annotation made on the first profile is here.
  await mainNav(page).getByRole('link', { name: 'Annotations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annotations' })).toBeVisible();
  await expect(page.getByTestId('annotation-results')).toContainText(NOTE, { timeout: 60_000 });
  await expect(page.getByTestId('annotation-results')).toContainText(QUOTE);
});

test('a note edited on both profiles is merged in the conflict view, the merged text reaches the other profile, the passphrase is changed, and turning sync off keeps the notes', async ({ page }) => {
  test.setTimeout(150_000);
  const [mine] = (await env.harness.core.api['annotations.list']({})).annotations;
  const [theirs] = (await second.core.api['annotations.list']({})).annotations;
  // Edits made apart: the first's reaches the portal before the second, which has not pulled it, sends its own.
  await env.harness.core.api['annotations.update']({ id: mine!.id, note: `${NOTE} 2024 had 250 hours.` });
  await env.harness.core.api['memberSync.syncNow']({});
  await expect.poll(async () => (await env.harness.core.api['memberSync.status']({})).pending.annotation, { timeout: 60_000 }).toBe(0);
  await second.core.api['annotations.update']({ id: theirs!.id, note: `${NOTE} Ask about evening courses.` });

  await page.goto(second.pageUrl('/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await second.core.api['memberSync.syncNow']({});
  // The attention items: a badge on Settings and a card on Home, followed live.
  await expect(page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
  await page.getByTestId('home-conflicts').getByRole('link', { name: 'Merge them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes to merge' })).toBeFocused();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-version')).toHaveCount(2);
  await expect(conflict.getByTestId('conflict-version').filter({ hasText: 'From Office desktop' })).toContainText('2024 had 250 hours.');
  await expect(conflict.getByTestId('conflict-version').filter({ hasText: 'From Mission laptop' })).toContainText('Ask about evening courses.');
  await expectNoSeriousViolations(page, 'conflict view');

  const merged = `${NOTE} 2024 had 250 hours; ask about evening courses.`;
  await conflict.getByRole('textbox', { name: 'Merged text' }).fill(merged);
  await conflict.getByRole('button', { name: /^Keep the merged text/ }).click();
  await expect(page.getByTestId('conflicts-message')).toHaveText('Kept. Every note is merged.');
  await expect(page.getByTestId('conflicts-message')).toBeFocused();
  await expect(page.getByTestId('conflicts-none')).toBeVisible();
  await expect(page.getByTestId('conflicts-badge')).toHaveCount(0);

  await second.core.api['memberSync.syncNow']({});
  await expect.poll(async () => (await second.core.api['memberSync.status']({})).pending.annotation, { timeout: 60_000 }).toBe(0);
  await env.harness.core.api['memberSync.syncNow']({});
  await expect.poll(async () => (await env.harness.core.api['annotations.list']({})).annotations[0]?.note, { timeout: 60_000 }).toBe(merged);

  // A new passphrase: the current one is checked first.
  await page.getByRole('link', { name: 'Back to Settings' }).click();
  await card(page).getByRole('button', { name: 'Change passphrase…' }).click();
  const change = page.getByTestId('member-sync-passphrase-dialog');
  const current = change.getByLabel('Current passphrase');
  await current.fill('not the passphrase at all');
  await change.getByLabel('New passphrase').fill('six blue kites over Wien');
  await change.getByLabel('Passphrase again').fill('six blue kites over Wien');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toBeFocused();
  await current.fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByTestId('member-sync-message')).toHaveText(/^Passphrase changed\./);

  // Turning sync off on the second profile asks first, and keeps its notes.
  await card(page).getByRole('button', { name: 'Turn off sync…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Turn off sync on this computer?' });
  await expect(confirm).toContainText('stay on this computer');
  await expect(confirm.getByRole('button', { name: 'Keep syncing' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Turn off sync' }).click();
  await expect(page.getByTestId('member-sync-message')).toHaveText('Sync is off for this computer. Your notes and collections are still here.');
  await expect(card(page)).toHaveAttribute('data-enabled', 'false');
  expect((await second.core.api['annotations.list']({})).annotations.map((annotation) => annotation.note)).toEqual([merged]);
});
