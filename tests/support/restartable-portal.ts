// A real portal that can be stopped and started again on the same port over
// the same database: what a member's app sees when the portal goes away for a
// while and comes back. The database is a real SQLite file; a restart builds
// a new portal (fresh in-memory state: change streams, requests in flight; the
// rate-limit windows are rows of the database and outlive it) over it, as a
// restarted server process would.
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { createPortal, type Portal, type PortalOptions } from '../../server/app';
import { migratePortal } from '../../server/db/database';
import { listen, type RunningServer } from '../../server/serve';
import { sqliteEngine } from './databases';
import { EDITOR_TOKEN } from './portal';
import { makeTempDir } from './temp-dir';

export interface RestartablePortal {
  /** The same address before and after a restart. */
  readonly url: string;
  /** The portal now serving (a new one after each start). */
  readonly portal: Portal;
  readonly running: boolean;
  /** The database itself, for what no API offers (e.g. revoking every session). */
  readonly db: Kysely<ServerDatabase>;
  /** Stops answering: in-flight requests finish, the port is closed. */
  stop(): Promise<void>;
  /** Serves again on the same port over the same database. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startRestartablePortal(options: Partial<Omit<PortalOptions, 'database' | 'storageDir' | 'editorToken'>> = {}): Promise<RestartablePortal> {
  const database = await sqliteEngine.create();
  const storage = makeTempDir('ewsi-portal-');
  await migratePortal(database.db);
  // The database outlives each portal built over it: closing the portal must not close it.
  const build = () =>
    createPortal({ database: { db: database.db, dialect: database.dialect, close: async () => undefined }, storageDir: storage.dir, editorToken: EDITOR_TOKEN, ...options });
  let portal = build();
  let server: RunningServer | undefined = await listen(portal.app, 0);
  const port = server.port;
  const url = server.url;

  const stop = async () => {
    if (!server) return;
    const stopping = server;
    server = undefined;
    // The app's change stream would hold the server open: ended first, as a shutting-down portal does.
    portal.drain();
    await stopping.close();
  };

  return {
    url,
    db: database.db as Kysely<ServerDatabase>,
    get portal() {
      return portal;
    },
    get running() {
      return server !== undefined;
    },
    stop,
    async start() {
      if (server) return;
      portal = build();
      server = await listen(portal.app, port);
    },
    async close() {
      await stop();
      await database.cleanup();
      storage.cleanup();
    },
  };
}
