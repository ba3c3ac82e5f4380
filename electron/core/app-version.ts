import fs from 'node:fs';

let cached: string | undefined;

/** The version in the project's package.json, found by walking up from this file. */
export function readAppVersion(): string {
  if (cached) return cached;
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = new URL('package.json', dir);
    if (fs.existsSync(candidate)) {
      const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'ewsi-desktop' && parsed.version) return (cached = parsed.version);
    }
    dir = new URL('..', dir);
  }
  throw new Error('Cannot find the ewsi-desktop package.json to read the application version');
}
