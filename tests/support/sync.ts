// Helpers for sync tests: a core on a fresh data folder, and comparisons of the
// local corpus with what the server publishes.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { attachmentPath } from '../../electron/core/attachments/attachment-files';
import type { TextExtractorOptions } from '../../electron/core/attachments/text-extractor';
import type { RecordDerivations } from '../../electron/core/corpus/indexed-record';
import { readFeed } from './portal';
import { makeTempDir } from './temp-dir';

/** Fast retries so fault tests finish quickly; the logic is the production one. */
export const FAST_PULL = { retries: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000 };

export async function startCore(
  options: { pageLimit?: number; retries?: number; deadlineMs?: number; derivations?: RecordDerivations; textExtraction?: TextExtractorOptions } = {},
): Promise<{ core: Core; dataDir: string; close(): Promise<void> }> {
  const temp = makeTempDir('ewsi-sync-');
  const { derivations, textExtraction, ...pull } = options;
  const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: { ...FAST_PULL, ...pull }, derivations, textExtraction } });
  return {
    core,
    dataDir: temp.dir,
    close: async () => {
      await core.close();
      temp.cleanup();
    },
  };
}

/** One sync of an existing data folder by a core of its own, closed after (the crash tests' check that a next sync completes). */
export async function syncDataFolder(dataDir: string, url: string, pageLimit?: number): Promise<void> {
  const core = await createCore({ dataDir, appVersion: '0.0.0-test', sync: { pull: { ...FAST_PULL, ...(pageLimit ? { pageLimit } : {}) } } });
  try {
    await core.sync.run(url);
  } finally {
    await core.close();
  }
}

/** Every visible record on the server, keyed "type/id". */
export async function serverContent(url: string): Promise<Map<string, unknown>> {
  const { changes } = await readFeed(url, 0, 1000);
  return new Map(changes.filter((c) => c.op === 'upsert').map((c) => [`${c.type}/${c.id}`, c.record]));
}

/** Every record in a local corpus file, keyed "type/id"; empty for a store killed before its first migration. */
export function localContent(dataDir: string): Map<string, unknown> {
  const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
  try {
    if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'records'").get()) return new Map();
    const rows = sqlite.prepare('SELECT type, id, data FROM records').all() as Array<{ type: string; id: string; data: string }>;
    return new Map(rows.map((row) => [`${row.type}/${row.id}`, JSON.parse(row.data)]));
  } finally {
    sqlite.close();
  }
}

export function integrityCheck(dataDir: string, file = 'corpus.sqlite'): string {
  const sqlite = new Database(path.join(dataDir, file), { readonly: true });
  try {
    return (sqlite.pragma('integrity_check', { simple: true }) as string) ?? '';
  } finally {
    sqlite.close();
  }
}

/** SHA-256 of every attachment file the local store says it has. */
export function presentAttachmentHashes(dataDir: string): Array<{ expected: string; actual: string }> {
  const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT sha256 FROM attachments WHERE present = 1').all() as Array<{ sha256: string }>;
    return rows.map((row) => ({ expected: row.sha256, actual: createHash('sha256').update(fs.readFileSync(attachmentPath(dataDir, row.sha256))).digest('hex') }));
  } finally {
    sqlite.close();
  }
}

/** Resolves once the cursor in the corpus file `file` reaches `version` (read by another connection, as a crash would leave it) or the process ends. */
export async function waitForCursor(file: string, version: number, exit: Promise<unknown>): Promise<void> {
  let done = false;
  void exit.then(() => (done = true));
  while (!done) {
    if (fs.existsSync(file)) {
      try {
        const sqlite = new Database(file, { readonly: true, fileMustExist: true });
        try {
          const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get() as { value: string } | undefined;
          if (row && Number(row.value) >= version) return;
        } finally {
          sqlite.close();
        }
      } catch {
        // Not migrated yet, or deleted meanwhile: keep waiting.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}
