// Runs Doyensec's electronegativity over the app's sources, offline, and judges
// its findings against scripts/electronegativity.config.json. Used by
// scripts/electronegativity.mjs (a step of `npm test`); evaluateFindings is
// pure and unit-tested (tests/unit/electronegativity.test.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const rank = (severity) => SEVERITIES.indexOf(severity);

/**
 * electronegativity loads its messages through a module that first asks an S3
 * bucket for fresher translations (a network request with a 1 s timeout, then
 * the bundled files). This puts a loader in that module's place that sets up
 * the same i18n library from the bundled en-US files only, so the scan makes
 * no request at all. The checks themselves are untouched.
 */
function loadOffline() {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require('i18n');
  const configureBundledEnglish = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nModule), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: configureBundledEnglish };
  return require('@doyensec/electronegativity');
}

/**
 * Scans `inputs` (folders and files of `root`) as one application, so the
 * global checks (navigation limits, permission handler, CSP) see main,
 * preload and renderer together. They are copied to a temporary folder first:
 * electronegativity takes one input and would otherwise read the tests,
 * fixtures and build output too.
 */
export async function scanSources({ root, inputs, excludedChecks, electronVersion }) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ewsi-electronegativity-'));
  try {
    for (const input of inputs) {
      fs.cpSync(path.join(root, input), path.join(scratch, input), { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
    }
    const run = loadOffline();
    const result = await run(
      { input: scratch, customScan: [], excludeFromScan: excludedChecks, electronVersionOverride: electronVersion, isRelative: true, parserPlugins: [] },
      false,
    );
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((error) => ({ file: path.relative(scratch, error.file), message: error.message, tolerable: error.tolerable })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file.split(path.sep).join('/'),
        line: issue.location.line,
        sample: String(issue.sample ?? '').trim(),
        manualReview: Boolean(issue.manualReview),
      })),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.code);

/**
 * Judges a scan: a finding at or above `failAt` fails unless an accepted entry
 * matches it (same check and file, the entry's code in the flagged line); a
 * HIGH one may only be accepted as a false positive; every accepted entry
 * needs a reason and must still match something; a file the scanner could not
 * parse (so did not check) fails.
 */
export function evaluateFindings(scan, { failAt, accepted }) {
  const problems = [];
  for (const entry of accepted) {
    if (!entry.reason || entry.reason.trim().length < 20) problems.push(`accepted ${entry.check} in ${entry.file} has no reason`);
    if (!scan.findings.some((finding) => matches(entry, finding))) problems.push(`accepted ${entry.check} in ${entry.file} ("${entry.code}") matches no finding any more: remove it`);
  }
  const reported = [];
  for (const finding of scan.findings) {
    const entry = accepted.find((candidate) => matches(candidate, finding));
    const blocking = rank(finding.severity) >= rank(failAt);
    if (blocking && !entry) problems.push(`${finding.severity} ${finding.check} at ${finding.file}:${finding.line}: ${finding.sample}`);
    else if (blocking && finding.severity === 'HIGH' && !entry.falsePositive) problems.push(`HIGH ${finding.check} at ${finding.file}:${finding.line} is accepted without being a false positive`);
    reported.push({ ...finding, accepted: entry ? entry.reason : undefined });
  }
  for (const error of scan.errors) if (!error.tolerable) problems.push(`could not parse ${error.file}: ${error.message}`);
  return { ok: problems.length === 0, problems, reported };
}
