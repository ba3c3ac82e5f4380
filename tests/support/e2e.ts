// What the end-to-end specs share: a real portal with the sample corpus and
// the real core behind the loopback harness, a console that must stay clean,
// and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { loadSampleCorpus } from '../../server/sample/load';
import { sqliteEngine } from './databases';
import { startTestPortal, type TestPortal } from './portal';
import { makeTempDir } from './temp-dir';

/** The app's main navigation. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

export interface PortalAndHarness {
  portal: TestPortal;
  harness: WebHarness;
  /** The temp folder holding the data folder (and anything else the spec writes). */
  dir: string;
  close(): Promise<void>;
}

/**
 * A portal with the sample corpus (`documents` documents and the rest in
 * proportion), and the harness on an empty data folder that is offered that
 * portal without a schedule: the first sync is the user's.
 */
export async function startPortalAndHarness(options: {
  documents: number;
  tempPrefix: string;
  prepare?: (portal: TestPortal) => Promise<void>;
  /** More environment for the core process (CORE_ENV). */
  coreEnv?: Record<string, string>;
}): Promise<PortalAndHarness> {
  const portal = await startTestPortal(sqliteEngine);
  const temp = makeTempDir(options.tempPrefix);
  try {
    await loadSampleCorpus(portal.portal.content, portal.portal.attachments, { documents: options.documents });
    await options.prepare?.(portal);
    const harness = await startWebHarness({ dataDir: path.join(temp.dir, 'data'), coreEnv: { EWSI_PORTAL_URL: portal.url, EWSI_AUTO_SYNC: '0', ...options.coreEnv } });
    return {
      portal,
      harness,
      dir: temp.dir,
      close: async () => {
        await harness.close();
        await portal.close();
        temp.cleanup();
      },
    };
  } catch (error) {
    await portal.close();
    temp.cleanup();
    throw error;
  }
}

/**
 * Fails every test of the calling spec on a console error or an uncaught page
 * error: a CSP violation or a React error shows up there. A test may excuse
 * messages it provokes on purpose with `allow`.
 */
export function failOnConsoleErrors(): { allow(pattern: RegExp): void } {
  let errors: string[] = [];
  let allowed: RegExp[] = [];
  test.beforeEach(({ page }) => {
    errors = [];
    allowed = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  test.afterEach(() => {
    expect(errors.filter((text) => !allowed.some((pattern) => pattern.test(text)))).toEqual([]);
  });
  return { allow: (pattern) => allowed.push(pattern) };
}

/** axe on the page as it is: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** Presses "Sync now" in Settings and waits until the sync is over (done or failed: the caller checks which). */
export async function syncNowFromSettings(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-running', 'false', { timeout: 90_000 });
}

/**
 * The first sync, through the core (not the interface), before a spec's tests:
 * each test then starts from a synced library and can run (and fail) alone.
 */
export async function firstSync(env: PortalAndHarness): Promise<void> {
  const api = env.harness.core.api;
  const answer = await api['sync.start']({});
  if (!answer.started) throw new Error(`The first sync did not start: ${answer.reason ?? 'no reason given'}`);
  await expect.poll(async () => (await api['sync.status']({})).running, { timeout: 120_000 }).toBe(false);
  const status = await api['sync.status']({});
  if (status.lastError || !status.lastSyncAt) throw new Error(`The first sync failed: ${status.lastError ?? 'it never finished'}`);
}
