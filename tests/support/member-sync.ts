// Member sync tests: a real portal on 127.0.0.1 (restartable, over a real
// SQLite file) with one registered member and a document to annotate, and
// "devices": cores on data folders of their own, signed in as that member.
import { sql } from 'kysely';
import { createCore, type Core } from '../../electron/core/core';
import { jsonLinesLog } from '../../server/log';
import { MEMBER } from './community';
import { EDITOR_TOKEN, sampleDocument } from './portal';
import { startRestartablePortal, type RestartablePortal } from './restartable-portal';
import { FAST_PULL } from './sync';
import { makeTempDir } from './temp-dir';

const GENEROUS = { limit: 1_000_000, windowMs: 60_000 };
/** The retry policy's logic with waits of milliseconds, so a fault run retries at once. */
export const FAST_MEMBER_SYNC = { weakKdfForTests: true, engine: { timeoutMs: 2000, retry: { baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 4 } } };
export const DOCUMENT_ID = 'report-sync';
export const DOCUMENT_TEXT = 'Mentoring helps newcomers find work. Language courses open doors. Employers value local experience.';

export interface MemberPortal extends RestartablePortal {
  /** Every line the portal logged. */
  readonly lines: string[];
  /** The bytes of the portal's SQLite files (database and write-ahead log). */
  databaseFiles(): Promise<string[]>;
}

export async function startMemberPortal(): Promise<MemberPortal> {
  const lines: string[] = [];
  const portal = await startRestartablePortal({ log: jsonLinesLog('member-sync-test', (line) => lines.push(line)), rateLimits: { perAddress: GENEROUS, memberWrites: GENEROUS, signIn: GENEROUS, memberStore: GENEROUS } });
  const registered = await fetch(`${portal.url}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MEMBER) });
  if (registered.status !== 201) throw new Error(`registering answered ${registered.status}: ${await registered.text()}`);
  const document = await fetch(`${portal.url}/api/v1/editor/document/${DOCUMENT_ID}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(sampleDocument(DOCUMENT_ID, { title: 'Integration report', body: `<p>${DOCUMENT_TEXT}</p>` })),
  });
  if (document.status !== 200) throw new Error(`publishing answered ${document.status}: ${await document.text()}`);
  return Object.assign(portal, {
    lines,
    async databaseFiles() {
      const rows = await sql<{ file: string }>`PRAGMA database_list`.execute(portal.db);
      const file = rows.rows.find((row) => row.file)?.file;
      if (!file) throw new Error('The portal database has no file');
      return [file, `${file}-wal`];
    },
  });
}

export interface Device {
  readonly core: Core;
  readonly dataDir: string;
  call<T>(method: string, args?: unknown): Promise<T>;
  /** The failure of a call that must fail. */
  failure(method: string, args?: unknown): Promise<{ code: string; message: string }>;
  close(): Promise<void>;
}

/** A core on a fresh data folder, its library synced from `corpusUrl`, signed in as MEMBER at `memberUrl` (a proxy, say). */
export async function startDevice(corpusUrl: string, memberUrl: string = corpusUrl): Promise<Device> {
  const temp = makeTempDir('ewsi-member-sync-');
  const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL }, memberSync: FAST_MEMBER_SYNC });
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const envelope = await core.dispatch(method, args);
    if (!envelope.ok) throw Object.assign(new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`), { code: envelope.error.code });
    return envelope.value as T;
  };
  core.settings.update({ serverUrl: corpusUrl });
  await core.sync.run();
  await call('auth.signIn', { serverUrl: memberUrl, email: MEMBER.email, password: MEMBER.password });
  return {
    core,
    dataDir: temp.dir,
    call,
    async failure(method, args = {}) {
      const envelope = await core.dispatch(method, args);
      if (envelope.ok) throw new Error(`${method} succeeded`);
      return envelope.error;
    },
    async close() {
      await core.close();
      temp.cleanup();
    },
  };
}

/** A highlight of `exact` in the test document. */
export async function annotate(device: Device, exact: string, note: string, tags: string[] = []): Promise<{ id: string }> {
  const target = { type: 'document', id: DOCUMENT_ID };
  const view = await device.call<{ text: string }>('annotations.forTarget', { target });
  const start = view.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the document`);
  return device.call('annotations.create', { target, start, end: start + exact.length, exact, note, tags });
}
