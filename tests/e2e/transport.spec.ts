// What reaches the app, and what it says about its own protection, in
// Chromium through the real renderer and core: the harness's token only from
// the address's fragment (never in the page, gone from the address bar, kept
// for reloads of the tab); a portal over plain http away from this computer
// refused until the user allows it, then a warning in Settings and a badge on
// every screen; and the sign-in card saying when the session token has no
// keychain protection (the harness: none; Linux with safeStorage's basic_text
// store, from a fake safeStorage at that one boundary).
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { sessionKeyAndProtection } from '../../electron/main/session-key';
import { HARNESS_CALL_PATH, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_STORAGE_KEY } from '../../shared/harness';
import { MEMBER } from '../support/community';
import { expectNoSeriousViolations, failOnConsoleErrors, mainNav, startPortalAndHarness, type PortalAndHarness } from '../support/e2e';
import { FakeSafeStorageForTests } from '../support/fake-safe-storage';
import { nonLoopbackAddress, startFaultProxy, type FaultProxy } from '../support/fault-proxy';

let env: PortalAndHarness;
let harness: WebHarness;
/** The portal as seen from "elsewhere": one of this machine's own non-loopback addresses, over plain http. */
let elsewhere: FaultProxy;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  env = await startPortalAndHarness({ documents: 30, tempPrefix: 'ewsi-e2e-transport-' });
  harness = env.harness;
  elsewhere = await startFaultProxy(env.portal.url, undefined, { host: nonLoopbackAddress() });
});

test.afterAll(async () => {
  await elsewhere?.close();
  await env?.close();
});

failOnConsoleErrors();

async function openSettings(page: Page) {
  await page.goto(harness.pageUrl('/settings'));
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('the harness’s token comes only from the address’s fragment, leaves the address bar, and is kept for reloads of the tab', async ({ page, context }) => {
  await page.goto(harness.pageUrl('/library'));
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  expect(page.url()).toBe(`${harness.url}#/library`);
  expect(await page.content()).not.toContain(harness.token);
  expect(await page.evaluate((key) => (globalThis as unknown as { sessionStorage: { getItem(name: string): string | null } }).sessionStorage.getItem(key), HARNESS_TOKEN_STORAGE_KEY)).toBe(harness.token);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).not.toContainText('unavailable');

  // The printed address pasted into the tab already showing the app: taken, and replaced by its screen.
  await page.goto(harness.pageUrl('/settings'));
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(page.url()).toBe(`${harness.url}#/settings`);

  // Another tab opening the bare address has no token: the page loads, the core is not reached.
  const bare = await context.newPage();
  await bare.goto(harness.url);
  await expect(bare.getByText(/The app cannot reach its core\. No connection to the EWSI core\. In the browser harness, open the address it printed in its terminal, with its #ewsi-token=… part/)).toBeVisible();
  await bare.close();
});

test('a portal over plain http away from this computer is refused until allowed, then warned about in Settings and on every screen', async ({ page }) => {
  await openSettings(page);
  const sync = page.getByRole('region', { name: 'Portal and sync' });
  const address = sync.getByTestId('portal-url');
  await address.fill(elsewhere.url);
  await expect(sync.getByText('This address is not encrypted (http://). Use its https:// address, or allow an insecure portal below.')).toBeVisible();
  await expect(sync.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.getByTestId('insecure-portal-badge')).toHaveCount(0);

  // The core refuses it as well, whatever the form does, and nothing is sent to that portal.
  const refused = await fetch(new URL(HARNESS_CALL_PATH, harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HARNESS_TOKEN_HEADER]: harness.token },
    body: JSON.stringify({ method: 'settings.update', args: { serverUrl: elsewhere.url } }),
  });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/is not encrypted \(http:\)/) } });
  expect(elsewhere.log).toEqual([]);

  // Keyboard: the permission is the next stop after the address field.
  await address.focus();
  await page.keyboard.press('Tab');
  const allow = sync.getByRole('checkbox', { name: 'Allow an insecure portal (http:// away from this computer)' });
  await expect(allow).toBeFocused();
  await page.keyboard.press('Space');
  await expect(allow).toBeChecked();
  await sync.getByRole('button', { name: 'Save' }).click();
  await expect(sync.getByText('Settings saved.')).toBeVisible();

  const warning = sync.getByTestId('insecure-portal-warning');
  await expect(warning).toContainText('Insecure connection to the portal');
  await expect(warning).toContainText(`travel unencrypted between this computer and ${new URL(elsewhere.url).host}`);
  const badge = page.getByTestId('insecure-portal-badge');
  await expect(badge).toHaveText('Insecure portal');
  await expectNoSeriousViolations(page, 'Settings, insecure portal allowed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'Settings, insecure portal allowed (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // It syncs through that portal now, and the badge stays on every screen until the permission is withdrawn.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('sync-indicator')).toContainText(/^Synced/);
  expect(elsewhere.log.some((request) => request.path.startsWith('/api/v1/changes'))).toBe(true);
  await mainNav(page).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(badge).toBeVisible();
  await badge.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await allow.uncheck();
  await expect(sync.getByText('This address is not encrypted (http://).', { exact: false })).toBeVisible();
  await address.fill(env.portal.url);
  await sync.getByRole('button', { name: 'Save' }).click();
  // The library now comes from the insecure portal: going back is a switch, asked first.
  await page.getByRole('alertdialog', { name: `Switch to portal ${new URL(env.portal.url).origin}?` }).getByRole('button', { name: 'Switch portal' }).click();
  await expect(sync.getByText('Settings saved.')).toBeVisible();
  await expect(badge).toHaveCount(0);
  await expect(warning).toHaveCount(0);
});

test('the sign-in card says the session token has no keychain protection in the harness', async ({ page }) => {
  await openSettings(page);
  const note = page.getByTestId('sign-in-card').getByTestId('token-protection-note');
  await expect(note).toHaveAttribute('data-protection', 'owner-only-file');
  await expect(note).toContainText('When you sign in, your session token will be stored without keychain protection on this computer.');
  await expect(note).toContainText('the browser harness never has it');
  await expectNoSeriousViolations(page, 'Settings, token without keychain (harness)');
});

test('with safeStorage’s basic_text store (Linux without a keyring) the sign-in card says so, signed in or not', async ({ page }) => {
  const dataDir = path.join(env.dir, 'basic-text-data');
  const session = sessionKeyAndProtection(dataDir, new FakeSafeStorageForTests(true, 'basic_text'), 'linux');
  expect(session?.protection).toBe('basic-text');
  const basic = await startWebHarness({
    dataDir,
    coreEnv: { EWSI_PORTAL_URL: env.portal.url, EWSI_AUTO_SYNC: '0' },
    coreInit: { tokenKey: session!.key, tokenProtection: session!.protection },
  });
  try {
    await page.goto(basic.pageUrl('/settings'));
    const note = page.getByTestId('sign-in-card').getByTestId('token-protection-note');
    await expect(note).toHaveAttribute('data-protection', 'basic-text');
    await expect(note).toContainText('When you sign in, your session token will be stored without keychain protection on this computer.');
    await expect(note).toContainText('No keyring (such as GNOME Keyring or KWallet) is available');

    const registered = await fetch(`${env.portal.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) });
    expect(registered.status).toBe(201);
    const card = page.getByTestId('sign-in-card');
    await card.getByRole('textbox', { name: 'E-mail' }).fill(MEMBER.email);
    await card.getByLabel('Password').fill(MEMBER.password);
    await card.getByRole('button', { name: 'Sign in' }).click();
    await expect(card.getByTestId('signed-in')).toContainText(MEMBER.displayName);
    await expect(note).toContainText('Your session token is stored without keychain protection on this computer.');
    await expect(card.getByTestId('signed-in')).toContainText('its key is not protected by a keychain');
    await expectNoSeriousViolations(page, 'Settings, token without keychain (basic_text)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'Settings, token without keychain (basic_text, dark)');
    // Leave before the harness stops: its event stream would be cut under the page.
    await page.goto('about:blank');
  } finally {
    await basic.close();
  }
  // With a keyring the card says nothing of the kind.
  const keyringDir = path.join(env.dir, 'keyring-data');
  const keyring = sessionKeyAndProtection(keyringDir, new FakeSafeStorageForTests(true, 'gnome_libsecret'), 'linux');
  const withKeyring = await startWebHarness({ dataDir: keyringDir, coreEnv: { EWSI_AUTO_SYNC: '0' }, coreInit: { tokenKey: keyring!.key, tokenProtection: keyring!.protection } });
  try {
    await page.goto(withKeyring.pageUrl('/settings'));
    await expect(page.getByTestId('sign-in-card').getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByTestId('sign-in-card').getByRole('textbox', { name: 'E-mail' })).toBeEnabled();
    await expect(page.getByTestId('token-protection-note')).toHaveCount(0);
    await page.goto('about:blank');
  } finally {
    await withKeyring.close();
  }
});
