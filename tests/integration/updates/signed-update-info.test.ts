// Signed update info, through the core's update client against a real portal
// behind a recording proxy (what the portal was asked for): a file signed with
// the trusted key is offered and downloaded; a changed, unsigned, badly signed
// or renamed one is refused before anything it names is requested. The core
// trusts the release key built into it unless its construction says otherwise
// (tests only), and the signing script writes what the app accepts. Main's
// updater is checked the same way in main-updater.test.ts.
import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { checkForUpdate, UpdateError } from '../../../electron/core/portal/updates';
import { UpdateService } from '../../../electron/core/updates/update-service';
import { channelFileName } from '../../../shared/update-info';
import type { UpdateStatus } from '../../../shared/updates';
import { sqliteEngine } from '../../support/databases';
import { nonLoopbackAddress, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';
import { publishRelease, signInfoFile, testSigningKeys } from '../../support/updates';

const linux = { platform: 'linux', arch: 'x64' } as const;
const run = promisify(execFile);

let server: TestPortal;
let proxy: FaultProxy;
let temp: ReturnType<typeof makeTempDir>;
let updatesDir: string;

beforeAll(async () => {
  temp = makeTempDir('ewsi-signed-updates-');
  updatesDir = path.join(temp.dir, 'updates');
  fs.mkdirSync(updatesDir);
  server = await startTestPortal(sqliteEngine, { updatesDir });
  proxy = await startFaultProxy(server.url);
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
  temp?.cleanup();
});
beforeEach(() => {
  for (const name of fs.readdirSync(updatesDir)) fs.rmSync(path.join(updatesDir, name));
  proxy.log.length = 0;
});

/** The core's update service on the proxy, trusting the test key. */
function service(dataDir = fs.mkdtempSync(path.join(temp.dir, 'data-'))): UpdateService {
  return new UpdateService({
    dataDir,
    currentVersion: '0.1.0',
    settings: () => ({ serverUrl: proxy.url, updateChannel: 'stable', allowInsecurePortal: false }),
    signingKey: testSigningKeys.publicKey,
    emit: () => undefined,
    ...linux,
  });
}

const asked = () => proxy.log.map((request) => request.path);
const installerAsked = (fileName: string) => asked().some((requested) => requested.includes(fileName));

async function refusal(promise: Promise<unknown>): Promise<UpdateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpdateError) return error;
    throw error;
  }
  throw new Error('expected an UpdateError');
}

describe('signed update info in the core', () => {
  it('offers and downloads a release whose update info carries the trusted signature', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    expect(fs.readFileSync(path.join(updatesDir, 'latest-linux.yml.sig'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    const updates = service();
    expect(await updates.check()).toMatchObject({ state: 'available', offer: { version: '0.2.0' } });
    expect(asked()).toEqual(expect.arrayContaining(['/updates/latest-linux.yml', '/updates/latest-linux.yml.sig']));
    updates.startDownload();
    await expect.poll(() => updates.status().state, { timeout: 20_000 }).toBe('downloaded');
    expect(installerAsked(release.fileName)).toBe(true);
  });

  it('refuses update info changed after it was signed, and asks the portal for nothing it names', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    const file = path.join(updatesDir, 'latest-linux.yml');
    // Another installer and checksum, the signature left as it was.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(release.fileName, 'evil.AppImage'));
    const updates = service();
    const status: UpdateStatus = await updates.check();
    expect(status).toMatchObject({ state: 'refused', refusal: 'unsigned-info', offer: null });
    expect(status.message).toBe("latest-linux.yml on the portal does not match its signature: it was changed after it was signed, or signed with another key than this app's release key. Nothing was downloaded.");
    expect(() => updates.startDownload()).toThrow(/check for updates first/);
    // The file and its signature, nothing else.
    expect(asked().sort()).toEqual(['/updates/latest-linux.yml', '/updates/latest-linux.yml.sig']);
  });

  it('refuses update info without a signature, with a malformed one, or signed by another key', async () => {
    publishRelease(updatesDir, '0.2.0', { signed: false });
    expect(await service().check()).toMatchObject({
      state: 'refused',
      refusal: 'unsigned-info',
      message: 'The portal publishes latest-linux.yml without its signature latest-linux.yml.sig: update information not signed with the EWSI Desktop release key is never used. Nothing was downloaded.',
    });
    fs.writeFileSync(path.join(updatesDir, 'latest-linux.yml.sig'), 'not a signature\n');
    expect(await service().check()).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/is not an Ed25519 signature/) });
    signInfoFile(updatesDir, 'latest-linux.yml', generateKeyPairSync('ed25519').privateKey);
    expect(await service().check()).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/signed with another key/) });
    expect(installerAsked('.AppImage')).toBe(false);
  });

  it('refuses a signed file served under another name: the beta channel’s prerelease as the stable file', async () => {
    publishRelease(updatesDir, '0.3.0-beta.1');
    fs.copyFileSync(path.join(updatesDir, 'beta-linux.yml'), path.join(updatesDir, 'latest-linux.yml'));
    fs.copyFileSync(path.join(updatesDir, 'beta-linux.yml.sig'), path.join(updatesDir, 'latest-linux.yml.sig'));
    expect(await service().check()).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/latest-linux\.yml on the portal does not match its signature/) });
  });

  it('trusts the release key built in unless its construction is given a test key', async () => {
    const infoFiles = [channelFileName('stable', process.platform, process.arch)];
    publishRelease(updatesDir, '0.2.0', { infoFiles });
    const withReleaseKey = await createCore({ dataDir: path.join(temp.dir, 'core-release-key'), appVersion: '0.1.0' });
    try {
      withReleaseKey.settings.update({ serverUrl: proxy.url });
      // Signed with the test key: not the release key, so refused.
      expect(await withReleaseKey.handlers['update.check']({})).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/another key than this app's release key/) });
    } finally {
      await withReleaseKey.close();
    }
    const withTestKey = await createCore({ dataDir: path.join(temp.dir, 'core-test-key'), appVersion: '0.1.0', updateSigningKeyForTests: testSigningKeys.publicKey });
    try {
      withTestKey.settings.update({ serverUrl: proxy.url });
      expect(await withTestKey.handlers['update.check']({})).toMatchObject({ state: 'available', offer: { version: '0.2.0' } });
    } finally {
      await withTestKey.close();
    }
  });

  it('reads no update info over plain http away from this computer unless an insecure portal is allowed', async () => {
    publishRelease(updatesDir, '0.2.0');
    const elsewhere = await startFaultProxy(server.url, undefined, { host: nonLoopbackAddress() });
    try {
      const options = { portalUrl: elsewhere.url, channel: 'stable', currentVersion: '0.1.0', signingKey: testSigningKeys.publicKey, ...linux } as const;
      const refused = await refusal(checkForUpdate({ ...options, allowInsecurePortal: false }));
      expect(refused.kind).toBe('insecure-portal');
      expect(refused.message).toMatch(/is not encrypted \(http:\).*Allow an insecure portal.*--allow-insecure-portal/);
      expect(elsewhere.log).toEqual([]);
      expect((await checkForUpdate({ ...options, allowInsecurePortal: true })).info.version).toBe('0.2.0');
      expect(elsewhere.log.length).toBeGreaterThan(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('the signing script', () => {
  it('signs a release folder’s update info files so that the app accepts them, and refuses a key that is not the release key', async () => {
    const release = path.join(temp.dir, 'release');
    const keys = path.join(temp.dir, 'keys');
    publishRelease(updatesDir, '0.2.0', { signed: false });
    fs.mkdirSync(release);
    for (const name of fs.readdirSync(updatesDir)) fs.copyFileSync(path.join(updatesDir, name), path.join(release, name));
    const script = path.join(REPO_ROOT, 'scripts/sign-update-manifest.ts');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

    const made = await run(tsx, [script, '--new-key', keys], { cwd: REPO_ROOT });
    expect(made.stdout).toMatch(/-----BEGIN PUBLIC KEY-----/);
    const privateFile = path.join(keys, 'ewsi-update-signing.key');
    expect(fs.statSync(privateFile).mode & 0o777).toBe(0o600);

    // Not the release key built into the app: refused unless asked for on purpose.
    const refused = await run(tsx, [script, '--key', privateFile, release], { cwd: REPO_ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not the private half of the release key built into the app/) });
    expect(fs.existsSync(path.join(release, 'latest-linux.yml.sig'))).toBe(false);

    const signed = await run(tsx, [script, '--allow-other-key', release], { cwd: REPO_ROOT, env: { ...process.env, EWSI_UPDATE_SIGNING_KEY_FILE: privateFile } });
    expect(signed.stdout).toContain('Signed beta-linux.yml → beta-linux.yml.sig');
    expect(signed.stdout).toContain('Signed latest-linux.yml → latest-linux.yml.sig');
    for (const name of fs.readdirSync(release)) fs.copyFileSync(path.join(release, name), path.join(updatesDir, name));

    const updates = new UpdateService({
      dataDir: fs.mkdtempSync(path.join(temp.dir, 'data-')),
      currentVersion: '0.1.0',
      settings: () => ({ serverUrl: server.url, updateChannel: 'stable', allowInsecurePortal: false }),
      signingKey: createPublicKey(fs.readFileSync(path.join(keys, 'ewsi-update-signing.pub'), 'utf8')),
      emit: () => undefined,
      ...linux,
    });
    expect(await updates.check()).toMatchObject({ state: 'available', offer: { version: '0.2.0' } });
  });
});
