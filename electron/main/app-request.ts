// The pure half of the app:// protocol (electron/main/app-protocol.ts): which
// file a request names, the headers every answer carries, and the answer read
// straight from disk (no file:// fetch, so file:// needs no privileges). Tested under Node.
import { RENDERER_SECURITY_HEADERS } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from '../../shared/ipc';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { resolveStaticPath, staticContentType } from '../core/static-path';

export type AppRequestResolution = { file: string } | { status: 404 | 405; reason: string };

/**
 * Maps an app:// request to a file of the built renderer. Only GET and HEAD on
 * app://ewsi/ are served; a path that would leave the renderer folder (`..`,
 * encoded separators, NUL) is a 404, like a file that is not there.
 */
export function resolveAppRequest(rendererDir: string, requestUrl: string, method: string): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: `${method} is not served` };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404, reason: `foreign host ${url.host}` };
  const file = resolveStaticPath(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  return file ? { file } : { status: 404, reason: 'outside the renderer folder' };
}

/** The headers of an app:// answer: the file's own (content type, length) plus the renderer's security headers. */
export function appResponseHeaders(fileHeaders: Iterable<[string, string]>): Headers {
  const headers = new Headers();
  for (const [name, value] of fileHeaders) headers.set(name, value);
  for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) headers.set(name, value);
  return headers;
}

/** The answer to an app:// request: the renderer's file streamed from disk, or a 404/405, always with the security headers. */
export async function appResponse(rendererDir: string, requestUrl: string, method: string): Promise<Response> {
  const resolved = resolveAppRequest(rendererDir, requestUrl, method);
  if (!('file' in resolved)) return new Response(resolved.reason, { status: resolved.status, headers: appResponseHeaders([]) });
  const stat = await fs.promises.stat(resolved.file).catch(() => undefined);
  if (!stat?.isFile()) return new Response('Not found', { status: 404, headers: appResponseHeaders([]) });
  const headers = appResponseHeaders([
    ['content-type', staticContentType(resolved.file)],
    ['content-length', String(stat.size)],
  ]);
  const body = method === 'HEAD' ? null : (Readable.toWeb(fs.createReadStream(resolved.file)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: 200, headers });
}
