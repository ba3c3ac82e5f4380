import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A portal server in a process of its own (its own core), loaded with the sample corpus. */
export async function startPortalProcess(options: { dbFile: string; documents: number; editorToken: string }): Promise<{ url: string; child: ChildProcess; close(): Promise<void> }> {
  // Snapshots only when a benchmark asks for one (POST /api/v1/editor/snapshots): a build at start would run during its measures.
  const args = ['server/cli.ts', '--db', options.dbFile, '--sample', String(options.documents), '--port', '0', '--editor-token', options.editorToken, '--snapshot-every', '0'];
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /EWSI portal on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the portal exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
