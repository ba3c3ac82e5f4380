import { expect, test } from '@playwright/test';
import path from 'node:path';
import { readAppVersion } from '../../electron/core/app-version';
import { corpusMigrations, userMigrations } from '../../electron/core/db/migrations';
import { startWebHarness, type WebHarness } from '../../electron/core/harness/web-harness';
import { makeTempDir } from '../support/temp-dir';

let harness: WebHarness;
let dataDir: string;
let cleanup: () => void;

test.beforeAll(async () => {
  const temp = makeTempDir('ewsi-e2e-');
  cleanup = temp.cleanup;
  dataDir = path.join(temp.dir, 'data');
  harness = await startWebHarness({ dataDir });
});

test.afterAll(async () => {
  await harness?.close();
  cleanup?.();
});

test('the renderer shows app.info answered by the real core', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(harness.pageUrl('/settings'));
  await expect(page.getByRole('heading', { name: 'About this installation' })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(readAppVersion());
  await expect(page.getByTestId('app-data-folder')).toHaveText(dataDir);
  await expect(page.getByTestId('app-schema-corpus')).toHaveText(Object.keys(corpusMigrations).sort().at(-1)!);
  await expect(page.getByTestId('app-schema-user')).toHaveText(Object.keys(userMigrations).sort().at(-1)!);
  expect(consoleErrors).toEqual([]);
});

test('a page without the harness token cannot reach the core', async ({ page }) => {
  // Simulates a foreign page on this machine: it has no token, so the call is refused.
  await page.goto(harness.url);
  const status = await page.evaluate(async () => {
    const response = await fetch('/ewsi/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.info', args: {} }),
    });
    return response.status;
  });
  expect(status).toBe(401);
});
