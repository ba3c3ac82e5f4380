// Citing a law as in force on a date: a law of four versions synced from a real
// portal is cited (through the contract, as the Cite dialog and `ewsi cite
// --as-of` do) with the version in force that day, its date in force, and its
// ELI in point-in-time form; a date before the first version is refused with
// the versions the library keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { LAW_VERSIONS, lawRecord } from '../../support/law-fixture';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

const ELI = 'http://data.example.eu/eli/act/2020/12';

describe('citing a law as in force on a date', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    for (const version of LAW_VERSIONS) expect((await server.editor('PUT', '/api/v1/editor/document/law-cited', lawRecord('law-cited', version))).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('cites the version in force that day with its point-in-time ELI, and refuses a day before the first', async () => {
    const { core, close } = await startCore();
    try {
      await core.sync.run(server.url);
      const cite = (asOf?: string) =>
        core.handlers['cite.format']({ source: { kind: 'items', items: [{ type: 'document', id: 'law-cited' }] }, style: 'apa', locale: 'en', mode: 'bibliography', ...(asOf ? { asOf } : {}) });
      const items = (asOf?: string) => core.citations.cslItems([{ type: 'document', id: 'law-cited' }], asOf).items;

      // Without a date: the current version (4) and the identifier as given.
      const current = items()[0]!;
      expect(current['call-number']).toBe(`ELI ${ELI}`);
      expect(String(current.note)).toMatch(/^Version: 4$/m);

      // On 2021-12-31 version 2 was in force (in force from 2021-07-01; version 3 from 2022-01-01).
      const onDate = items('2021-12-31')[0]!;
      expect(onDate['call-number']).toBe(`ELI ${ELI}/2021-12-31`);
      expect(String(onDate.note)).toMatch(/^Version: 2$/m);
      expect(String(onDate.note)).toMatch(/^In force from: 2021-07-01$/m);
      const formatted = await cite('2021-12-31');
      expect(formatted.count).toBe(1);
      expect(formatted.text).toContain('Integration Courses Act');

      // The first day of version 3 is version 3.
      expect(String(items('2022-01-01')[0]!.note)).toMatch(/^Version: 3$/m);

      await expect(cite('2019-12-31')).rejects.toThrow(/no version in force on 2019-12-31.*1, 2, 3, 4/);
    } finally {
      await close();
    }
  });
});
