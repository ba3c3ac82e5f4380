// A real portal with a forum, threads and a registered member, for the outbox tests.
import { sqliteEngineWith } from './databases';
import { startTestPortal, type TestPortal } from './portal';

export const MEMBER = { email: 'ana@example.org', password: 'correct horse battery', displayName: 'Ana Silva', organisation: 'CPR', country: 'PT' };
export const FORUM_ID = 'forum-employment';

/** Rate limits out of the way: the fault tests send thousands of writes per minute on purpose. */
const GENEROUS = { limit: 1_000_000, windowMs: 60_000 };

/**
 * A real SQLite file in WAL mode with synchronous=NORMAL (commits survive a
 * process crash, not a power cut): the fault runs write thousands of records,
 * and an fsync per commit would make them minutes longer.
 */
const walNormalSqlite = sqliteEngineWith({ synchronous: 'NORMAL' });

export async function startCommunityPortal(threadIds: string[] = ['thread-a', 'thread-b']): Promise<TestPortal> {
  const server = await startTestPortal(walNormalSqlite, { rateLimits: { perAddress: GENEROUS, memberWrites: GENEROUS, signIn: GENEROUS } });
  try {
    const forum = await server.editor('PUT', `/api/v1/editor/forum/${FORUM_ID}`, { id: FORUM_ID, language: 'en', title: 'Employment' });
    if (forum.status !== 200) throw new Error(`creating the forum answered ${forum.status}: ${await forum.text()}`);
    for (const id of threadIds) await createThread(server, id);
    const registered = await fetch(`${server.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) });
    if (registered.status !== 201) throw new Error(`registering answered ${registered.status}: ${await registered.text()}`);
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** A forum thread published by an editor. */
export async function createThread(server: TestPortal, id: string): Promise<void> {
  const response = await server.editor('PUT', `/api/v1/editor/forum-thread/${id}`, { id, forumId: FORUM_ID, language: 'en', title: `Thread ${id}`, authorName: 'Editor', createdAt: '2026-01-01T00:00:00.000Z' });
  if (response.status !== 200) throw new Error(`creating thread ${id} answered ${response.status}: ${await response.text()}`);
}
