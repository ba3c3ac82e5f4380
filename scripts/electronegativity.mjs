// `node scripts/electronegativity.mjs`: Doyensec's electronegativity over the
// app's sources (electron/, renderer/, shared/), offline, judged against
// scripts/electronegativity.config.json. A step of `npm test`; exits 1 on a
// finding that is neither fixed nor accepted there with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateFindings, scanSources } from './lib/electronegativity.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity.config.json'), 'utf8'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const scan = await scanSources({ root, inputs: config.inputs, excludedChecks: config.excludedChecks.map((entry) => entry.check), electronVersion });
const verdict = evaluateFindings(scan, config);

console.log(`electronegativity: ${scan.checks} checks over ${config.inputs.join(', ')} (Electron ${electronVersion}; not run: ${config.excludedChecks.map((entry) => entry.check).join(', ')})`);
for (const finding of verdict.reported) {
  const where = `${finding.file}:${finding.line}`;
  console.log(`  ${finding.severity.padEnd(13)} ${finding.check.padEnd(34)} ${where}${finding.accepted ? '  [accepted: see the config]' : ''}`);
}
if (verdict.reported.length === 0) console.log('  no findings');
if (!verdict.ok) {
  console.error(`\nelectronegativity: ${verdict.problems.length} problem(s):`);
  for (const problem of verdict.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`electronegativity: nothing at ${config.failAt} or above that is not fixed or documented as safe`);
