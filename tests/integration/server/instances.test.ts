// Three portal processes on one database behave as one: `npm run server --
// --instances 3` on the real PostgreSQL (TEST_DATABASE_URL), and on one SQLite
// file, the embedded default. Writers on every instance, a reader paging
// through all of them, one Idempotency-Key sent to two instances at once, a
// rate limit counted across instances, a publication on one instance
// announced on another's change stream, and a member's encrypted store written
// and read through every instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealPostgres, postgresServerEngine, type TestDatabase } from '../../support/databases';
import { openChangeStream, startPortalInstances, type PortalInstances } from '../../support/portal-instances';
import { sampleDocument, samplePartnerRequest, type FeedChange } from '../../support/portal';
import { keyringWrite, newItemId, newKey, putItem, putKeyring, readItemFeed, signedInMember, upsert } from '../../support/member-store';
import { makeTempDir } from '../../support/temp-dir';

const INSTANCES = 3;
const WRITES_PER_INSTANCE = 30;

interface Setup {
  name: string;
  start(): Promise<{ args: string[]; env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

const setups: Setup[] = [
  {
    name: 'PostgreSQL',
    async start() {
      const database: TestDatabase = await postgresServerEngine(process.env.TEST_DATABASE_URL!).create();
      const storage = makeTempDir('ewsi-instances-');
      return {
        args: ['--storage', storage.dir],
        env: { DATABASE_URL: database.url },
        cleanup: async () => {
          await database.cleanup();
          storage.cleanup();
        },
      };
    },
  },
  {
    name: 'one SQLite file',
    async start() {
      const temp = makeTempDir('ewsi-instances-');
      return { args: ['--db', `${temp.dir}/portal.sqlite`], env: { DATABASE_URL: '' }, cleanup: async () => temp.cleanup() };
    },
  },
];

describe.each(hasRealPostgres ? setups : setups.slice(1))('three portal instances on $name', (setup) => {
  let portal: PortalInstances;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const started = await setup.start();
    cleanup = started.cleanup;
    // The loopback is a trusted proxy: the rate-limit test speaks for a client address of its own.
    portal = await startPortalInstances(INSTANCES, [...started.args, '--trusted-proxy', '127.0.0.1'], started.env);
  }, 120_000);
  afterAll(async () => {
    await portal?.stop();
    await cleanup?.();
  });

  it('writers on every instance and a reader paging the feed through all of them: no gap, no duplicate', { timeout: 180_000 }, async () => {
    expect(new Set(portal.urls).size).toBe(INSTANCES);
    let writing = true;
    const seen: FeedChange[] = [];
    let cursor = 0;
    let pages = 0;
    const readPage = async () => {
      // Each page from the next instance, as a load balancer would spread them.
      const url = portal.urls[pages % INSTANCES]!;
      pages += 1;
      const response = await fetch(`${url}/api/v1/changes?since=${cursor}&limit=7`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { changes: FeedChange[]; cursor: number; hasMore: boolean };
      seen.push(...page.changes);
      cursor = page.cursor;
      return page.hasMore;
    };
    const reader = (async () => {
      while (writing) await readPage();
    })();
    await Promise.all(
      portal.urls.map(async (_, instance) => {
        for (let i = 0; i < WRITES_PER_INSTANCE; i += 1) {
          const id = `doc-i${instance}-${i}`;
          const response = await portal.editor(instance, 'PUT', `/api/v1/editor/document/${id}`, sampleDocument(id));
          expect(response.status, await response.clone().text()).toBe(200);
        }
      }),
    );
    writing = false;
    await reader;
    while (await readPage());

    const total = INSTANCES * WRITES_PER_INSTANCE;
    expect(pages).toBeGreaterThan(INSTANCES);
    expect(seen.map((change) => change.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(seen.map((change) => change.id)).size).toBe(total);
  });

  it('the same Idempotency-Key sent to two instances at once creates one record', { timeout: 120_000 }, async () => {
    const member = { email: 'ines@example.org', password: 'correct horse battery', displayName: 'Inês', organisation: 'CPR', country: 'PT' };
    const registered = await fetch(`${portal.urls[0]}/api/v1/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(member) });
    expect(registered.status).toBe(201);
    // Signed in on one instance, the session is honoured by the others: it lives in the database.
    const signIn = await fetch(`${portal.urls[1]}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: member.email, password: member.password }) });
    const { token } = (await signIn.json()) as { token: string };
    const before = (await (await fetch(`${portal.urls[0]}/api/v1/changes?since=0&limit=1`)).json()) as { latest: number };
    const body = JSON.stringify(samplePartnerRequest('Partners for a shared language café'));
    const send = (instance: number) =>
      fetch(`${portal.urls[instance]}/api/v1/partner-requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'key-two-instances-0001' },
        body,
      });
    const answers = await Promise.all([send(1), send(2)]);
    const statuses = answers.map((answer) => answer.status).sort();
    // One creates; the other replays it (201, Idempotent-Replayed) or is told the first is still running (409).
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    // A retry after both settled replays the one record.
    const retry = await send(0);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const feed = (await (await fetch(`${portal.urls[2]}/api/v1/changes?since=${before.latest}&limit=100`)).json()) as { changes: FeedChange[] };
    const created = feed.changes.filter((change) => change.type === 'partner-request');
    expect(created).toHaveLength(1);
    expect(((await retry.json()) as { id: string }).id).toBe(created[0]!.id);
  });

  it("a member's encrypted store across instances: one keyring of two racing first devices, one item of one key, and the member's feed 1..N through all", { timeout: 120_000 }, async () => {
    const token = await signedInMember(portal.urls[0]!, 'jo@example.org');
    const keyrings = await Promise.all([putKeyring(portal.urls[1]!, token, keyringWrite(0)), putKeyring(portal.urls[2]!, token, keyringWrite(0))]);
    expect(keyrings.map((answer) => answer.status).sort()).toEqual([200, 409]);

    const itemId = newItemId();
    const key = newKey();
    const body = upsert('annotation', 0);
    const answers = await Promise.all([putItem(portal.urls[1]!, token, itemId, body, key), putItem(portal.urls[2]!, token, itemId, body, key)]);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
    const replayed = await putItem(portal.urls[0]!, token, itemId, body, key);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');

    // Writers on every instance; each poll, through all instances in turn, sees the member's versions 1..max exactly.
    let writing = true;
    const findings: string[] = [];
    let polls = 0;
    const reader = (async () => {
      while (writing) {
        polls += 1;
        const versions = (await readItemFeed(portal.urls[polls % INSTANCES]!, token, 0, 9)).items.map((entry) => entry.version);
        versions.forEach((version, index) => {
          if (version !== index + 1) findings.push(`poll ${polls}: position ${index} holds version ${version}`);
        });
      }
    })();
    await Promise.all(
      portal.urls.map(async (url) => {
        for (let i = 0; i < 10; i += 1) expect((await putItem(url, token, newItemId(), upsert('collection', 0))).status).toBe(200);
      }),
    );
    writing = false;
    await reader;
    expect(findings).toEqual([]);
    const { items, cursor } = await readItemFeed(portal.urls[0]!, token);
    expect(items.map((entry) => entry.version)).toEqual(Array.from({ length: 1 + INSTANCES * 10 }, (_, i) => i + 1));
    expect(cursor).toBe(1 + INSTANCES * 10);
  });

  it('a rate limit holds across instances: ten sign-ins a minute from one address, wherever they land', { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await fetch(`${portal.urls[attempt % INSTANCES]}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ email: `nobody-${attempt}@example.org`, password: 'wrong password' }),
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // With the windows in each process's memory, three instances would have let all twelve through (401 each).
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a publication on one instance is announced on the change streams of the others', { timeout: 60_000 }, async () => {
    const streams = await Promise.all([openChangeStream(portal.urls[0]!), openChangeStream(portal.urls[1]!)]);
    try {
      expect(streams.map((stream) => stream.status)).toEqual([200, 200]);
      const written = (await (await portal.editor(2, 'PUT', '/api/v1/editor/document/doc-announced', sampleDocument('doc-announced'))).json()) as { version: number };
      const announced = await Promise.all(streams.map((stream) => stream.waitFor(written.version)));
      expect(announced).toEqual([written.version, written.version]);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
