// The portal's /updates/ folder: what electron-builder writes for a release
// (latest*.yml / beta*.yml, installers, blockmaps), served to electron-updater's
// generic provider and to the app's own update check. The folder is flat, as
// electron-builder writes it; only regular files directly inside it are served,
// streamed from disk, with validators and single-range requests.
import type { Context } from 'hono';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseRange } from './attachments';
import { ApiFailure, NotFoundError } from './errors';

export const UPDATES_PATH = '/updates';

/** Media types of what electron-builder publishes; anything else is served as bytes. */
const MEDIA_TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json',
  '.appimage': 'application/vnd.appimage',
  '.deb': 'application/vnd.debian.binary-package',
  '.rpm': 'application/x-rpm',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.msi': 'application/x-msi',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.blockmap': 'application/octet-stream',
  // The release key's signature of an update info file, beside it (latest-linux.yml.sig).
  '.sig': 'text/plain; charset=utf-8',
};

/** A file name the folder may serve: one segment, no dotfiles, no `..`, nothing a file system reads as a path. */
export function isServableUpdateName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && /^[A-Za-z0-9][A-Za-z0-9 ._+~()-]*$/.test(name) && !name.includes('..');
}

/** Update info files and their signatures change with every release: caches must ask each time. Artifacts are named by version. */
export function isUpdateInfoFile(name: string): boolean {
  return /\.ya?ml(\.sig)?$/i.test(name);
}

/** The validators of a file: a strong ETag from its size and modification time, and Last-Modified. */
function validators(stat: fs.Stats): { etag: string; lastModified: string } {
  return { etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`, lastModified: stat.mtime.toUTCString() };
}

/** RFC 9110 §13.1.2: If-None-Match is a list of entity tags (weak comparison) or `*`. */
function matchesNoneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** RFC 9110 §13.1.5: a Range applies only when If-Range names the current representation (strong ETag or exact date). */
function ifRangeHolds(header: string | undefined, etag: string, lastModified: string): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && date === Date.parse(lastModified);
}

/**
 * Answers GET and HEAD of /updates/:file from `dir`. Without a folder the
 * portal publishes no updates and every name is 404.
 */
export async function serveUpdateFile(c: Context, dir: string | undefined, name: string): Promise<Response> {
  if (!dir) throw new NotFoundError('This portal publishes no updates: start it with --updates DIR or EWSI_UPDATES_DIR');
  if (!isServableUpdateName(name)) throw new ApiFailure(400, 'invalid_request', 'An update file is named by one plain file name inside the updates folder');
  const root = await fs.promises.realpath(dir).catch(() => undefined);
  if (!root) throw new NotFoundError('The updates folder of this portal does not exist');
  // Resolve links too: only a regular file whose real path is directly inside the folder is served.
  const real = await fs.promises.realpath(path.join(root, name)).catch(() => undefined);
  if (!real || path.dirname(real) !== root) throw new NotFoundError(`No update file ${name}`);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(real, fs.constants.O_RDONLY);
  } catch {
    throw new NotFoundError(`No update file ${name}`);
  }
  let streaming = false;
  try {
    // The size and validators come from the open file itself, so they describe the bytes streamed.
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotFoundError(`No update file ${name}`);
    const { etag, lastModified } = validators(stat);
    const headers: Record<string, string> = {
      'Content-Type': MEDIA_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': isUpdateInfoFile(name) ? 'no-cache' : 'public, max-age=3600',
      ETag: etag,
      'Last-Modified': lastModified,
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
    };
    const noneMatch = c.req.header('if-none-match');
    const modifiedSince = c.req.header('if-modified-since');
    const notModified =
      noneMatch !== undefined ? matchesNoneMatch(noneMatch, etag) : modifiedSince !== undefined && Date.parse(modifiedSince) >= Math.floor(stat.mtimeMs / 1000) * 1000;
    if (notModified) return new Response(null, { status: 304, headers });

    const range = ifRangeHolds(c.req.header('if-range'), etag, lastModified) ? parseRange(c.req.header('range'), stat.size) : undefined;
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${stat.size}` } });
    const start = range?.start ?? 0;
    const end = range?.end ?? stat.size - 1;
    const length = stat.size === 0 ? 0 : end - start + 1;
    const status = range ? 206 : 200;
    const responseHeaders = { ...headers, 'Content-Length': String(length), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stat.size}` } : {}) };
    if (c.req.method === 'HEAD' || length === 0) return new Response(null, { status, headers: responseHeaders });
    // Streamed from the open file: an installer is never held in memory; the handle closes with the stream.
    const stream = Readable.toWeb(handle.createReadStream({ start, end, autoClose: true })) as ReadableStream;
    streaming = true;
    return new Response(stream, { status, headers: responseHeaders });
  } finally {
    if (!streaming) await handle.close();
  }
}
