// Publishes releases into a portal's updates folder as electron-builder does:
// the installer, and the channel's update info file naming its size and SHA-512.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';

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
 * `generateUpdatesFilesForAllChannels` does), a prerelease into beta-linux.yml.
 */
export function publishRelease(dir: string, version: string, options: { infoFiles?: string[]; bytes?: Buffer; releaseNotes?: string; deb?: boolean } = {}): PublishedRelease {
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
  for (const file of infoFiles) fs.writeFileSync(path.join(dir, file), dump(info, { lineWidth: 8000 }));
  return { version, fileName, bytes, sha512, infoFiles, ...(deb ? { deb } : {}) };
}
