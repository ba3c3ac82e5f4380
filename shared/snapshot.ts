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

/**
 * A prebuilt corpus: the SQLite database a client's own sync builds (records,
 * search index, kept versions), compacted and gzip-compressed, at feed version
 * `version`. Built by the desktop core's own code (`ewsi build-snapshot`), so
 * its schema is exactly the one the client's migrations produce at `schema`
 * (the newest corpus migration's name); a client takes it only at its own
 * level, after checking it (sync.md), and otherwise uses the JSON Lines file.
 */
export const PREBUILT_SNAPSHOT_FORMAT = 'ewsi-corpus-sqlite';

export const prebuiltSnapshotInfo = z.object({
  format: z.literal(PREBUILT_SNAPSHOT_FORMAT),
  /** The corpus schema's migration level: the name of the newest corpus migration applied. */
  schema: z.string().regex(/^[0-9A-Za-z-]{1,120}$/),
  version,
  /** SHA-256 of the compressed file, as downloaded; also its address. */
  sha256,
  /** The compressed file's size in bytes. */
  size: z.number().int().positive(),
  /** The database's size once decompressed: a client stops decompressing past it. */
  databaseSize: z.number().int().positive(),
  records: z.number().int().nonnegative(),
  created: isoDateTime,
  url: z.string().startsWith(`${API_PREFIX}/snapshots/`),
});
export type PrebuiltSnapshotInfo = z.infer<typeof prebuiltSnapshotInfo>;

/** `GET /api/v1/snapshot`'s answer: the JSON Lines snapshot, and the prebuilt corpora the portal has (one per schema level). */
export const snapshotListing = snapshotInfo.extend({ prebuilt: z.array(prebuiltSnapshotInfo).max(16).default([]) });
export type SnapshotListing = z.infer<typeof snapshotListing>;
