// `npm start`: builds the app, then opens it in Electron when the Electron
// runtime is installed, or in the loopback browser harness when it is not
// (our machines cannot download the runtime). Extra arguments go to the harness.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const dataDir = process.env.EWSI_DATA_DIR ?? path.join(root, '.data', 'demo');

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

const electron = electronRuntime();
const child = electron
  ? spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, EWSI_DATA_DIR: dataDir } })
  : (console.log('The Electron runtime is not installed here (its download is blocked or was skipped): opening the browser harness instead.'),
    spawn(bin('tsx'), ['electron/core/harness/cli.ts', '--data', dataDir, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
