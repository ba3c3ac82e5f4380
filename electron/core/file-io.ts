// Small file helpers for files written in place of others: the portal download's partial files.
import fsp from 'node:fs/promises';

/** Flushes a file to disk before it is renamed into place, so a power cut cannot leave an empty file under the final name. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file's size, or null when there is no such file. */
export async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
