// `npm start`: builds the app, starts an embedded portal server on the bundled
// sample corpus, then opens the app in Electron when the Electron runtime is
// installed, or in the loopback browser harness when it is not (our machines
// cannot download the runtime). Extra arguments go to the harness.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const dataDir = process.env.EWSI_DATA_DIR ?? path.join(root, '.data', 'demo');
const portalPort = process.env.EWSI_PORTAL_PORT ?? '8787';
const sampleDocuments = process.env.EWSI_SAMPLE_DOCS ?? '2000';
const children = [];

function electronRuntime() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const executable = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : undefined;
}

console.log('Building the app (electron-vite)…');
if (spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
  console.error('The build failed; see the errors above.');
  process.exit(1);
}

async function startPortal() {
  const portal = spawn(
    bin('tsx'),
    ['server/cli.ts', '--db', path.join(root, '.data', 'demo-portal', 'portal.sqlite'), '--sample', sampleDocuments, '--port', portalPort],
    { cwd: root, stdio: 'inherit' },
  );
  children.push(portal);
  const url = `http://127.0.0.1:${portalPort}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (portal.exitCode !== null) throw new Error(`The portal server exited (code ${portal.exitCode}); is port ${portalPort} free? Set EWSI_PORTAL_PORT to use another.`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // Not listening yet: the first start loads the sample corpus.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The portal server did not become healthy within 150 s');
}

let portalUrl;
try {
  portalUrl = await startPortal();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  for (const child of children) child.kill();
  process.exit(1);
}
const env = { ...process.env, EWSI_DATA_DIR: dataDir, EWSI_PORTAL_URL: portalUrl };

const electron = electronRuntime();
const app = electron
  ? spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env })
  : (console.log('The Electron runtime is not installed here (its download is blocked or was skipped): opening the browser harness instead. Open the address it prints, with its #ewsi-token=… part: the page does not connect without it.'),
    spawn(bin('tsx'), ['electron/core/harness/cli.ts', '--data', dataDir, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env }));
children.push(app);
app.on('exit', (code) => {
  for (const child of children) child.kill();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
