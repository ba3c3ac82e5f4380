// Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's package, or
// Playwright's own download. Shared by the Playwright config and the test runner.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM_INSTALL_HINT =
  'Install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium` (where downloads are allowed), or set CHROMIUM_PATH to a Chromium executable.';

/** Flags for a headless Chromium on a machine whose network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const candidate = chromium.executablePath();
    return candidate && fs.existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** The Chromium to use, or undefined when none is installed. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, but there is no file there. ${CHROMIUM_INSTALL_HINT}`);
    }
    return env.CHROMIUM_PATH;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return playwrightOwnChromium();
}

export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (!found) throw new Error(`No Chromium found for the end-to-end tests. ${CHROMIUM_INSTALL_HINT}`);
  return found;
}
