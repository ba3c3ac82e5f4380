import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAppVersion } from '../../electron/core/app-version';
import { forkCoreProcess, type CoreClient } from '../../electron/core/host/core-client';
import { corpusMigrations, userMigrations } from '../../electron/core/db/migrations';
import { makeTempDir } from '../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function startCore(dataDir: string): Promise<CoreClient> {
  const core = await forkCoreProcess({ dataDir });
  cleanups.push(() => core.close());
  return core;
}

describe('the core in a process of its own', () => {
  it('answers app.info from the real stores', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = path.join(temp.dir, 'data');
    const core = await startCore(dataDir);
    const info = await core.api['app.info']({});
    expect(info).toEqual({
      version: readAppVersion(),
      dataFolder: dataDir,
      schemaVersion: { corpus: Object.keys(corpusMigrations).sort().at(-1), user: Object.keys(userMigrations).sort().at(-1) },
    });
    // Corpus and user data live in separate files.
    expect(fs.existsSync(path.join(dataDir, 'corpus.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'user.sqlite'))).toBe(true);
  });

  it('answers bad calls with a clear failure and keeps serving', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const core = await startCore(temp.dir);
    expect(await core.call('app.nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.call('app.info', { x: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringContaining('x') } });
    expect(await core.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('reports a data folder it cannot open instead of hanging', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const blocker = path.join(temp.dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    await expect(forkCoreProcess({ dataDir: path.join(blocker, 'data') })).rejects.toThrow(/Cannot open the data folder/);
  });

  it('tells pending callers when the process dies', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const core = await forkCoreProcess({ dataDir: temp.dir });
    const pending = core.call('app.info', {});
    core.kill();
    // Whether the first call won the race or not, it settles; the next one must be refused.
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await core.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
