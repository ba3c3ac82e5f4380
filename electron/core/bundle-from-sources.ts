// Run from sources (through tsx), a module that must start in a fresh thread or
// process is first bundled by esbuild into one plain ES module under the
// repository's .cache, where its packages resolve. Registering tsx's loader in
// the new thread or process instead would have it compile the sources (and
// their packages) there again: for the PDF worker that was ~300 MB instead of
// ~90 MB; for the benchmarks' core process it would hide the built app's
// memory behind tsx's (~240 MB).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The smallest part of esbuild's API used here (esbuild comes with tsx, which runs the sources). */
interface Bundler {
  buildSync(options: { entryPoints: string[]; bundle: true; format: 'esm'; platform: 'node'; target: string; packages: 'external'; write: false }): { outputFiles: Array<{ text: string }> };
}

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const bundled = new Map<string, string>();

/**
 * The bundle of a TypeScript entry file (its packages left as imports), at
 * `.cache/<folder>/<hash of the code>.mjs`: built once per process, and
 * written only when that code is not there yet.
 */
export function bundleFromSources(entry: string, folder: string): string {
  const known = bundled.get(entry);
  if (known && fs.existsSync(known)) return known;
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild') as Bundler;
  const { outputFiles } = esbuild.buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', write: false });
  const code = outputFiles[0]!.text;
  const target = path.join(REPOSITORY, '.cache', folder);
  const file = path.join(target, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(target, { recursive: true });
    // Written whole under a temporary name, then renamed: a process starting at the same time never reads half a file.
    const partial = `${file}.${process.pid}.part`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  }
  bundled.set(entry, file);
  return file;
}
