// The snapshot's routes: what the newest snapshot is, its file (immutable,
// addressed by its SHA-256, with Range for resuming), and the editors' build
// on demand. The files themselves are server/snapshots.ts.
import type { Context, Hono } from 'hono';
import { API_PREFIX } from '../shared/portal-api';
import type { SnapshotListing } from '../shared/snapshot';
import { fileResponse } from './attachments';
import { NotFoundError } from './errors';
import type { SnapshotStore } from './snapshots';

export interface SnapshotRouteOptions {
  snapshots: SnapshotStore;
  requireEditor: (c: Context) => void;
  now: () => Date;
}

/** Gzip-compressed JSON Lines or SQLite, sent as stored (no Content-Encoding): the bytes hashed are the bytes sent, and Range counts them. */
export const SNAPSHOT_MEDIA_TYPE = 'application/gzip';

export function snapshotRoutes(app: Hono, { snapshots, requireEditor, now }: SnapshotRouteOptions): void {
  app.get(`${API_PREFIX}/snapshot`, async (c) => {
    const info = await snapshots.latest();
    // A client without one syncs by the feed: this 404 is an answer, not a failure.
    if (!info) throw new NotFoundError('The portal has no corpus snapshot yet: sync through the change feed');
    // The prebuilt corpora ride along: a client whose schema level is listed takes one, any other the JSON Lines file.
    const listing: SnapshotListing = { ...info, prebuilt: await snapshots.prebuilt.list() };
    return c.json(listing, 200, { 'Cache-Control': 'no-cache' });
  });
  app.on(['GET', 'HEAD'], `${API_PREFIX}/snapshots/:sha256`, async (c) => {
    const sha256 = c.req.param('sha256');
    const jsonLines = await snapshots.get(sha256);
    const prebuilt = jsonLines ? undefined : await snapshots.prebuilt.get(sha256);
    const file = jsonLines ? { path: snapshots.pathOf(sha256), size: jsonLines.size, name: `corpus-${jsonLines.version}.jsonl.gz` } : prebuilt && { path: snapshots.prebuilt.pathOf(sha256), size: prebuilt.size, name: `corpus-${prebuilt.version}.sqlite.gz` };
    if (!file) throw new NotFoundError(`No snapshot ${sha256}`);
    return fileResponse(c, file.path, file.size, {
      'Content-Type': SNAPSHOT_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.post(`${API_PREFIX}/editor/snapshots`, async (c) => {
    requireEditor(c);
    return c.json(await snapshots.build(now), 200);
  });
}
