// Settings → Updates through the real renderer and the real core, against the
// real portal serving a temp updates folder (behind a throttling proxy, so a
// download takes long enough to be watched): a newer release is found,
// downloaded with progress and verified; a tampered installer, and update info
// changed after it was signed, are refused with the reason; the channel is
// saved and decides which file is read. The releases are signed with a key
// pair made by the tests, whose public half the harness hands the core.
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { channelFileName } from '../../shared/update-info';
import { sqliteEngine } from '../support/databases';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav } from '../support/e2e';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startTestPortal, type TestPortal } from '../support/portal';
import { makeTempDir } from '../support/temp-dir';
import { installerBytes, publishRelease, testSigningPublicKeyPem } from '../support/updates';

let portal: TestPortal;
let proxy: FaultProxy;
let harness: WebHarness;
let temp: ReturnType<typeof makeTempDir>;
let updatesDir: string;
let dataDir: string;

/** The update info files electron-updater (and the core) read on this machine: a stable release writes the beta file too. */
const infoFiles = (version: string) =>
  version.includes('-') ? [channelFileName('beta', process.platform, process.arch)] : [channelFileName('stable', process.platform, process.arch), channelFileName('beta', process.platform, process.arch)];

test.beforeAll(async () => {
  temp = makeTempDir('ewsi-e2e-updates-');
  updatesDir = path.join(temp.dir, 'updates');
  fs.mkdirSync(updatesDir);
  dataDir = path.join(temp.dir, 'data');
  portal = await startTestPortal(sqliteEngine, { updatesDir });
  // Installers come at 1 MB/s, everything else at once.
  proxy = await startFaultProxy(portal.url, ({ path: requested }) => (/^\/updates\/.+\.AppImage$/.test(requested) ? { kind: 'throttle', bytesPerSecond: 1024 * 1024 } : { kind: 'pass' }));
  harness = await startWebHarness({
    dataDir,
    appVersion: '0.1.0',
    coreEnv: { EWSI_PORTAL_URL: proxy.url, EWSI_AUTO_SYNC: '0' },
    coreInit: { updateSigningKeyForTests: testSigningPublicKeyPem() },
  });
});

test.afterAll(async () => {
  await harness?.close();
  await proxy?.close();
  await portal?.close();
  temp?.cleanup();
});

test.beforeEach(() => {
  for (const name of fs.readdirSync(updatesDir)) fs.rmSync(path.join(updatesDir, name));
});

failOnConsoleErrors();

async function openUpdates(page: Page) {
  await page.goto(harness.pageUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  const updates = page.getByRole('region', { name: 'Updates' });
  await expect(updates.getByTestId('update-current-version')).toHaveText('0.1.0');
  return updates;
}

test('a newer release is offered, downloaded with progress and verified', async ({ page }) => {
  const release = publishRelease(updatesDir, '0.2.0', { bytes: installerBytes('0.2.0', 3 * 1024 * 1024), infoFiles: infoFiles('0.2.0'), releaseNotes: 'Faster sync.\nA new Updates section.' });
  const updates = await openUpdates(page);
  await expect(updates.getByTestId('update-result')).toHaveText('Not checked yet.');

  await updates.getByRole('button', { name: 'Check for updates' }).click();
  await expect(updates.getByTestId('update-result')).toContainText(/Version 0\.2\.0 is available \(3\.1\sMB\)\./);
  await updates.getByText('What is new').click();
  await expect(updates.getByText('A new Updates section.')).toBeVisible();
  await expectNoSeriousViolations(page, 'Settings, update available');

  await updates.getByRole('button', { name: 'Download' }).click();
  const bar = updates.getByRole('progressbar', { name: 'Downloading version 0.2.0' });
  await expect(bar).toBeVisible();
  // Part way: more than nothing, less than all, and said in words.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
  await expect(bar).toHaveAttribute('aria-valuetext', /^[\d.,]+\s?[kM]B of 3\.1\sMB$/);
  await expectNoSeriousViolations(page, 'Settings, update downloading');

  await expect(updates.getByTestId('update-result')).toContainText('Version 0.2.0 is downloaded and verified.', { timeout: 20_000 });
  await expect(bar).toHaveCount(0);
  // The browser harness cannot install: it says so, and offers no restart.
  await expect(updates.getByTestId('update-result')).toContainText('the desktop app installs updates');
  await expect(updates.getByRole('button', { name: 'Restart to install' })).toHaveCount(0);
  const downloaded = path.join(dataDir, 'updates', release.fileName);
  expect(createHash('sha512').update(fs.readFileSync(downloaded)).digest('base64')).toBe(release.sha512);
  expect(proxy.log.filter((entry) => entry.path.endsWith('.AppImage')).map((entry) => entry.fault)).toEqual(['throttle']);
});

test('a tampered installer is refused with the reason, and nothing is kept', async ({ page }) => {
  const release = publishRelease(updatesDir, '0.3.0', { infoFiles: infoFiles('0.3.0') });
  const tampered = installerBytes('not the release', release.bytes.length);
  fs.writeFileSync(path.join(updatesDir, release.fileName), tampered);
  const updates = await openUpdates(page);
  await updates.getByRole('button', { name: 'Check for updates' }).click();
  await expect(updates.getByTestId('update-result')).toContainText('Version 0.3.0 is available');
  await updates.getByRole('button', { name: 'Download' }).click();
  await expect(updates.getByTestId('update-result')).toContainText('Refused: the downloaded file is not the published release (its SHA-512 does not match). It was deleted.', {
    timeout: 20_000,
  });
  await expect(updates.getByTestId('update-message')).toContainText(`but the update info says ${release.sha512}`);
  await expect(updates.getByRole('button', { name: 'Download' })).toHaveCount(0);
  expect(fs.readdirSync(path.join(dataDir, 'updates')).filter((name) => name.includes('0.3.0'))).toEqual([]);
  await expectNoSeriousViolations(page, 'Settings, update refused');
});

test('update info changed after it was signed is refused before anything is downloaded', async ({ page }) => {
  publishRelease(updatesDir, '0.3.0', { infoFiles: infoFiles('0.3.0') });
  const file = path.join(updatesDir, infoFiles('0.3.0')[0]!);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('0.3.0', '0.3.1'));
  proxy.log.length = 0;
  const updates = await openUpdates(page);
  await updates.getByRole('button', { name: 'Check for updates' }).click();
  await expect(updates.getByTestId('update-result')).toContainText('Refused: the portal’s update information is not signed with the EWSI Desktop release key. Nothing was downloaded.');
  await expect(updates.getByTestId('update-message')).toContainText('does not match its signature');
  await expect(updates.getByRole('button', { name: 'Download' })).toHaveCount(0);
  expect(proxy.log.filter((entry) => entry.path.endsWith('.AppImage'))).toEqual([]);
  await expectNoSeriousViolations(page, 'Settings, update info unsigned');
});

test('the channel is saved and decides what is offered; an older version is refused', async ({ page }) => {
  publishRelease(updatesDir, '0.0.9', { infoFiles: infoFiles('0.0.9') });
  publishRelease(updatesDir, '0.4.0-beta.1', { infoFiles: infoFiles('0.4.0-beta.1') });
  const updates = await openUpdates(page);
  const channel = updates.getByRole('radiogroup', { name: 'Update channel' });
  await expect(channel.getByRole('radio', { name: 'Stable: tested releases only' })).toBeChecked();
  await updates.getByRole('button', { name: 'Check for updates' }).click();
  await expect(updates.getByTestId('update-result')).toContainText('Not installed: the portal offers version 0.0.9, which is older than this one.');

  await channel.getByText('Beta: prereleases as well as stable releases').click();
  await expect(updates.getByText('Channel saved: the next check uses it.')).toBeVisible();
  await updates.getByRole('button', { name: 'Check for updates' }).click();
  await expect(updates.getByTestId('update-result')).toContainText('Version 0.4.0-beta.1 is available');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Updates' }).getByRole('radio', { name: 'Beta: prereleases as well as stable releases' })).toBeChecked();
});
