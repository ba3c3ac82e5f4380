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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: null,
  attachmentPolicy: { mode: 'all', maxBytes: 50 * 1024 * 1024 },
  syncIntervalMinutes: 15,
  interfaceLanguage: 'en',
  theme: 'system',
  updateChannel: 'stable',
};

export const syncProgressSchema = z.object({
  phase: z.enum(['pulling', 'attachments']),
  records: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  cursor: z.number().int().nonnegative(),
  latest: z.number().int().nonnegative(),
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  resyncing: z.boolean(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
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
