// Attachments are files addressed by their SHA-256: immutable, so they can be
// cached forever and resumed with HTTP Range.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { Readable } from 'node:stream';
import { attachmentRef } from '../shared/content';
import type { AttachmentTable, ServerDatabase } from './db/schema';
import { ApiFailure, issuesOf, ValidationError } from './errors';

export class AttachmentStore {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly dir: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores bytes under their hash (written to a temp file, then renamed, so a crash leaves no partial file). */
  async put(bytes: Uint8Array, fileName: string, mimeType: string, now = new Date()): Promise<AttachmentTable> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = attachmentRef.safeParse({ fileName, mimeType, size: bytes.byteLength, sha256 });
    if (!meta.success) throw new ValidationError('Invalid attachment', issuesOf(meta.error));
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target);
    }
    const row: AttachmentTable = { sha256, size: bytes.byteLength, mime_type: mimeType, file_name: fileName, created_at: now.toISOString() };
    await this.db.insertInto('attachments').values(row).onConflict((conflict) => conflict.column('sha256').doNothing()).execute();
    return row;
  }

  async get(sha256: string): Promise<AttachmentTable | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ApiFailure(400, 'invalid_request', 'An attachment is addressed by its lower-case hex SHA-256');
    const row = await this.db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row && fs.existsSync(this.pathOf(sha256)) ? { ...row, size: Number(row.size) } : undefined;
  }
}

/** Parses a single-range `Range: bytes=…` header against a file size; undefined for none, 'unsatisfiable' when out of bounds. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined; // Malformed or multi-range: serve the whole file (RFC 9110 allows ignoring).
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * An immutable file's answer: the whole file, or the single range asked for
 * (206; 416 out of bounds). `headers.ETag` is the file's strong validator: a
 * Range whose If-Range names another gets the whole file.
 */
export function fileResponse(c: Context, file: string, size: number, headers: Record<string, string>): Response {
  const ifRange = c.req.header('if-range');
  const range = ifRange && ifRange !== headers.ETag ? undefined : parseRange(c.req.header('range'), size);
  const common = { ...headers, 'Accept-Ranges': 'bytes' };
  if (range === 'unsatisfiable') return c.body(null, 416, { ...common, 'Content-Range': `bytes */${size}` });
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const length = size === 0 ? 0 : end - start + 1;
  const status = range ? 206 : 200;
  const responseHeaders = { ...common, 'Content-Length': String(length), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) };
  if (c.req.method === 'HEAD' || length === 0) return new Response(null, { status, headers: responseHeaders });
  const stream = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
  return new Response(stream, { status, headers: responseHeaders });
}
