// What the app contract says about updates: the channel setting and the one
// status every update method answers with and the `update.status` event carries.
import { z } from 'zod';

/** stable reads electron-builder's `latest*.yml`; beta reads `beta*.yml` (which a stable release writes too). */
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const updateChannelSchema = z.enum(UPDATE_CHANNELS);
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

export const UPDATE_STATES = ['idle', 'checking', 'up-to-date', 'available', 'refused', 'downloading', 'downloaded', 'error'] as const;

/**
 * Why an offered update is not installed: a version older than this one
 * (downgrades never), a prerelease on the stable channel, an update info file
 * that does not validate, one without a valid signature by the release key
 * (missing, malformed, or not matching: nothing is downloaded), or a download
 * that is not the file the info describes.
 */
export const UPDATE_REFUSALS = ['older-version', 'prerelease-on-stable', 'invalid-info', 'unsigned-info', 'checksum-mismatch', 'size-mismatch'] as const;
export const updateRefusalSchema = z.enum(UPDATE_REFUSALS);
export type UpdateRefusal = z.infer<typeof updateRefusalSchema>;

export const updateOfferSchema = z.object({
  version: z.string().min(1).max(256),
  releaseDate: z.string().max(64).nullable(),
  /** Plain text (the renderer never reads it as HTML), cut to 20,000 characters. */
  releaseNotes: z.string().max(20_000).nullable(),
  /** The installer's file name and size as the update info gives them. */
  fileName: z.string().min(1).max(1024),
  size: z.number().int().nonnegative().nullable(),
});
export type UpdateOffer = z.infer<typeof updateOfferSchema>;

export const updateProgressSchema = z.object({
  transferred: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  /** 0–100, null while the total is unknown. */
  percent: z.number().min(0).max(100).nullable(),
  bytesPerSecond: z.number().nonnegative(),
});
export type UpdateProgress = z.infer<typeof updateProgressSchema>;

export const updateStatusSchema = z.object({
  currentVersion: z.string().min(1),
  channel: updateChannelSchema,
  state: z.enum(UPDATE_STATES),
  /** The release the last check found (also when it was refused for its version). */
  offer: updateOfferSchema.nullable(),
  progress: updateProgressSchema.nullable(),
  /** Set when state is 'refused'. */
  refusal: updateRefusalSchema.nullable(),
  /** What happened, in a sentence: the reason of a refusal or an error, or what up to date means. */
  message: z.string().max(4000).nullable(),
  checkedAt: z.string().nullable(),
  /**
   * Whether this host can install: the desktop app (electron-updater in the
   * main process) can; the browser harness and the CLI check and download only.
   */
  canInstall: z.boolean(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
