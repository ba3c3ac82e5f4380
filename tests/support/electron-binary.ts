// Where the Electron runtime is, if it is installed. `require('electron')`
// cannot be used to ask: when the binary is missing it starts downloading it
// (blocked on our machines) and then throws. This reads what the electron
// package's installer leaves behind instead, and never downloads anything.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo';

const ELECTRON_PACKAGE = path.join(REPO_ROOT, 'node_modules', 'electron');

/** The Electron executable, or undefined when the runtime was never downloaded. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidates = [
    env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron') : undefined,
    relative ? path.join(ELECTRON_PACKAGE, 'dist', relative) : undefined,
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && fs.existsSync(candidate));
}

export const NO_ELECTRON_REASON =
  'The Electron runtime is not installed (node_modules/electron has no dist/: its download is blocked on this machine). These tests run wherever `npx install-electron` or `npm ci` could fetch it; the pure parts of electron/main are unit-tested under Node meanwhile.';
