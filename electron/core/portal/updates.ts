// The app's update check and download under plain Node, reading the portal's
// /updates/ folder as electron-updater's generic provider does: the channel's
// update info file and its signature (verified with the release key before the
// file is read: updates/manifest-signature.ts), then the platform's installer through the one resumable,
// hash-verified download (resumed with Range/If-Range after a break, kept only
// when its size and SHA-512 are those the update info gives; a mismatching file
// is deleted). The browser harness and the CLI use it; the desktop app uses
// electron-updater itself (electron/main/updater.ts), with the same file names
// and the same verdicts.
import {
  channelFileName,
  judgeOffer,
  MAX_UPDATE_INFO_BYTES,
  parseUpdateInfo,
  pickInstaller,
  UpdateInfoError,
  type UpdateFile,
  type UpdateInfo,
  type UpdateVerdict,
} from '../../../shared/update-info';
import type { KeyObject } from 'node:crypto';
import { insecurePortalRefusal } from '../../../shared/portal-transport';
import type { UpdateChannel, UpdateRefusal } from '../../../shared/updates';
import { ManifestSignatureError, signatureFileName, verifyUpdateManifest } from '../updates/manifest-signature';
import { download, DownloadError } from './download';
import { getText } from './http';
import { updatesFolderUrl } from './urls';

export type UpdateErrorKind = Extract<UpdateRefusal, 'invalid-info' | 'unsigned-info' | 'checksum-mismatch' | 'size-mismatch'> | 'network' | 'not-found' | 'disk' | 'insecure-portal';

/** Why a check or download failed; `kind` tells a refusal (the portal's files are wrong) from a failure (try again). */
export class UpdateError extends Error {
  constructor(
    readonly kind: UpdateErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpdateError';
  }
}

/** The portal's updates folder, as electron-updater's generic provider is given it: `${portal}/updates/`. */
export function updatesBaseUrl(portalUrl: string): URL {
  let url: URL;
  try {
    url = new URL(updatesFolderUrl(portalUrl));
  } catch (error) {
    throw new UpdateError('network', `"${portalUrl}" is not a portal address`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UpdateError('network', `"${portalUrl}" is not an http or https address`);
  return url;
}

export interface UpdateCheckOptions {
  portalUrl: string;
  /** The user's "allow an insecure portal" setting: without it, plain http away from this computer is refused unread. */
  allowInsecurePortal: boolean;
  /** The key update info must be signed with: the release key in the app, a key made by the test in tests. */
  signingKey: KeyObject;
  channel: UpdateChannel;
  currentVersion: string;
  platform?: string;
  arch?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface UpdateCheck {
  /** The update info file read, e.g. latest-linux.yml, and its address. */
  channelFile: string;
  channelUrl: string;
  info: UpdateInfo;
  /** The installer this platform would download, and its absolute address. */
  installer: UpdateFile;
  installerUrl: string;
  verdict: UpdateVerdict;
}

/**
 * Reads `${portal}/updates/<channel file>` and judges the version it offers.
 * Throws UpdateError: 'not-found' when the portal has no such file,
 * 'invalid-info' when it does not validate, 'network' when the portal does not answer.
 */
export async function checkForUpdate(options: UpdateCheckOptions): Promise<UpdateCheck> {
  const base = updatesBaseUrl(options.portalUrl);
  allowedOrRefused(base.href, options.allowInsecurePortal);
  const channelFile = channelFileName(options.channel, options.platform ?? process.platform, options.arch ?? process.arch);
  const channelUrl = new URL(channelFile, base).href;
  const read = (url: string, name: string, maxBytes: number) =>
    getText(url, { signal: options.signal, timeoutMs: options.timeoutMs, maxBytes, headers: { accept: 'text/yaml, application/yaml, text/plain, */*', 'cache-control': 'no-cache' } }).catch((error: unknown) => {
      if (options.signal?.aborted) throw error;
      throw new UpdateError('network', `Cannot read ${name} from the portal (${url}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  const sigFile = signatureFileName(channelFile);
  const [response, signature] = await Promise.all([read(channelUrl, channelFile, MAX_UPDATE_INFO_BYTES), read(new URL(sigFile, base).href, sigFile, 1024)]);
  if (response.status === 404) {
    throw new UpdateError('not-found', `The portal publishes no ${channelFile} (${channelUrl} answered 404): there is no release for this platform on the ${options.channel} channel`);
  }
  if (response.status !== 200) throw new UpdateError('network', `The portal answered ${response.status} for ${channelUrl}`);
  if (signature.status !== 200 && signature.status !== 404) throw new UpdateError('network', `The portal answered ${signature.status} for ${sigFile}`);
  try {
    // Before anything reads the file: an unsigned or changed one is never parsed, and nothing it names is fetched.
    verifyUpdateManifest(channelFile, Buffer.from(response.body, 'utf8'), signature.status === 200 ? signature.body : null, options.signingKey);
  } catch (error) {
    if (error instanceof ManifestSignatureError) throw new UpdateError('unsigned-info', error.message, { cause: error });
    throw error;
  }
  try {
    const info = parseUpdateInfo(response.body, channelFile);
    const installer = pickInstaller(info, options.platform ?? process.platform, options.arch ?? process.arch);
    const installerUrl = new URL(installer.url, base);
    if (installerUrl.protocol !== 'http:' && installerUrl.protocol !== 'https:') throw new UpdateInfoError(`${channelFile} names an installer at ${installerUrl.href}: only http and https addresses are downloaded`);
    allowedOrRefused(installerUrl.href, options.allowInsecurePortal);
    return { channelFile, channelUrl, info, installer, installerUrl: installerUrl.href, verdict: judgeOffer(options.currentVersion, info.version, options.channel) };
  } catch (error) {
    if (error instanceof UpdateInfoError) throw new UpdateError('invalid-info', error.message, { cause: error });
    throw error;
  }
}

/** UpdateError 'insecure-portal' for an address nothing may be fetched from (plain http away from this computer, not allowed). */
function allowedOrRefused(url: string, allowInsecurePortal: boolean): void {
  const refusal = insecurePortalRefusal(url, allowInsecurePortal);
  if (refusal) throw new UpdateError('insecure-portal', refusal);
}

export interface DownloadProgress {
  transferred: number;
  total: number | null;
}

export interface UpdateDownloadOptions {
  url: string;
  /** The installer entry of the update info: sha512 (base64) and, usually, size. */
  expected: Pick<UpdateFile, 'sha512' | 'size'>;
  /** Where the verified file goes; `<file>.partial` and `<file>.partial.json` hold an unfinished transfer. */
  destination: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Give up after this long without data; default 30 s. The partial file is kept for resuming. */
  idleTimeoutMs?: number;
}

export interface UpdateDownload {
  file: string;
  size: number;
  /** Bytes already on disk that a Range request continued from; 0 for a fresh download. */
  resumedFrom: number;
}

/**
 * Downloads an installer and keeps it only when it is the file the update info
 * describes. A mismatching size or SHA-512 deletes everything written and throws
 * UpdateError 'size-mismatch' or 'checksum-mismatch'; a broken connection keeps
 * the partial file, which the next call continues with Range and If-Range (the
 * ETag or Last-Modified of the first answer, kept in `<file>.partial.json`).
 */
export async function downloadUpdate(options: UpdateDownloadOptions): Promise<UpdateDownload> {
  const { destination, expected } = options;
  const url = new URL(options.url);
  const partial = `${destination}.partial`;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  try {
    const done = await download({
      url,
      destination,
      partial,
      expected: { algorithm: 'sha512', encoding: 'base64', digest: expected.sha512, size: expected.size },
      // A partial is continued only for the same installer address and checksum.
      resume: { remember: { url: options.url, sha512: expected.sha512 } },
      // Checked again anyway: cheap next to a download.
      existing: 'verify',
      // The installer must be exactly the size its update info gives.
      short: 'discard',
      signal: options.signal,
      idleTimeoutMs,
      onBytes: (transferred, total) => options.onProgress?.({ transferred, total }),
    });
    return { file: destination, size: done.size, resumedFrom: done.resumedFrom };
  } catch (error) {
    if (error instanceof DownloadError) throw updateError(error, url, partial, idleTimeoutMs, expected);
    throw error;
  }
}

const NOT_INSTALLED = 'it was deleted and will not be installed.';

/** A failed download in the update service's words; 'size-mismatch' and 'checksum-mismatch' are refusals of the release. */
function updateError(error: DownloadError, url: URL, partial: string, idleTimeoutMs: number, expected: UpdateDownloadOptions['expected']): UpdateError {
  const { failure } = error;
  const cause = { cause: error.cause ?? error };
  const tooLong = () => new UpdateError('size-mismatch', `The portal sent more than the ${expected.size} bytes the update info gives for the installer: ${NOT_INSTALLED}`, cause);
  const wrongSize = (size: number) => new UpdateError('size-mismatch', `The downloaded installer has ${size} bytes, but the update info says ${expected.size}: ${NOT_INSTALLED}`, cause);
  switch (failure.reason) {
    case 'status':
      if (failure.status === 404) return new UpdateError('not-found', `The portal does not have the installer ${url.href} (404) that its update info names`, cause);
      return new UpdateError('network', `The portal answered ${failure.status} for the installer ${url.href}`, cause);
    case 'range-refused':
      return new UpdateError('network', `The portal answered 416 for the installer ${url.href}`, cause);
    case 'encoding':
      return new UpdateError('network', `The portal sent the installer encoded as ${failure.encoding}, which was not asked for`, cause);
    case 'content-range':
      return new UpdateError('network', `The portal answered the resumed download with the range "${failure.contentRange}", not from byte ${failure.offset}; it will start over`, cause);
    case 'too-long':
      return tooLong();
    case 'length':
      return failure.length > (expected.size ?? 0) ? tooLong() : wrongSize(failure.length);
    case 'short':
      return wrongSize(failure.received);
    case 'digest':
      return new UpdateError(
        'checksum-mismatch',
        `The downloaded installer's SHA-512 is ${failure.digest}, but the update info says ${expected.sha512}: the file is not the published release. It was deleted and will not be installed.`,
        cause,
      );
    case 'disk':
      return new UpdateError('disk', `Cannot write the installer to ${partial}: ${messageOf(error.cause)}`, cause);
    case 'timeout':
      return new UpdateError('network', `No data from the portal for ${idleTimeoutMs / 1000} s while downloading the installer; the next download resumes where it stopped`, cause);
    case 'network':
      return new UpdateError('network', `The download of the installer from ${url.host} broke off (${messageOf(error.cause)}); the next download resumes where it stopped`, cause);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
