// GET /snapshot and the snapshot file: the whole public corpus at one feed
// version, for a first sync (or a resync) in one download. The file comes
// through the one resumable, hash-verified download (a broken transfer resumes
// with Range; only bytes of the announced size and SHA-256 are kept), and is
// read back as feed pages, each validated whole with the feed's own schemas
// (parseChangesPage), so nothing of it is trusted more than a page would be.
import fs from 'node:fs';
import readline from 'node:readline';
import { Transform, type Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { checkPageFollows, InvalidPageError, parseChangesPage, type ChangesPage } from '../../../shared/portal-api';
import { snapshotFilePath, snapshotHeader, snapshotListing, type PrebuiltSnapshotInfo, type SnapshotHeader, type SnapshotInfo, type SnapshotListing } from '../../../shared/snapshot';
import { download } from './download';
import { describePortalAnswer, parseJson, PortalAnswerError } from './errors';
import { getText, RESPONSE_LIMITS } from './http';
import { parseRetryAfter } from './retry';
import { portalUrl } from './urls';

/** The snapshot file is not what its header and the schemas say a snapshot is: it is refused whole. */
export class InvalidSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSnapshotError';
  }
}

/**
 * The portal's newest snapshot, or null when it has none (404, or a portal from
 * before snapshots). Throws PortalAnswerError for other answers (retryable for
 * 5xx and 429), NetworkError and CancelledError as the HTTP client does.
 */
export async function fetchSnapshotInfo(serverUrl: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<SnapshotListing | null> {
  const response = await getText(portalUrl(serverUrl, '/api/v1/snapshot'), { signal: options.signal, timeoutMs: options.timeoutMs });
  if (response.status === 404) return null;
  if (response.status >= 500 || response.status === 429) {
    throw new PortalAnswerError(describePortalAnswer(response.status, response.body), response.status, true, parseRetryAfter(response.headers['retry-after']));
  }
  if (response.status !== 200) throw new PortalAnswerError(describePortalAnswer(response.status, response.body), response.status, false);
  const parsed = snapshotListing.safeParse(parseJson(response.body));
  if (!parsed.success) throw new PortalAnswerError(`the portal's snapshot description is invalid (${parsed.error.issues[0]?.message ?? 'not JSON'})`, response.status, false);
  // Fetched by its hash from the same portal, whatever address the answer names.
  for (const file of [parsed.data, ...parsed.data.prebuilt]) {
    if (file.url !== snapshotFilePath(file.sha256)) throw new PortalAnswerError(`the portal's snapshot address ${file.url} is not the one of its hash`, response.status, false);
  }
  return parsed.data;
}

export interface SnapshotDownloadOptions {
  signal?: AbortSignal;
  idleTimeoutMs?: number;
  onBytes?: (inHand: number, total: number | null) => void;
  /** A stream the bytes are written to as they arrive (download.ts, DownloadSpec.alongside). */
  alongside?: () => Writable;
}

/** Downloads the snapshot to `file` (resuming `<file>.part`); throws DownloadError as the download does. */
export async function downloadSnapshot(serverUrl: string, info: Pick<SnapshotInfo | PrebuiltSnapshotInfo, 'sha256' | 'size'>, file: string, options: SnapshotDownloadOptions = {}): Promise<void> {
  await download({
    url: new URL(portalUrl(serverUrl, snapshotFilePath(info.sha256))),
    destination: file,
    partial: `${file}.part`,
    expected: { algorithm: 'sha256', encoding: 'hex', digest: info.sha256, size: info.size },
    // Addressed by its hash: the portal's ETag for it is that hash.
    resume: { validator: `"${info.sha256}"` },
    // A file left at its destination was verified before it was put there (a crash after the download).
    existing: 'verify',
    short: 'keep',
    signal: options.signal,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    onBytes: options.onBytes,
    alongside: options.alongside,
  });
}

/** The longest line read: one record, so no longer than a whole feed page may be. A gzip bomb of one endless line stops here. */
export const MAX_SNAPSHOT_LINE_BYTES = RESPONSE_LIMITS.feedPage;

/** Passes the decompressed bytes on, failing once a line runs past the limit without ending. */
function lineLengthLimit(limit: number): Transform {
  let sinceNewline = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const tooLong = () => done(new InvalidSnapshotError(`A line of the snapshot is longer than ${limit} bytes: reading stopped`));
      // Every line that ends in this chunk, then the start of the one it leaves open.
      let start = 0;
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
        if (sinceNewline + newline - start > limit) return tooLong();
        sinceNewline = 0;
        start = newline + 1;
      }
      sinceNewline += chunk.length - start;
      if (sinceNewline > limit) return tooLong();
      done(null, chunk);
    },
  });
}

/**
 * The snapshot's records as feed pages of `pageSize` upserts, each validated
 * whole (every record against its type's schema). The last page has `hasMore`
 * false and the cursor at the snapshot's version. Throws InvalidSnapshotError
 * for a file that is not gzip, a header that is not a snapshot's, a line that
 * is not an upsert at or below the version, or a count that differs from the header's.
 */
export async function* readSnapshotPages(file: string, expected: SnapshotInfo, pageSize: number): AsyncGenerator<ChangesPage, SnapshotHeader> {
  const raw = fs.createReadStream(file);
  const gunzip = createGunzip();
  const limited = lineLengthLimit(MAX_SNAPSHOT_LINE_BYTES);
  // readline takes a failing input for its end (and pipe() passes no error on): the first failure is kept and thrown.
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    limited.destroy();
  };
  raw.once('error', fail);
  gunzip.once('error', fail);
  limited.once('error', fail);
  const lines = readline.createInterface({ input: raw.pipe(gunzip).pipe(limited), crlfDelay: Infinity });
  let header: SnapshotHeader | undefined;
  let batch: unknown[] = [];
  let cursor = 0;
  let records = 0;
  const page = (hasMore: boolean, version: number): ChangesPage => {
    let parsed: ChangesPage;
    try {
      const last = batch.at(-1) as { version?: unknown } | undefined;
      const pageCursor = hasMore && typeof last?.version === 'number' ? last.version : version;
      parsed = checkPageFollows(parseChangesPage({ changes: batch, cursor: pageCursor, hasMore, latest: version }), cursor);
    } catch (error) {
      if (error instanceof InvalidPageError) throw new InvalidSnapshotError(`${error.message.replace('change-feed page', 'snapshot')} (records ${records - batch.length + 1} to ${records})`);
      throw error;
    }
    if (parsed.changes.some((change) => change.op !== 'upsert' || change.version > version)) throw new InvalidSnapshotError(`The snapshot holds a delete or a change after its version ${version}`);
    cursor = parsed.cursor;
    batch = [];
    return parsed;
  };
  try {
    for await (const line of lines) {
      if (failure) throw failure;
      if (header === undefined) {
        const parsed = snapshotHeader.safeParse(parseJson(line));
        if (!parsed.success) throw new InvalidSnapshotError(`The file does not begin with a snapshot header (${parsed.error.issues[0]?.message ?? 'not JSON'})`);
        if (parsed.data.version !== expected.version || parsed.data.records !== expected.records) {
          throw new InvalidSnapshotError(`The snapshot's header (version ${parsed.data.version}, ${parsed.data.records} records) differs from what the portal announced (version ${expected.version}, ${expected.records} records)`);
        }
        header = parsed.data;
        continue;
      }
      if (line === '') continue;
      const change = parseJson(line);
      if (change === undefined) throw new InvalidSnapshotError(`Line ${records + 2} of the snapshot is not JSON`);
      batch.push(change);
      records += 1;
      if (records > header.records) throw new InvalidSnapshotError(`The snapshot holds more than the ${header.records} records its header announces`);
      if (batch.length === pageSize && records < header.records) yield page(true, header.version);
    }
    if (failure) throw failure;
  } catch (error) {
    if (error instanceof InvalidSnapshotError) throw error;
    throw new InvalidSnapshotError(`The snapshot file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    lines.close();
    raw.destroy();
    gunzip.destroy();
    limited.destroy();
  }
  if (header === undefined) throw new InvalidSnapshotError('The snapshot file is empty');
  if (records !== header.records) throw new InvalidSnapshotError(`The snapshot holds ${records} records, its header announces ${header.records}`);
  yield page(false, header.version);
  return header;
}
