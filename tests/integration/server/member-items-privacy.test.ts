// What the portal keeps of a member's encrypted store: the logs name requests,
// never bodies, and the database holds each blob only where it is stored, as
// the opaque text sent. Known marker strings go into every field of the boxes
// and the key-derivation parameters, then every log line, every cell of every
// table and the metrics are searched for them. (The end-to-end test that
// encrypts real notes and searches for their words is the client's.)
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { jsonLinesLog } from '../../../server/log';
import { itemChanges, keyringWrite, newItemId, newKey, putItem, putKeyring, signedInMember, tombstone, upsert } from '../../support/member-store';
import { startTestPortal, type TestPortal } from '../../support/portal';

/** Valid base64 (length a multiple of 4) that is easy to find: the marker, then A's. */
const base64Marker = (marker: string, length: number) => marker + 'A'.repeat(length - marker.length);

const ITEM_CIPHERTEXT = base64Marker('ItemCipherMarker7Q', 64);
const ITEM_IV = base64Marker('ItemIvMarker', 16);
const ITEM_TAG = base64Marker('ItemTagMarker9Z', 24);
const ITEM_KEY_ID = 'ItemKeyIdMarker3W';
const KEYRING_CIPHERTEXT = base64Marker('KeyringCipherMarker4X', 44);
const KEYRING_SALT = base64Marker('KeyringSaltMarker', 24);
const REFUSED_CIPHERTEXT = base64Marker('RefusedCipherMarker5V', 48);
const MARKERS = ['ItemCipherMarker7Q', 'ItemIvMarker', 'ItemTagMarker9Z', ITEM_KEY_ID, 'KeyringCipherMarker4X', 'KeyringSaltMarker', 'RefusedCipherMarker5V'];

/** Where a blob may be: the item's box and the keyring's data (an idempotency key keeps its answer without the blob). */
const BLOB_COLUMNS = new Set(['member_items.box', 'member_keyrings.data']);

describe.each(testEngines())('what the portal keeps of a member store on $name', (engine) => {
  let server: TestPortal;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestPortal(engine, { log: jsonLinesLog('privacy-test', (line) => lines.push(line)) });
  });
  afterAll(() => server?.close());

  it('logs no body and stores each blob only as the opaque text sent', async () => {
    const token = await signedInMember(server.url, 'gil@example.org');
    const box = { cipher: 'aes-256-gcm' as const, keyId: ITEM_KEY_ID, iv: ITEM_IV, tag: ITEM_TAG, ciphertext: ITEM_CIPHERTEXT };
    const itemId = newItemId();
    const [itemKey, keyringKey] = [newKey(), newKey()];
    const itemAnswer = await putItem(server.url, token, itemId, upsert('annotation', 0, box), itemKey);
    expect(itemAnswer.status).toBe(200);
    const keyring = keyringWrite(0, { cipher: 'aes-256-gcm', keyId: 'master-key-01', iv: ITEM_IV, tag: ITEM_TAG, ciphertext: KEYRING_CIPHERTEXT });
    keyring.kdf.salt = KEYRING_SALT;
    const keyringAnswer = await putKeyring(server.url, token, keyring, keyringKey);
    expect(keyringAnswer.status).toBe(200);
    // Replays give the first answers byte for byte, blobs included, though the keys keep them without.
    const [firstItem, firstKeyring] = [await itemAnswer.text(), await keyringAnswer.text()];
    expect(firstItem).toContain(ITEM_CIPHERTEXT);
    expect(firstKeyring).toContain(KEYRING_CIPHERTEXT);
    const itemReplay = await putItem(server.url, token, itemId, upsert('annotation', 0, box), itemKey);
    const keyringReplay = await putKeyring(server.url, token, keyring, keyringKey);
    expect([itemReplay.headers.get('idempotent-replayed'), keyringReplay.headers.get('idempotent-replayed')]).toEqual(['true', 'true']);
    expect([await itemReplay.text(), await keyringReplay.text()]).toEqual([firstItem, firstKeyring]);
    // Refused writes carry blobs too: a conflict, a validation error, a tombstone with a box.
    expect((await putItem(server.url, token, itemId, upsert('annotation', 0, { ...box, ciphertext: REFUSED_CIPHERTEXT }))).status).toBe(409);
    expect((await putItem(server.url, token, newItemId(), upsert('nothing' as 'annotation', 0, { ...box, ciphertext: REFUSED_CIPHERTEXT }))).status).toBe(400);
    expect((await putItem(server.url, token, newItemId(), { ...tombstone('annotation', 0), box: { ...box, ciphertext: REFUSED_CIPHERTEXT } })).status).toBe(400);
    // The blob comes back as sent.
    expect((await itemChanges(server.url, token)).items.find((entry) => entry.itemId === itemId)?.box).toEqual(box);

    // The log has a line per request (with the item id, which the client chose to say nothing), and no marker.
    const logged = lines.join('');
    expect(lines.filter((line) => line.includes('/api/v1/me/')).length).toBeGreaterThanOrEqual(6);
    expect(logged).toContain(itemId);
    expect(MARKERS.filter((marker) => logged.includes(marker))).toEqual([]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(MARKERS.filter((marker) => metrics.includes(marker))).toEqual([]);

    // Every cell of every table: markers only in the blob columns, and there only inside the JSON as sent.
    const found: string[] = [];
    // On PostgreSQL, the test's own schema only (other tests' schemas share the database).
    const schema = engine.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(server.db)).rows[0]!.schema : undefined;
    const tables = (await server.db.introspection.getTables()).filter((table) => table.schema === schema);
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['member_items', 'member_keyrings', 'idempotency_keys']));
    for (const table of tables) {
      const rows = (await server.db.selectFrom(table.name as 'member_items').selectAll().execute()) as unknown as Array<Record<string, unknown>>;
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const text = String(value);
          for (const marker of MARKERS) if (text.includes(marker)) found.push(`${table.name}.${column}:${marker}`);
        }
      }
    }
    expect(found.filter((place) => !BLOB_COLUMNS.has(place.split(':')[0]!))).toEqual([]);
    expect(found.some((place) => place.includes('Refused'))).toBe(false);
    const stored = await server.db.selectFrom('member_items').select('box').where('item_id', '=', itemId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.box!)).toEqual(box);
    const storedKeyring = await server.db.selectFrom('member_keyrings').select('data').executeTakeFirstOrThrow();
    expect(JSON.parse(storedKeyring.data)).toEqual({ kdf: keyring.kdf, wrappedKey: keyring.wrappedKey });
  });
});
