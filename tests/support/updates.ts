// Publishes releases into a portal's updates folder as electron-builder does:
// the installer, and the channel's update info file naming its size and SHA-512;
// then signs each update info file as the release script does, with a key pair
// made when the tests start (the app under test is given its public half).
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { signatureFileName, signUpdateManifest } from '../../electron/core/updates/manifest-signature';

/** The key pair tests sign releases with: made at test time, never the release key. */
export const testSigningKeys: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('ed25519');

/** The test public key as PEM, for a process the test starts. */
export const testSigningPublicKeyPem = (): string => testSigningKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Writes `<file>.sig` beside an update info file, signed with `privateKey` (the test key by default). */
export function signInfoFile(dir: string, file: string, privateKey: KeyObject = testSigningKeys.privateKey): void {
  fs.writeFileSync(path.join(dir, signatureFileName(file)), signUpdateManifest(file, fs.readFileSync(path.join(dir, file)), privateKey));
}

/** Deterministic installer bytes for a version (different versions, different bytes). */
export function installerBytes(version: string, size = 2 * 1024 * 1024 + 123): Buffer {
  const bytes = Buffer.alloc(size);
  let seed = createHash('sha256').update(version).digest().readUInt32LE(0);
  for (let i = 0; i < size; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

export const sha512Base64 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

export interface PublishedRelease {
  version: string;
  fileName: string;
  bytes: Buffer;
  sha512: string;
  /** The .deb listed after the AppImage when asked for (electron-updater's DebUpdater takes it). */
  deb?: { fileName: string; bytes: Buffer; sha512: string };
  /** The update info files written, e.g. ['latest-linux.yml', 'beta-linux.yml']. */
  infoFiles: string[];
}

/**
 * Writes `ewsi-desktop-<version>-linux-x86_64.AppImage` and the update info
 * files: a stable version into latest-linux.yml and beta-linux.yml (what
 * `generateUpdatesFilesForAllChannels` does), a prerelease into beta-linux.yml;
 * each signed with the test key unless `signed` is false.
 */
export function publishRelease(dir: string, version: string, options: { infoFiles?: string[]; bytes?: Buffer; releaseNotes?: string; deb?: boolean; signed?: boolean } = {}): PublishedRelease {
  const bytes = options.bytes ?? installerBytes(version);
  const fileName = `ewsi-desktop-${version}-linux-x86_64.AppImage`;
  fs.writeFileSync(path.join(dir, fileName), bytes);
  const sha512 = sha512Base64(bytes);
  let deb: PublishedRelease['deb'];
  if (options.deb) {
    const debBytes = installerBytes(`${version}.deb`, 1024 * 1024 + 7);
    deb = { fileName: `ewsi-desktop-${version}-linux-amd64.deb`, bytes: debBytes, sha512: sha512Base64(debBytes) };
    fs.writeFileSync(path.join(dir, deb.fileName), debBytes);
  }
  const info = {
    version,
    files: [{ url: fileName, sha512, size: bytes.length }, ...(deb ? [{ url: deb.fileName, sha512: deb.sha512, size: deb.bytes.length }] : [])],
    path: fileName,
    sha512,
    releaseDate: new Date('2026-03-01T10:00:00.000Z').toISOString(),
    ...(options.releaseNotes ? { releaseNotes: options.releaseNotes } : {}),
  };
  const infoFiles = options.infoFiles ?? (version.includes('-') ? ['beta-linux.yml'] : ['latest-linux.yml', 'beta-linux.yml']);
  for (const file of infoFiles) {
    fs.writeFileSync(path.join(dir, file), dump(info, { lineWidth: 8000 }));
    if (options.signed !== false) signInfoFile(dir, file);
    else fs.rmSync(path.join(dir, signatureFileName(file)), { force: true });
  }
  return { version, fileName, bytes, sha512, infoFiles, ...(deb ? { deb } : {}) };
}
