// The interface's data layer over the contract: a real portal with the sample
// corpus, a real sync into a real SQLite store, every answer checked against
// the feed the portal serves (an oracle independent of the local SQL).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { countSql, filterClause, windowSql } from '../../../electron/core/db/corpus/record-filters';
import { DEFAULT_SETTINGS } from '../../../shared/sync';
import { COUNTRY_SHEET_SECTIONS } from '../../../shared/content';
import type { MethodName } from '../../../shared/contract';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { serverContent, startCore } from '../../support/sync';

// Feed records and contract answers are compared by value here, so they stay loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rec = Record<string, any>;
const SAMPLE_NOW = '2026-11-01';

describe('the library data layer', () => {
  let server: TestPortal;
  let core: Core;
  let dataDir: string;
  let close: () => Promise<void>;
  let content: Map<string, Rec>;
  const ofType = (type: string) => [...content].filter(([key]) => key.startsWith(`${type}/`)).map(([, record]) => record);

  /** Calls through the core's dispatch, which validates arguments and results like every boundary does. */
  async function call(method: MethodName, args: unknown): Promise<Rec> {
    const envelope = await core.dispatch(method, args);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as Rec;
  }
  const failure = async (method: MethodName, args: unknown) => {
    const envelope = await core.dispatch(method, args);
    if (envelope.ok) throw new Error(`${method} succeeded unexpectedly`);
    return envelope.error;
  };
  const resync = async () => {
    await core.sync.run(server.url);
    content = (await serverContent(server.url)) as Map<string, Rec>;
  };

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 400 });
    await server.editor('PUT', '/api/v1/editor/document/doc-lower', sampleDocument('doc-lower', { title: 'aardvark report on <b>housing</b>', summary: '<p>Housing &amp; shelter</p>', publishedOn: '2024-02-02' }));
    ({ core, dataDir, close } = await startCore());
    await resync();
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  describe('records.list', () => {
    it('lists every document, newest first, in windows that join into the whole list', async () => {
      const documents = ofType('document');
      const first = await call('records.list', { types: ['document'], limit: 200 });
      expect(first.total).toBe(documents.length);
      const second = await call('records.list', { types: ['document'], offset: 200, limit: 200 });
      const third = await call('records.list', { types: ['document'], offset: 400, limit: 200 });
      const all = [...first.items, ...second.items, ...third.items];
      expect(all.map((item: Rec) => item.id).sort()).toEqual(documents.map((doc) => doc.id).sort());
      const dates = all.map((item: Rec) => item.date);
      expect(dates).toEqual([...dates].sort().reverse());
      const overlap = await call('records.list', { types: ['document'], offset: 150, limit: 100 });
      expect(overlap.items).toEqual(all.slice(150, 250));
      expect((await call('records.list', { types: ['document'], offset: 10_000 })).items).toEqual([]);
    });

    it('gives plain-text summaries and list facts of each record', async () => {
      const { items } = await call('records.list', { types: ['document'], sort: 'title', limit: 200 });
      expect(items.find((item: Rec) => item.id === 'doc-lower')).toMatchObject({ type: 'document', id: 'doc-lower', title: 'aardvark report on <b>housing</b>', summary: 'Housing & shelter', countries: ['DE'], themes: ['employment'], kind: 'report', language: 'en', date: '2024-02-02' });
      const news = await call('records.list', { types: ['news'], limit: 50 });
      for (const item of news.items) expect(item.summary).not.toMatch(/[<>]/);
    });

    it('sorts by title without regard to (ASCII) case', async () => {
      const { items } = await call('records.list', { types: ['document'], sort: 'title', limit: 200 });
      // SQLite's NOCASE folds A–Z only.
      const titles = items.map((item: Rec) => item.title.replace(/[A-Z]/g, (letter: string) => letter.toLowerCase()));
      expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('filters by kind, country, theme, language and years exactly as the feed says', async () => {
      const filters = { types: ['document'], kinds: ['report', 'study'], countries: ['DE', 'FR'], yearFrom: 2015, yearTo: 2022 };
      const expected = ofType('document').filter(
        (doc) => ['report', 'study'].includes(doc.documentType) && doc.countries.some((c: string) => ['DE', 'FR'].includes(c)) && doc.publishedOn && doc.publishedOn >= '2015' && doc.publishedOn < '2023',
      );
      const listed = await call('records.list', { ...filters, limit: 200 });
      expect(listed.total).toBe(expected.length);
      expect(listed.items.map((item: Rec) => item.id).sort()).toEqual(expected.map((doc) => doc.id).sort());

      const themed = ofType('document').filter((doc) => doc.themes.includes('housing') && doc.language === 'fr');
      const byTheme = await call('records.list', { types: ['document'], themes: ['housing'], languages: ['fr'], limit: 200 });
      expect(byTheme.items.map((item: Rec) => item.id).sort()).toEqual(themed.map((doc) => doc.id).sort());
    });

    it('lists several types together by date', async () => {
      const listed = await call('records.list', { types: ['news', 'event'], sort: 'date-asc', limit: 200 });
      expect(listed.total).toBe(ofType('news').length + ofType('event').length);
      const dates = listed.items.map((item: Rec) => item.date);
      expect(dates).toEqual([...dates].sort());
    });

    it('refuses unbounded or unknown arguments', async () => {
      expect((await failure('records.list', { types: ['document'], limit: 201 })).code).toBe('invalid_arguments');
      expect((await failure('records.list', { types: [] })).code).toBe('invalid_arguments');
      expect((await failure('records.list', { types: ['document'], orderBy: 'rowid; DROP TABLE records' })).code).toBe('invalid_arguments');
      expect((await failure('records.list', { types: ['document'], countries: ["DE' OR 1=1 --"] })).code).toBe('invalid_arguments');
    });

    it('reads windows and counts from the covering indexes, without sorting', () => {
      const sqlite = new Database(path.join(dataDir, 'corpus.sqlite'), { readonly: true });
      try {
        const plan = (sql: string, params: unknown[]) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
        const cases = [
          { types: ['document' as const], kinds: [], countries: [], themes: [], languages: [] },
          { types: ['document' as const], kinds: ['report', 'study'], countries: ['DE'], themes: ['housing'], languages: ['de', 'en'], yearFrom: 2010, yearTo: 2020 },
        ];
        for (const filters of cases) {
          const where = filterClause(filters);
          for (const sort of ['date-desc', 'date-asc', 'title'] as const) {
            const detail = plan(windowSql(where, sort), [...where.params, 10, 0]);
            expect(detail, sort).toMatch(/USING COVERING INDEX records_list_(date|title)/);
            expect(detail, sort).not.toMatch(/TEMP B-TREE/);
          }
          expect(plan(countSql(where), where.params)).toMatch(/USING COVERING INDEX/);
        }
      } finally {
        sqlite.close();
      }
    });
  });

  it('lists the threads of a forum and the posts of a thread by their parent (forum browsing)', async () => {
    const threads = ofType('forum-thread');
    const forumId = threads[0]!.forumId as string;
    const inForum = threads.filter((thread) => thread.forumId === forumId).map((thread) => thread.id).sort();
    const listed = await call('records.list', { types: ['forum-thread'], parents: [forumId], limit: 200 });
    expect(listed.total).toBe(inForum.length);
    expect(listed.items.map((item: Rec) => item.id).sort()).toEqual(inForum);
    const posts = ofType('forum-post').filter((post) => post.threadId === inForum[0]);
    expect(posts.length).toBeGreaterThan(0);
    const listedPosts = await call('records.list', { types: ['forum-post'], parents: [inForum[0]], sort: 'date-asc', limit: 200 });
    expect(listedPosts.items.map((item: Rec) => item.id)).toEqual([...posts].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((post) => post.id));
    expect((await call('records.facets', { types: ['forum-post'], parents: [inForum[0]] })).total).toBe(posts.length);
    expect(await failure('records.list', { types: ['forum-post'], parents: [] })).toMatchObject({ code: 'invalid_arguments' });
  });

  describe('records.facets', () => {
    it('counts each facet under the other facets\' filters', async () => {
      const facets = await call('records.facets', { types: ['document'], kinds: ['report'], countries: ['DE'] });
      const docs = ofType('document');
      const inDE = docs.filter((doc) => doc.countries.includes('DE'));
      const reports = docs.filter((doc) => doc.documentType === 'report');
      expect(facets.total).toBe(inDE.filter((doc) => doc.documentType === 'report').length);
      // The kind facet ignores the kind filter: other kinds stay visible with their counts.
      const kindCounts = Object.fromEntries(facets.kind.map((f: Rec) => [f.value, f.count]));
      for (const kind of new Set(inDE.map((doc) => doc.documentType))) expect(kindCounts[kind]).toBe(inDE.filter((doc) => doc.documentType === kind).length);
      const countryCounts = Object.fromEntries(facets.country.map((f: Rec) => [f.value, f.count]));
      expect(countryCounts.FR).toBe(reports.filter((doc) => doc.countries.includes('FR')).length);
      const years = facets.year.map((f: Rec) => f.value);
      expect(years).toEqual([...years].sort().reverse());
    });
  });

  describe('records.get and attachments.read', () => {
    it('returns a record in full with its attachments, available offline', async () => {
      const withFile = ofType('document').find((doc) => doc.attachments.length > 0)!;
      const detail = await call('records.get', { type: 'document', id: withFile.id });
      expect(detail.record).toEqual(withFile);
      expect(detail.attachments).toEqual(withFile.attachments.map((a: Rec) => ({ sha256: a.sha256, fileName: a.fileName, mediaType: a.mimeType, size: a.size, availableOffline: true })));
      expect(detail.unseenChange).toBeNull(); // The first sync brought everything, so it marks nothing.

      const whole = await call('attachments.read', { sha256: withFile.attachments[0].sha256 });
      const bytes = Buffer.from(whole.base64, 'base64');
      expect(bytes.byteLength).toBe(withFile.attachments[0].size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(withFile.attachments[0].sha256);
      expect(whole.mediaType).toBe('application/pdf');
      const range = await call('attachments.read', { sha256: whole.sha256, offset: 10, length: 20 });
      expect(Buffer.from(range.base64, 'base64')).toEqual(bytes.subarray(10, 30));
    });

    it('says clearly what is not there and refuses anything but a hash', async () => {
      expect(await failure('records.get', { type: 'document', id: 'no-such-doc' })).toEqual({ code: 'not_found', message: expect.stringContaining('No document with id "no-such-doc"') });
      expect((await failure('records.get', { type: 'document', id: '../etc' })).code).toBe('invalid_arguments');
      expect((await failure('records.get', { type: 'nonsense', id: 'x' })).code).toBe('invalid_arguments');
      expect((await failure('attachments.read', { sha256: '../../corpus.sqlite' })).code).toBe('invalid_arguments');
      expect((await failure('attachments.read', { sha256: 'a'.repeat(64) })).code).toBe('not_found');
      expect((await failure('attachments.read', { sha256: 'a'.repeat(64), length: 17 * 1024 * 1024 })).code).toBe('invalid_arguments');
    });
  });

  describe('country sheets', () => {
    it('lists every country with a sheet and shows one by its six sections', async () => {
      const sheets = await call('countrySheets.list', {});
      expect(sheets.map((sheet: Rec) => sheet.country)).toEqual(ofType('country-sheet').map((sheet) => sheet.country).sort());
      const de = await call('countrySheets.get', { country: 'DE' });
      expect(de.sections.map((section: Rec) => section.key)).toEqual([...COUNTRY_SHEET_SECTIONS]);
      const served = content.get('country-sheet/country-DE')!;
      expect(de.sections.find((s: Rec) => s.key === 'legislation').body).toBe(served.sections.find((s: Rec) => s.key === 'legislation').body);
      expect((await failure('countrySheets.get', { country: 'XX' })).code).toBe('not_found');
      expect((await failure('countrySheets.get', { country: 'de' })).code).toBe('invalid_arguments');
    });

    it('marks the sections changed since the sheet was last opened, with the text before', async () => {
      const editSection = async (key: string, body: string) => {
        const { version: _v, updatedAt: _u, ...fields } = content.get('country-sheet/country-DE')!;
        fields.sections = fields.sections.map((s: Rec) => (s.key === key ? { ...s, body, updatedAt: new Date().toISOString() } : s));
        expect((await server.editor('PUT', '/api/v1/editor/country-sheet/country-DE', fields)).status).toBe(200);
      };
      const original = content.get('country-sheet/country-DE')!.sections.find((s: Rec) => s.key === 'legislation').body;
      await editSection('legislation', '<p>New residence act, version one.</p>');
      await resync();
      let de = await call('countrySheets.get', { country: 'DE' });
      const changed = de.sections.filter((s: Rec) => s.unseenChange);
      expect(changed.map((s: Rec) => [s.key, s.unseenChange, s.previousBody])).toEqual([['legislation', 'changed', original]]);
      expect(de.sections.find((s: Rec) => s.key === 'strategy').previousBody).toBeNull();
      const list = await call('countrySheets.list', {});
      expect(list.filter((sheet: Rec) => sheet.changedSections.length > 0).map((sheet: Rec) => [sheet.country, sheet.changedSections])).toEqual([['DE', ['legislation']]]);
      expect((await call('records.get', { type: 'country-sheet', id: 'country-DE' })).unseenChange).toBe('changed');
      expect((await call('records.get', { type: 'country-sheet', id: 'country-FR' })).unseenChange).toBeNull();

      // A sync that brings nothing keeps the marks.
      await resync();
      de = await call('countrySheets.get', { country: 'DE' });
      expect(de.sections.filter((s: Rec) => s.unseenChange).map((s: Rec) => s.key)).toEqual(['legislation']);

      // Two edits within one sync: "before" is the text before that sync; the unopened legislation change stays.
      await editSection('funding', '<p>Funding, first edit.</p>');
      const fundingBefore = content.get('country-sheet/country-DE')!.sections.find((s: Rec) => s.key === 'funding').body;
      content = (await serverContent(server.url)) as Map<string, Rec>;
      await editSection('funding', '<p>Funding, second edit.</p>');
      await resync();
      de = await call('countrySheets.get', { country: 'DE' });
      expect(de.sections.filter((s: Rec) => s.unseenChange).map((s: Rec) => [s.key, s.previousBody, s.body])).toEqual([
        ['legislation', original, '<p>New residence act, version one.</p>'],
        ['funding', fundingBefore, '<p>Funding, second edit.</p>'],
      ]);

      const home = await call('home.summary', { asOf: SAMPLE_NOW });
      expect(home.lastChanges.counts).toEqual({ 'country-sheet': 1 });
      expect(home.lastChanges.newest.map((item: Rec) => item.id)).toEqual(['country-DE']);
      expect(home.sync).toMatchObject({ serverUrl: server.url, running: false, lastError: null, lastSyncAt: expect.any(String) });
    });
  });

  describe('good practices', () => {
    it('compares practices side by side on the template fields', async () => {
      const [a, b] = ofType('good-practice');
      const compared = await call('practices.compare', { ids: [a!.id, b!.id] });
      expect(compared.practices.map((p: Rec) => p.id)).toEqual([a!.id, b!.id]);
      const field = (name: string) => compared.fields.find((f: Rec) => f.field === name);
      expect(field('title').values).toEqual([a!.title, b!.title]);
      expect(field('howItWorks')).toMatchObject({ format: 'html', values: [a!.howItWorks, b!.howItWorks] });
      expect(field('evaluationType').values).toEqual([a!.evaluation.type, b!.evaluation.type]);
      expect(field('organisationName').values).toEqual([a!.organisation.name, b!.organisation.name]);
      expect(field('title').differs).toBe(true);
      expect(compared.fields.map((f: Rec) => f.field)[0]).toBe('title');
      expect((await failure('practices.compare', { ids: [a!.id, 'no-such-practice'] })).code).toBe('not_found');
      expect((await failure('practices.compare', { ids: [a!.id] })).code).toBe('invalid_arguments');
      expect((await failure('practices.compare', { ids: [a!.id, a!.id] })).code).toBe('invalid_arguments');
    });
  });

  describe('funding.list', () => {
    it('puts upcoming deadlines first, then rolling calls, then closed ones', async () => {
      const calls = ofType('funding');
      const all = await call('funding.list', { asOf: SAMPLE_NOW, limit: 200 });
      expect(all.total).toBe(calls.length);
      const items = all.items as Rec[];
      const group = (item: Rec) => (item.deadline === null ? 1 : item.deadline >= SAMPLE_NOW ? 0 : 2);
      expect(items.map(group)).toEqual([...items.map(group)].sort());
      const upcoming = items.filter((item) => group(item) === 0).map((item) => item.deadline);
      expect(upcoming).toEqual([...upcoming].sort());
      expect(items.find((item) => item.deadline === '2026-11-11')?.daysLeft ?? 10).toBe(10);

      const open = await call('funding.list', { asOf: SAMPLE_NOW, openOnly: true, limit: 200 });
      expect(open.total).toBe(calls.filter((c) => c.deadline === null || c.deadline >= SAMPLE_NOW).length);

      const window = await call('funding.list', { asOf: SAMPLE_NOW, deadlineFrom: '2026-12-01', deadlineTo: '2027-01-31', funderTypes: ['eu', 'national'], limit: 200 });
      const expected = calls.filter((c) => c.deadline && c.deadline >= '2026-12-01' && c.deadline <= '2027-01-31' && ['eu', 'national'].includes(c.funderType));
      expect(window.items.map((item: Rec) => item.id).sort()).toEqual(expected.map((c) => c.id).sort());
      expect((await failure('funding.list', { deadlineFrom: '1 Dec' })).code).toBe('invalid_arguments');
    });
  });

  describe('home.summary and settings', () => {
    it('lists upcoming deadlines and saved searches with new matches', async () => {
      await call('savedSearches.save', { name: 'Quokka', query: 'quokkaword' });
      await server.editor('PUT', '/api/v1/editor/document/doc-quokka', sampleDocument('doc-quokka', { title: 'The quokkaword report' }));
      await resync();
      const home = await call('home.summary', { asOf: SAMPLE_NOW, deadlineLimit: 3 });
      expect(home.savedSearches).toMatchObject([{ name: 'Quokka', newMatches: 1 }]);
      expect(home.upcomingDeadlines).toHaveLength(3);
      for (const item of home.upcomingDeadlines) expect(item.deadline >= SAMPLE_NOW).toBe(true);
      expect(home.lastChanges.counts).toEqual({ document: 1 });
      expect(home.lastChanges.newest[0]).toMatchObject({ id: 'doc-quokka', unseenChange: 'new' });
    });

    it('keeps interface language and theme in the settings, with defaults for older stores', async () => {
      expect(await call('settings.get', {})).toMatchObject({ interfaceLanguage: 'en', theme: 'system' });
      expect(await call('settings.update', { interfaceLanguage: 'fr', theme: 'dark' })).toMatchObject({ interfaceLanguage: 'fr', theme: 'dark' });
      expect((await failure('settings.update', { interfaceLanguage: 'es' })).code).toBe('invalid_arguments');
      // A settings document written before these fields existed reads with their defaults.
      const { interfaceLanguage: _l, theme: _t, ...older } = DEFAULT_SETTINGS;
      core.stores.user.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...older, syncIntervalMinutes: 5 }));
      expect(await call('settings.get', {})).toMatchObject({ interfaceLanguage: 'en', theme: 'system', syncIntervalMinutes: 5 });
    });
  });
});
