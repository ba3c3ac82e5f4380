// The supervisor main runs the core with (electron/main/core-supervisor.ts),
// driving the real core. The one stand-in is at the Electron boundary: the app
// starts the core with utilityProcess.fork (electron/main/utility-core.ts),
// which cannot run here, so these tests start it as a Node child process
// (forkCoreChannel) — the same core-process entry, the same message protocol.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkCoreChannel } from '../../electron/core/host/core-client';
import { CoreSupervisor, type CoreCrashReport } from '../../electron/main/core-supervisor';
import { makeTempDir } from '../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function supervise(dataDir: string, maxRestartsPerMinute?: number) {
  const reports: CoreCrashReport[] = [];
  let notify: (() => void) | undefined;
  const supervisor = new CoreSupervisor({
    spawn: forkCoreChannel,
    dataDir,
    appVersion: '9.9.9-test',
    maxRestartsPerMinute,
    onCrash: (report) => {
      reports.push(report);
      notify?.();
    },
    onEvent: () => undefined,
  });
  cleanups.push(() => supervisor.stop());
  /** Resolves once `count` reports have arrived. */
  const reported = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => reports.length >= count && resolve();
      notify();
    });
  return { supervisor, reports, reported };
}

function tempDataDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return path.join(temp.dir, 'data');
}

describe('core supervisor', () => {
  it('hands the session key to the core over the process channel, never in its environment', async () => {
    const key = Buffer.alloc(32, 7);
    const environments: Array<Record<string, string>> = [];
    const supervisor = new CoreSupervisor({
      spawn: (env) => {
        environments.push(env);
        return forkCoreChannel(env);
      },
      dataDir: tempDataDir(),
      appVersion: '9.9.9-test',
      tokenKey: key,
      onCrash: () => undefined,
      onEvent: () => undefined,
    });
    cleanups.push(() => supervisor.stop());
    await supervisor.start();
    expect(environments).toHaveLength(1);
    expect(Object.values(environments[0]!).join('\n')).not.toContain(key.toString('base64'));
    // The key arrived all the same: the token store it opened is the encrypted one.
    expect(await supervisor.call('auth.status', {})).toMatchObject({ ok: true, value: { signedIn: false, tokenStorage: expect.stringContaining('encrypted') } });
  });

  it('restarts a core that died, tells the user, and answers again', async () => {
    const { supervisor, reports, reported } = supervise(tempDataDir());
    await supervisor.start();
    expect(await supervisor.call('app.info', {})).toMatchObject({ ok: true, value: { version: '9.9.9-test' } });

    const first = supervisor.current!;
    first.kill();
    await reported(1);
    expect(reports).toEqual([{ kind: 'restarted', exitCode: null, crashesInLastMinute: 1 }]);
    expect(supervisor.current).not.toBe(first);
    expect(await supervisor.call('app.info', {})).toMatchObject({ ok: true, value: { version: '9.9.9-test' } });
    // The dead client refuses; nothing is left pending.
    expect(await first.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('gives up after too many deaths within a minute, and says so once', async () => {
    const { supervisor, reports, reported } = supervise(tempDataDir(), 1);
    await supervisor.start();
    supervisor.current!.kill();
    await reported(1);
    supervisor.current!.kill();
    await reported(2);
    expect(reports.map((report) => report.kind)).toEqual(['restarted', 'gave-up']);
    expect(reports[1]).toMatchObject({ crashesInLastMinute: 2 });
    expect(supervisor.current).toBeUndefined();
    expect(await supervisor.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('not running') } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reports).toHaveLength(2);
  });

  it('leaves a first start that fails to its caller, with no restart loop', async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the data folder should be');
    const { supervisor, reports } = supervise(path.join(dir, 'data'));
    await expect(supervisor.start()).rejects.toThrow(/Cannot open the data folder/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reports).toEqual([]);
  });

  it('does not restart a core it stopped itself', async () => {
    const { supervisor, reports } = supervise(tempDataDir());
    await supervisor.start();
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reports).toEqual([]);
    expect(await supervisor.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
