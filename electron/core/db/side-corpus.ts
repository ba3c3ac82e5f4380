// A corpus built beside the library. A resync, or the first copy from another
// portal, fills corpus.next.sqlite while the library keeps reading and
// searching corpus.sqlite; the new copy replaces the old one only once it is
// complete. The swap copies the side file's pages into corpus.sqlite in ONE
// SQLite write transaction (the backup API), so the live connection, and the
// prepared statements every data module and service holds on it, stay valid,
// and a crash during the copy leaves the old library whole (the transaction
// never committed). A side file left by a stopped process is deleted when the
// stores open (stores.ts): an unfinished copy is never resumed.
import path from 'node:path';
import { createCorpusData, type CorpusData } from './corpus';
import { carryOverAttachmentText } from './corpus/attachment-text';
import type { CorpusDatabase } from './schema';
import { openCorpusStore, removeSideCorpusFiles, SIDE_CORPUS_FILE, type Store } from './stores';

/** Pages copied per step of the swap (4 MB at 4 KiB pages): between steps the event loop runs and readers see the old copy. */
const PAGES_PER_STEP = 1024;

export interface SideCorpusOptions {
  /**
   * For a whole corpus written at once (a snapshot): the side file is not journalled
   * (an unfinished one is deleted, never resumed, so nothing needs rolling back), and
   * the records' secondary indexes are dropped and built again, sorted, before the swap.
   */
  bulkLoad?: boolean;
}

export interface SideCorpus {
  /** The side file's data modules: write the new copy through a CorpusWriter over them. */
  readonly data: CorpusData;
  /** Replaces the live corpus's content with the side file's, atomically, then deletes the side file. */
  swapIn(): Promise<void>;
  /** Closes and deletes the side file; the live corpus is untouched. Never throws. */
  discard(): Promise<void>;
}

/** Opens an empty, migrated side corpus next to `live` (a leftover side file is deleted first). */
export async function openSideCorpus(live: Store<CorpusDatabase>, options: SideCorpusOptions = {}): Promise<SideCorpus> {
  const dataDir = path.dirname(live.file);
  removeSideCorpusFiles(dataDir);
  const side = await openCorpusStore(path.join(dataDir, SIDE_CORPUS_FILE));
  const deferredIndexes = options.bulkLoad ? beginBulkLoad(side) : [];
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
      if (options.bulkLoad) endBulkLoad(side, deferredIndexes);
      // The PDF text extracted so far comes along: the files did not change, only the records were copied anew.
      await carryOverAttachmentText(side, live.file);
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
