// The updater flow in the Electron app itself, through Playwright's _electron:
// main answers update.* with electron-updater against a real portal serving a
// temp updates folder. Skipped, with the reason, where the Electron runtime is
// not installed (our build machines cannot download it): there the same flow
// runs through the core in tests/e2e/updates.spec.ts, and main's updater
// against electron-updater under Node in tests/integration/updates.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { channelFileName } from '../../shared/update-info';
import { sqliteEngine } from '../support/databases';
import { findElectronBinary, NO_ELECTRON_REASON } from '../support/electron-binary';
import { startTestPortal, type TestPortal } from '../support/portal';
import { REPO_ROOT } from '../support/repo';
import { makeTempDir } from '../support/temp-dir';
import { publishRelease, testSigningPublicKeyPem } from '../support/updates';

const electronBinary = findElectronBinary();
const appVersion = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const infoFiles = (version: string) =>
  version.includes('-') ? [channelFileName('beta', process.platform, process.arch)] : [channelFileName('stable', process.platform, process.arch), channelFileName('beta', process.platform, process.arch)];

test.describe('Electron updater', () => {
  test.skip(!electronBinary, NO_ELECTRON_REASON);

  let portal: TestPortal;
  let temp: ReturnType<typeof makeTempDir>;
  let updatesDir: string;
  let app: ElectronApplication;
  let window: Page;

  test.beforeEach(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'out/main/index.js'))) throw new Error('No built app in out/: run `npm run build` first');
    temp = makeTempDir('ewsi-electron-updates-');
    updatesDir = path.join(temp.dir, 'updates');
    fs.mkdirSync(updatesDir);
    portal = await startTestPortal(sqliteEngine, { updatesDir });
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
    app = await electron.launch({
      executablePath: electronBinary!,
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      // The releases are signed with the tests' key pair; the unpackaged app reads its public half from here (a packaged one never does).
      env: { ...env, EWSI_DATA_DIR: path.join(temp.dir, 'data'), EWSI_AUTO_SYNC: '0', EWSI_PORTAL_URL: portal.url, EWSI_UPDATES_UNPACKAGED: '1', EWSI_UPDATE_SIGNING_KEY_FOR_TESTS: testSigningPublicKeyPem() },
    });
    window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  });

  test.afterEach(async () => {
    await app?.close();
    await portal?.close();
    temp?.cleanup();
  });

  const openUpdates = async () => {
    await window.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const updates = window.getByRole('region', { name: 'Updates' });
    await expect(updates.getByTestId('update-current-version')).toHaveText(appVersion);
    return updates;
  };

  test('main offers a newer release from the portal, refuses an older one, and the channel decides', async () => {
    const updates = await openUpdates();
    publishRelease(updatesDir, '0.0.1', { infoFiles: infoFiles('0.0.1') });
    await updates.getByRole('button', { name: 'Check for updates' }).click();
    await expect(updates.getByTestId('update-result')).toContainText('Not installed: the portal offers version 0.0.1, which is older than this one.');

    publishRelease(updatesDir, '99.0.0-beta.1', { infoFiles: infoFiles('99.0.0-beta.1') });
    await updates.getByRole('radiogroup', { name: 'Update channel' }).getByText('Beta: prereleases as well as stable releases').click();
    await expect(updates.getByText('Channel saved: the next check uses it.')).toBeVisible();
    await updates.getByRole('button', { name: 'Check for updates' }).click();
    await expect(updates.getByTestId('update-result')).toContainText('Version 99.0.0-beta.1 is available');
  });
});
