// The fault proxy (tests/support/fault-proxy.ts) between a client and a real
// portal's member store: what each fault does to a write, that an
// Idempotency-Key makes every retry safe, that large bodies and the change
// stream get through, and a seeded run of faults after which the store holds
// exactly what the client meant, once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ITEM_CIPHERTEXT, memberItemWriteResult, type MemberItem } from '../../../shared/member-items';
import { testEngines } from '../../support/databases';
import { randomFaultPlan, startFaultProxy, type Fault, type FaultProxy } from '../../support/fault-proxy';
import { newItemId, newKey, putItem, readItemFeed, sealedBox, signedInMember, upsert } from '../../support/member-store';
import { startTestPortal, type TestPortal } from '../../support/portal';

const GENEROUS = { limit: 1_000_000, windowMs: 60_000 };

/** fetch's rejection when the connection is lost. */
const lost = (request: Promise<Response>) => request.then(() => 'answered', (error: unknown) => (error instanceof TypeError ? 'lost' : `other: ${String(error)}`));

/** A write as a client does it: the same key on every retry until an answer that is not a transient failure. */
async function writeUntilAnswered(url: string, token: string, itemId: string, body: unknown, key: string): Promise<{ item: MemberItem; attempts: number }> {
  for (let attempts = 1; attempts <= 50; attempts += 1) {
    const response = await putItem(url, token, itemId, body, key).catch(() => undefined);
    if (response?.status === 200) return { item: memberItemWriteResult.parse(await response.json()).item, attempts };
    if (response && response.status < 500 && response.status !== 409 && response.status !== 429) throw new Error(`the write answered ${response.status}: ${await response.text()}`);
    await response?.arrayBuffer();
  }
  throw new Error(`item ${itemId} was never answered in 50 attempts`);
}

describe.each(testEngines())('the fault proxy in front of a member store on $name', (engine) => {
  let server: TestPortal;
  let token: string;
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    server = await startTestPortal(engine, { rateLimits: { memberStore: GENEROUS, perAddress: GENEROUS, signIn: GENEROUS } });
    token = await signedInMember(server.url, 'hana@example.org');
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(() => server?.close());

  const feedItems = async (itemId: string) => (await readItemFeed(server.url, token)).items.filter((entry) => entry.itemId === itemId);

  it('a duplicated write with one Idempotency-Key creates one item, and the client gets the replayed answer', async () => {
    proxy = await startFaultProxy(server.url, () => ({ kind: 'duplicate' }));
    const itemId = newItemId();
    const response = await putItem(proxy.url, token, itemId, upsert('annotation', 0));
    expect(response.status).toBe(200);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    const answered = memberItemWriteResult.parse(await response.json()).item;
    expect(await feedItems(itemId)).toEqual([answered]);
    expect(proxy.stats).toEqual({ requests: 1, forwarded: 2, faults: { duplicate: 1 } });
  });

  it('a write duplicated at once with one key writes once: the client gets the write or 409 in progress, and a retry the write', async () => {
    proxy = await startFaultProxy(server.url, (request) => (request.index === 0 ? { kind: 'duplicate', concurrent: true } : { kind: 'pass' }));
    const itemId = newItemId();
    const key = newKey();
    const body = upsert('annotation', 0);
    const response = await putItem(proxy.url, token, itemId, body, key);
    expect([200, 409]).toContain(response.status);
    if (response.status === 409) expect(((await response.json()) as { error: string }).error).toBe('request_in_progress');
    const retry = await putItem(proxy.url, token, itemId, body, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await feedItems(itemId)).toEqual([memberItemWriteResult.parse(await retry.json()).item]);
    expect(proxy.stats).toEqual({ requests: 2, forwarded: 3, faults: { duplicate: 1, pass: 1 } });
  });

  it('after a dropped response, a retry with the same key returns the stored item; after a dropped request, the retry writes it', async () => {
    const faults: Fault[] = [{ kind: 'drop-after' }, { kind: 'pass' }, { kind: 'drop-before' }, { kind: 'pass' }];
    proxy = await startFaultProxy(server.url, (request) => faults[request.index] ?? { kind: 'pass' });
    const itemId = newItemId();
    const key = newKey();
    const body = upsert('collection', 0);
    expect(await lost(putItem(proxy.url, token, itemId, body, key))).toBe('lost');
    const [stored] = await feedItems(itemId);
    expect(stored).toBeDefined();
    const retry = await putItem(proxy.url, token, itemId, body, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(memberItemWriteResult.parse(await retry.json()).item).toEqual(stored);

    const otherId = newItemId();
    const otherKey = newKey();
    expect(await lost(putItem(proxy.url, token, otherId, body, otherKey))).toBe('lost');
    expect(await feedItems(otherId)).toEqual([]);
    const written = await putItem(proxy.url, token, otherId, body, otherKey);
    expect(written.headers.get('idempotent-replayed')).toBeNull();
    expect(await feedItems(otherId)).toEqual([memberItemWriteResult.parse(await written.json()).item]);
    expect(proxy.stats).toEqual({ requests: 4, forwarded: 3, faults: { 'drop-after': 1, pass: 2, 'drop-before': 1 } });
  });

  it('carries a body of the largest item through duplicates and delays intact', async () => {
    const faults: Fault[] = [{ kind: 'delay', ms: 5 }, { kind: 'duplicate' }];
    proxy = await startFaultProxy(server.url, (request) => faults[request.index] ?? { kind: 'pass' });
    const box = { ...sealedBox(), ciphertext: 'Q'.repeat(MAX_ITEM_CIPHERTEXT) };
    const itemId = newItemId();
    const created = await putItem(proxy.url, token, itemId, upsert('settings', 0, box));
    expect(created.status).toBe(200);
    const first = memberItemWriteResult.parse(await created.json()).item;
    const updated = await putItem(proxy.url, token, itemId, upsert('settings', first.version, box));
    expect(updated.status).toBe(200);
    const [stored] = await feedItems(itemId);
    expect(stored!.box).toEqual(box);
    expect(stored!.version).toBe(first.version + 1);
  });

  it('passes the change stream through whatever buffering fault is drawn, and drops it cleanly before forwarding', async () => {
    const faults: Fault[] = [{ kind: 'drop-after' }, { kind: 'duplicate' }, { kind: 'truncate' }, { kind: 'replace-body', body: '{}' }, { kind: 'throttle', bytesPerSecond: 1024 }, { kind: 'drop-before' }];
    proxy = await startFaultProxy(server.url, (request) => faults[request.index] ?? { kind: 'pass' });
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${proxy.url}/api/v1/changes/stream`, { headers: { accept: 'text/event-stream' } });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: latest')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
    }
    expect(await lost(fetch(`${proxy.url}/api/v1/changes/stream`, { headers: { accept: 'text/event-stream' } }))).toBe('lost');
    expect(proxy.stats.faults).toEqual({ pass: 5, 'drop-before': 1 });
  });

  it('a seeded run of dropped, duplicated, delayed and refused requests ends with every item once, as last written', async () => {
    let runs = 0;
    const run = async (seed: number) => {
      const plan = randomFaultPlan(seed, { pass: 3, 'drop-before': 1, 'drop-after': 1, duplicate: 1, delay: 1, status: 1 }, { delayMs: [0, 30], statusChoices: [503], applies: (request) => request.path.startsWith('/api/v1/me/') });
      proxy = await startFaultProxy(server.url, plan);
      const member = await signedInMember(server.url, `seed-${seed}-run-${(runs += 1)}@example.org`);
      const expected = new Map<string, MemberItem>();
      for (let i = 0; i < 12; i += 1) {
        const itemId = newItemId();
        let version = 0;
        // Each item written twice: the second names the version the first was answered with.
        for (let round = 0; round < 2; round += 1) {
          const { item } = await writeUntilAnswered(proxy.url, member, itemId, upsert('annotation', version), newKey());
          version = item.version;
          expected.set(itemId, item);
        }
      }
      const stats = proxy.stats;
      await proxy.close();
      proxy = undefined;
      return { items: (await readItemFeed(server.url, member, 0, 5)).items, expected, stats };
    };
    const first = await run(2026);
    expect(new Set(first.items.map((entry) => entry.itemId)).size).toBe(first.items.length);
    expect(new Map(first.items.map((entry) => [entry.itemId, entry]))).toEqual(first.expected);
    // Versions are the member's own feed positions: 24 writes answered, and no lost write took one.
    expect(first.items.map((entry) => entry.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 2 * (i + 1)));
    for (const kind of ['drop-before', 'drop-after', 'duplicate', 'delay', 'status'] as const) expect(first.stats.faults[kind], kind).toBeGreaterThan(0);
    // The same seed draws the same faults for the same requests.
    const again = await run(2026);
    expect(again.stats).toEqual(first.stats);
  });
});
