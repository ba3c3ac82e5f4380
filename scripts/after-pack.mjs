// electron-builder's afterPack hook (electron-builder.yml: afterPack): flips the
// Electron fuses of the packaged binary with @electron/fuses. It runs after the
// app and its asar (with the asar integrity hash) are in place and before
// signing, as fuses must be flipped before the binary is signed.
//
// ELECTRON_FUSES is the one place the fuses are decided (tests/unit/packaging.test.ts
// checks it, and that electron-builder.yml sets no `electronFuses` of its own):
// - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a Node.js
//   interpreter (the core runs as a utilityProcess, which does not need it).
// - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS and NODE_EXTRA_CA_CERTS are ignored.
// - EnableNodeCliInspectArguments off: --inspect and SIGUSR1 open no debugger.
// - EnableCookieEncryption on: cookies on disk encrypted with the OS key store.
// - EnableEmbeddedAsarIntegrityValidation and OnlyLoadAppFromAsar on, together:
//   the app loads only from app.asar, and only an app.asar whose hash matches
//   the one electron-builder embedded at packaging.
// - GrantFileProtocolExtraPrivileges off: file:// pages get no extra powers; the
//   app never loads or fetches file:// (app:// reads the renderer from disk itself).
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const ELECTRON_FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
});

/** electron-builder's Arch values that include an arm64 slice (builder-util: arm64 = 3, universal = 4). */
const ARM64_ARCHES = new Set([3, 4]);

/** The @electron/fuses configuration for one packaged app. */
export function fuseConfig({ electronPlatformName, arch }) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse breaks the ad-hoc signature Apple silicon requires; signing (if configured) comes after this.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && ARM64_ARCHES.has(arch),
  };
  for (const [name, value] of Object.entries(ELECTRON_FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses knows no fuse named ${name}`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

/** The file whose fuse wire is flipped: the app bundle on macOS, the executable elsewhere (as electron-builder names them). */
export function electronBinaryPath({ appOutDir, electronPlatformName, packager }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`No Electron binary known for platform ${electronPlatformName}`);
  }
}

export async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig(context));
  console.log(`  • fuses flipped in ${binary}: ${Object.entries(ELECTRON_FUSES).map(([name, on]) => `${name}=${on ? 'on' : 'off'}`).join(', ')}`);
}

export default afterPack;
