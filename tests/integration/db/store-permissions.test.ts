import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores } from '../../../electron/core/db/stores';
import { makeTempDir } from '../../support/temp-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the local stores on disk', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('are readable and writable by their owner only, with their WAL files, and an older world-readable file is tightened', async () => {
    const temp = makeTempDir('ewsi-stores-');
    cleanups.push(temp.cleanup);
    const dataDir = path.join(temp.dir, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'user.sqlite'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'user.sqlite'), 0o644);
    const stores = await openStores(dataDir);
    try {
      stores.user.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', 'now')");
      stores.corpus.sqlite.exec("INSERT INTO sync_state (key, value) VALUES ('probe', '1')");
      for (const name of ['corpus.sqlite', 'user.sqlite', 'corpus.sqlite-wal', 'user.sqlite-wal', 'corpus.sqlite-shm', 'user.sqlite-shm']) {
        expect(mode(path.join(dataDir, name)).toString(8), name).toBe('600');
      }
    } finally {
      await stores.close();
    }
  });
});
