// A country sheet's versions: each publication kept, each section's text
// readable as it was, and two versions compared section by section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY_SHEET_SECTIONS } from '../../../shared/content';
import { sqliteEngine } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

const sheet = (legislation: string, funding: string, updatedAt: string) => ({
  id: 'cs-DE',
  language: 'en',
  country: 'DE',
  countries: ['DE'],
  title: 'Germany',
  sections: COUNTRY_SHEET_SECTIONS.map((key) => ({
    key,
    title: key,
    body: key === 'legislation' ? legislation : key === 'funding' ? funding : `<p>About ${key} in Germany.</p>`,
    updatedAt,
  })),
});

describe('country-sheet versions', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
  });
  afterAll(() => server?.close());

  it('keeps each publication and compares two section by section', async () => {
    const { core, close } = await startCore();
    try {
      const v1 = sheet('<p>The Residence Act governs integration courses.</p>', '<p>AMIF funds 40 projects.</p>', '2025-01-10T00:00:00Z');
      const v2 = sheet('<p>The Residence Act, as amended in 2025, governs integration courses.</p>', '<p>AMIF funds 40 projects.</p>', '2025-06-01T00:00:00Z');
      expect((await server.editor('PUT', '/api/v1/editor/country-sheet/cs-DE', v1)).status).toBe(200);
      expect((await server.editor('PUT', '/api/v1/editor/country-sheet/cs-DE', v2)).status).toBe(200);
      await core.sync.run(server.url);
      const target = { type: 'country-sheet' as const, id: 'cs-DE' };
      const { versions } = await core.handlers['history.versions']({ target });
      expect(versions.map((v) => [v.number, v.current])).toEqual([[1, false], [2, true]]);
      const first = await core.handlers['history.text']({ target, at: { number: 1 } });
      expect(first.sections.find((section) => section.key === 'legislation')?.body).toBe('<p>The Residence Act governs integration courses.</p>');
      const diff = await core.handlers['history.diff']({ target, from: { number: 1 }, to: { number: 2 } });
      expect(diff.units.map((unit) => [unit.key, unit.status])).toEqual(COUNTRY_SHEET_SECTIONS.map((key) => [key, key === 'legislation' ? 'changed' : 'unchanged']));
      expect(diff.units.find((unit) => unit.key === 'legislation')!.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual([', as amended in 2025,']);
    } finally {
      await close();
    }
  });
});
