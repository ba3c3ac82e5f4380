import { protocol } from 'electron';
import { APP_SCHEME } from '../../shared/ipc';
import { appResponse } from './app-request';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://ewsi/, never file:// to a window:
 * nothing outside its folder, every answer with the CSP and the other security
 * headers, files read from disk by appResponse (no file:// fetch, so the
 * GrantFileProtocolExtraPrivileges fuse stays off).
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url, request.method));
}
