// A backup made by someone else, restored from Settings through the real core
// and a real portal: the restore says the backup points to another portal and
// another update channel and asks before switching (the portal is kept, the
// channel switched); the backup's unsent reply waits in the Outbox as
// "Restored from a backup — confirm to send", is not sent by "Push now", and
// goes to the portal under the signed-in member's name once confirmed. Each
// view is checked at 1400×900 and 1024×700 (nothing wider than the window);
// with EWSI_SCREENSHOT_DIR set, it is photographed there too.
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/core';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { MEMBER, startCommunityPortal } from '../support/community';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav } from '../support/e2e';
import { readFeed, type TestPortal } from '../support/portal';
import { makeTempDir } from '../support/temp-dir';

const OTHER_PORTAL = 'https://other-portal.example.eu';
const REPLY = 'Sent from a backup that someone else made: we run job fairs for newcomers.';

let portal: TestPortal;
let harness: WebHarness;
let temp: ReturnType<typeof makeTempDir>;
let backupFile: string;
let craftedFile: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  temp = makeTempDir('ewsi-e2e-restore-');
  portal = await startCommunityPortal(['thread-a']);
  // Someone else's app: another portal, the beta channel, a reply never sent.
  const other = await createCore({ dataDir: path.join(temp.dir, 'other'), appVersion: '0.0.0-test' });
  try {
    await other.handlers['settings.update']({ serverUrl: OTHER_PORTAL, updateChannel: 'beta' });
    await other.handlers['outbox.composeReply']({ threadId: 'thread-a', body: REPLY, language: 'en' });
    const backup = await other.handlers['userData.backup']({});
    backupFile = path.join(temp.dir, backup.fileName);
    fs.writeFileSync(backupFile, Buffer.from(backup.base64, 'base64'));
  } finally {
    await other.close();
  }
  // The same backup changed by hand: a computed column, a trigger, and a row whose JSON is broken.
  craftedFile = path.join(temp.dir, 'crafted.sqlite');
  fs.copyFileSync(backupFile, craftedFile);
  const crafted = new Database(craftedFile);
  crafted.exec(`ALTER TABLE outbox ADD COLUMN crafted INTEGER GENERATED ALWAYS AS (json(payload || ',')) VIRTUAL`);
  crafted.exec(`CREATE TRIGGER crafted_trigger AFTER UPDATE ON outbox BEGIN UPDATE settings SET value = '{}'; END`);
  crafted.prepare("INSERT INTO annotations (id, target_type, target_id, target_version, selector, tags, created_at, updated_at) VALUES ('a-bad', 'document', 'doc-1', 1, '{}', '[\"law\"', ?, ?)").run('2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z');
  crafted.close();
  harness = await startWebHarness({ dataDir: path.join(temp.dir, 'data'), coreEnv: { EWSI_PORTAL_URL: portal.url, EWSI_AUTO_SYNC: '0' } });
});

test.afterAll(async () => {
  await harness?.close();
  await portal?.close();
  temp?.cleanup();
});

failOnConsoleErrors();

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
];

/** At each size: `part` in view and nothing wider than the window; photographed when EWSI_SCREENSHOT_DIR is set. */
async function checkAtEachSize(page: Page, part: Locator, name: string): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await part.scrollIntoViewIfNeeded();
    await expect(part).toBeInViewport();
    const pageWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(size.width);
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    const dir = process.env.EWSI_SCREENSHOT_DIR;
    if (dir) await page.screenshot({ path: path.join(dir, `${name}-${size.width}x${size.height}.png`) });
  }
}

const forumPostsSince = async (since: number) => (await readFeed(portal.url, since)).changes.filter((change) => change.type === 'forum-post');

test('a restored backup asks before switching portal or channel, and its outbox waits for confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  const since = (await readFeed(portal.url)).cursor;
  await page.goto(harness.pageUrl());
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  const account = page.getByTestId('sign-in-card');
  await account.getByLabel('E-mail').fill(MEMBER.email);
  await account.getByLabel('Password').fill(MEMBER.password);
  await account.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-status')).toHaveText(`Signed in as ${MEMBER.displayName}.`);

  await page.getByLabel('Restore from a backup file').setInputFiles(backupFile);
  await page.getByRole('button', { name: 'Replace with the backup' }).click();
  const result = page.getByTestId('restore-result');
  await expect(result).toBeVisible();
  const portalQuestion = page.getByRole('group', { name: `The backup points to portal ${OTHER_PORTAL} (you use ${portal.url}) — switch?` });
  const channelQuestion = page.getByRole('group', { name: 'The backup follows the beta update channel (you follow stable) — switch?' });
  await expect(portalQuestion).toBeVisible();
  await expect(channelQuestion).toBeVisible();
  await expect(page.getByTestId('restore-outbox')).toContainText('1 outbox item came back unsent');
  // Nothing applied yet: the portal field still shows the portal in use.
  await expect(page.getByTestId('portal-url')).toHaveValue(portal.url);
  await expectNoSeriousViolations(page, 'restore result');
  await checkAtEachSize(page, result, 'restore-result');

  // Keep the portal; switch the channel: each only by the user's word, reached from the keyboard.
  await portalQuestion.getByRole('button', { name: `Keep ${portal.url}` }).focus();
  await page.keyboard.press('Enter');
  await expect(portalQuestion).toContainText(`Kept: the app still uses ${portal.url}.`);
  await channelQuestion.getByRole('button', { name: 'Switch to beta' }).click();
  await expect(channelQuestion).toContainText('Switched: updates now come from the beta channel.');
  await expect(page.getByTestId('portal-url')).toHaveValue(portal.url);
  await expect(page.getByTestId('update-channel').getByRole('radio', { name: /^Beta/ })).toBeChecked();

  await page.getByTestId('restore-outbox').getByRole('link', { name: 'Review it in the Outbox' }).click();
  const item = page.getByTestId('outbox-item').filter({ hasText: REPLY });
  await expect(item).toHaveAttribute('data-state', 'restored');
  await expect(item).toContainText('Restored from a backup — confirm to send');
  await expect(item.getByTestId('outbox-restored')).toContainText('sent to the portal under your name only if you confirm it');
  await expectNoSeriousViolations(page, 'restored outbox item');
  await checkAtEachSize(page, item, 'restored-outbox-item');

  // "Push now" does not send it: nothing waits for a push, so the button is off.
  await expect(page.getByRole('button', { name: 'Push now' })).toBeDisabled();
  await expect(page.getByTestId('outbox-pushing')).toHaveText('');
  await expect(item).toHaveAttribute('data-state', 'restored');
  expect(await forumPostsSince(since)).toEqual([]);

  await item.getByRole('button', { name: `Confirm and send “${REPLY}”` }).click();
  await expect(page.getByTestId('outbox-message')).toHaveText('Confirmed: it is sent at the next push.');
  await expect(item).toHaveAttribute('data-state', 'queued');
  await page.getByRole('button', { name: 'Push now' }).click();
  await expect(item).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  const posts = await forumPostsSince(since);
  expect(posts.map((post) => [post.record?.body, post.record?.authorName])).toEqual([[REPLY, MEMBER.displayName]]);
});

test('a backup changed by hand: the restore lists the rows it left out and the parts it ignored', async ({ page }) => {
  await page.goto(harness.pageUrl());
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Restore from a backup file').setInputFiles(craftedFile);
  await page.getByRole('button', { name: 'Replace with the backup' }).click();
  const result = page.getByTestId('restore-result');
  await expect(page.getByTestId('restore-refused')).toContainText('1 row of the backup was left out:');
  await expect(page.getByTestId('restore-refused')).toContainText('1 × annotations: tags: is not valid JSON');
  await expect(page.getByTestId('restore-ignored')).toContainText('The file was changed outside EWSI Desktop.');
  await expect(page.getByTestId('restore-ignored').getByRole('listitem')).toHaveText(['Column outbox.crafted', 'Trigger crafted_trigger']);
  await expectNoSeriousViolations(page, 'restore refusals');
  await checkAtEachSize(page, result, 'restore-refused');
});
