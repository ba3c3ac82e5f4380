// How the electronegativity step (scripts/electronegativity.mjs, run by npm
// test) judges a scan. The scan itself runs in that step, over the real sources.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFindings, type AcceptedFinding, type Finding, type Scan } from '../../scripts/lib/electronegativity.mjs';
import { REPO_ROOT } from '../support/repo';

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  file: 'electron/main/hardening.ts',
  line: 34,
  sample: 'if (decision.openExternal) void shell.openExternal(decision.openExternal);',
  manualReview: true,
  ...overrides,
});
const scan = (findings: Finding[], errors: Scan['errors'] = []): Scan => ({ checks: 41, errors, findings });
const acceptedOpen: AcceptedFinding = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'electron/main/hardening.ts',
  code: 'shell.openExternal(decision.openExternal)',
  reason: 'The URL passed windowOpenDecision: https or mailto only.',
};

describe('electronegativity verdict', () => {
  it('passes findings below the threshold and accepted ones at or above it', () => {
    const verdict = evaluateFindings(scan([finding({}), finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', sample: '' })]), { failAt: 'MEDIUM', accepted: [acceptedOpen] });
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.reported.map((entry) => entry.accepted)).toEqual([acceptedOpen.reason, undefined]);
  });

  it('fails a finding at or above the threshold that nobody accepted', () => {
    const verdict = evaluateFindings(scan([finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'electron/main/index.ts', sample: 'new BrowserWindow({})' })]), { failAt: 'MEDIUM', accepted: [] });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([expect.stringContaining('HIGH CONTEXT_ISOLATION_JS_CHECK at electron/main/index.ts:34')]);
  });

  it('accepts an entry only for the same check, file and line', () => {
    for (const other of [finding({ file: 'electron/main/index.ts' }), finding({ sample: 'shell.openExternal(url)' }), finding({ check: 'SANDBOX_JS_CHECK' })]) {
      expect(evaluateFindings(scan([finding({}), other]), { failAt: 'MEDIUM', accepted: [acceptedOpen] }).ok).toBe(false);
    }
  });

  it('accepts a HIGH finding only as a false positive', () => {
    const high = finding({ severity: 'HIGH' });
    expect(evaluateFindings(scan([high]), { failAt: 'MEDIUM', accepted: [acceptedOpen] }).problems).toEqual([expect.stringContaining('without being a false positive')]);
    expect(evaluateFindings(scan([high]), { failAt: 'MEDIUM', accepted: [{ ...acceptedOpen, falsePositive: true }] }).ok).toBe(true);
  });

  it('fails an accepted entry that matches nothing (the list cannot go stale) or has no reason', () => {
    expect(evaluateFindings(scan([]), { failAt: 'MEDIUM', accepted: [acceptedOpen] }).problems).toEqual([expect.stringContaining('matches no finding any more')]);
    expect(evaluateFindings(scan([finding({})]), { failAt: 'MEDIUM', accepted: [{ ...acceptedOpen, reason: 'ok' }] }).problems).toEqual([expect.stringContaining('has no reason')]);
  });

  it('fails when a file could not be parsed, since it was not checked', () => {
    expect(evaluateFindings(scan([], [{ file: 'electron/main/index.ts', message: 'Unexpected token', tolerable: false }]), { failAt: 'MEDIUM', accepted: [] }).ok).toBe(false);
    expect(evaluateFindings(scan([], [{ file: 'x.ts', message: 'a warning', tolerable: true }]), { failAt: 'MEDIUM', accepted: [] }).ok).toBe(true);
  });
});

describe('electronegativity configuration', () => {
  const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts/electronegativity.config.json'), 'utf8')) as {
    inputs: string[];
    failAt: string;
    excludedChecks: Array<{ check: string; reason: string }>;
    accepted: AcceptedFinding[];
  };

  it('scans main, preload, renderer and shared together, failing at MEDIUM', () => {
    expect(config.inputs).toEqual(['electron', 'renderer', 'shared', 'package.json']);
    expect(config.failAt).toBe('MEDIUM');
  });

  it('leaves out only the release lookup (it needs the network), and says why', () => {
    expect(config.excludedChecks.map((entry) => entry.check)).toEqual(['AvailableSecurityFixesGlobalCheck']);
    expect(config.excludedChecks[0]!.reason).toMatch(/offline/);
  });

  it('accepts no HIGH finding: context isolation, the sandbox and Node integration are read from the window literal', () => {
    expect(config.accepted.filter((entry) => entry.falsePositive)).toEqual([]);
    for (const entry of config.accepted) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
  });
});
