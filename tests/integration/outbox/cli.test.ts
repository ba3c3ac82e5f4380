// `ewsi sign-in`, `reply`, `outbox` and `push` as a user runs them: real processes, a real portal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER, startCommunityPortal } from '../../support/community';
import { readFeed, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ewsi(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<Ran> {
  const env = { ...process.env, ...options.env };
  if (!options.env || !('EWSI_PASSWORD' in options.env)) delete env.EWSI_PASSWORD;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', ...args], { cwd: REPO_ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the ewsi CLI for the outbox', () => {
  let server: TestPortal;
  let temp: { dir: string; cleanup(): void };
  beforeAll(async () => {
    server = await startCommunityPortal(['thread-a']);
    temp = makeTempDir('ewsi-cli-outbox-');
  });
  afterAll(async () => {
    await server?.close();
    temp?.cleanup();
  });

  it('signs in, queues replies, lists them, pushes them, and fails when something is left', { timeout: 120_000 }, async () => {
    const data = ['--data', temp.dir];
    const wrong = await ewsi(['sign-in', '--server', server.url, '--email', MEMBER.email, ...data], { env: { EWSI_PASSWORD: 'not the password' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The portal refused the sign-in: E-mail or password is wrong');

    // Without EWSI_PASSWORD and without a terminal, the password is the first line of standard input.
    const signIn = await ewsi(['sign-in', '--server', server.url, '--email', MEMBER.email, ...data], { stdin: `${MEMBER.password}\n` });
    expect(signIn.stderr).toBe('');
    expect(signIn.code).toBe(0);
    expect(signIn.stdout).toContain(`as ${MEMBER.displayName} (${MEMBER.email})`);
    expect(fs.statSync(path.join(temp.dir, 'session-token')).mode & 0o777).toBe(0o600);

    expect((await ewsi(['reply', 'thread-a', ...data])).code).toBe(2); // --body missing
    const first = await ewsi(['reply', 'thread-a', '--body', 'From the terminal', ...data]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Queued reply outbox-\S+ to thread-a \(Idempotency-Key [0-9a-f-]{36}\)/);
    await ewsi(['reply', 'thread-missing', '--body', 'To nowhere', ...data]);

    const listed = await ewsi(['outbox', '--json', ...data]);
    const outbox = JSON.parse(listed.stdout) as { items: Array<{ state: string; payload: { threadId: string } }>; pending: number; signedIn: boolean };
    expect(outbox).toMatchObject({ pending: 2, signedIn: true });
    expect(outbox.items.map((item) => [item.payload.threadId, item.state])).toEqual([
      ['thread-a', 'queued'],
      ['thread-missing', 'queued'],
    ]);

    const since = (await readFeed(server.url)).cursor;
    const push = await ewsi(['push', ...data]);
    expect(push.code).toBe(1); // The reply to a missing thread is refused: left undelivered.
    expect(push.stdout).toContain('Sent 1; 1 left undelivered');
    expect(push.stderr).toMatch(/needs attention .* reply to thread-missing .*: No forum thread with id thread-missing/);
    const posts = (await readFeed(server.url, since)).changes.filter((c) => c.type === 'forum-post');
    expect(posts.map((c) => c.record?.body)).toEqual(['From the terminal']);

    const text = await ewsi(['outbox', ...data]);
    expect(text.stdout).toContain('Outbox: 0 queued, 0 sending, 1 need attention, 1 sent, 0 cancelled');
    expect(text.stdout).toMatch(/sent .* reply to thread-a .*→ forum-post post-/);

    // Signed out, push says so and fails; the items stay.
    expect((await ewsi(['sign-out', ...data])).code).toBe(0);
    expect(fs.existsSync(path.join(temp.dir, 'session-token'))).toBe(false);
    const signedOut = await ewsi(['push', ...data]);
    expect(signedOut.code).toBe(1);
    expect(signedOut.stderr).toContain('Sign in first');
  });
});
