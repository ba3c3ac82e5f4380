// Legislation changes in the change feed as it changes in life: loading the
// 2,000-document sample into a real portal publishes each law's versions in
// order (each one a change of its own, with its date in force), at least 30 %
// of the laws have two or more, and the feed ends with what the corpus says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Written } from '../../server/content/store';
import { generateSampleCorpus } from '../../server/sample/generate';
import { loadSampleCorpus } from '../../server/sample/load';
import { sqliteEngine } from '../support/databases';
import { readFeed, startTestPortal, type TestPortal } from '../support/portal';

interface Legal {
  versionNumber?: number;
  inForceFrom?: string;
  changeNote?: string;
  status: string;
}

describe('legislation histories in the change feed', () => {
  let server: TestPortal;
  const published: Written[] = [];
  let loaded: { records: number; versions: number };
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
    loaded = await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 2000, onWritten: (written) => published.push(...written) });
  }, 120_000);
  afterAll(() => server?.close());

  it('publishes every version of every law, oldest first, each with its date in force and change note', () => {
    const laws = new Map<string, Array<{ feedVersion: number; legal: Legal }>>();
    for (const change of published) {
      const record = change.record as { documentType?: string; legal?: Legal } | null;
      if (change.type !== 'document' || record?.documentType !== 'legislation') continue;
      laws.set(change.id, [...(laws.get(change.id) ?? []), { feedVersion: change.version, legal: record.legal! }]);
    }
    expect(laws.size).toBe(250);
    for (const [id, history] of laws) {
      history.forEach((entry, i) => {
        expect(entry.legal.versionNumber, id).toBe(i + 1);
        expect(entry.legal.inForceFrom, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (i > 0) {
          expect(entry.feedVersion, id).toBeGreaterThan(history[i - 1]!.feedVersion);
          expect(entry.legal.inForceFrom! > history[i - 1]!.legal.inForceFrom!, id).toBe(true);
          expect(entry.legal.changeNote, id).toBeTruthy();
        }
      });
    }
    const amended = [...laws.values()].filter((history) => history.length >= 2).length;
    console.log(`${amended} of ${laws.size} laws (${((amended / laws.size) * 100).toFixed(1)} %) have two or more versions in the feed; ${loaded.versions - loaded.records} later versions in all`);
    expect(amended / laws.size).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...[...laws.values()].map((history) => history.length))).toBeLessThanOrEqual(5);
  });

  it('ends with the corpus as it stands: the feed serves each record once, in its last version', async () => {
    const { changes } = await readFeed(server.url, 0, 1000);
    expect(changes.length).toBe(loaded.records);
    const final = new Map([...generateSampleCorpus({ documents: 2000 }).items()].filter((item) => item.type === 'document').map((item) => [(item.fields as { id: string }).id, item.fields as { legal: Legal | null; body: string }]));
    for (const change of changes.filter((c) => c.type === 'document')) {
      const expected = final.get(change.id)!;
      expect((change.record as { body: string }).body, change.id).toBe(expected.body);
      if (expected.legal) expect((change.record as { legal: Legal }).legal.versionNumber, change.id).toBe(expected.legal.versionNumber);
    }
  });
});
