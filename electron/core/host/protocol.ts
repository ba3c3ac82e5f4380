import { z } from 'zod';
import { envelopeSchema } from '../../../shared/contract';

// Messages between a host (Electron main, the CLI, the web harness, tests) and
// the core running in a process of its own. Both directions are validated:
// a process boundary is a trust boundary like any other.

export const toCoreSchema = z.discriminatedUnion('kind', [
  /**
   * The host's answer to `waiting`: the key the session token is encrypted with (base64 of 32 bytes),
   * or null for none. It travels over the channel, never in the environment, which other processes
   * of the same user can read (/proc/PID/environ) for the process's whole life.
   */
  z.object({
    kind: z.literal('init'),
    tokenKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/).nullable(),
    /** What protects that key: the OS keychain, or (Linux without a keyring) safeStorage's basic_text store. */
    tokenProtection: z.enum(['keychain', 'basic-text']).default('keychain'),
    /**
     * Tests only (the harness's end-to-end tests): the public key (PEM) update info must be signed with
     * instead of the release key. The app's main never sends one.
     */
    updateSigningKeyForTests: z.string().max(4096).nullable().default(null),
  }),
  z.object({ kind: z.literal('call'), id: z.number().int().nonnegative(), method: z.string(), args: z.unknown() }),
  z.object({ kind: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof toCoreSchema>;

export const fromCoreSchema = z.discriminatedUnion('kind', [
  /** The core listens and waits for `init` before it opens the data folder. */
  z.object({ kind: z.literal('waiting') }),
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('answer'), id: z.number().int().nonnegative(), envelope: envelopeSchema }),
  z.object({ kind: z.literal('fatal'), message: z.string() }),
  z.object({ kind: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type FromCore = z.infer<typeof fromCoreSchema>;

/** Environment variables the host passes to the core process. */
export const CORE_ENV = {
  dataDir: 'EWSI_DATA_DIR',
  appVersion: 'EWSI_APP_VERSION',
  /** A portal to use when none is configured yet (npm start's embedded one). */
  portalUrl: 'EWSI_PORTAL_URL',
  /** '0' keeps the core from syncing on its own schedule and from pushing the outbox on its own. */
  autoSync: 'EWSI_AUTO_SYNC',
  /** Records per change-feed page (1–1000, default 1000): smaller pages report progress more often on a slow link. */
  syncPageLimit: 'EWSI_SYNC_PAGE_LIMIT',
} as const;
