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

export interface SideCorpus {
  /** The side file's data modules: write the new copy through a CorpusWriter over them. */
  readonly data: CorpusData;
  /** Replaces the live corpus's content with the side file's, atomically, then deletes the side file. */
  swapIn(): Promise<void>;
  /** Closes and deletes the side file; the live corpus is untouched. Never throws. */
  discard(): Promise<void>;
}

/** Opens an empty, migrated side corpus next to `live` (a leftover side file is deleted first). */
export async function openSideCorpus(live: Store<CorpusDatabase>): Promise<SideCorpus> {
  const dataDir = path.dirname(live.file);
  removeSideCorpusFiles(dataDir);
  const side = await openCorpusStore(path.join(dataDir, SIDE_CORPUS_FILE));
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
