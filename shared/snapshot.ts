// The corpus snapshot's wire format: a whole public corpus at one feed version
// V, for a first sync (or a resync) in one download instead of a walk of the
// change feed. Gzip-compressed JSON Lines: a header line, then one feed upsert
// per visible record in version order, each exactly as the change feed serves
// it (so a client validates the lines as feed pages, with the same schemas).
import { z } from 'zod';
import { isoDateTime } from './content';
import { API_PREFIX, version } from './portal-api';

export const SNAPSHOT_FORMAT = 'ewsi-corpus-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');

/** The path of a snapshot file: addressed by its content, so it never changes. */
export const snapshotFilePath = (digest: string) => `${API_PREFIX}/snapshots/${digest}`;

/** `GET /api/v1/snapshot`: the newest snapshot the portal has built. */
export const snapshotInfo = z.object({
  /** The feed version the snapshot holds the corpus at: continue with `changes?since=version`. */
  version,
  /** SHA-256 of the file's bytes (the compressed file, as downloaded); also its address. */
  sha256,
  /** The file's size in bytes. */
  size: z.number().int().positive(),
  /** Records in the file. */
  records: z.number().int().nonnegative(),
  created: isoDateTime,
  /** The file's path on the portal (`/api/v1/snapshots/<sha256>`), served with Range. */
  url: z.string().startsWith(`${API_PREFIX}/snapshots/`),
});
export type SnapshotInfo = z.infer<typeof snapshotInfo>;

/** The file's first line. */
export const snapshotHeader = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  version,
  records: z.number().int().nonnegative(),
});
export type SnapshotHeader = z.infer<typeof snapshotHeader>;
