// What the app contract says about sync: settings, status and progress.
import { z } from 'zod';
import { updateChannelSchema } from './updates';

export const attachmentPolicySchema = z.object({
  mode: z.enum(['all', 'none', 'on-demand']),
  /** Background downloads skip files larger than this; null for no cap. */
  maxBytes: z.number().int().positive().nullable(),
});

export const INTERFACE_LANGUAGES = ['en', 'fr', 'de'] as const;

export const settingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).nullable(),
  attachmentPolicy: attachmentPolicySchema,
  /** Minutes between background syncs; 0 turns the schedule off. */
  syncIntervalMinutes: z.number().int().min(0).max(24 * 60),
  /** The interface's language: the portal's own three. */
  interfaceLanguage: z.enum(INTERFACE_LANGUAGES),
  /** 'system' follows the operating system's light or dark preference. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Which releases the app is offered: 'stable' only, or 'beta' (prereleases and stable releases). */
  updateChannel: updateChannelSchema,
  /**
   * Lets the app use a portal over plain http: away from this computer (passwords, the session
   * token, documents and updates then travel in clear); the app shows a warning while it does.
   */
  allowInsecurePortal: z.boolean(),
  /** The user hid Home's "Start here" (shown until then, from the first visit on). */
  startHereDismissed: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: null,
  attachmentPolicy: { mode: 'all', maxBytes: 50 * 1024 * 1024 },
  syncIntervalMinutes: 15,
  interfaceLanguage: 'en',
  theme: 'system',
  updateChannel: 'stable',
  allowInsecurePortal: false,
  startHereDismissed: false,
};

export const syncProgressSchema = z.object({
  /** `snapshot-download` and `snapshot-load`: a first sync (or resync) from the portal's snapshot, before the feed goes on. */
  phase: z.enum(['snapshot-download', 'snapshot-load', 'pulling', 'attachments']),
  records: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  cursor: z.number().int().nonnegative(),
  latest: z.number().int().nonnegative(),
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  resyncing: z.boolean(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/**
 * How the configured portal is reached: `encrypted` (https), `loopback` (http on this computer),
 * `insecure-allowed` (http elsewhere, allowed by the user: the app warns), `insecure-refused`
 * (http elsewhere, not allowed: nothing is sent).
 */
export const PORTAL_SECURITY = ['encrypted', 'loopback', 'insecure-allowed', 'insecure-refused'] as const;
export type PortalSecurity = (typeof PORTAL_SECURITY)[number];

/** How far the text of the library's PDFs is searchable: "1,812 of 1,840 PDFs indexed, 28 without text". */
export const fullTextStatusSchema = z.object({
  /** Every PDF the library's records reference. */
  pdfs: z.number().int().nonnegative(),
  /** Their text extracted and searchable. */
  indexed: z.number().int().nonnegative(),
  /** Extracted, but no page has a text layer (scans). */
  withoutText: z.number().int().nonnegative(),
  /** Stopped (over its time or memory budget, or unreadable); `failures` says why. */
  failed: z.number().int().nonnegative(),
  /** Not on this computer: the attachment policy did not download them, so their text is not searchable. */
  notDownloaded: z.number().int().nonnegative(),
  /** On this computer, waiting for extraction. */
  pending: z.number().int().nonnegative(),
  /** Pages of text in the index. */
  pages: z.number().int().nonnegative(),
  running: z.boolean(),
  /** The file being read now. */
  current: z.object({ fileName: z.string(), page: z.number().int().nonnegative(), pages: z.number().int().nonnegative().nullable() }).nullable(),
  /** The newest failures with their reasons. */
  failures: z.array(z.object({ sha256: z.string(), reason: z.string(), at: z.string() })),
});
export type FullTextStatus = z.infer<typeof fullTextStatusSchema>;

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
  /** null without a portal (or an address that is not http or https). */
  portalSecurity: z.enum(PORTAL_SECURITY).nullable(),
  /** The portal the library's copy came from; null while it holds none. */
  libraryPortal: z.string().nullable(),
  running: z.boolean(),
  /** null until the portal has been tried once. */
  online: z.boolean().nullable(),
  cursor: z.number().int().nonnegative(),
  latest: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  attachments: z.object({ present: z.number().int().nonnegative(), missing: z.number().int().nonnegative(), missingBytes: z.number().nonnegative() }),
  progress: syncProgressSchema.nullable(),
  /** Records a sync stored with less than their full derivation (found by their title only, say): how many, and the newest few. */
  problems: z.object({
    count: z.number().int().nonnegative(),
    newest: z.array(z.object({ type: z.string(), id: z.string(), version: z.number().int().nonnegative(), reason: z.string(), at: z.string() })),
  }),
  fullText: fullTextStatusSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The portal's address as the app keeps and compares it: without trailing slashes. */
export function portalAddress(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '');
}

/**
 * Whether syncing from `serverUrl` would replace a library copied from another
 * portal (versions are per portal: the new one's first complete copy replaces
 * it). The interface asks before switching.
 */
export function switchesPortal(status: Pick<SyncStatus, 'libraryPortal'>, serverUrl: string | null): boolean {
  return status.libraryPortal !== null && serverUrl !== null && portalAddress(serverUrl) !== portalAddress(status.libraryPortal);
}
