// The `ewsi` command as a user runs it: a child process of the real CLI
// (through tsx), with its exit code and both streams once it has ended.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './repo';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ewsi ARGS…` with stdin closed; `env` is added to this process's environment. */
export function runEwsi(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end();
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
