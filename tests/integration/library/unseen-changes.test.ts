// "New" and "changed" per record until the user opens it, against a real
// portal and real syncs into real SQLite stores: the first sync marks nothing,
// later syncs mark what they brought and the marks outlast further syncs, a
// restart and a resync from 0; opening a record, or "mark all as seen", clears
// them; a changed country-sheet section keeps the text the user last saw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import type { MethodName } from '../../../shared/contract';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { FAST_PULL, serverContent } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

// Contract answers are compared by value here, so they stay loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rec = Record<string, any>;

describe('what the user has not seen yet', () => {
  let server: TestPortal;
  let other: TestPortal;
  let core: Core;
  const temp = makeTempDir('ewsi-unseen-');
  const open = () => createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL } });

  async function call(method: MethodName, args: unknown): Promise<Rec> {
    const envelope = await core.dispatch(method, args);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as Rec;
  }
  const sync = (url = server.url) => core.sync.run(url);
  const unseenOf = async (type: string, id: string) => (await call('records.get', { type, id })).unseenChange;
  /** Every record of the library with a mark, "type/id" → mark, from records.list. */
  async function listedMarks(): Promise<Record<string, string>> {
    const marks: Record<string, string> = {};
    for (let offset = 0; ; offset += 200) {
      const { total, items } = await call('records.list', { types: ['document', 'country-sheet', 'funding', 'news'], offset, limit: 200 });
      for (const item of items) if (item.unseenChange) marks[`${item.type}/${item.id}`] = item.unseenChange;
      if (offset + 200 >= total) return marks;
    }
  }
  async function portalRecord(type: string, id: string): Promise<Rec> {
    const record = (await serverContent(server.url)).get(`${type}/${id}`) as Rec;
    const { version: _version, updatedAt: _updatedAt, ...fields } = record;
    return fields;
  }
  async function editSheetSection(key: string, body: string): Promise<void> {
    const fields = await portalRecord('country-sheet', 'country-DE');
    fields.sections = fields.sections.map((s: Rec) => (s.key === key ? { ...s, body, updatedAt: new Date().toISOString() } : s));
    expect((await server.editor('PUT', '/api/v1/editor/country-sheet/country-DE', fields)).status).toBe(200);
  }
  async function editDocument(id: string, summary: string): Promise<void> {
    expect((await server.editor('PUT', `/api/v1/editor/document/${id}`, { ...(await portalRecord('document', id)), summary })).status).toBe(200);
  }

  let documents: string[] = [];
  let originalLegislation = '';

  beforeAll(async () => {
    [server, other] = await Promise.all([startTestPortal(testEngines()[0]!), startTestPortal(testEngines()[0]!)]);
    // The other portal serves the same sample: a switch to it is a resync from 0 that brings back the same records.
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 40 });
    await loadSampleCorpus(other.portal.content, other.portal.attachments, { documents: 40 });
    core = await open();
    const content = await serverContent(server.url);
    documents = [...content.keys()].filter((key) => key.startsWith('document/')).map((key) => key.slice('document/'.length)).sort();
    originalLegislation = (content.get('country-sheet/country-DE') as Rec).sections.find((s: Rec) => s.key === 'legislation').body;
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await Promise.all([server?.close(), other?.close()]);
    temp.cleanup();
  });

  it('marks nothing after the first sync: everything is new, which says nothing', async () => {
    await sync();
    expect(await listedMarks()).toEqual({});
    const sheets = await call('countrySheets.list', {});
    expect(sheets.length).toBeGreaterThan(20);
    expect(sheets.filter((sheet: Rec) => sheet.unseenChange !== null || sheet.changedSections.length > 0)).toEqual([]);
    expect((await call('countrySheets.get', { country: 'DE' })).sections.map((s: Rec) => s.unseenChange)).toEqual(Array(6).fill(null));
    const home = await call('home.summary', {});
    expect(home.unseen).toEqual({ new: 0, changed: 0 });
    expect(home.lastChanges.sinceVersion).toBe(0);
  });

  it('marks what a later sync brought, new or changed, and keeps the marks through the next syncs until opened', async () => {
    await server.editor('PUT', '/api/v1/editor/document/doc-arrived', sampleDocument('doc-arrived', { title: 'A report that arrived later' }));
    await editDocument(documents[0]!, 'Revised once.');
    await editSheetSection('legislation', '<p>New residence act, version one.</p>');
    await sync();
    expect(await listedMarks()).toEqual({ 'document/doc-arrived': 'new', [`document/${documents[0]}`]: 'changed', 'country-sheet/country-DE': 'changed' });
    expect((await call('home.summary', {})).unseen).toEqual({ new: 1, changed: 2 });
    const listed = (await call('countrySheets.list', {})).find((sheet: Rec) => sheet.country === 'DE');
    expect(listed).toMatchObject({ unseenChange: 'changed', changedSections: ['legislation'] });
    let de = await call('countrySheets.get', { country: 'DE' });
    expect(de.sections.filter((s: Rec) => s.unseenChange).map((s: Rec) => [s.key, s.unseenChange, s.previousBody])).toEqual([['legislation', 'changed', originalLegislation]]);

    // A small sync of something else: the marks nobody has seen stay.
    await editDocument(documents[1]!, 'Revised elsewhere.');
    await sync();
    expect(await listedMarks()).toEqual({
      'document/doc-arrived': 'new',
      [`document/${documents[0]}`]: 'changed',
      [`document/${documents[1]}`]: 'changed',
      'country-sheet/country-DE': 'changed',
    });
    // The corpus's own window moved on: the last sync brought one document.
    expect((await call('home.summary', {})).lastChanges.counts).toEqual({ document: 1 });

    // The section changes again, and another one: the diff is still from the text the user last saw.
    await editSheetSection('legislation', '<p>New residence act, version two.</p>');
    await editSheetSection('funding', '<p>Funding, edited.</p>');
    await sync();
    de = await call('countrySheets.get', { country: 'DE' });
    expect(de.sections.filter((s: Rec) => s.unseenChange).map((s: Rec) => [s.key, s.previousBody === null ? null : s.previousBody === originalLegislation, s.body])).toEqual([
      ['legislation', true, '<p>New residence act, version two.</p>'],
      ['funding', false, '<p>Funding, edited.</p>'],
    ]);
    // An unseen new record that changes again is still new.
    await server.editor('PUT', '/api/v1/editor/document/doc-arrived', sampleDocument('doc-arrived', { title: 'A report that arrived later, revised' }));
    await sync();
    expect(await unseenOf('document', 'doc-arrived')).toBe('new');
  });

  it('keeps the marks across a restart of the core', async () => {
    await core.close();
    core = await open();
    expect(await unseenOf('document', 'doc-arrived')).toBe('new');
    expect((await call('countrySheets.get', { country: 'DE' })).sections.filter((s: Rec) => s.unseenChange).map((s: Rec) => s.key)).toEqual(['legislation', 'funding']);
  });

  it('keeps the marks through a resync from 0, marks nothing it brings, and drops the marks of records it did not bring back', async () => {
    // Only the first portal has doc-arrived; the other serves the sample as loaded.
    await sync(other.url);
    expect(core.sync.writer.lastChanges()?.sinceVersion).toBe(0);
    expect(await listedMarks()).toEqual({
      [`document/${documents[0]}`]: 'changed',
      [`document/${documents[1]}`]: 'changed',
      'country-sheet/country-DE': 'changed',
    });
    expect((await call('home.summary', {})).unseen).toEqual({ new: 0, changed: 3 });
    // After the resync, the next change is the user's news again.
    await other.editor('PUT', '/api/v1/editor/document/doc-on-other', sampleDocument('doc-on-other', { title: 'Only on the other portal' }));
    await sync(other.url);
    expect(await unseenOf('document', 'doc-on-other')).toBe('new');
  });

  it('clears a record’s marks (and a sheet’s sections) once opened, and every mark with "mark all as seen"', async () => {
    expect(await call('changes.markSeen', { type: 'country-sheet', id: 'country-DE' })).toEqual({ seen: true });
    const de = await call('countrySheets.get', { country: 'DE' });
    expect(de.unseenChange).toBeNull();
    expect(de.sections.map((s: Rec) => [s.unseenChange, s.previousBody])).toEqual(Array(6).fill([null, null]));
    expect(await call('changes.markSeen', { type: 'country-sheet', id: 'country-DE' })).toEqual({ seen: false });
    expect(await call('changes.markSeen', { type: 'document', id: documents[0] })).toEqual({ seen: true });
    expect(await unseenOf('document', documents[0]!)).toBeNull();
    expect(await call('changes.markAllSeen', {})).toEqual({ seen: 2 });
    expect(await listedMarks()).toEqual({});
    expect((await call('home.summary', {})).unseen).toEqual({ new: 0, changed: 0 });
  });

  it('drops the mark of a record deleted on the portal', async () => {
    await other.editor('PUT', `/api/v1/editor/document/${documents[2]}`, { ...(await portalRecord('document', documents[2]!)), summary: 'Revised, then removed.' });
    await sync(other.url);
    expect(await unseenOf('document', documents[2]!)).toBe('changed');
    expect((await other.editor('DELETE', `/api/v1/editor/document/${documents[2]}`)).status).toBe(200);
    await sync(other.url);
    expect((await call('home.summary', {})).unseen).toEqual({ new: 0, changed: 0 });
  });

  it('refuses a mark for an unknown type', async () => {
    const envelope = await core.dispatch('changes.markSeen', { type: 'nothing', id: 'x' });
    expect(envelope.ok).toBe(false);
  });
});
