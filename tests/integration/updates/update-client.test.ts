// The Node update check against the real portal serving a temp updates folder:
// a newer release is offered, downloaded with progress, resumed with Range after
// a break and verified; a tampered installer, an older or equal version, a
// prerelease on stable and malformed update info are refused with a reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkForUpdate, downloadUpdate, UpdateError } from '../../../electron/core/portal/updates';
import { UpdateService } from '../../../electron/core/updates/update-service';
import { channelFileName, judgeOffer, parseUpdateInfo } from '../../../shared/update-info';
import type { UpdateChannel, UpdateStatus } from '../../../shared/updates';
import { sqliteEngine } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { installerBytes, publishRelease, sha512Base64, signInfoFile, testSigningKeys } from '../../support/updates';

const linux = { platform: 'linux', arch: 'x64' } as const;
/** What every check here is given: no insecure portal, the test's signing key. */
const trust = { allowInsecurePortal: false, signingKey: testSigningKeys.publicKey } as const;
const serviceTrust = { signingKey: testSigningKeys.publicKey } as const;

let server: TestPortal;
let temp: ReturnType<typeof makeTempDir>;
let updatesDir: string;
let downloads: string;

beforeAll(async () => {
  temp = makeTempDir('ewsi-update-client-');
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
  downloads = fs.mkdtempSync(path.join(temp.dir, 'downloads-'));
});

const check = (currentVersion: string, channel: UpdateChannel = 'stable') => checkForUpdate({ portalUrl: server.url, channel, currentVersion, ...trust, ...linux });

async function refusal(promise: Promise<unknown>): Promise<UpdateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpdateError) return error;
    throw error;
  }
  throw new Error('expected an UpdateError');
}

describe('the update check', () => {
  it('offers a newer stable release and downloads it with progress, verified', async () => {
    const release = publishRelease(updatesDir, '0.2.0', { releaseNotes: 'Faster sync.' });
    const found = await check('0.1.0');
    expect(found.channelFile).toBe('latest-linux.yml');
    expect(found.channelUrl).toBe(`${server.url}/updates/latest-linux.yml`);
    expect(found.verdict).toEqual({ kind: 'newer' });
    expect(found.info.releaseNotes).toBe('Faster sync.');
    expect(found.installerUrl).toBe(`${server.url}/updates/${release.fileName}`);
    expect(found.installer).toMatchObject({ sha512: release.sha512, size: release.bytes.length });

    const progress: number[] = [];
    const destination = path.join(downloads, release.fileName);
    const done = await downloadUpdate({ url: found.installerUrl, expected: found.installer, destination, onProgress: ({ transferred, total }) => {
      expect(total).toBe(release.bytes.length);
      progress.push(transferred);
    } });
    expect(done).toEqual({ file: destination, size: release.bytes.length, resumedFrom: 0 });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(release.bytes.length);
    expect(sha512Base64(fs.readFileSync(destination))).toBe(release.sha512);
    expect(fs.readdirSync(downloads)).toEqual([release.fileName]);
  });

  it('resumes a broken download with Range where it stopped, and still verifies the whole file', async () => {
    const release = publishRelease(updatesDir, '0.2.0', { bytes: installerBytes('0.2.0', 6 * 1024 * 1024) });
    const found = await check('0.1.0');
    const destination = path.join(downloads, release.fileName);
    const controller = new AbortController();
    await expect(
      downloadUpdate({
        url: found.installerUrl,
        expected: found.installer,
        destination,
        signal: controller.signal,
        onProgress: ({ transferred }) => transferred > release.bytes.length / 3 && controller.abort(new Error('the line dropped')),
      }),
    ).rejects.toThrow('the line dropped');
    const kept = fs.statSync(`${destination}.partial`).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(release.bytes.length);
    expect(fs.existsSync(destination)).toBe(false);

    const seen: number[] = [];
    const done = await downloadUpdate({ url: found.installerUrl, expected: found.installer, destination, onProgress: ({ transferred }) => seen.push(transferred) });
    expect(done.resumedFrom).toBe(kept);
    expect(seen[0]).toBe(kept);
    expect(sha512Base64(fs.readFileSync(destination))).toBe(release.sha512);
    expect(fs.readdirSync(downloads)).toEqual([release.fileName]);
  });

  it('starts over when the file on the portal changed since the break (If-Range)', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    const found = await check('0.1.0');
    const destination = path.join(downloads, release.fileName);
    const controller = new AbortController();
    await expect(
      downloadUpdate({ url: found.installerUrl, expected: found.installer, destination, signal: controller.signal, onProgress: ({ transferred }) => transferred > 500_000 && controller.abort() }),
    ).rejects.toThrow();
    // Re-uploaded: the same bytes, another modification time, so another ETag. The partial file may not be continued.
    const file = path.join(updatesDir, release.fileName);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const done = await downloadUpdate({ url: found.installerUrl, expected: found.installer, destination });
    expect(done.resumedFrom).toBe(0);
    expect(sha512Base64(fs.readFileSync(destination))).toBe(release.sha512);
  });

  it('refuses a tampered installer whose SHA-512 does not match, and deletes it', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    const tampered = Buffer.from(release.bytes);
    tampered[1000] = tampered[1000]! ^ 0xff;
    fs.writeFileSync(path.join(updatesDir, release.fileName), tampered);
    const found = await check('0.1.0');
    const destination = path.join(downloads, release.fileName);
    const error = await refusal(downloadUpdate({ url: found.installerUrl, expected: found.installer, destination }));
    expect(error.kind).toBe('checksum-mismatch');
    expect(error.message).toMatch(/SHA-512 is .+, but the update info says .+: the file is not the published release\. It was deleted and will not be installed\./);
    expect(fs.readdirSync(downloads)).toEqual([]);
  });

  it('refuses an installer of another size, stopping as soon as it is too long', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    fs.writeFileSync(path.join(updatesDir, release.fileName), Buffer.concat([release.bytes, Buffer.from('trailing payload')]));
    const found = await check('0.1.0');
    const error = await refusal(downloadUpdate({ url: found.installerUrl, expected: found.installer, destination: path.join(downloads, release.fileName) }));
    expect(error.kind).toBe('size-mismatch');
    expect(error.message).toMatch(/more than the \d+ bytes the update info gives/);
    fs.writeFileSync(path.join(updatesDir, release.fileName), release.bytes.subarray(0, 1000));
    const short = await refusal(downloadUpdate({ url: found.installerUrl, expected: found.installer, destination: path.join(downloads, release.fileName) }));
    expect(short.kind).toBe('size-mismatch');
    expect(short.message).toMatch(/has 1000 bytes, but the update info says \d+: it was deleted/);
    expect(fs.readdirSync(downloads)).toEqual([]);
  });

  it('refuses the installed version (up to date) and an older one (never a downgrade)', async () => {
    publishRelease(updatesDir, '0.2.0');
    const same = await check('0.2.0');
    expect(same.verdict).toMatchObject({ kind: 'same', message: 'Version 0.2.0 is the newest on the stable channel, and it is the one installed.' });
    const older = await check('0.3.0');
    expect(older.verdict).toMatchObject({
      kind: 'refused',
      refusal: 'older-version',
      message: 'The portal offers version 0.2.0, older than the installed 0.3.0: an update never goes back to an older version.',
    });
    expect((await check('0.2.0-beta.3')).verdict).toEqual({ kind: 'newer' }); // 0.2.0 is after its prereleases.
  });

  it('refuses malformed update info with a message naming the file and the problem', async () => {
    const cases: Array<[string, RegExp]> = [
      ['version: [0.2.0\nfiles: ', /^latest-linux\.yml is not valid YAML: /],
      ['- just\n- a list\n', /latest-linux\.yml is not an update info file: expected a mapping/],
      ['version: banana\nfiles:\n  - url: a.AppImage\n    sha512: x\n', /latest-linux\.yml is not a valid update info file: version is not a semantic version.*files\.0\.sha512 must be the base64 SHA-512/],
      ['version: 0.2.0\n', /files lists no installer/],
      ['version: 0.2.0\nversion: 0.3.0\nfiles: []\n', /not valid YAML: duplicated mapping key/],
      [`version: 0.2.0\nfiles:\n  - url: a.AppImage\n    sha512: ${sha512Base64(Buffer.from('x'))}\n    size: -4\n`, /files\.0\.size Too small/],
    ];
    for (const [text, message] of cases) {
      // Signed: a file the release key signed is still checked field by field.
      fs.writeFileSync(path.join(updatesDir, 'latest-linux.yml'), text);
      signInfoFile(updatesDir, 'latest-linux.yml');
      const error = await refusal(check('0.1.0'));
      expect({ text, kind: error.kind }).toEqual({ text, kind: 'invalid-info' });
      expect(error.message).toMatch(message);
    }
  });

  it('says so when the portal publishes nothing for the channel, or is not there', async () => {
    const missing = await refusal(check('0.1.0'));
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toMatch(/The portal publishes no latest-linux\.yml .* answered 404\): there is no release for this platform on the stable channel/);
    const down = await refusal(checkForUpdate({ portalUrl: 'http://127.0.0.1:9', channel: 'stable', currentVersion: '0.1.0', ...trust, ...linux }));
    expect(down.kind).toBe('network');
    expect(down.message).toMatch(/Cannot read latest-linux\.yml from the portal/);
  });
});

describe('channels', () => {
  it('names the files electron-updater reads on each platform', () => {
    expect(channelFileName('stable', 'linux', 'x64')).toBe('latest-linux.yml');
    expect(channelFileName('beta', 'linux', 'x64')).toBe('beta-linux.yml');
    expect(channelFileName('stable', 'linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(channelFileName('stable', 'win32', 'x64')).toBe('latest.yml');
    expect(channelFileName('beta', 'win32', 'ia32')).toBe('beta.yml');
    expect(channelFileName('stable', 'darwin', 'arm64')).toBe('latest-mac.yml');
    expect(channelFileName('beta', 'darwin', 'x64')).toBe('beta-mac.yml');
  });

  it('offers stable users only stable releases, and beta users prereleases and stable releases', async () => {
    publishRelease(updatesDir, '0.2.0'); // latest-linux.yml and beta-linux.yml
    publishRelease(updatesDir, '0.3.0-beta.1'); // beta-linux.yml only
    const stable = await check('0.1.0', 'stable');
    expect(stable.info.version).toBe('0.2.0');
    const beta = await check('0.1.0', 'beta');
    expect(beta.channelFile).toBe('beta-linux.yml');
    expect(beta.info.version).toBe('0.3.0-beta.1');
    expect(beta.verdict).toEqual({ kind: 'newer' });
    // A stable release after the beta overwrites beta-linux.yml too: beta users get it.
    publishRelease(updatesDir, '0.3.0');
    expect((await check('0.3.0-beta.1', 'beta')).info.version).toBe('0.3.0');
    expect((await check('0.3.0-beta.1', 'beta')).verdict).toEqual({ kind: 'newer' });
  });

  it('refuses a prerelease found on the stable channel', async () => {
    publishRelease(updatesDir, '0.3.0-beta.1', { infoFiles: ['latest-linux.yml'] });
    expect((await check('0.2.0', 'stable')).verdict).toMatchObject({
      kind: 'refused',
      refusal: 'prerelease-on-stable',
      message: 'The portal offers the prerelease 0.3.0-beta.1 on the stable channel: prereleases are installed only on the beta channel.',
    });
    expect(judgeOffer('0.2.0', '0.3.0-beta.1', 'beta')).toEqual({ kind: 'newer' });
  });

  it('reads electron-builder’s deprecated single-file form and quoted or unquoted dates', () => {
    const sha512 = sha512Base64(Buffer.from('x'));
    const info = parseUpdateInfo(`version: 1.0.0\npath: app.AppImage\nsha512: ${sha512}\nreleaseDate: 2026-01-01T00:00:00.000Z\n`, 'latest-linux.yml');
    expect(info.path).toBe('app.AppImage');
    expect(info.releaseDate).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('the core’s update service', () => {
  it('checks, downloads with progress events, and refuses to install outside the desktop app', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    const events: UpdateStatus[] = [];
    const service = new UpdateService({
      dataDir: downloads,
      currentVersion: '0.1.0',
      settings: () => ({ serverUrl: server.url, updateChannel: 'stable', allowInsecurePortal: false }),
      ...serviceTrust,
      emit: (status) => events.push(status),
      ...linux,
      progressIntervalMs: 0,
    });
    const checked = await service.check();
    expect(checked).toMatchObject({ state: 'available', currentVersion: '0.1.0', channel: 'stable', canInstall: false, offer: { version: '0.2.0', fileName: release.fileName, size: release.bytes.length } });
    expect(service.startDownload().state).toBe('downloading');
    await expect.poll(() => service.status().state, { timeout: 20_000 }).toBe('downloaded');
    const progress = events.filter((event) => event.state === 'downloading').map((event) => event.progress!.transferred);
    expect(progress.length).toBeGreaterThan(2);
    expect(events.at(-1)).toMatchObject({ state: 'downloaded', progress: { percent: 100 }, message: 'Version 0.2.0 was downloaded and verified (size and SHA-512).' });
    expect(fs.readdirSync(service.updatesDir)).toEqual([release.fileName]);
    expect(() => service.install()).toThrow(/it can check for updates and download them, not install them/);
  });

  it('turns a tampered download into a refusal with the reason', async () => {
    const release = publishRelease(updatesDir, '0.2.0');
    fs.writeFileSync(path.join(updatesDir, release.fileName), installerBytes('evil', release.bytes.length));
    const service = new UpdateService({ dataDir: downloads, currentVersion: '0.1.0', settings: () => ({ serverUrl: server.url, updateChannel: 'stable', allowInsecurePortal: false }), ...serviceTrust, emit: () => undefined, ...linux });
    await service.check();
    service.startDownload();
    await expect.poll(() => service.status().state, { timeout: 20_000 }).toBe('refused');
    expect(service.status()).toMatchObject({ refusal: 'checksum-mismatch', message: expect.stringMatching(/It was deleted and will not be installed/) });
    expect(fs.readdirSync(service.updatesDir)).toEqual([]);
    expect(() => service.startDownload()).toThrow(/check for updates first/);
  });

  it('answers without a portal and with malformed info as a status, never a crash', async () => {
    const noPortal = new UpdateService({ dataDir: downloads, currentVersion: '0.1.0', settings: () => ({ serverUrl: null, updateChannel: 'beta', allowInsecurePortal: false }), ...serviceTrust, emit: () => undefined, ...linux });
    expect(await noPortal.check()).toMatchObject({ state: 'error', channel: 'beta', message: expect.stringMatching(/No portal is configured/) });
    fs.writeFileSync(path.join(updatesDir, 'latest-linux.yml'), 'version: 1\n');
    signInfoFile(updatesDir, 'latest-linux.yml');
    const malformed = new UpdateService({ dataDir: downloads, currentVersion: '0.1.0', settings: () => ({ serverUrl: server.url, updateChannel: 'stable', allowInsecurePortal: false }), ...serviceTrust, emit: () => undefined, ...linux });
    expect(await malformed.check()).toMatchObject({ state: 'refused', refusal: 'invalid-info', message: expect.stringMatching(/version Invalid input: expected string/) });
  });
});
