// A feed reader must never miss a change, even one committed concurrently with
// a lower version than one it already saw. Run against the real PostgreSQL
// server in CI (TEST_DATABASE_URL), where writers truly run in parallel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { readFeed, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';

const WRITERS = 8;
const WRITES_EACH = 40;

describe.each(testEngines())('change-feed completeness under concurrent writers on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine);
  });
  afterAll(() => server?.close());

  it('never shows a gap: every poll sees versions 1..N with nothing missing', async () => {
    let writing = true;
    const gaps: string[] = [];
    let polls = 0;
    // Distinct records only, so each version stays visible and the visible set must be exactly 1..max.
    const reader = (async () => {
      while (writing) {
        const { changes } = await readFeed(server.url, 0, 1000);
        polls += 1;
        const versions = changes.map((c) => c.version);
        versions.forEach((version, index) => {
          if (version !== index + 1) gaps.push(`poll ${polls}: position ${index} holds version ${version}`);
        });
      }
    })();
    // One slow writer holds the counter (a low version) open while the others queue behind it.
    const slow = server.portal.content.write([{ op: 'upsert', type: 'document', fields: sampleDocument('doc-slow') }], new Date(), () => new Promise((resolve) => setTimeout(resolve, 300)));
    const writers = Array.from({ length: WRITERS }, (_, w) =>
      (async () => {
        for (let i = 0; i < WRITES_EACH; i += 1) {
          const id = `doc-w${w}-${i}`;
          const response = await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id));
          if (response.status !== 200) throw new Error(`write ${id} answered ${response.status}: ${await response.text()}`);
        }
      })(),
    );
    const [slowWritten] = await slow;
    await Promise.all(writers);
    writing = false;
    await reader;

    expect(gaps).toEqual([]);
    expect(polls).toBeGreaterThan(1);
    const { changes } = await readFeed(server.url, 0, 250);
    expect(changes).toHaveLength(WRITERS * WRITES_EACH + 1);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
    expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
    expect(changes.find((c) => c.id === 'doc-slow')?.version).toBe(slowWritten!.version);
  });

  it('a reader that resumes from its cursor while writers run ends with the final state of every record', async () => {
    const start = (await readFeed(server.url)).cursor;
    const latestSeen = new Map<string, number>();
    let cursor = start;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await readFeed(server.url, cursor, 37);
        for (const change of page.changes) latestSeen.set(change.id, change.version);
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        (async () => {
          for (let i = 0; i < 15; i += 1) {
            const id = `doc-u${i % 5}`; // Writers overwrite each other's records on purpose.
            await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, { title: `by writer ${w}, round ${i}` }));
          }
        })(),
      ),
    );
    writing = false;
    await reader;
    const tail = await readFeed(server.url, cursor);
    for (const change of tail.changes) latestSeen.set(change.id, change.version);
    for (let i = 0; i < 5; i += 1) {
      const current = (await (await fetch(`${server.url}/api/v1/documents/doc-u${i}`)).json()) as { version: number };
      expect(latestSeen.get(`doc-u${i}`)).toBe(current.version);
    }
  });
});
