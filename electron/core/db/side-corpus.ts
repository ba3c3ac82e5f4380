// A corpus built beside the library. A resync, or the first copy from another
// portal, fills corpus.next.sqlite while the library keeps reading and
// searching corpus.sqlite; the new copy replaces the old one only once it is
// complete. The swap copies the side file's pages into corpus.sqlite in ONE
// SQLite write transaction (the backup API), so the live connection, and the
// prepared statements every data module and service holds on it, stay valid,
// and a crash during the copy leaves the old library whole (the transaction
// never committed). Into an empty library (a first sync) the copy is made in
// rollback-journal mode instead, writing the pages once (copyIntoEmptyLibrary).
// A side file left by a stopped process is deleted when the
// stores open (stores.ts): an unfinished copy is never resumed.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { createCorpusData, type CorpusData } from './corpus';
import { carryOverAttachmentText } from './corpus/attachment-text';
import { checkPrebuiltShape, InvalidPrebuiltCorpusError, openPrebuiltReader, checkStructureInThread, type CheckTimings, type PrebuiltReader } from './prebuilt-corpus';
import type { CorpusDatabase } from './schema';
import { openCorpusStore, removeSideCorpusFiles, SIDE_CORPUS_FILE, type Store } from './stores';

/** Pages copied per step of the swap (4 MB at 4 KiB pages): between steps the event loop runs and readers see the old copy. */
const PAGES_PER_STEP = 1024;
/** The most pages better-sqlite3 copies in one step: the rest of the file. */
const ALL_PAGES = 0x7fffffff;

export interface SideCorpusOptions {
  /**
   * For a whole corpus written at once (a snapshot): the side file is not journalled
   * (an unfinished one is deleted, never resumed, so nothing needs rolling back), and
   * the records' secondary indexes are dropped and built again, sorted, before the swap.
   */
  bulkLoad?: boolean;
  /** A prebuilt corpus from the portal becomes the side file, checked (openPrebuiltSideCorpus), instead of an empty one. */
  prebuilt?: PrebuiltSideOptions;
}

export interface SideCorpus {
  /** The side file's data modules: write the new copy through a CorpusWriter over them. */
  readonly data: CorpusData;
  /** Replaces the live corpus's content with the side file's, atomically, then deletes the side file. */
  swapIn(): Promise<void>;
  /** Closes and deletes the side file; the live corpus is untouched. Never throws. */
  discard(): Promise<void>;
  /** For a prebuilt corpus: milliseconds each of its checks took. */
  readonly checkTimings?: CheckTimings;
}

/** Opens an empty, migrated side corpus next to `live` (a leftover side file is deleted first). */
export async function openSideCorpus(live: Store<CorpusDatabase>, options: SideCorpusOptions = {}): Promise<SideCorpus> {
  if (options.prebuilt) return openPrebuiltSideCorpus(live, options.prebuilt);
  const dataDir = path.dirname(live.file);
  removeSideCorpusFiles(dataDir);
  const side = await openCorpusStore(path.join(dataDir, SIDE_CORPUS_FILE));
  const deferredIndexes = options.bulkLoad ? beginBulkLoad(side) : [];
  return sideCorpusOver(live, side, () => {
    if (options.bulkLoad) endBulkLoad(side, deferredIndexes);
  });
}

export interface PrebuiltSideOptions {
  /** The downloaded, hash-verified, gzip-compressed corpus file. */
  compressed: string;
  /**
   * That file already inflated as it downloaded (startInflating, fed the verified download's bytes): moved
   * into place instead of decompressing `compressed` again. Its size is checked all the same.
   */
  inflated?: string;
  /** Its size once decompressed, as announced: decompression stops past it. */
  databaseSize: number;
  /** Checks the copy's records through a read-only, defensive connection (sync/prebuilt-check.ts); throws to refuse it. */
  check: (reader: PrebuiltReader) => void;
}

/**
 * A prebuilt corpus from the portal as the side corpus: decompressed into
 * corpus.next.sqlite, its shape checked before its rows are read
 * (db/prebuilt-corpus.ts), then its records checked by `check` on a read-only
 * connection while quick_check reads every page in a thread of its own (and checks the kept versions' blocks); only
 * when both pass is it opened as a corpus store. A refused file is deleted; the live corpus is untouched.
 */
export async function openPrebuiltSideCorpus(live: Store<CorpusDatabase>, options: PrebuiltSideOptions): Promise<SideCorpus> {
  const dataDir = path.dirname(live.file);
  const file = path.join(dataDir, SIDE_CORPUS_FILE);
  removeSideCorpusFiles(dataDir);
  try {
    const timings: CheckTimings = {};
    let started = performance.now();
    if (options.inflated) moveInflated(options.inflated, file, options.databaseSize);
    else await decompressAtMost(options.compressed, file, options.databaseSize);
    // Named by what was done: moving the file inflated during the download, or inflating it now.
    timings[options.inflated ? 'move_inflated' : 'decompress'] = Math.round(performance.now() - started);
    Object.assign(timings, await checkPrebuiltShape(file));
    const structure = checkStructureInThread(file);
    // Its verdict is awaited whatever the records' check does: the thread must be done with the file before it is deleted.
    const verdict = structure.then(
      (ms) => ({ ms }),
      (error: unknown) => ({ error }),
    );
    started = performance.now();
    const recordsRefusal = checkRecords(file, options.check);
    timings.records = Math.round(performance.now() - started);
    const structureChecked = await verdict;
    // A damaged file may fail the records' check too: the damage is the reason given.
    if ('error' in structureChecked) throw structureChecked.error;
    if (recordsRefusal) throw recordsRefusal;
    Object.assign(timings, structureChecked.ms);
    const store = await openCorpusStore(file);
    return { ...sideCorpusOver(live, store, () => undefined), checkTimings: timings };
  } catch (error) {
    removeSideCorpusFiles(dataDir);
    throw error;
  }
}

/** Runs the records' check on a read-only connection of its own; returns its refusal (undefined: passed). */
function checkRecords(file: string, check: PrebuiltSideOptions['check']): InvalidPrebuiltCorpusError | undefined {
  const sqlite = openPrebuiltReader(file);
  try {
    check({ sqlite });
    return undefined;
  } catch (error) {
    // A file that makes a read fail (a malformed value SQLite refuses) is refused like any other.
    if (error instanceof InvalidPrebuiltCorpusError) return error;
    return new InvalidPrebuiltCorpusError(`The corpus file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    sqlite.close();
  }
}

const CHUNK = 1 << 20;
const INFLATE_BACKLOG = 16 << 20;

/** A gzip stream being inflated into a file: write the compressed bytes to `input`; `done` settles once the file is written and closed. */
export interface Inflation {
  input: Writable;
  done: Promise<void>;
}

/**
 * Inflates what is written to `input` into `target`, refusing (InvalidPrebuiltCorpusError) what is not gzip
 * or does not come to exactly `size` bytes: past `size` it stops at once, so a gzip bomb fills no disk.
 */
export function startInflating(target: string, size: number): Inflation {
  let written = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > size) return done(new InvalidPrebuiltCorpusError(`The corpus file is larger than the ${size} bytes announced: decompression stopped`));
      done(null, chunk);
    },
  });
  // 1 MiB chunks: inflating in the default 16 KiB ones took twice as long (measured on the 2,000-document sample).
  // Up to 16 MiB waiting to be inflated: a download writing into it goes on hashing meanwhile instead of waiting
  // for each chunk (at the default 16 KiB it waited every time, and the two took the sum of their times).
  const input = new PassThrough({ highWaterMark: INFLATE_BACKLOG });
  const done = (async () => {
    try {
      await pipeline(input, createGunzip({ chunkSize: CHUNK }), limit, fs.createWriteStream(target, { mode: 0o600, highWaterMark: CHUNK }));
    } catch (error) {
      if (error instanceof InvalidPrebuiltCorpusError) throw error;
      throw new InvalidPrebuiltCorpusError(`The corpus file cannot be decompressed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (written !== size) throw new InvalidPrebuiltCorpusError(`The corpus file has ${written} bytes, ${size} were announced`);
  })();
  // It may fail while its bytes still arrive, before anyone awaits it: not an unhandled rejection then.
  done.catch(() => undefined);
  return { input, done };
}

/** Gunzips `source` into `target`, refusing a file that is not gzip or whose content is not exactly `size` bytes. */
async function decompressAtMost(source: string, target: string, size: number): Promise<void> {
  const inflation = startInflating(target, size);
  // The read stream's own failure (the file gone) ends the inflation's input too, so `done` settles either way.
  const reading = pipeline(fs.createReadStream(source, { highWaterMark: CHUNK }), inflation.input).catch(() => undefined);
  await Promise.all([inflation.done, reading]);
}

/** An inflated file moved into the side file's place, if it is exactly the announced size. */
function moveInflated(inflated: string, target: string, size: number): void {
  const found = fs.statSync(inflated).size;
  if (found !== size) throw new InvalidPrebuiltCorpusError(`The corpus file has ${found} bytes, ${size} were announced`);
  fs.renameSync(inflated, target);
}

/** The swap and the discard of a side store, whichever way it was filled; `beforeSwap` finishes its filling. */
function sideCorpusOver(live: Store<CorpusDatabase>, side: Store<CorpusDatabase>, beforeSwap: () => void): SideCorpus {
  const dataDir = path.dirname(live.file);
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await side.close();
    removeSideCorpusFiles(dataDir);
  };
  return {
    data: createCorpusData(side),
    async swapIn() {
      if (!open) throw new Error('The side corpus was already swapped in or discarded');
      beforeSwap();
      // The PDF text extracted so far comes along: the files did not change, only the records were copied anew.
      await carryOverAttachmentText(side, live.file);
      if (await copyIntoEmptyLibrary(live, side)) return close();
      await side.sqlite.backup(live.file, { progress: () => PAGES_PER_STEP });
      await close();
      // The copy went through corpus.sqlite's WAL: fold it into the file now and give the disk space back.
      live.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    async discard() {
      try {
        await close();
      } catch {
        // Nothing to keep: a side file that could not be deleted now is deleted when the stores next open.
      }
    },
  };
}

/**
 * A first sync's swap: the library holds no records, so no reader needs its old
 * copy while the new one is written. corpus.sqlite goes to rollback-journal mode
 * for the copy, which then writes each page once into the file (through the WAL
 * it is written there and again by the checkpoint): the journal keeps only the
 * few pages of the empty library, and a crash before the commit leaves it hot,
 * so the next open rolls the file back to the empty library. The copy runs in
 * one step (nothing else may read the file while it is locked for writing) and
 * the WAL mode comes back after it. False (nothing done): the library is not
 * empty, or another connection keeps it in WAL mode.
 */
async function copyIntoEmptyLibrary(live: Store<CorpusDatabase>, side: Store<CorpusDatabase>): Promise<boolean> {
  if (live.sqlite.prepare('SELECT 1 FROM records LIMIT 1').get() !== undefined) return false;
  try {
    if (live.sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return false;
  } catch {
    // A statement of the live connection is still reading: the copy goes through the WAL as for a full library.
    return false;
  }
  try {
    await side.sqlite.backup(live.file, { progress: () => ALL_PAGES });
  } finally {
    live.sqlite.pragma('journal_mode = WAL');
  }
  return true;
}

/** Drops the records' secondary indexes (returning their definitions) and turns journalling off. */
function beginBulkLoad(side: Store<CorpusDatabase>): string[] {
  side.sqlite.pragma('journal_mode = OFF');
  side.sqlite.pragma('synchronous = OFF');
  side.sqlite.pragma('cache_size = -131072');
  // Explicit indexes only: the primary key and unique constraints (no sql) stay, upserts need them.
  const indexes = side.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) side.sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes.map((index) => index.sql);
}

/** Builds the dropped indexes again and gives the file back its WAL journal (the live library's mode) for the copy. */
function endBulkLoad(side: Store<CorpusDatabase>, indexes: string[]): void {
  side.sqlite.transaction(() => {
    for (const definition of indexes) side.sqlite.exec(definition);
  })();
  side.sqlite.pragma('journal_mode = WAL');
}
