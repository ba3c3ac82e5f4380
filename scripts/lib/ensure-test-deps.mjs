// Finds or installs what the end-to-end tests need on a fresh machine, so that
// `npm ci && npm test` is all the set-up: a Chromium for Playwright.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_INSTALL_HINT, findChromium } from './chromium.mjs';

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000 }).status === 0;
}

/** Returns the environment the Playwright run needs (CHROMIUM_PATH); throws with the fix when no Chromium can be had. */
export function ensureChromium() {
  let found = findChromium();
  if (found) return { CHROMIUM_PATH: found };
  console.log('No Chromium found; trying to install one.');
  // Playwright's own download works where the network allows it; Debian's package where it does not.
  if (!run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) {
    const asRoot = process.getuid?.() === 0;
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
    if (hasApt && asRoot) {
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
    } else if (hasApt) {
      console.log('Not root: cannot run apt-get install chromium myself.');
    }
  }
  found = findChromium();
  if (!found) throw new Error(`No Chromium for the end-to-end tests. ${CHROMIUM_INSTALL_HINT}`);
  return { CHROMIUM_PATH: found };
}
