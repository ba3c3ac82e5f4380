// Prebuilt corpora: SQLite files a client's own code built (`ewsi build-snapshot`,
// electron/core/cli/build-snapshot.ts) and left in <snapshots>/prebuilt/ as
// `<sha256>.sqlite.gz` with a manifest `<sha256>.json`. The portal does not
// build them: its layer may not import the desktop's corpus schema or writer,
// and the file is only useful if it is exactly what the client's own
// migrations and writer produce. It lists them (the newest per schema level)
// and serves them like the JSON Lines snapshot. A manifest is believed only
// once the file's size and SHA-256 have been checked here (once per file and
// process), so a half-copied or damaged file is never offered.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { prebuiltSnapshotInfo, snapshotFilePath, type PrebuiltSnapshotInfo } from '../shared/snapshot';

/** The folder of the snapshot directory the builder writes into. */
export const PREBUILT_DIR = 'prebuilt';
/** Schema levels offered at once: a portal serving clients of several releases lists one corpus for each. */
const MAX_LEVELS = 16;

export const prebuiltFileName = (sha256: string) => `${sha256}.sqlite.gz`;
export const prebuiltManifestName = (sha256: string) => `${sha256}.json`;

export class PrebuiltSnapshots {
  /** Per file: whether its bytes are what its manifest says (hashed once). */
  private readonly checked = new Map<string, Promise<boolean>>();

  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    return path.join(this.dir, prebuiltFileName(sha256));
  }

  /** The newest checked corpus of each schema level, newest first. */
  async list(): Promise<PrebuiltSnapshotInfo[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch {
      return [];
    }
    const newest = new Map<string, PrebuiltSnapshotInfo>();
    for (const name of names.filter((entry) => /^[0-9a-f]{64}\.json$/.test(entry))) {
      const info = await this.manifest(name.slice(0, 64));
      if (!info) continue;
      const current = newest.get(info.schema);
      if (!current || info.version > current.version || (info.version === current.version && info.created > current.created)) newest.set(info.schema, info);
    }
    return [...newest.values()].sort((a, b) => b.version - a.version).slice(0, MAX_LEVELS);
  }

  /** A corpus by its hash, when its manifest and file are here and agree. */
  async get(sha256: string): Promise<PrebuiltSnapshotInfo | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    return this.manifest(sha256);
  }

  private async manifest(sha256: string): Promise<PrebuiltSnapshotInfo | undefined> {
    let text: string;
    try {
      text = await fsp.readFile(path.join(this.dir, prebuiltManifestName(sha256)), 'utf8');
    } catch {
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = prebuiltSnapshotInfo.safeParse(json);
    if (!parsed.success || parsed.data.sha256 !== sha256 || parsed.data.url !== snapshotFilePath(sha256)) return undefined;
    const info = parsed.data;
    let verdict = this.checked.get(sha256);
    if (!verdict) {
      verdict = fileMatches(this.pathOf(sha256), info.size, sha256);
      this.checked.set(sha256, verdict);
    }
    return (await verdict) && fs.existsSync(this.pathOf(sha256)) ? info : undefined;
  }
}

async function fileMatches(file: string, size: number, sha256: string): Promise<boolean> {
  try {
    if ((await fsp.stat(file)).size !== size) return false;
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  } catch {
    return false;
  }
}
