// `ewsi me-sync` as a script runs it, against a real portal on 127.0.0.1: the
// passphrase from the environment (never an argument), a wrong one refused
// with the clear sentence, a second data folder joining and getting the notes,
// and a passphrase change with both passphrases on standard input.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateQuote } from '../../../electron/core/cli/history-commands';
import { createCore } from '../../../electron/core/core';
import type { MemberSyncStatus } from '../../../shared/member-sync';
import { runEwsi } from '../../support/cli';
import { MEMBER } from '../../support/community';
import { DOCUMENT_ID, startMemberPortal, type MemberPortal } from '../../support/member-sync';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';

/** `ewsi ARGS…` with `input` written to its standard input (runEwsi closes it at once). */
function ewsiWithStdin(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/ewsi.ts', ...args], { cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('ewsi me-sync', () => {
  let portal: MemberPortal;
  const folders = [makeTempDir('ewsi-me-sync-a-'), makeTempDir('ewsi-me-sync-b-')];
  const [office, laptop] = folders.map((folder) => folder.dir) as [string, string];

  beforeAll(async () => {
    portal = await startMemberPortal();
  });
  afterAll(async () => {
    await portal?.close();
    for (const folder of folders) folder.cleanup();
  });

  /** A data folder with the library and a session (in-process: each spawn of the CLI costs seconds), with a note when given. */
  const prepare = async (dir: string, note?: string) => {
    const core = await createCore({ dataDir: dir, appVersion: '0.0.0-test' });
    try {
      core.settings.update({ serverUrl: portal.url });
      await core.sync.run();
      await core.auth.signIn(portal.url, MEMBER.email, MEMBER.password);
      if (note) await annotateQuote(core, { type: 'document', id: DOCUMENT_ID, key: null }, 'Language courses open doors', note);
    } finally {
      await core.close();
    }
  };

  it('enables with the passphrase from the environment, refuses a wrong one, and a second folder joins and gets the notes', async () => {
    await prepare(office, 'Evening classes');
    const enabled = await runEwsi(['me-sync', '--enable', '--device', 'Office', '--data', office, '--json'], { EWSI_SYNC_PASSPHRASE: 'passphrase of the office' });
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(JSON.parse(enabled.stdout) as MemberSyncStatus).toMatchObject({ enabled: true, thisDevice: { name: 'Office' }, lastError: null, pending: { annotation: 0 } });

    await prepare(laptop);
    const argv = await runEwsi(['me-sync', '--enable', '--device', 'Laptop', '--passphrase', 'on the command line', '--data', laptop]);
    expect(argv.code).not.toBe(0);
    const wrong = await runEwsi(['me-sync', '--enable', '--device', 'Laptop', '--data', laptop], { EWSI_SYNC_PASSPHRASE: 'passphrase of the laptop' });
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringMatching(/This passphrase does not open your synced notes/) });
    const joined = await runEwsi(['me-sync', '--enable', '--device', 'Laptop', '--data', laptop], { EWSI_SYNC_PASSPHRASE: 'passphrase of the office' });
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toMatch(/Syncing as Ana Silva on "Laptop"/);
    expect(joined.stdout).toMatch(/Devices: .*Office/);

    // The passphrases on standard input, a line each: the current one, then the new one.
    const changed = await ewsiWithStdin(['me-sync', '--change-passphrase', '--passphrase-stdin', '--data', laptop, '--json'], 'passphrase of the office\nnew passphrase of Ana\n');
    expect(changed.code, changed.stderr).toBe(0);
    expect(Number((await portal.db.selectFrom('member_keyrings').select('version').executeTakeFirstOrThrow()).version)).toBe(2);

    const core = await createCore({ dataDir: laptop, appVersion: '0.0.0-test' });
    try {
      expect(core.annotations.list({ limit: 10, offset: 0 }).annotations.map((a) => a.note)).toEqual(['Evening classes']);
    } finally {
      await core.close();
    }
  }, 120_000);
});
