// `npm test`: every check the project has, in order — typecheck, lint, the
// electronegativity security scan, build,
// unit and integration tests (Vitest), end-to-end tests (Playwright, Chromium).
// Runs every step even after a failure, then ends with one summary line and a
// non-zero exit code if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './lib/ensure-test-deps.mjs';

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-test-report-'));
const vitestJson = path.join(reportDir, 'vitest.json');
const playwrightJson = path.join(reportDir, 'playwright.json');
const bin = (name) => path.join('node_modules', '.bin', name);

const steps = [
  { name: 'typecheck (Node side)', command: [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web side)', command: [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'lint (incl. layering)', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'security scan (electronegativity, offline)', command: [process.execPath, 'scripts/electronegativity.mjs'] },
  { name: 'build (electron-vite)', command: [bin('electron-vite'), 'build'] },
  {
    name: 'unit + integration (Vitest)',
    command: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  },
  {
    name: 'end-to-end (Playwright, Chromium)',
    before: ensureChromium,
    command: [bin('playwright'), 'test'],
    env: { EWSI_PLAYWRIGHT_JSON: playwrightJson },
  },
];

const results = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name}`);
  const started = Date.now();
  let ok;
  try {
    const env = { ...process.env, ...(step.before ? step.before() : {}), ...step.env };
    ok = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env }).status === 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    ok = false;
  }
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
fs.rmSync(reportDir, { recursive: true, force: true });

console.log('\n━━ summary');
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name} (${result.seconds.toFixed(1)} s)`);
const failedSteps = results.filter((result) => !result.ok).length;
if (failedSteps > 0) console.log(`${failedSteps} step(s) failed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
