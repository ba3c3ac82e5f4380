// Packaging settings that matter for security, checked without packaging
// (which needs the Electron runtime download our machines block):
// electron-builder.yml, validated with electron-builder's own schema, and the
// afterPack hook that flips the fuses, run on a synthetic Electron binary.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { afterPack, ELECTRON_FUSES, electronBinaryPath, fuseConfig } from '../../scripts/after-pack.mjs';
import { REPO_ROOT } from '../support/repo';
import { makeTempDir } from '../support/temp-dir';

const builderYml = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
const config = load(builderYml) as Record<string, unknown> & {
  asar: unknown;
  asarUnpack: string[];
  afterPack: string;
  files: string[];
  linux: { target: string[] };
  win: { target: string[]; forceCodeSigning?: boolean };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize?: boolean };
  publish: Array<{ provider: string; url: string; channel?: string }>;
  generateUpdatesFilesForAllChannels?: boolean;
};

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('fuses', () => {
  it('are exactly the ones the issue names, each set the safe way', () => {
    expect(ELECTRON_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(ELECTRON_FUSES)).toBe(true);
  });

  it('map onto @electron/fuses options by name', () => {
    expect(fuseConfig({ electronPlatformName: 'linux', arch: 1 })).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    // Apple silicon (arm64 = 3, universal = 4 in electron-builder's Arch) needs its ad-hoc signature back.
    expect(fuseConfig({ electronPlatformName: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ electronPlatformName: 'darwin', arch: 4 }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ electronPlatformName: 'darwin', arch: 1 }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ electronPlatformName: 'win32', arch: 3 }).resetAdHocDarwinSignature).toBe(false);
  });

  it('are flipped in the binary electron-builder names for each platform', () => {
    const packager = { appInfo: { productFilename: 'EWSI Desktop' }, executableName: 'ewsi-desktop' };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'ewsi-desktop'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'EWSI Desktop.exe'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(path.join('/o', 'EWSI Desktop.app'));
    expect(() => electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'aix', packager })).toThrow(/aix/);
  });

  it('are written by the afterPack hook into the fuse wire of the packaged binary', async () => {
    // A synthetic Electron binary: the real one cannot be downloaded here. @electron/fuses finds
    // the wire after its sentinel (version 1, 8 fuses), in Electron's default states.
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const defaults = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];
    const binary = path.join(temp.dir, 'ewsi-desktop');
    fs.writeFileSync(binary, Buffer.concat([Buffer.from('\x7fELF padding'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('rest of the binary')]));
    const before = fs.statSync(binary).size;

    await afterPack({ appOutDir: temp.dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'EWSI Desktop' }, executableName: 'ewsi-desktop' } });

    const wire = await getCurrentFuseWire(binary);
    const state = (fuse: FuseV1Options) => (wire as unknown as Record<number, FuseState>)[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    // Fuses not named stay as Electron ships them.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(FuseState.DISABLE);
    expect(fs.statSync(binary).size).toBe(before);
  });
});

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    // electron-builder's own validator (the one `electron-builder` runs first), against its JSON schema.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), mac: { notAnOption: true } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('flips the fuses in the afterPack hook, and nowhere else', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(fs.existsSync(path.join(REPO_ROOT, config.afterPack))).toBe(true);
    // One place decides the fuses: electron-builder's own electronFuses would flip them a second time.
    expect(config).not.toHaveProperty('electronFuses');
  });

  it('packs the app into an asar, with better-sqlite3 outside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', '**/*.node']));
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', '!**/*.map']));
  });

  it('refuses to build an unsigned Windows installer', () => {
    expect(config.win.forceCodeSigning).toBe(true);
  });

  it('builds for Linux, Windows and macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    // zip beside dmg: electron-updater updates a macOS app from the zip.
    expect(config.mac.target).toEqual(['dmg', 'zip']);
  });

  it('signs macOS under the hardened runtime with no more entitlements than JIT, and notarizes when credentials are given', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).not.toBe(false);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = fs.readFileSync(path.join(REPO_ROOT, config.mac.entitlements), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('publishes updates to the portal server\'s /updates/ folder, on every channel', () => {
    // Single ranges: what the portal's /updates/ answers (electron-updater's differential download then asks one range per request).
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.EWSI_PORTAL_URL}/updates/', useMultipleRangeRequest: false }]);
    expect(config.publish[0]!.url.endsWith('/updates/')).toBe(true);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('keeps signing secrets out of the file', () => {
    expect(builderYml).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|certificateFile|appleIdPassword|password:/i);
  });
});
