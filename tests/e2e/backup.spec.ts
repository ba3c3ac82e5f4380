// Backup and restore of the user's own data from Settings, through the real
// core: a saved search deleted after the backup comes back with the restore,
// and a file that is not a backup is refused with nothing changed.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { failOnConsoleErrors, mainNav } from '../support/e2e';
import { makeTempDir } from '../support/temp-dir';

let harness: WebHarness;
let temp: ReturnType<typeof makeTempDir>;

test.beforeAll(async () => {
  temp = makeTempDir('ewsi-e2e-backup-');
  harness = await startWebHarness({ dataDir: path.join(temp.dir, 'data'), coreEnv: { EWSI_AUTO_SYNC: '0' } });
});

test.afterAll(async () => {
  await harness?.close();
  temp?.cleanup();
});

const nav = mainNav;
failOnConsoleErrors();

test('a backup saved from Settings restores what was deleted since; a stray file changes nothing', async ({ page }) => {
  await page.goto(harness.pageUrl('/search?q=housing'));
  await page.getByRole('button', { name: 'Save this search' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Housing, kept by the backup');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved as “Housing, kept by the backup”.')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup' }).click();
  const download = await downloading;
  const backupFile = path.join(temp.dir, download.suggestedFilename());
  await download.saveAs(backupFile);
  expect(fs.readFileSync(backupFile).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await expect(page.getByTestId('backup-status')).toContainText(`Backup saved as ${download.suggestedFilename()}`);

  await nav(page).getByRole('link', { name: 'Home' }).click();
  const deleteSaved = page.getByRole('button', { name: 'Delete saved search “Housing, kept by the backup”' });
  await deleteSaved.click();
  await expect(deleteSaved).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const stray = path.join(temp.dir, 'notes.sqlite');
  fs.writeFileSync(stray, 'These are notes, not a database. '.repeat(10));
  await page.getByLabel('Restore from a backup file').setInputFiles(stray);
  await page.getByRole('button', { name: 'Replace with the backup' }).click();
  await expect(page.getByTestId('backup-status')).toContainText('Nothing was changed: This file is not an EWSI Desktop backup');

  await page.getByLabel('Restore from a backup file').setInputFiles(backupFile);
  await expect(page.getByText(`with those in ${path.basename(backupFile)}?`)).toBeVisible();
  await page.getByRole('button', { name: 'Replace with the backup' }).click();
  await expect(page.getByTestId('backup-status')).toContainText(/Restored: \d+ items? of your data/);
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('saved-searches')).toContainText('Housing, kept by the backup');
});
