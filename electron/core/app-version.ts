import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;
let root: string | undefined;

/**
 * The folder of the project's package.json (in the packaged app, app.asar),
 * found by walking up from this file: bundled resources are read from there.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = new URL('package.json', dir);
    if (fs.existsSync(candidate)) {
      const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (parsed.name === 'ewsi-desktop') return (root = fileURLToPath(dir));
    }
    dir = new URL('..', dir);
  }
  throw new Error('Cannot find the ewsi-desktop package.json (the application folder)');
}

/** The version in the project's package.json. */
export function readAppVersion(): string {
  if (cached) return cached;
  const parsed = JSON.parse(fs.readFileSync(`${projectRoot()}/package.json`, 'utf8')) as { version?: string };
  if (!parsed.version) throw new Error('The ewsi-desktop package.json has no version');
  return (cached = parsed.version);
}
