// Writing offline, delivered once: a member signs in from Settings and syncs;
// the portal stops; a forum reply and two partner requests are written and wait
// in the outbox with the count badge; the portal starts again on the same port
// over the same database; the outbox delivers them; the portal refuses the
// request that has already expired with its own message, which is edited and
// resent; after a sync each item is shown once, in the thread and in the
// partner list. Real portal, real core (the harness), real renderer.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { loadSampleCorpus } from '../../server/sample/load';
import { MEMBER } from '../support/community';
import { readFeed } from '../support/portal';
import { startRestartablePortal, type RestartablePortal } from '../support/restartable-portal';
import { makeTempDir } from '../support/temp-dir';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, syncNowFromSettings } from '../support/e2e';

let portal: RestartablePortal;
let harness: WebHarness;
let cleanup: () => void;

const GENEROUS = { limit: 100_000, windowMs: 60_000 };
const REPLY = 'Written on the train: our municipality pairs newcomers with local employers, happy to share how.';
const REQUEST = 'Partners for a language café network in rural Oberland';
const EXPIRED = 'Partners for a mentoring scheme for young refugees';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  portal = await startRestartablePortal({ rateLimits: { perAddress: GENEROUS, memberWrites: GENEROUS, signIn: GENEROUS } });
  await loadSampleCorpus(portal.portal.content, portal.portal.attachments, { documents: 60 });
  const registered = await fetch(`${portal.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) });
  expect(registered.status).toBe(201);
  const temp = makeTempDir('ewsi-e2e-outbox-');
  cleanup = temp.cleanup;
  harness = await startWebHarness({ dataDir: path.join(temp.dir, 'data'), coreEnv: { EWSI_PORTAL_URL: portal.url, EWSI_AUTO_SYNC: '0' } });
});

test.afterAll(async () => {
  await harness?.close();
  await portal?.close();
  cleanup?.();
});

failOnConsoleErrors();

const nav = mainNav;

const outboxItem = (page: Page, text: string) => page.getByTestId('outbox-item').filter({ hasText: text });

async function syncNow(page: Page) {
  await syncNowFromSettings(page);
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
}

async function fillPartnerRequest(page: Page, title: string, expiresOn: string) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your organisation', { exact: true }).fill('Gemeinde Oberland');
  await page.getByLabel('Organisation type', { exact: true }).selectOption('local-authority');
  await page.getByLabel('Country of your organisation').selectOption('AT');
  await page.getByLabel('Project idea').fill('Weekly language cafés in village halls, run with volunteers and adult-education centres.');
  await page.getByRole('group', { name: 'Partners sought in these countries (optional)' }).getByLabel('Germany').check();
  await page.getByRole('group', { name: 'Themes (optional)' }).getByLabel('Language learning').check();
  await page.getByLabel('Contact name').fill('Maria Huber');
  await page.getByLabel('Contact e-mail').fill('maria.huber@example.org');
  await page.getByLabel('Published until').fill(expiresOn);
}

test('written offline, queued with a badge, delivered once when the portal is back; a refusal is fixed and resent', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(harness.pageUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  // Sign in from Settings: a wrong password is said so, the right one signs in.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const account = page.getByTestId('sign-in-card');
  await account.getByLabel('E-mail').fill(MEMBER.email);
  await account.getByLabel('Password').fill('not the password');
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-status')).toHaveText('The e-mail address or the password is wrong.');
  await account.getByLabel('Password').fill(MEMBER.password);
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-status')).toHaveText(`Signed in as ${MEMBER.displayName}.`);
  await expect(page.getByTestId('signed-in')).toContainText(MEMBER.email);
  await syncNow(page);

  // A thread, read from the synced store.
  await nav(page).getByRole('link', { name: 'Forums' }).click();
  await page.getByTestId('forum-list').getByRole('link', { name: 'Employment and skills' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Employment and skills' })).toBeVisible();
  const firstThread = page.getByTestId('thread-list').getByRole('link').first();
  const threadTitle = (await firstThread.textContent())!;
  await firstThread.click();
  await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
  const posts = page.getByTestId('post');
  await expect(posts.first()).toBeVisible();
  const postsBefore = await posts.count();
  const threadUrl = page.url();

  // The portal goes away; the member keeps writing.
  await portal.stop();
  await page.getByLabel('Your reply').fill(REPLY);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('reply-status')).toHaveText('Your reply is in the outbox.');
  const replyDraft = page.getByTestId('draft').filter({ hasText: REPLY });
  await expect(replyDraft).toHaveAttribute('data-state', 'queued');
  await expect(replyDraft).toContainText('Not yet sent');
  await expect(posts).toHaveCount(postsBefore);

  // The partner-request form checks fields as the shared schema does, at each field.
  await nav(page).getByRole('link', { name: 'Partner search' }).click();
  await page.getByRole('link', { name: 'New partner request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New partner request' })).toBeVisible();
  // Signed in, the contact and the organisation come from the member's profile; the e-mail is emptied to see its check.
  await expect(page.getByLabel('Contact name')).toHaveValue(MEMBER.displayName);
  await page.getByLabel('Contact e-mail').fill('');
  await page.getByLabel('Project idea').fill('Too short');
  await page.getByRole('button', { name: 'Add to the outbox' }).click();
  await expect(page.getByTestId('partner-form-problems')).toHaveText('5 fields need attention.');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Project idea')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Project idea')).toHaveAccessibleDescription(/Describe the project idea in at least 20 characters\./);
  await expect(page.getByLabel('Contact e-mail')).toHaveAccessibleDescription('Give a valid contact e-mail address.');
  await fillPartnerRequest(page, REQUEST, '2099-06-30');
  await expect(page.getByLabel('Project idea')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add to the outbox' }).click();
  await expect(page.getByTestId('partner-queued')).toBeVisible();

  // A second one whose date has passed: the schema allows it, the portal's own rule will not.
  await page.getByRole('link', { name: 'New partner request' }).click();
  await fillPartnerRequest(page, EXPIRED, '2020-01-31');
  await page.getByRole('button', { name: 'Add to the outbox' }).click();
  await expect(page.getByTestId('partner-queued')).toBeVisible();
  const yours = page.getByRole('region', { name: 'Your partner requests, not yet published' });
  await expect(yours.getByTestId('draft')).toHaveCount(2);
  await expect(yours.getByTestId('draft').filter({ hasText: REQUEST })).toHaveAttribute('data-state', 'queued');

  // The badge counts what waits; the outbox lists it.
  const badge = nav(page).getByTestId('outbox-badge');
  await expect(badge).toHaveAttribute('data-count', '3');
  await expect(nav(page).getByRole('link', { name: 'Outbox 3 items waiting to be sent' })).toBeVisible();
  await nav(page).getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByTestId('count-queued')).toHaveText('3');
  for (const text of [REPLY, REQUEST, EXPIRED]) await expect(outboxItem(page, text)).toHaveAttribute('data-state', 'queued');

  // Pushing while the portal is away fails and keeps everything queued, retrying with backoff.
  await page.getByRole('button', { name: 'Push now' }).click();
  await expect(page.getByTestId('outbox-message')).toHaveText('Sending started.');
  await expect(outboxItem(page, REPLY)).toContainText(/[Aa]ttempts? failed/);
  await expect(page.getByTestId('outbox-pushing')).toHaveText('Sending to the portal…');
  await expect(badge).toHaveAttribute('data-count', '3');

  // The portal is back on the same port with the same database: push now tries again at once.
  await portal.start();
  await page.getByRole('button', { name: 'Push now' }).click();
  // Usually the run still waits out its backoff and is told to try now; if its backoff ended first, a new run starts.
  await expect(page.getByTestId('outbox-message')).toHaveText(/^(Already sending: trying again now\.|Sending started\.)$/);
  await expect(outboxItem(page, REPLY)).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
  await expect(outboxItem(page, REQUEST)).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
  const refused = outboxItem(page, EXPIRED);
  await expect(refused).toHaveAttribute('data-state', 'needs_attention', { timeout: 60_000 });
  await expect(refused.getByTestId('outbox-refusal')).toContainText('The portal refused it: Invalid request: expiresOn: the expiry date 2020-01-31 has passed');
  await expect(badge).toHaveAttribute('data-count', '1');

  // Edit and resend: the portal's message is there while editing; the fixed request is delivered.
  await refused.getByRole('link', { name: `Edit “${EXPIRED}”` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit before sending' })).toBeVisible();
  await expect(page.getByTestId('outbox-refusal')).toContainText('expiry date 2020-01-31 has passed');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(EXPIRED);
  await page.getByLabel('Published until').fill('2099-12-31');
  await page.getByRole('button', { name: 'Save and send again' }).click();
  await expect(page.getByTestId('outbox-message')).toHaveText('Saved: it goes back to the queue and is sent at the next push.');
  await expect(outboxItem(page, EXPIRED)).toHaveAttribute('data-state', 'queued');
  await page.getByRole('button', { name: 'Push now' }).click();
  await expect(outboxItem(page, EXPIRED)).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
  await expect(badge).toHaveCount(0);

  // The portal holds exactly one of each.
  const created = (await readFeed(portal.url)).changes.filter((change) => change.type === 'partner-request' && [REQUEST, EXPIRED].includes(String(change.record?.title)));
  expect(created.map((change) => change.record?.title).sort()).toEqual([EXPIRED, REQUEST].sort());

  // After a sync the synced copies replace the drafts: each shown once.
  await syncNow(page);
  await page.goto(threadUrl);
  await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
  await expect(posts).toHaveCount(postsBefore + 1);
  await expect(posts.last()).toContainText(REPLY);
  await expect(posts.last()).toContainText(MEMBER.displayName);
  await expect(page.getByText(REPLY)).toHaveCount(1);
  await expect(page.getByTestId('draft')).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Partner search' }).click();
  const list = page.getByTestId('partner-list');
  await expect(list.getByRole('link', { name: REQUEST })).toHaveCount(1);
  await expect(list.getByRole('link', { name: EXPIRED })).toHaveCount(1);
  await expect(page.getByTestId('draft')).toHaveCount(0);
  // Searching and filtering find it offline too.
  await page.getByRole('searchbox', { name: 'Search partner requests' }).fill('Oberland');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(list.getByRole('link', { name: REQUEST })).toHaveCount(1);
  await page.getByLabel('Country', { exact: true }).selectOption('AT');
  await expect(page).toHaveURL(/country=AT/);
  await expect(list.getByRole('link', { name: REQUEST })).toHaveCount(1);
  for (const meta of await list.locator('.hit-meta').allTextContents()) expect(meta).toContain('Austria');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the forums, partner search, outbox and sign-in (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const check = (label: string) => expectNoSeriousViolations(page, label);
    await page.goto(harness.pageUrl());
    await nav(page).getByRole('link', { name: 'Forums' }).click();
    await expect(page.getByTestId('forum-list')).toBeVisible();
    await check('Forums');
    await page.getByTestId('forum-list').getByRole('link').first().click();
    await expect(page.getByTestId('thread-list')).toBeVisible();
    await check('Forum');
    await page.getByTestId('thread-list').getByRole('link').first().click();
    await expect(page.getByTestId('posts')).toBeVisible();
    await page.getByRole('button', { name: 'Send reply' }).click(); // Empty: the field shows its error.
    await expect(page.getByText('Write a message (it cannot be empty).')).toBeVisible();
    await check('Thread');
    await nav(page).getByRole('link', { name: 'Partner search' }).click();
    await expect(page.getByTestId('partner-list')).toBeVisible();
    await check('Partner search');
    await page.getByRole('link', { name: 'New partner request' }).click();
    await page.getByRole('button', { name: 'Add to the outbox' }).click();
    await expect(page.getByTestId('partner-form-problems')).not.toBeEmpty();
    await check('Partner request form');
    await nav(page).getByRole('link', { name: /^Outbox/ }).click();
    await expect(page.getByTestId('outbox-items')).toBeVisible();
    await check('Outbox');
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('sign-in-card')).toBeVisible();
    await check('Settings');
  });
}

test('signing out keeps the outbox and asks to sign in before pushing', async ({ page }) => {
  await page.goto(harness.pageUrl('/settings'));
  await expect(page.getByTestId('signed-in')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('sign-in-status')).toHaveText('Signed out. Your outbox keeps everything until you sign in again.');
  await expect(page.getByTestId('sign-in-card').getByLabel('E-mail')).toBeVisible();
  await nav(page).getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByTestId('outbox-sign-in')).toContainText('You are not signed in');
  await expect(page.getByRole('button', { name: 'Push now' })).toBeDisabled();
  await expect(page.getByTestId('outbox-item')).toHaveCount(3);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'Settings, signed out (dark)');
});

test('when the portal stops accepting the session, the header asks to sign in; signing in again delivers what waited', async ({ page }) => {
  test.setTimeout(120_000);
  const reply = 'Sent after signing in again: nothing written is lost.';
  await page.goto(harness.pageUrl('/settings'));
  const account = page.getByTestId('sign-in-card');
  await account.getByLabel('E-mail').fill(MEMBER.email);
  await account.getByLabel('Password').fill(MEMBER.password);
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Forums' }).click();
  await page.getByTestId('forum-list').getByRole('link', { name: 'Employment and skills' }).click();
  await page.getByTestId('thread-list').getByRole('link').first().click();
  await page.getByLabel('Your reply').fill(reply);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('draft').filter({ hasText: reply })).toHaveAttribute('data-state', 'queued');

  // The portal forgets every session (as when a token is revoked or has expired).
  await portal.db.deleteFrom('sessions').execute();
  await nav(page).getByRole('link', { name: /^Outbox/ }).click();
  await page.getByRole('button', { name: 'Push now' }).click();
  const prompt = page.getByTestId('sign-in-prompt');
  await expect(prompt).toHaveText('Sign in to send your outbox');
  await expect(page.getByTestId('outbox-sign-in')).toContainText('The portal no longer accepts your session');
  await expect(outboxItem(page, reply)).toHaveAttribute('data-state', 'queued');
  await expect(nav(page).getByTestId('outbox-badge')).toHaveAttribute('data-count', '1');
  await expectNoSeriousViolations(page, 'Outbox, sign-in required');

  await prompt.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('sign-in-again')).toBeVisible();
  await expect(account.getByLabel('E-mail')).toHaveValue(MEMBER.email);
  await account.getByLabel('Password').fill(MEMBER.password);
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
  await expect(prompt).toHaveCount(0);

  await nav(page).getByRole('link', { name: /^Outbox/ }).click();
  await page.getByRole('button', { name: 'Push now' }).click();
  await expect(outboxItem(page, reply)).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
  await expect(nav(page).getByTestId('outbox-badge')).toHaveCount(0);
  const posts = (await readFeed(portal.url)).changes.filter((change) => change.type === 'forum-post' && change.record?.body === reply);
  expect(posts).toHaveLength(1);
});
