// A real portal server on 127.0.0.1 over a fresh test database.
import type { Kysely } from 'kysely';
import { createPortal, type Portal, type PortalOptions } from '../../server/app';
import { migratePortal } from '../../server/db/database';
import type { ServerDatabase } from '../../server/db/schema';
import { listen } from '../../server/serve';
import type { TestEngine } from './databases';
import { makeTempDir } from './temp-dir';

export const EDITOR_TOKEN = 'test-editor-token-0123456789';

export interface TestPortal {
  readonly url: string;
  readonly portal: Portal;
  /** The portal's own database, for tests that check what a request wrote. */
  readonly db: Kysely<ServerDatabase>;
  readonly engine: TestEngine;
  /** A request with the editor token; a string or byte body is sent as is, anything else as JSON. */
  editor(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestPortal(engine: TestEngine, options: Partial<Omit<PortalOptions, 'database'>> = {}): Promise<TestPortal> {
  const database = await engine.create();
  const temp = makeTempDir('ewsi-portal-');
  try {
    await migratePortal(database.db);
    const portal = createPortal({
      database: { db: database.db, dialect: database.dialect, close: () => database.db.destroy() },
      storageDir: temp.dir,
      editorToken: EDITOR_TOKEN,
      ...options,
    });
    const server = await listen(portal.app, 0);
    return {
      url: server.url,
      portal,
      db: database.db,
      engine,
      editor: (method, path, body, headers = {}) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${EDITOR_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
        }),
      close: async () => {
        // Change streams never end by themselves: drained first, or closing would wait for them.
        portal.drain();
        await server.close();
        await database.cleanup();
        temp.cleanup();
      },
    };
  } catch (error) {
    await database.cleanup();
    temp.cleanup();
    throw error;
  }
}

/** A minimal valid record of each kind used across the server tests. */
export function sampleDocument(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    language: 'en',
    countries: ['DE'],
    themes: ['employment'],
    documentType: 'report',
    title: `Report ${id}`,
    summary: 'A report on labour-market integration.',
    body: '<p>Body</p>',
    ...overrides,
  };
}

/** Reads the whole change feed from `since`, page by page. */
export interface FeedChange {
  op: string;
  version: number;
  type: string;
  id: string;
  record?: Record<string, unknown>;
}

export async function readFeed(url: string, since = 0, limit = 100): Promise<{ changes: FeedChange[]; cursor: number }> {
  const changes: FeedChange[] = [];
  let cursor = since;
  for (;;) {
    const response = await fetch(`${url}/api/v1/changes?since=${cursor}&limit=${limit}`);
    if (response.status !== 200) throw new Error(`feed answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { changes: FeedChange[]; cursor: number; hasMore: boolean };
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** A valid partner-request body for POST /api/v1/partner-requests. */
export function samplePartnerRequest(title = 'Partners for a mentoring scheme for refugee women') {
  return {
    title,
    organisation: 'Integration Network Lyon',
    organisationType: 'ngo',
    country: 'FR',
    projectIdea: 'Pairing newly arrived women with local mentors for language practice and job search.',
    partnersSought: { countries: ['DE', 'IT'], organisationTypes: ['local-authority'] },
    contact: { name: 'Claire Martin', email: 'claire@example.org' },
    // A year from today: the portal refuses requests that have already expired.
    expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    themes: ['women', 'employment'],
  };
}
