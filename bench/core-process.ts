// Runs part of a benchmark as the app runs the core: bundled JavaScript in a
// process of its own (search-core-run.ts, bundled once into .cache), not the
// TypeScript sources under tsx, whose loader and compiled sources (~240 MB)
// the built app does not carry. The PDF text worker is bundled beside it, where
// the core's text extractor finds it in a build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFromSources } from '../electron/core/bundle-from-sources';
import type { SearchRunInput } from './search-core-run';
import type { BuildInput } from './search-corpus';

/** The core process's tasks: the measured run, or a build. */
export type CoreProcessInput = SearchRunInput | (BuildInput & { task: 'build'; resultFile: string });

export const CORE_PROCESS = 'core process (bundled JavaScript, as the app runs it)';

function coreBundle(): string {
  const bundle = bundleFromSources(fileURLToPath(new URL('./search-core-run.ts', import.meta.url)), 'bench-search-core');
  const worker = bundleFromSources(fileURLToPath(new URL('../electron/core/attachments/pdf-text-worker.ts', import.meta.url)), 'pdf-text-worker');
  const beside = path.join(path.dirname(bundle), 'pdf-text-worker.js');
  // As electron-vite lays out a build: the worker's file next to the core's (the newest one, when the worker changed).
  if (!fs.existsSync(beside) || fs.readFileSync(beside, 'utf8') !== fs.readFileSync(worker, 'utf8')) fs.copyFileSync(worker, beside);
  return bundle;
}

/** Writes `input` to `inputFile`, runs the core process on it, and resolves with what it wrote to `input.resultFile`. */
export async function runInCoreProcess<Result>(input: CoreProcessInput, inputFile: string): Promise<Result> {
  fs.writeFileSync(inputFile, JSON.stringify(input));
  const child = spawn(process.execPath, [coreBundle(), inputFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`The benchmark's core process exited with code ${String(code)}`);
  return JSON.parse(fs.readFileSync(input.resultFile, 'utf8')) as Result;
}
