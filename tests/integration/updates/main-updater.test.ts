// Main's updater driving the real electron-updater (its DebUpdater, the part
// that runs under Node) against the real portal's /updates/ folder. Only the
// Electron runtime is replaced: `fakeElectronAppForTests` stands in for
// Electron's `app` (version, paths, quit), Node's http for Electron's `net`
// under electron-updater's own HTTP executor, and installing (dpkg and a relaunch) is recorded instead of run.
import { DebUpdater, type AppUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isUpdateMethod, MainUpdater } from '../../../electron/main/updater';
import type { Envelope } from '../../../shared/contract';
import { channelFileName } from '../../../shared/update-info';
import type { UpdateChannel, UpdateStatus } from '../../../shared/updates';
import { sqliteEngine } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { startFaultProxy } from '../../support/fault-proxy';
import { installerBytes, publishRelease, sha512Base64, signInfoFile, testSigningKeys } from '../../support/updates';

/** electron-updater's AppAdapter in place of Electron's `app`: the Electron-runtime boundary. */
function fakeElectronAppForTests(dir: string, version: string) {
  const configPath = path.join(dir, 'app-update.yml');
  // What electron-builder writes into the packaged app's resources.
  fs.writeFileSync(configPath, 'provider: generic\nurl: http://127.0.0.1:1/updates/\nupdaterCacheDirName: ewsi-desktop-updater\n');
  return {
    version,
    name: 'EWSI Desktop',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: path.join(dir, 'user-data'),
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

/** electron-updater's own executor (download, SHA-512 check, progress) with Node's http in place of Electron's `net`. */
class NodeNetForTests extends ElectronHttpExecutor {
  override createRequest(options: object, callback: (response: http.IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's request has the events and methods electron-updater uses of Electron's (not Electron's redirect API: none here).
    return http.request(options as http.RequestOptions, callback) as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

let server: TestPortal;
let temp: ReturnType<typeof makeTempDir>;
let updatesDir: string;

beforeAll(async () => {
  temp = makeTempDir('ewsi-main-updater-');
  updatesDir = path.join(temp.dir, 'updates');
  fs.mkdirSync(updatesDir);
  server = await startTestPortal(sqliteEngine, { updatesDir });
});
afterAll(async () => {
  await server?.close();
  temp?.cleanup();
});
beforeEach(() => {
  for (const name of fs.readdirSync(updatesDir)) fs.rmSync(path.join(updatesDir, name));
});

/** The files electron-updater reads on this machine for a channel (and, for a stable release, the beta file too). */
const infoFiles = (version: string) =>
  version.includes('-') ? [channelFileName('beta', process.platform, process.arch)] : [channelFileName('stable', process.platform, process.arch), channelFileName('beta', process.platform, process.arch)];

interface Harness {
  main: MainUpdater;
  updater: AppUpdater;
  events: UpdateStatus[];
  installs: Array<[boolean | undefined, boolean | undefined]>;
  cacheDir: string;
  call(method: string, args?: unknown): Promise<Envelope>;
}

function startMainUpdater(currentVersion: string, channel: UpdateChannel = 'stable', portalUrl = server.url): Harness {
  const dir = fs.mkdtempSync(path.join(temp.dir, 'app-'));
  const updater = new DebUpdater(undefined, fakeElectronAppForTests(dir, currentVersion));
  updater.logger = null;
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetForTests();
  const installs: Harness['installs'] = [];
  // Installing runs dpkg and relaunches the app: recorded, not run.
  updater.quitAndInstall = (isSilent, isForceRunAfter) => void installs.push([isSilent, isForceRunAfter]);
  const events: UpdateStatus[] = [];
  const main = new MainUpdater({
    updater: () => updater,
    currentVersion,
    readSettings: async () => ({ serverUrl: portalUrl, updateChannel: channel, allowInsecurePortal: false }),
    emit: (status) => events.push(status),
    // The releases here are signed with the key pair the tests made, not the release key.
    signingKeyForTests: testSigningKeys.publicKey,
  });
  return {
    main,
    updater,
    events,
    installs,
    cacheDir: path.join(dir, 'cache', 'ewsi-desktop-updater'),
    call: (method, args = {}) => (isUpdateMethod(method) ? main.dispatch(method, args) : Promise.resolve({ ok: false, error: { code: 'unknown_method', message: method } })),
  };
}

const value = (envelope: Envelope) => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as UpdateStatus;
};

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)])) : [];

describe('main’s updater on electron-updater', () => {
  it('configures the generic provider from the settings, offers a newer release, downloads it with progress, installs only when asked', async () => {
    const release = publishRelease(updatesDir, '0.2.0', { deb: true, infoFiles: infoFiles('0.2.0') });
    const app = startMainUpdater('0.1.0');
    const checked = value(await app.call('update.check'));
    expect(checked).toMatchObject({ state: 'available', currentVersion: '0.1.0', channel: 'stable', canInstall: true, offer: { version: '0.2.0' } });
    expect(app.updater.autoDownload).toBe(false);
    expect(app.updater.autoInstallOnAppQuit).toBe(false);
    expect(app.updater.allowDowngrade).toBe(false);
    expect(app.updater.allowPrerelease).toBe(false);
    expect(app.updater.channel).toBe('latest');
    expect(app.events.map((event) => event.state)).toEqual(['checking', 'available']);

    expect((await app.call('update.install')).ok).toBe(false); // Nothing downloaded yet.

    expect(value(await app.call('update.download')).state).toBe('downloading');
    await expect.poll(() => app.events.at(-1)?.state, { timeout: 20_000 }).toBe('downloaded');
    const progress = app.events.filter((event) => event.state === 'downloading' && event.progress!.transferred > 0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.progress).toMatchObject({ total: release.deb!.bytes.length });
    const downloaded = filesUnder(app.cacheDir).filter((file) => file.endsWith('.deb'));
    expect(downloaded).toHaveLength(1);
    expect(sha512Base64(fs.readFileSync(downloaded[0]!))).toBe(release.deb!.sha512);
    expect(app.installs).toEqual([]);

    expect(value(await app.call('update.install'))).toMatchObject({ state: 'downloaded', message: 'Restarting to install version 0.2.0…' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.installs).toEqual([[false, true]]);
  });

  it('refuses a tampered installer: electron-updater finds the SHA-512 mismatch and deletes the file', async () => {
    const release = publishRelease(updatesDir, '0.2.0', { deb: true, infoFiles: infoFiles('0.2.0') });
    fs.writeFileSync(path.join(updatesDir, release.deb!.fileName), installerBytes('tampered', release.deb!.bytes.length));
    const app = startMainUpdater('0.1.0');
    expect(value(await app.call('update.check')).state).toBe('available');
    value(await app.call('update.download'));
    await expect.poll(() => app.events.at(-1)?.state, { timeout: 20_000 }).toBe('refused');
    expect(app.events.at(-1)).toMatchObject({ refusal: 'checksum-mismatch', message: expect.stringMatching(/sha512 checksum mismatch.*It was deleted and will not be installed/) });
    expect(filesUnder(app.cacheDir).filter((file) => file.endsWith('.deb'))).toEqual([]);
    expect((await app.call('update.install')).ok).toBe(false);
  });

  it('says up to date for the same version and refuses an older one (allowDowngrade stays off after the channel is set)', async () => {
    publishRelease(updatesDir, '0.2.0', { deb: true, infoFiles: infoFiles('0.2.0') });
    expect(value(await startMainUpdater('0.2.0').call('update.check'))).toMatchObject({ state: 'up-to-date', message: expect.stringMatching(/is the one installed/) });
    const newer = startMainUpdater('0.3.0');
    expect(value(await newer.call('update.check'))).toMatchObject({ state: 'refused', refusal: 'older-version', offer: { version: '0.2.0' } });
    expect((await newer.call('update.download')).ok).toBe(false);
  });

  it('reads the beta file on the beta channel, and refuses a prerelease found on stable', async () => {
    publishRelease(updatesDir, '0.2.0', { deb: true, infoFiles: infoFiles('0.2.0') });
    publishRelease(updatesDir, '0.3.0-beta.1', { deb: true, infoFiles: infoFiles('0.3.0-beta.1') });
    const beta = startMainUpdater('0.2.0', 'beta');
    expect(value(await beta.call('update.check'))).toMatchObject({ state: 'available', channel: 'beta', offer: { version: '0.3.0-beta.1' } });
    expect(beta.updater.channel).toBe('beta');
    expect(beta.updater.allowPrerelease).toBe(true);
    expect(beta.updater.allowDowngrade).toBe(false);

    publishRelease(updatesDir, '0.3.0-beta.2', { deb: true, infoFiles: [channelFileName('stable', process.platform, process.arch)] });
    const stable = startMainUpdater('0.2.0', 'stable');
    expect(value(await stable.call('update.check'))).toMatchObject({ state: 'refused', refusal: 'prerelease-on-stable' });
    const download = await stable.call('update.download');
    expect(download).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses malformed update info and reports a missing file, as statuses', async () => {
    const file = channelFileName('stable', process.platform, process.arch);
    const app = startMainUpdater('0.1.0');
    expect(value(await app.call('update.check'))).toMatchObject({ state: 'error', message: expect.stringMatching(/Cannot find channel "[\w.-]+\.yml" update info/) });
    // Signed, so what is checked is the file itself.
    fs.writeFileSync(path.join(updatesDir, file), 'version: [0.2.0\n');
    signInfoFile(updatesDir, file);
    expect(value(await app.call('update.check'))).toMatchObject({ state: 'refused', refusal: 'invalid-info', message: expect.stringMatching(/is not valid YAML/) });
    fs.writeFileSync(path.join(updatesDir, file), 'version: banana\nfiles: []\n');
    signInfoFile(updatesDir, file);
    expect(value(await app.call('update.check'))).toMatchObject({ state: 'refused', refusal: 'invalid-info' });
  });

  it('verifies the update info’s signature before electron-updater reads it: unsigned, changed or foreign files are refused and nothing is downloaded', async () => {
    const file = channelFileName('stable', process.platform, process.arch);
    const proxy = await startFaultProxy(server.url);
    try {
      const release = publishRelease(updatesDir, '0.2.0', { deb: true, infoFiles: infoFiles('0.2.0') });
      const installerRequests = () => proxy.log.filter((request) => request.path.includes(release.deb!.fileName) || request.path.includes(release.fileName));

      // Changed after signing: one byte of the version.
      const signedText = fs.readFileSync(path.join(updatesDir, file), 'utf8');
      fs.writeFileSync(path.join(updatesDir, file), signedText.replace('version: 0.2.0', 'version: 0.9.0'));
      const tampered = startMainUpdater('0.1.0', 'stable', proxy.url);
      expect(value(await tampered.call('update.check'))).toMatchObject({ state: 'refused', refusal: 'unsigned-info', offer: null, message: expect.stringMatching(/does not match its signature.*Nothing was downloaded/) });
      expect(await tampered.call('update.download')).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(proxy.log.map((request) => request.path)).toEqual(expect.arrayContaining([`/updates/${file}`, `/updates/${file}.sig`]));

      // No signature at all.
      fs.writeFileSync(path.join(updatesDir, file), signedText);
      fs.rmSync(path.join(updatesDir, `${file}.sig`));
      expect(value(await startMainUpdater('0.1.0', 'stable', proxy.url).call('update.check'))).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/without its signature/) });

      // Signed, but by another key than the one the app trusts.
      signInfoFile(updatesDir, file, generateKeyPairSync('ed25519').privateKey);
      expect(value(await startMainUpdater('0.1.0', 'stable', proxy.url).call('update.check'))).toMatchObject({ state: 'refused', refusal: 'unsigned-info', message: expect.stringMatching(/another key/) });
      expect(installerRequests()).toEqual([]);

      // Signed with the trusted key: found, and downloaded through the same provider.
      signInfoFile(updatesDir, file);
      const good = startMainUpdater('0.1.0', 'stable', proxy.url);
      expect(value(await good.call('update.check'))).toMatchObject({ state: 'available', offer: { version: '0.2.0' } });
      value(await good.call('update.download'));
      await expect.poll(() => good.events.at(-1)?.state, { timeout: 20_000 }).toBe('downloaded');
      expect(installerRequests().length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a portal over plain http away from this computer without the user’s permission, before any request', async () => {
    const events: UpdateStatus[] = [];
    const main = new MainUpdater({
      updater: () => {
        throw new Error('electron-updater must not even be made');
      },
      currentVersion: '0.1.0',
      readSettings: async () => ({ serverUrl: 'http://portal.example.org', updateChannel: 'stable', allowInsecurePortal: false }),
      emit: (status) => events.push(status),
      signingKeyForTests: testSigningKeys.publicKey,
    });
    expect(value(await main.dispatch('update.check', {}))).toMatchObject({ state: 'error', message: expect.stringMatching(/http:\/\/portal\.example\.org is not encrypted.*Allow an insecure portal/) });
  });

  it('checks every call against the contract', async () => {
    const app = startMainUpdater('0.1.0');
    expect(await app.call('update.check', { portal: 'http://evil.example' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(value(await app.call('update.status'))).toMatchObject({ state: 'idle', currentVersion: '0.1.0', canInstall: true });
    expect(isUpdateMethod('update.check')).toBe(true);
    expect(isUpdateMethod('settings.get')).toBe(false);
  });
});
