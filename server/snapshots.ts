// Corpus snapshots: the whole public corpus at one feed version V in one file,
// for a client's first sync (or a resync) in one download instead of a walk of
// the change feed. The file is gzip-compressed JSON Lines (the format and why:
// shared/snapshot.ts, docs/architecture/sync.md): a header line, then every
// visible record as the feed's upsert line, in version order. It is read in
// one transaction (REPEATABLE READ on PostgreSQL), so it is exactly the corpus
// at V; it carries no clock, so the same corpus gives the same bytes, hence
// the same SHA-256 on every instance. Files are named by that hash, written to
// a temporary name and renamed, and never change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, snapshotFilePath, type SnapshotHeader, type SnapshotInfo } from '../shared/snapshot';
import { historyJsonOf } from './content/history';
import { changeJson } from './content/store';
import type { Dialect } from './db/database';
import type { ServerDatabase, SnapshotTable } from './db/schema';
import { PREBUILT_DIR, PrebuiltSnapshots } from './prebuilt-snapshots';

/** Rows read per query while the file is written. */
const READ_CHUNK = 2000;
/** Snapshots kept: a client still downloading the one before the newest can finish it. */
const KEPT = 3;

export class SnapshotStore {
  private building: Promise<SnapshotInfo> | undefined;
  /** The prebuilt corpora in <dir>/prebuilt/ (server/prebuilt-snapshots.ts), served beside the JSON Lines files. */
  readonly prebuilt: PrebuiltSnapshots;

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly dialect: Dialect,
    private readonly dir: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.prebuilt = new PrebuiltSnapshots(path.join(dir, PREBUILT_DIR));
  }

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256);
  }

  /** The newest snapshot whose file is here; undefined when none was built. */
  async latest(executor: Kysely<ServerDatabase> = this.db): Promise<SnapshotInfo | undefined> {
    const rows = await executor.selectFrom('snapshots').selectAll().orderBy('version', 'desc').orderBy('created_at', 'desc').limit(KEPT).execute();
    const row = rows.find((candidate) => fs.existsSync(this.pathOf(candidate.sha256)));
    return row && infoOf(row);
  }

  /** Seconds since the newest snapshot was built, for /metrics; undefined while there is none. */
  async ageSeconds(now = Date.now()): Promise<number | undefined> {
    const newest = await this.latest();
    return newest ? Math.max(0, (now - Date.parse(newest.created)) / 1000) : undefined;
  }

  /** A snapshot's row by its hash, when its file is here. */
  async get(sha256: string): Promise<SnapshotInfo | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    const row = await this.db.selectFrom('snapshots').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row && fs.existsSync(this.pathOf(sha256)) ? infoOf(row) : undefined;
  }

  /**
   * Builds a snapshot of the corpus as it is now, unless the newest one already
   * holds the latest version. One build at a time per process; a second call joins it.
   */
  build(now: () => Date = () => new Date()): Promise<SnapshotInfo> {
    this.building ??= this.buildNow(now).finally(() => (this.building = undefined));
    return this.building;
  }

  private async buildNow(now: () => Date): Promise<SnapshotInfo> {
    const temp = path.join(this.dir, `.building-${process.pid}-${Date.now()}`);
    try {
      // PostgreSQL: one REPEATABLE READ snapshot for the counter and every row; SQLite: its one connection's transaction.
      const transaction = this.dialect === 'postgres' ? this.db.transaction().setIsolationLevel('repeatable read') : this.db.transaction();
      const written = await transaction.execute(async (trx) => {
        const latest = await latestVersion(trx);
        const current = await this.latest(trx);
        if (current && current.version === latest) return { kind: 'existing' as const, info: current };
        return { kind: 'new' as const, file: await this.writeFile(trx, latest, temp) };
      });
      if (written.kind === 'existing') return written.info;
      const { file } = written;
      await fsp.rename(temp, this.pathOf(file.sha256));
      const row: SnapshotTable = { ...file, created_at: now().toISOString() };
      // The same corpus gives the same file: another instance may have listed it already.
      await this.db.insertInto('snapshots').values(row).onConflict((conflict) => conflict.column('sha256').doNothing()).execute();
      await this.prune();
      return (await this.get(file.sha256)) ?? infoOf(row);
    } finally {
      await fsp.rm(temp, { force: true });
    }
  }

  /** Writes the file of the corpus at `version` to `temp`, hashing the compressed bytes as they go out. */
  private async writeFile(trx: Transaction<ServerDatabase>, version: number, temp: string): Promise<Omit<SnapshotTable, 'created_at'>> {
    const visible = trx.selectFrom('content').where('deleted', '=', 0).where('hidden', '=', 0).where('version', '<=', version);
    const counted = await visible.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const records = Number(counted.n);
    const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, formatVersion: SNAPSHOT_FORMAT_VERSION, version, records };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      let after = 0;
      for (;;) {
        const rows = await visible
          .select(['type', 'id', 'version', 'updated_at', 'deleted', 'hidden', 'data'])
          .where('version', '>', after)
          .orderBy('version')
          .limit(READ_CHUNK)
          .execute();
        if (rows.length === 0) return;
        // A snapshot carries every kept version, as a feed walk from 0 does.
        const history = await historyJsonOf(trx, rows, 0);
        yield `${rows.map((row) => changeJson(row, history.get(`${row.type}/${row.id}`))).join('\n')}\n`;
        after = Number(rows.at(-1)!.version);
      }
    }
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(lines()), createGzip({ level: 6 }), tap, fs.createWriteStream(temp, { mode: 0o644 }));
    return { sha256: hash.digest('hex'), version, records, size };
  }

  /** Drops all but the newest few snapshots, rows and files. */
  private async prune(): Promise<void> {
    const rows = await this.db.selectFrom('snapshots').select(['sha256']).orderBy('version', 'desc').orderBy('created_at', 'desc').execute();
    for (const row of rows.slice(KEPT)) {
      await this.db.deleteFrom('snapshots').where('sha256', '=', row.sha256).execute();
      await fsp.rm(this.pathOf(row.sha256), { force: true });
    }
  }
}

async function latestVersion(trx: Transaction<ServerDatabase>): Promise<number> {
  const row = await trx.selectFrom('counters').select('value').where('name', '=', 'change').executeTakeFirst();
  return Number(row?.value ?? 0);
}

function infoOf(row: SnapshotTable): SnapshotInfo {
  return { version: Number(row.version), sha256: row.sha256, size: Number(row.size), records: Number(row.records), created: row.created_at, url: snapshotFilePath(row.sha256) };
}

/**
 * Builds a snapshot now and then every `minutes` when the corpus moved on
 * (a build of an unchanged corpus returns the newest one). Failures are logged;
 * the next tick tries again. Returns the stop function.
 */
export function scheduleSnapshots(store: SnapshotStore, minutes: number, log: (message: string) => void = console.error): () => void {
  const tick = () =>
    void store.build().catch((error: unknown) => log(`Building the corpus snapshot failed: ${error instanceof Error ? error.message : String(error)}`));
  tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
