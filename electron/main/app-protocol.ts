import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from '../../shared/ipc';
import { appResponseHeaders, resolveAppRequest } from './app-request';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://ewsi/, never file:// to a window:
 * nothing outside its folder (resolveAppRequest), every answer with the CSP
 * and the other security headers (appResponseHeaders).
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(rendererDir, request.url, request.method);
    if (!('file' in resolved)) return new Response(resolved.reason, { status: resolved.status, headers: appResponseHeaders([]) });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(resolved.file).toString());
    } catch {
      return new Response('Not found', { status: 404, headers: appResponseHeaders([]) });
    }
    return new Response(request.method === 'HEAD' ? null : response.body, { status: response.status, headers: appResponseHeaders(response.headers) });
  });
}
