// The snapshot's routes: what the newest snapshot is, its file (immutable,
// addressed by its SHA-256, with Range for resuming), and the editors' build
// on demand. The files themselves are server/snapshots.ts.
import type { Context, Hono } from 'hono';
import { API_PREFIX } from '../shared/portal-api';
import { fileResponse } from './attachments';
import { NotFoundError } from './errors';
import type { SnapshotStore } from './snapshots';

export interface SnapshotRouteOptions {
  snapshots: SnapshotStore;
  requireEditor: (c: Context) => void;
  now: () => Date;
}

/** Gzip-compressed JSON Lines, sent as stored (no Content-Encoding): the bytes hashed are the bytes sent, and Range counts them. */
export const SNAPSHOT_MEDIA_TYPE = 'application/gzip';

export function snapshotRoutes(app: Hono, { snapshots, requireEditor, now }: SnapshotRouteOptions): void {
  app.get(`${API_PREFIX}/snapshot`, async (c) => {
    const info = await snapshots.latest();
    // A client without one syncs by the feed: this 404 is an answer, not a failure.
    if (!info) throw new NotFoundError('The portal has no corpus snapshot yet: sync through the change feed');
    return c.json(info, 200, { 'Cache-Control': 'no-cache' });
  });
  app.on(['GET', 'HEAD'], `${API_PREFIX}/snapshots/:sha256`, async (c) => {
    const info = await snapshots.get(c.req.param('sha256'));
    if (!info) throw new NotFoundError(`No snapshot ${c.req.param('sha256')}`);
    return fileResponse(c, snapshots.pathOf(info.sha256), info.size, {
      'Content-Type': SNAPSHOT_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="corpus-${info.version}.jsonl.gz"`,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${info.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.post(`${API_PREFIX}/editor/snapshots`, async (c) => {
    requireEditor(c);
    return c.json(await snapshots.build(now), 200);
  });
}
