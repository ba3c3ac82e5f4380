// Every address of the portal the app uses, built here and nowhere else, from
// the portal's address as the user gave it. No Node imports: the main process's
// updater builds its feed address with it too. Whether the app may talk to an
// address at all (https, or http on loopback, or an insecure portal the user
// allowed) is shared/portal-transport.ts: the renderer shows the same rule.
import { COLLECTION_PATHS, type ContentType } from '../../../shared/content';
import { API_PREFIX, CHANGE_STREAM_PATH, REGISTRATION_PATH } from '../../../shared/portal-api';
import { portalAddress } from '../../../shared/sync';

// The interface compares portal addresses too (shared/sync.ts): one definition for both.
export { portalAddress };

/** A path of the portal (one of portalPaths, `/healthz`, ...) at the portal's address. */
export function portalUrl(serverUrl: string, path: string): string {
  return `${portalAddress(serverUrl)}${path}`;
}

/** The portal's routes, without its address: the outbox stores and sends these. */
export const portalPaths = {
  /** `horizon`: for a walk from 0 after a 409, the horizon it named. */
  changes: (since: number, limit: number, horizon?: number, historySince?: number) =>
    `${API_PREFIX}/changes?since=${since}&limit=${limit}${horizon === undefined ? '' : `&horizon=${horizon}`}${historySince === undefined ? '' : `&historySince=${historySince}`}`,
  /** The change stream (Server-Sent Events) announcing the feed's newest version. */
  changeStream: CHANGE_STREAM_PATH,
  /** An attachment by its SHA-256 (already checked to be hex: it needs no encoding). */
  attachment: (sha256: string) => `${API_PREFIX}/attachments/${sha256}`,
  /** A record in the portal's read API. */
  record: (type: ContentType, id: string) => `${API_PREFIX}/${COLLECTION_PATHS[type]}/${encodeURIComponent(id)}`,
  sessions: `${API_PREFIX}/sessions`,
  currentSession: `${API_PREFIX}/sessions/current`,
  forumThreads: `${API_PREFIX}/forum/threads`,
  forumThreadPosts: (threadId: string) => `${API_PREFIX}/forum/threads/${encodeURIComponent(threadId)}/posts`,
  partnerRequests: `${API_PREFIX}/partner-requests`,
  health: '/healthz',
  /** The page where a person creates an account: the app links to it, never calls it. */
  registration: REGISTRATION_PATH,
  /** The folder electron-updater's generic provider reads: update info files and installers. */
  updates: '/updates/',
} as const;

/** Where an attachment can be fetched: also the source address an export records for it. */
export const attachmentUrl = (serverUrl: string, sha256: string): string => portalUrl(serverUrl, portalPaths.attachment(sha256));

/** A record's stable address in the portal's read API, as exports cite it. */
export const recordUrl = (serverUrl: string, type: ContentType, id: string): string => portalUrl(serverUrl, portalPaths.record(type, id));

/** The portal's updates folder, `${portal}/updates/`, against which update info files name their installers. */
export const updatesFolderUrl = (serverUrl: string): string => portalUrl(serverUrl, portalPaths.updates);
