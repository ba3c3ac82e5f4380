import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './scripts/lib/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: process.env.EWSI_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.EWSI_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
