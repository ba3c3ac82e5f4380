// The app's update check and download under plain Node, reading the portal's
// /updates/ folder as electron-updater's generic provider does: the channel's
// update info file, then the platform's installer, streamed to disk, resumed
// with Range/If-Range after a break, and kept only when its size and SHA-512
// are those the update info gives (a mismatching file is deleted). The browser
// harness and the CLI use it; the desktop app uses electron-updater itself
// (electron/main/updater.ts), with the same file names and the same verdicts.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sizeOf, syncFile } from '../file-io';
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
import type { UpdateChannel, UpdateRefusal } from '../../../shared/updates';
import { agents, getText, NetworkError } from '../portal/http';
import { updatesFolderUrl } from '../portal/urls';

export type UpdateErrorKind = Extract<UpdateRefusal, 'invalid-info' | 'checksum-mismatch' | 'size-mismatch'> | 'network' | 'not-found' | 'disk';

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
  const channelFile = channelFileName(options.channel, options.platform ?? process.platform, options.arch ?? process.arch);
  const channelUrl = new URL(channelFile, base).href;
  let response;
  try {
    response = await getText(channelUrl, { signal: options.signal, timeoutMs: options.timeoutMs, headers: { accept: 'text/yaml, application/yaml, */*', 'cache-control': 'no-cache' } });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new UpdateError('network', `Cannot read ${channelFile} from the portal (${channelUrl}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (response.status === 404) {
    throw new UpdateError('not-found', `The portal publishes no ${channelFile} (${channelUrl} answered 404): there is no release for this platform on the ${options.channel} channel`);
  }
  if (response.status !== 200) throw new UpdateError('network', `The portal answered ${response.status} for ${channelUrl}`);
  if (Buffer.byteLength(response.body) > MAX_UPDATE_INFO_BYTES) throw new UpdateError('invalid-info', `${channelFile} is larger than ${MAX_UPDATE_INFO_BYTES} bytes: not an update info file`);
  try {
    const info = parseUpdateInfo(response.body, channelFile);
    const installer = pickInstaller(info, options.platform ?? process.platform, options.arch ?? process.arch);
    const installerUrl = new URL(installer.url, base);
    if (installerUrl.protocol !== 'http:' && installerUrl.protocol !== 'https:') throw new UpdateInfoError(`${channelFile} names an installer at ${installerUrl.href}: only http and https addresses are downloaded`);
    return { channelFile, channelUrl, info, installer, installerUrl: installerUrl.href, verdict: judgeOffer(options.currentVersion, info.version, options.channel) };
  } catch (error) {
    if (error instanceof UpdateInfoError) throw new UpdateError('invalid-info', error.message, { cause: error });
    throw error;
  }
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

interface PartialMeta {
  url: string;
  sha512: string;
  /** The validator the server gave the first response: an ETag, or Last-Modified. */
  validator: string;
}

/**
 * Downloads an installer and keeps it only when it is the file the update info
 * describes. A mismatching size or SHA-512 deletes everything written and throws
 * UpdateError 'size-mismatch' or 'checksum-mismatch'; a broken connection keeps
 * the partial file, which the next call continues with Range and If-Range.
 */
export async function downloadUpdate(options: UpdateDownloadOptions): Promise<UpdateDownload> {
  const { destination, expected } = options;
  const partial = `${destination}.partial`;
  const metaFile = `${partial}.json`;
  await fsp.mkdir(path.dirname(destination), { recursive: true });
  const discard = () => Promise.all([fsp.rm(partial, { force: true }), fsp.rm(metaFile, { force: true })]);

  // A file already at the destination was verified when it was put there; check it again anyway (cheap next to a download).
  if (await sizeOf(destination) !== null) {
    const hash = createHash('sha512');
    await hashFile(destination, hash, options.signal);
    if (hash.digest('base64') === expected.sha512) return { file: destination, size: (await sizeOf(destination))!, resumedFrom: 0 };
    await fsp.rm(destination, { force: true });
  }

  let offset = 0;
  let meta: PartialMeta | undefined;
  const partialSize = await sizeOf(partial);
  if (partialSize !== null) {
    meta = await readMeta(metaFile);
    const resumable = meta && meta.url === options.url && meta.sha512 === expected.sha512 && (expected.size === undefined || partialSize < expected.size);
    if (resumable) offset = partialSize;
    else {
      await discard();
      meta = undefined;
    }
  }

  const hash = createHash('sha512');
  if (offset > 0) await hashFile(partial, hash, options.signal);
  const fetched = await fetchInto(options, partial, metaFile, offset, meta?.validator, hash);
  const size = fetched.size;
  if (expected.size !== undefined && size !== expected.size) {
    await discard();
    throw new UpdateError('size-mismatch', `The downloaded installer has ${size} bytes, but the update info says ${expected.size}: it was deleted and will not be installed.`);
  }
  const digest = fetched.hash.digest('base64');
  if (digest !== expected.sha512) {
    await discard();
    throw new UpdateError(
      'checksum-mismatch',
      `The downloaded installer's SHA-512 is ${digest}, but the update info says ${expected.sha512}: the file is not the published release. It was deleted and will not be installed.`,
    );
  }
  await syncFile(partial);
  await fsp.rename(partial, destination);
  await fsp.rm(metaFile, { force: true });
  return { file: destination, size, resumedFrom: fetched.resumedFrom };
}

/** One GET: appends to the partial file on a 206 that continues it, rewrites it on a 200; hashes what it writes. */
async function fetchInto(
  options: UpdateDownloadOptions,
  partial: string,
  metaFile: string,
  offset: number,
  validator: string | undefined,
  prefixHash: Hash,
): Promise<{ size: number; hash: Hash; resumedFrom: number }> {
  const { signal, expected, onProgress } = options;
  const url = new URL(options.url);
  const headers: http.OutgoingHttpHeaders = { accept: '*/*', 'accept-encoding': 'identity' };
  if (offset > 0 && validator) {
    headers.range = `bytes=${offset}-`;
    // If the file changed on the portal since, the answer is all of the new one (200), never a tail of it.
    headers['if-range'] = validator;
  }
  const idleMs = options.idleTimeoutMs ?? 30_000;
  let request: http.ClientRequest | undefined;
  let timedOut = false;
  const idle = setTimeout(() => {
    timedOut = true;
    request?.destroy(new Error('timed out'));
  }, idleMs);
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      request = client.request(url, { agent: agents[url.protocol as 'http:' | 'https:'], headers, signal }, resolve);
      request.on('error', reject);
      request.end();
    });
    idle.refresh();
    const status = response.statusCode ?? 0;
    const resumed = status === 206 && headers.range !== undefined;
    if (status === 404) {
      response.resume();
      throw new UpdateError('not-found', `The portal does not have the installer ${url.href} (404) that its update info names`);
    }
    if (status !== 200 && !resumed) {
      response.resume();
      throw new UpdateError('network', `The portal answered ${status} for the installer ${url.href}`);
    }
    if (response.headers['content-encoding'] && response.headers['content-encoding'] !== 'identity') {
      response.destroy();
      throw new UpdateError('network', `The portal sent the installer encoded as ${response.headers['content-encoding']}, which was not asked for`);
    }
    let received = offset;
    let hash = prefixHash;
    if (resumed) {
      const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers['content-range'] ?? '');
      if (!range || Number(range[1]) !== offset) {
        response.destroy();
        await Promise.all([fsp.rm(partial, { force: true }), fsp.rm(metaFile, { force: true })]);
        throw new UpdateError('network', `The portal answered the resumed download with the range "${response.headers['content-range'] ?? ''}", not from byte ${offset}; it will start over`);
      }
    } else {
      received = 0;
      hash = createHash('sha512');
      const newValidator = strongEtag(response.headers.etag) ?? response.headers['last-modified'];
      // Written before the body, so a break leaves a partial file that knows which version of the file it holds.
      if (newValidator) await fsp.writeFile(metaFile, JSON.stringify({ url: options.url, sha512: expected.sha512, validator: newValidator } satisfies PartialMeta));
      else await fsp.rm(metaFile, { force: true });
    }
    const total = expected.size ?? (resumed ? null : Number(response.headers['content-length'] ?? NaN) || null);
    onProgress?.({ transferred: received, total });
    const file = fs.createWriteStream(partial, { flags: resumed ? 'a' : 'w' });
    const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
    try {
      await pipeline(
        response,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            received += chunk.length;
            // More than the update info says can never verify: stop before it fills the disk.
            if (expected.size !== undefined && received > expected.size) {
              throw new UpdateError('size-mismatch', `The portal sent more than the ${expected.size} bytes the update info gives for the installer: it was deleted and will not be installed.`);
            }
            hash.update(chunk);
            idle.refresh();
            onProgress?.({ transferred: received, total });
            yield chunk;
          }
        },
        file,
        { signal },
      );
    } finally {
      await closed;
    }
    return { size: received, hash, resumedFrom: resumed ? offset : 0 };
  } catch (error) {
    if (error instanceof UpdateError) {
      if (error.kind === 'size-mismatch') await Promise.all([fsp.rm(partial, { force: true }), fsp.rm(metaFile, { force: true })]);
      throw error;
    }
    if (signal?.aborted) throw signal.reason;
    const detail = error instanceof Error ? error.message : String(error);
    if ((error as NodeJS.ErrnoException).syscall && ['open', 'write', 'close'].includes((error as NodeJS.ErrnoException).syscall!)) {
      throw new UpdateError('disk', `Cannot write the installer to ${partial}: ${detail}`, { cause: error });
    }
    if (timedOut) throw new UpdateError('network', `No data from the portal for ${idleMs / 1000} s while downloading the installer; the next download resumes where it stopped`, { cause: error });
    throw new UpdateError('network', `The download of the installer from ${url.host} broke off (${detail}); the next download resumes where it stopped`, { cause: error instanceof NetworkError ? error.cause : error });
  } finally {
    clearTimeout(idle);
  }
}

/** If-Range needs a strong validator: a weak ETag is no use, Last-Modified then stands in. */
function strongEtag(etag: string | undefined): string | undefined {
  return etag && etag.startsWith('"') ? etag : undefined;
}

async function readMeta(file: string): Promise<PartialMeta | undefined> {
  try {
    const parsed = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<PartialMeta>;
    return typeof parsed.url === 'string' && typeof parsed.sha512 === 'string' && typeof parsed.validator === 'string' ? (parsed as PartialMeta) : undefined;
  } catch {
    return undefined;
  }
}

async function hashFile(file: string, hash: Hash, signal: AbortSignal | undefined): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { signal }) as AsyncIterable<Buffer>) hash.update(chunk);
}


