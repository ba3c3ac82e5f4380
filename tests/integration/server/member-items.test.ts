// A member's private encrypted store on a real portal, on SQLite and PostgreSQL:
// the keyring's compare-and-swap, item writes and tombstones, the member's own
// change feed (complete under concurrent writers), isolation between members,
// Idempotency-Key, quotas, validation and the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ITEM_CIPHERTEXT, memberItemChangesPage, memberItemConflict, memberItemWriteResult, memberKeyring, memberKeyringResponse, type MemberItem } from '../../../shared/member-items';
import { DEFAULT_MEMBER_QUOTAS, MemberStore } from '../../../server/member-store';
import { testEngines } from '../../support/databases';
import { itemChanges, keyringWrite, type ItemChangesPage, newItemId, newKey, putItem, putKeyring, readItemFeed, sealedBox, signedInMember, tombstone, upsert } from '../../support/member-store';
import { startTestPortal, type TestPortal } from '../../support/portal';

const GENEROUS = { limit: 1_000_000, windowMs: 60_000 };

async function item(response: Response): Promise<MemberItem> {
  if (response.status !== 200) throw new Error(`the write answered ${response.status}: ${await response.text()}`);
  return memberItemWriteResult.parse(await response.json()).item;
}

describe.each(testEngines())('the member store on $name', (engine) => {
  let server: TestPortal;
  let ana: string;
  let ben: string;
  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { memberStore: GENEROUS, perAddress: GENEROUS, signIn: GENEROUS } });
    [ana, ben] = await Promise.all([signedInMember(server.url, 'ana@example.org'), signedInMember(server.url, 'ben@example.org')]);
  });
  afterAll(() => server?.close());

  it('answers 401 to every route without a valid session', async () => {
    const itemId = newItemId();
    const answers = await Promise.all([
      fetch(`${server.url}/api/v1/me/keyring`),
      fetch(`${server.url}/api/v1/me/keyring`, { method: 'PUT', headers: { 'content-type': 'application/json', 'idempotency-key': newKey() }, body: JSON.stringify(keyringWrite(0)) }),
      fetch(`${server.url}/api/v1/me/items/changes`, { headers: { authorization: `Bearer ${'A'.repeat(43)}` } }),
      putItem(server.url, 'A'.repeat(43), itemId, upsert('annotation', 0)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect(((await answers[0]!.json()) as { error: string }).error).toBe('unauthenticated');
  });

  it('creates the keyring once, re-wraps it only at its current version, and two racing first devices end with one key', async () => {
    const carla = await signedInMember(server.url, 'carla@example.org');
    expect(memberKeyringResponse.parse(await (await fetch(`${server.url}/api/v1/me/keyring`, { headers: { authorization: `Bearer ${carla}` } })).json())).toEqual({ keyring: null });
    const none = await putKeyring(server.url, carla, keyringWrite(3));
    expect(none.status).toBe(409);
    expect(await none.json()).toMatchObject({ error: 'version_conflict', current: null });

    const first = keyringWrite(0);
    const second = keyringWrite(0);
    const raced = await Promise.all([putKeyring(server.url, carla, first), putKeyring(server.url, carla, second)]);
    expect(raced.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = raced[0]!.status === 200 ? 0 : 1;
    const created = memberKeyringResponse.parse(await raced[winner]!.json()).keyring!;
    expect(created.version).toBe(1);
    expect(created.wrappedKey).toEqual([first, second][winner]!.wrappedKey);
    const loser = (await raced[1 - winner]!.json()) as { error: string; current: unknown };
    expect(loser.error).toBe('version_conflict');
    expect(memberKeyring.parse(loser.current)).toEqual(created);

    // A re-wrap (a new passphrase) names the version it replaces.
    expect((await putKeyring(server.url, carla, keyringWrite(0))).status).toBe(409);
    const rewrap = keyringWrite(1);
    const rewrapped = memberKeyringResponse.parse(await (await putKeyring(server.url, carla, rewrap)).json()).keyring!;
    expect(rewrapped).toMatchObject({ version: 2, kdf: rewrap.kdf, wrappedKey: rewrap.wrappedKey });
    expect((await putKeyring(server.url, carla, keyringWrite(1))).status).toBe(409);
    const read = memberKeyringResponse.parse(await (await fetch(`${server.url}/api/v1/me/keyring`, { headers: { authorization: `Bearer ${carla}` } })).json());
    expect(read.keyring).toEqual(rewrapped);
    // Another member has no keyring: each member's is their own.
    expect(await (await fetch(`${server.url}/api/v1/me/keyring`, { headers: { authorization: `Bearer ${ben}` } })).json()).toEqual({ keyring: null });
  });

  it('writes, refuses a stale baseVersion with 409 and the current item, tombstones, and serves each item once at its latest version', async () => {
    const start = (await itemChanges(server.url, ana)).latest;
    const itemId = newItemId();
    const created = await item(await putItem(server.url, ana, itemId, upsert('annotation', 0)));
    expect(created).toMatchObject({ itemId, kind: 'annotation', deleted: false, version: start + 1 });

    const stale = await putItem(server.url, ana, itemId, upsert('annotation', 0));
    expect(stale.status).toBe(409);
    const conflict = memberItemConflict.parse(await stale.json());
    expect(conflict.current).toEqual(created);
    expect(conflict.message).toContain(`version ${created.version}`);

    const box = sealedBox();
    const updated = await item(await putItem(server.url, ana, itemId, upsert('annotation', created.version, box)));
    expect(updated).toMatchObject({ version: created.version + 1, box });
    const deleted = await item(await putItem(server.url, ana, itemId, tombstone('annotation', updated.version)));
    expect(deleted).toMatchObject({ version: updated.version + 1, deleted: true, box: null });
    // Brought back from its tombstone by naming the tombstone's version.
    expect((await putItem(server.url, ana, itemId, upsert('annotation', updated.version))).status).toBe(409);

    const page = memberItemChangesPage.parse(await itemChanges(server.url, ana, start));
    expect(page.items).toEqual([deleted]);
    expect(page).toMatchObject({ cursor: deleted.version, hasMore: false, latest: deleted.version });
    // Nothing after the cursor: an empty page that keeps it.
    expect(await itemChanges(server.url, ana, page.cursor)).toEqual({ items: [], cursor: page.cursor, hasMore: false, latest: page.cursor });

    const missing = await putItem(server.url, ana, newItemId(), upsert('collection', 5));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/baseVersion 0/);
    const ahead = await fetch(`${server.url}/api/v1/me/items/changes?since=${page.cursor + 10}`, { headers: { authorization: `Bearer ${ana}` } });
    expect(ahead.status).toBe(409);
    expect(await ahead.json()).toMatchObject({ error: 'resync_required', horizon: 0 });
  });

  it('shows a member only their own items: the same item id is a different item for another member', async () => {
    const itemId = newItemId();
    const anas = await item(await putItem(server.url, ana, itemId, upsert('saved-search', 0)));
    const bens = await item(await putItem(server.url, ben, itemId, upsert('settings', 0)));
    expect(bens.kind).toBe('settings');
    // Ben deleting "his" item leaves Ana's alone.
    const bensTombstone = await item(await putItem(server.url, ben, itemId, tombstone('settings', bens.version)));
    const anaFeed = await readItemFeed(server.url, ana);
    const benFeed = await readItemFeed(server.url, ben);
    expect(anaFeed.items.find((entry) => entry.itemId === itemId)).toEqual(anas);
    expect(benFeed.items.find((entry) => entry.itemId === itemId)).toEqual(bensTombstone);
    // No box of Ana's is in Ben's feed, and the other way round.
    const anaBoxes = new Set(anaFeed.items.filter((entry) => entry.box).map((entry) => entry.box!.ciphertext));
    expect(anaBoxes.size).toBeGreaterThan(0);
    expect(benFeed.items.filter((entry) => entry.box && anaBoxes.has(entry.box.ciphertext))).toEqual([]);
    expect(benFeed.items.length).toBeGreaterThan(0);
  });

  it('replays a write sent again with its Idempotency-Key, refuses the key with another body, and needs a key', async () => {
    const itemId = newItemId();
    const key = newKey();
    const body = upsert('collection', 0);
    const first = await putItem(server.url, ana, itemId, body, key);
    const firstText = await first.text();
    const again = await putItem(server.url, ana, itemId, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(firstText);
    const other = await putItem(server.url, ana, itemId, upsert('collection', 0), key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: string }).error).toBe('idempotency_key_reused');
    const keyless = await fetch(`${server.url}/api/v1/me/items/${newItemId()}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${ana}` }, body: JSON.stringify(body) });
    expect(keyless.status).toBe(400);
    expect(((await keyless.json()) as { error: string }).error).toBe('idempotency_key_missing');
    // One key sent many times at once writes once.
    const racedId = newItemId();
    const racedKey = newKey();
    const racedBody = upsert('annotation', 0);
    const raced = await Promise.all(Array.from({ length: 6 }, () => putItem(server.url, ana, racedId, racedBody, racedKey)));
    const statuses = raced.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const written = (await readItemFeed(server.url, ana)).items.filter((entry) => entry.itemId === racedId);
    expect(written).toHaveLength(1);
    expect(written[0]!.version).toBe((await item(await putItem(server.url, ana, racedId, racedBody, racedKey))).version);
  });

  it('refuses malformed requests with 400s that name the problem', async () => {
    const cases: Array<[string, Response]> = [
      ['item id', await putItem(server.url, ana, 'short', upsert('annotation', 0))],
      ['box', await putItem(server.url, ana, newItemId(), { deleted: false, kind: 'annotation', baseVersion: 0 })],
      ['kind', await putItem(server.url, ana, newItemId(), upsert('diary' as 'annotation', 0))],
      ['ciphertext', await putItem(server.url, ana, newItemId(), upsert('annotation', 0, { ...sealedBox(), ciphertext: 'not base64!' }))],
      ['Unrecognized key', await putItem(server.url, ana, newItemId(), { ...tombstone('annotation', 0), box: sealedBox() })],
      ['kdf', await putKeyring(server.url, ana, { ...keyringWrite(0), kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAA' } })],
      ['limit', await fetch(`${server.url}/api/v1/me/items/changes?limit=5000`, { headers: { authorization: `Bearer ${ana}` } })],
    ];
    for (const [problem, response] of cases) {
      expect(response.status, problem).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error, problem).toBe('invalid_request');
      expect(body.message, problem).toContain(problem);
    }
  });

  it('never shows a gap or a duplicate to a reader while concurrent writers run', async () => {
    const dana = await signedInMember(server.url, 'dana@example.org');
    const danaId = (await server.db.selectFrom('members').select('id').where('email', '=', 'dana@example.org').executeTakeFirstOrThrow()).id;
    let writing = true;
    const findings: string[] = [];
    let polls = 0;
    // Distinct items only, so every version stays visible and each poll must see exactly 1..max.
    const reader = (async () => {
      while (writing) {
        const versions = (await readItemFeed(server.url, dana, 0, 17)).items.map((entry) => entry.version);
        polls += 1;
        versions.forEach((version, index) => {
          if (version !== index + 1) findings.push(`poll ${polls}: position ${index} holds version ${version}`);
        });
      }
    })();
    // One slow writer holds the member's counter (a low version) open while the others queue behind it.
    const slow = server.portal.memberStore.putItem(danaId, newItemId(), upsert('annotation', 0), new Date(), () => new Promise((resolve) => setTimeout(resolve, 300)));
    const writers = Array.from({ length: 6 }, () =>
      (async () => {
        for (let i = 0; i < 12; i += 1) await item(await putItem(server.url, dana, newItemId(), upsert('annotation', 0)));
      })(),
    );
    await Promise.all([slow, ...writers]);
    writing = false;
    await reader;
    expect(findings).toEqual([]);
    expect(polls).toBeGreaterThan(1);
    const { items, cursor } = await readItemFeed(server.url, dana, 0, 10);
    expect(items.map((entry) => entry.version)).toEqual(Array.from({ length: 73 }, (_, i) => i + 1));
    expect(cursor).toBe(73);
  });

  it('a reader resuming from its cursor while devices overwrite the same items ends with every item at its current version', async () => {
    const eli = await signedInMember(server.url, 'eli@example.org');
    const itemIds = Array.from({ length: 4 }, newItemId);
    const latestSeen = new Map<string, number>();
    let cursor = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await itemChanges(server.url, eli, cursor, 3);
        for (const entry of page.items) latestSeen.set(entry.itemId, entry.version);
        cursor = page.cursor;
      }
    })();
    let conflicts = 0;
    // Four devices each edit every item three times; a stale base gets 409 and the device retries on `current`.
    await Promise.all(
      Array.from({ length: 4 }, () =>
        (async () => {
          for (let round = 0; round < 3; round += 1) {
            for (const itemId of itemIds) {
              let base = 0;
              for (;;) {
                const response = await putItem(server.url, eli, itemId, upsert('collection', base));
                if (response.status === 200) break;
                expect(response.status).toBe(409);
                base = memberItemConflict.parse(await response.json()).current.version;
                conflicts += 1;
              }
            }
          }
        })(),
      ),
    );
    writing = false;
    await reader;
    for (const entry of (await readItemFeed(server.url, eli, cursor)).items) latestSeen.set(entry.itemId, entry.version);
    const everything = await readItemFeed(server.url, eli);
    expect(everything.items).toHaveLength(itemIds.length);
    expect(conflicts).toBeGreaterThan(0);
    // 48 writes answered 200, each taking one version; the newest of them is the head.
    expect(everything.cursor).toBe(48);
    for (const entry of everything.items) expect(latestSeen.get(entry.itemId), entry.itemId).toBe(entry.version);
  });

  it('cuts a page at its ciphertext budget (always one item at least) and goes on from there', async () => {
    const ivy = await signedInMember(server.url, 'ivy@example.org');
    const ivyId = (await server.db.selectFrom('members').select('id').where('email', '=', 'ivy@example.org').executeTakeFirstOrThrow()).id;
    // 400 base64 characters each (300 bytes); a store whose pages hold 1,000 characters: two items a page.
    for (let i = 0; i < 5; i += 1) await item(await putItem(server.url, ivy, newItemId(), upsert('annotation', 0, sealedBox(300))));
    const store = new MemberStore(server.db, DEFAULT_MEMBER_QUOTAS, 1000);
    const pages: ItemChangesPage[] = [];
    let since = 0;
    do {
      const result = await store.changesJson(ivyId, since, 1000);
      if (!('json' in result)) throw new Error('since is ahead');
      pages.push(memberItemChangesPage.parse(JSON.parse(result.json)));
      since = pages.at(-1)!.cursor;
    } while (pages.at(-1)!.hasMore);
    expect(pages.map((page) => [page.items.map((entry) => entry.version), page.cursor, page.hasMore])).toEqual([
      [[1, 2], 2, true],
      [[3, 4], 4, true],
      [[5], 5, false],
    ]);
    // An item larger than the whole budget still comes, alone.
    const tiny = await new MemberStore(server.db, DEFAULT_MEMBER_QUOTAS, 10).changesJson(ivyId, 0, 1000);
    expect('json' in tiny && memberItemChangesPage.parse(JSON.parse(tiny.json)).items.map((entry) => entry.version)).toEqual([1]);
  });

  it('refuses writes past the quotas with 413 quota_exceeded, and frees the key so the write can follow a delete', async () => {
    const small = await startTestPortal(engine, { memberQuotas: { items: 2, bytes: 400 } });
    try {
      const erin = await signedInMember(small.url, 'erin@example.org');
      const a = await item(await putItem(small.url, erin, newItemId(), upsert('annotation', 0, sealedBox(90))));
      await item(await putItem(small.url, erin, newItemId(), upsert('annotation', 0, sealedBox(90))));
      const thirdId = newItemId();
      const thirdKey = newKey();
      const third = await putItem(small.url, erin, thirdId, upsert('annotation', 0, sealedBox(30)), thirdKey);
      expect(third.status).toBe(413);
      expect(await third.json()).toMatchObject({ error: 'quota_exceeded', message: expect.stringContaining('most items (2)') });
      // A delete frees room; the same key then writes the refused item.
      await item(await putItem(small.url, erin, a.itemId, tombstone('annotation', a.version)));
      const stored = await item(await putItem(small.url, erin, thirdId, upsert('annotation', 0, sealedBox(30)), thirdKey));
      // 120 + 40 characters stored; growing one item to 300 would make 420 > 400.
      const grown = await putItem(small.url, erin, thirdId, upsert('annotation', stored.version, sealedBox(225)));
      const grownBody = (await grown.json()) as { error: string; message: string };
      expect(grown.status).toBe(413);
      expect(grownBody).toMatchObject({ error: 'quota_exceeded', message: expect.stringContaining('quota of 400') });
      const huge = await putItem(small.url, erin, newItemId(), upsert('annotation', 0, { ...sealedBox(), ciphertext: 'A'.repeat(MAX_ITEM_CIPHERTEXT + 4) }));
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ error: 'quota_exceeded', message: expect.stringContaining(String(MAX_ITEM_CIPHERTEXT)) });
    } finally {
      await small.close();
    }
  });

  it('limits requests to the store per member with 429 and Retry-After', async () => {
    const limited = await startTestPortal(engine, { rateLimits: { memberStore: { limit: 3, windowMs: 60_000 } } });
    try {
      const fay = await signedInMember(limited.url, 'fay@example.org');
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await putItem(limited.url, fay, newItemId(), upsert('annotation', 0)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
