// A portal over plain http away from this computer: refused by the settings,
// the sync, sign-in, sign-out, push and the update check unless the user
// allowed an insecure portal, and then nothing at all is sent to it; allowed,
// it works and every status says so. "Away from this computer" is one of this
// machine's own non-loopback addresses, where a recording proxy in front of a
// real portal shows what reached it.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { ContractError } from '../../shared/contract';
import type { SyncStatus } from '../../shared/sync';
import { MEMBER, startCommunityPortal } from '../support/community';
import { nonLoopbackAddress, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import type { TestPortal } from '../support/portal';
import { makeTempDir } from '../support/temp-dir';
import { runEwsi } from '../support/cli';

let server: TestPortal;
let elsewhere: FaultProxy;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  server = await startCommunityPortal(['thread-a']);
  elsewhere = await startFaultProxy(server.url, undefined, { host: nonLoopbackAddress() });
  temp = makeTempDir('ewsi-insecure-portal-');
});
afterAll(async () => {
  await elsewhere?.close();
  await server?.close();
  temp?.cleanup();
});
beforeEach(() => {
  elsewhere.log.length = 0;
});

const ewsi = runEwsi;

const REFUSAL = /is not encrypted \(http:\), so passwords, the session token, documents and updates would travel in clear\. Use its https: address, or allow an insecure portal \(Settings → Portal and sync → "Allow an insecure portal"; ewsi: --allow-insecure-portal\)/;

describe('ewsi and an insecure portal', () => {
  it('refuses `ewsi sync --server http://…` naming the setting and the flag, sends nothing, saves nothing; syncs with --allow-insecure-portal', { timeout: 120_000 }, async () => {
    const data = ['--data', path.join(temp.dir, 'cli')];
    const refused = await ewsi(['sync', '--server', elsewhere.url, ...data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(REFUSAL);
    expect(elsewhere.log).toEqual([]);
    expect(JSON.parse((await ewsi(['status', '--json', ...data])).stdout)).toMatchObject({ serverUrl: null, portalSecurity: null });

    const allowed = await ewsi(['sync', '--server', elsewhere.url, '--allow-insecure-portal', ...data]);
    expect(allowed.stderr).not.toMatch(/failed/i);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^Synced to version \d+/);
    expect(elsewhere.log.some((request) => request.path.startsWith('/api/v1/changes'))).toBe(true);
    const status = await ewsi(['status', ...data]);
    expect(status.stdout).toContain(`Portal: ${elsewhere.url} (online)`);
    expect(status.stdout).toContain('Warning: this portal is reached over plain http: passwords, the session token, documents and updates travel unencrypted.');
  });

  it('refuses `ewsi sign-in` to an insecure portal before the password leaves', { timeout: 60_000 }, async () => {
    const signIn = await ewsi(['sign-in', '--server', elsewhere.url, '--email', MEMBER.email, '--data', path.join(temp.dir, 'cli-sign-in')], { EWSI_PASSWORD: MEMBER.password });
    expect(signIn.code).toBe(1);
    expect(signIn.stderr).toMatch(REFUSAL);
    expect(elsewhere.log).toEqual([]);
  });
});

describe('the core and an insecure portal', () => {
  let core: Core;
  const statuses: SyncStatus[] = [];
  beforeAll(async () => {
    core = await createCore({
      dataDir: path.join(temp.dir, 'core'),
      appVersion: '0.1.0',
      emit: (name, payload) => {
        if (name === 'sync.status') statuses.push(payload as SyncStatus);
      },
    });
  });
  afterAll(async () => {
    await core?.close();
  });

  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a failure');
  };

  it('refuses the address in the settings, a sync and a sign-in until allowed, sending nothing; allowed, both work', async () => {
    const refused = await failure(core.handlers['settings.update']({ serverUrl: elsewhere.url }));
    expect(refused).toBeInstanceOf(ContractError);
    expect(refused).toMatchObject({ code: 'invalid_arguments', message: expect.stringMatching(REFUSAL) });
    expect(core.settings.get().serverUrl).toBeNull();
    expect(await core.handlers['sync.start']({ serverUrl: elsewhere.url })).toMatchObject({ started: false, reason: expect.stringMatching(REFUSAL) });
    expect(await failure(core.handlers['auth.signIn']({ serverUrl: elsewhere.url, email: MEMBER.email, password: MEMBER.password }))).toMatchObject({ code: 'invalid_arguments', message: expect.stringMatching(REFUSAL) });
    expect(elsewhere.log).toEqual([]);

    // Allowed: saved together with the address, and the status says how the portal is reached.
    await core.handlers['settings.update']({ serverUrl: elsewhere.url, allowInsecurePortal: true });
    expect(statuses.at(-1)).toMatchObject({ serverUrl: elsewhere.url, portalSecurity: 'insecure-allowed' });
    expect(await core.handlers['auth.signIn']({ email: MEMBER.email, password: MEMBER.password })).toMatchObject({ signedIn: true });
    await core.sync.run();
    expect(elsewhere.log.map((request) => request.path)).toEqual(expect.arrayContaining(['/api/v1/sessions', expect.stringMatching(/^\/api\/v1\/changes/)]));
  });

  it('withdrawing the permission always works, and from then on nothing is sent: no sync, no post, no token on sign-out, no update check', async () => {
    core.outbox.compose('forum.reply', { threadId: 'thread-a', body: 'Waits for a secure portal' });
    await core.handlers['settings.update']({ allowInsecurePortal: false });
    expect(statuses.at(-1)).toMatchObject({ portalSecurity: 'insecure-refused' });
    elsewhere.log.length = 0;

    expect(await core.handlers['sync.start']({})).toMatchObject({ started: false, reason: expect.stringMatching(REFUSAL) });
    expect(await failure(core.sync.run())).toMatchObject({ name: 'SyncError', kind: 'server', message: expect.stringMatching(REFUSAL) });
    expect(core.sync.status()).toMatchObject({ lastError: expect.stringMatching(REFUSAL), portalSecurity: 'insecure-refused' });

    expect(await core.handlers['outbox.push']({})).toMatchObject({ started: false, reason: expect.stringMatching(REFUSAL) });
    expect(await failure(core.outbox.push())).toMatchObject({ code: 'unavailable', message: expect.stringMatching(REFUSAL) });
    expect(core.outbox.status().counts).toMatchObject({ queued: 1, sent: 0 });

    expect(await core.handlers['update.check']({})).toMatchObject({ state: 'error', message: expect.stringMatching(REFUSAL) });

    // Signed out here at once; the token is not sent to the portal to be revoked.
    expect(await core.handlers['auth.signOut']({})).toMatchObject({ signedIn: false, revokedOnPortal: false });
    expect(elsewhere.log).toEqual([]);
  });
});
