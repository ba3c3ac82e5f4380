// Annotations and collections through the core's contract, on a data folder
// synced from a real portal on 127.0.0.1; the portal then amends and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import type { Core } from '../../../electron/core/core';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

const LEGAL = { identifierScheme: 'CELEX', identifier: '32021L1883', status: 'in-force' };
const BODY_V1 = '<h2>Article 5</h2><p>The permit is <em>valid for 30 days</em>. An applicant shall register with the municipality.</p><p>Article 6. Family members may join after two years of residence.</p>';
const SECTIONS = ['strategy', 'programmes', 'legislation', 'governance', 'evaluation', 'funding'] as const;
const sheet = (legislation: string) => ({
  id: 'cs-AT',
  language: 'en',
  country: 'AT',
  countries: ['AT'],
  title: 'Austria',
  sections: SECTIONS.map((key) => ({ key, title: key, body: key === 'legislation' ? legislation : `<p>About ${key}.</p>`, updatedAt: '2026-11-01T00:00:00Z' })),
});
const BODY_V2 = '<h2>Preamble</h2><p>As amended.</p><h2>Article 5</h2><p>The permit is <em>valid for 45 days</em>. An applicant shall register with the municipality.</p>';

async function call<T>(core: Core, method: string, args: unknown): Promise<T> {
  const envelope = await core.dispatch(method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('annotations and collections on a synced library', () => {
  let server: TestPortal;
  let local: Awaited<ReturnType<typeof startCore>>;
  const put = async (id: string, overrides: Record<string, unknown>) => expect((await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, overrides))).status).toBe(200);

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await put('law-1', { documentType: 'legislation', legal: LEGAL, title: 'Residence Act', body: BODY_V1, countries: ['AT'] });
    await put('report-1', { body: '<p>Mentoring helps newcomers find work.</p>', countries: ['DE'] });
    local = await startCore();
    local.core.settings.update({ serverUrl: server.url });
    await local.core.sync.run();
  });
  afterAll(async () => {
    await local?.close();
    await server?.close();
  });

  const target = { type: 'document', id: 'law-1' } as const;
  let amended: Annotation;
  let deletedPassage: Annotation;

  it('creates annotations on the plain text given by forTarget, with W3C selectors', async () => {
    const view = await call<{ text: string; textVersion: number }>(local.core, 'annotations.forTarget', { target });
    expect(view.text).toContain('The permit is valid for 30 days');
    const start = view.text.indexOf('valid for 30 days');
    amended = await call<Annotation>(local.core, 'annotations.create', { target, start, end: start + 17, exact: 'valid for 30 days', note: 'Duration changed in 2025?', tags: ['duration', 'permit'], color: 'green' });
    expect(amended).toMatchObject({
      target: { type: 'document', id: 'law-1', key: null },
      textVersion: view.textVersion,
      quote: { type: 'TextQuoteSelector', exact: 'valid for 30 days', prefix: view.text.slice(Math.max(0, start - 32), start), suffix: view.text.slice(start + 17, start + 49) },
      position: { type: 'TextPositionSelector', start, end: start + 17 },
      anchoring: { status: 'placed', tier: 'created' },
    });
    expect(amended.textHash).toMatch(/^[0-9a-f]{64}$/);
    const familyStart = view.text.indexOf('Family members may join');
    deletedPassage = await call<Annotation>(local.core, 'annotations.create', { target, start: familyStart, end: familyStart + 'Family members may join after two years'.length, tags: ['family'] });
    const sameSpot = view.text.indexOf('register with the municipality');
    await call<Annotation>(local.core, 'annotations.create', { target, start: sameSpot, end: sameSpot + 30, color: 'blue' });
  });

  it('refuses a stale view, a span past the text and bad input with clear messages', async () => {
    expect(await local.core.dispatch('annotations.create', { target, start: 0, end: 5, exact: 'wrong' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/out of date/) } });
    expect(await local.core.dispatch('annotations.create', { target, start: 0, end: 100_000 })).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/past the end/) } });
    expect(await local.core.dispatch('annotations.create', { target, start: 5, end: 5 })).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/end must be greater than start/) } });
    expect(await local.core.dispatch('annotations.create', { target: { type: 'country-sheet', id: 'x' }, start: 0, end: 1 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/needs key/) } });
    expect(await local.core.dispatch('annotations.create', { target: { type: 'document', id: 'nope' }, start: 0, end: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('updates note, colour and tags, and filters the list', async () => {
    const updated = await call<Annotation>(local.core, 'annotations.update', { id: amended.id, note: 'Check the amendment', tags: ['duration', 'duration', 'amend'] });
    expect(updated).toMatchObject({ note: 'Check the amendment', tags: ['duration', 'amend'], color: 'green' });
    const byTag = await call<{ total: number; annotations: Annotation[] }>(local.core, 'annotations.list', { tag: 'amend' });
    expect(byTag.annotations.map((a) => a.id)).toEqual([amended.id]);
    expect((await call<{ total: number }>(local.core, 'annotations.list', { color: 'blue' })).total).toBe(1);
    expect((await call<{ total: number }>(local.core, 'annotations.list', { country: 'AT' })).total).toBe(3);
    expect((await call<{ total: number }>(local.core, 'annotations.list', { country: 'DE' })).total).toBe(0);
    expect((await call<{ total: number }>(local.core, 'annotations.list', { target: { type: 'document', id: 'law-1' } })).total).toBe(3);
    expect((await local.core.dispatch('annotations.update', { id: amended.id })).ok).toBe(false);
  });

  it('finds annotations by the words of their notes, kept in step with updates and deletes', async () => {
    type Hits = { hits: Array<{ annotation: Annotation; snippet: Array<{ text: string; match: boolean }> }> };
    const extra = await call<Annotation>(local.core, 'annotations.create', { target, start: 0, end: 7, note: 'Überprüfung der Frist durch das Ministerium' });
    const found = await call<Hits>(local.core, 'annotations.search', { query: 'uberprufung minist' });
    expect(found.hits.map((hit) => hit.annotation.id)).toEqual([extra.id]);
    expect(found.hits[0]!.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['Überprüfung', 'Ministerium']);
    expect((await call<Hits>(local.core, 'annotations.search', { query: 'amendment' })).hits.map((hit) => hit.annotation.id)).toEqual([amended.id]);
    await call(local.core, 'annotations.update', { id: amended.id, note: 'Compare with the directive' });
    expect((await call<Hits>(local.core, 'annotations.search', { query: 'amendment' })).hits).toEqual([]);
    expect((await call<Hits>(local.core, 'annotations.search', { query: 'directive' })).hits.map((hit) => hit.annotation.id)).toEqual([amended.id]);
    await call(local.core, 'annotations.delete', { id: extra.id });
    expect((await call<Hits>(local.core, 'annotations.search', { query: 'Frist' })).hits).toEqual([]);
    expect((await call<Hits>(local.core, 'annotations.search', { query: '"*(' })).hits).toEqual([]);
    expect((await local.core.dispatch('annotations.search', { query: '  ' })).ok).toBe(false);
    await call(local.core, 'annotations.update', { id: amended.id, note: 'Check the amendment' });
  });

  it('keeps the notes index through a backup and restore', async () => {
    const backup = await call<{ base64: string }>(local.core, 'userData.backup', {});
    await call(local.core, 'annotations.update', { id: amended.id, note: 'changed after the backup' });
    await call(local.core, 'userData.restore', { base64: backup.base64 });
    expect((await call<{ hits: Array<{ annotation: Annotation }> }>(local.core, 'annotations.search', { query: 'amendment' })).hits.map((hit) => hit.annotation.id)).toEqual([amended.id]);
    expect((await call<{ hits: unknown[] }>(local.core, 'annotations.search', { query: 'backup' })).hits).toEqual([]);
  });

  it('re-anchors after the portal amends the text, and orphans the deleted passage with its old quote', async () => {
    await put('law-1', { documentType: 'legislation', legal: LEGAL, title: 'Residence Act', body: BODY_V2, countries: ['AT'] });
    await local.core.sync.run();
    const view = await call<{ text: string; textVersion: number; annotations: Annotation[] }>(local.core, 'annotations.forTarget', { target });
    const byId = new Map(view.annotations.map((a) => [a.id, a]));
    const moved = byId.get(amended.id)!;
    expect(moved.anchoring).toMatchObject({ status: 'placed', tier: 'fuzzy' });
    expect(view.text.slice(moved.position.start, moved.position.end)).toBe('valid for 45 days');
    expect(moved.quote.exact).toBe('valid for 45 days');
    expect(moved.textVersion).toBe(view.textVersion);
    expect(moved.note).toBe('Check the amendment');
    const shifted = view.annotations.find((a) => a.color === 'blue')!;
    expect(shifted.anchoring).toMatchObject({ status: 'placed', tier: 'quote' });
    expect(view.text.slice(shifted.position.start, shifted.position.end)).toBe('register with the municipality');
    const orphan = byId.get(deletedPassage.id)!;
    expect(orphan.anchoring).toMatchObject({ status: 'orphaned', reason: 'text-changed', oldQuote: 'Family members may join after two years' });
    expect(orphan.quote.exact).toBe('Family members may join after two years');
    expect((await call<{ annotations: Annotation[] }>(local.core, 'annotations.list', { orphaned: true })).annotations.map((a) => a.id)).toEqual([deletedPassage.id]);
  });

  it('names the annotated records, counts the filters\' choices, and places an orphan again on a chosen passage', async () => {
    const listed = await call<{ records: Array<{ type: string; id: string; title: string | null; countries: string[] }> }>(local.core, 'annotations.list', {});
    expect(listed.records).toEqual([{ type: 'document', id: 'law-1', title: 'Residence Act', countries: ['AT'] }]);
    const facets = await call<Record<string, unknown>>(local.core, 'annotations.facets', {});
    expect(facets).toEqual({
      total: 3,
      orphaned: 1,
      // The amended figure sits in the other two notes' passages too ("valid for 45 days. An applicant shall …").
      textChanged: 3,
      colors: [
        { color: 'yellow', count: 1 },
        { color: 'green', count: 1 },
        { color: 'blue', count: 1 },
      ],
      tags: [
        { tag: 'amend', count: 1 },
        { tag: 'duration', count: 1 },
        { tag: 'family', count: 1 },
      ],
      records: [{ type: 'document', id: 'law-1', title: 'Residence Act', countries: ['AT'], count: 3 }],
      countries: [{ country: 'AT', count: 3 }],
    });
    const found = await call<{ hits: Array<{ annotation: Annotation }>; records: Array<{ title: string | null }> }>(local.core, 'annotations.search', { query: 'amendm' });
    expect(found.hits.map((hit) => hit.annotation.id)).toEqual([amended.id]);
    expect(found.records.map((record) => record.title)).toEqual(['Residence Act']);

    const text = (await call<{ text: string }>(local.core, 'annotations.forTarget', { target })).text;
    const start = text.indexOf('As amended');
    expect(await local.core.dispatch('annotations.reattach', { id: deletedPassage.id, start, end: start + 10, exact: 'something else' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const placed = await call<Annotation>(local.core, 'annotations.reattach', { id: deletedPassage.id, start, end: start + 10, exact: 'As amended' });
    expect(placed).toMatchObject({ id: deletedPassage.id, tags: ['family'], quote: { exact: 'As amended' }, position: { start, end: start + 10 }, anchoring: { status: 'placed', tier: 'created' } });
    expect((await call<{ total: number }>(local.core, 'annotations.list', { orphaned: true })).total).toBe(0);
    // Without `exact`, the span is taken as it is.
    const restored = await call<Annotation>(local.core, 'annotations.reattach', { id: deletedPassage.id, start: 0, end: 8 });
    expect(restored.quote.exact).toBe(text.slice(0, 8));
    expect(await local.core.dispatch('annotations.reattach', { id: 'missing', start: 0, end: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('annotates one country-sheet section, apart from the others, and follows its text when it moves', async () => {
    expect((await server.editor('PUT', '/api/v1/editor/country-sheet/cs-AT', sheet('<p>The Integration Act of 2017 requires values courses.</p>'))).status).toBe(200);
    await local.core.sync.run();
    const section = { type: 'country-sheet', id: 'cs-AT', key: 'legislation' } as const;
    const view = await call<{ text: string }>(local.core, 'annotations.forTarget', { target: section });
    expect(view.text).toBe('The Integration Act of 2017 requires values courses.');
    const made = await call<Annotation>(local.core, 'annotations.create', { target: section, start: 4, end: 27, tags: ['sheet'] });
    expect(made.quote.exact).toBe('Integration Act of 2017');
    expect((await call<{ annotations: Annotation[] }>(local.core, 'annotations.forTarget', { target: { ...section, key: 'strategy' } })).annotations).toEqual([]);
    expect((await server.editor('PUT', '/api/v1/editor/country-sheet/cs-AT', sheet('<p>Since 2019, the Integration Act of 2017 requires values and orientation courses.</p>'))).status).toBe(200);
    await local.core.sync.run();
    const after = await call<{ text: string; annotations: Annotation[] }>(local.core, 'annotations.forTarget', { target: section });
    const [moved] = after.annotations;
    expect(moved!.anchoring).toMatchObject({ status: 'placed', tier: 'quote' });
    expect(after.text.slice(moved!.position.start, moved!.position.end)).toBe('Integration Act of 2017');
    expect((await call<{ total: number }>(local.core, 'annotations.list', { tag: 'sheet', country: 'AT' })).total).toBe(1);
    await call(local.core, 'annotations.delete', { id: made.id });
  });

  it('keeps every annotation through a resync, and as orphans when the document is deleted', async () => {
    local.core.sync.writer.resetCorpus();
    await local.core.sync.run();
    expect((await call<{ total: number }>(local.core, 'annotations.list', {})).total).toBe(3);
    expect((await server.editor('DELETE', '/api/v1/editor/document/law-1')).status).toBe(200);
    await local.core.sync.run();
    const all = await call<{ total: number; annotations: Annotation[] }>(local.core, 'annotations.list', { orphaned: true });
    expect(all.total).toBe(3);
    for (const annotation of all.annotations) expect(annotation.anchoring).toMatchObject({ status: 'orphaned', reason: 'target-deleted', oldQuote: annotation.quote.exact });
    const view = await call<{ text: string | null; annotations: Annotation[] }>(local.core, 'annotations.forTarget', { target });
    expect(view.text).toBeNull();
    expect(view.annotations).toHaveLength(3);
    expect(await call<{ deleted: boolean }>(local.core, 'annotations.delete', { id: deletedPassage.id })).toEqual({ deleted: true });
    expect(await call<{ deleted: boolean }>(local.core, 'annotations.delete', { id: deletedPassage.id })).toEqual({ deleted: false });
  });

  it('manages collections of any synced items, with notes', async () => {
    expect(await call<unknown[]>(local.core, 'collections.list', {})).toEqual([]);
    await call(local.core, 'collections.create', { name: 'Reading list', note: 'for the mission' });
    expect((await local.core.dispatch('collections.create', { name: 'Reading list' })).ok).toBe(false);
    const added = await call<{ items: Array<{ type: string; id: string; title: string | null; note: string }> }>(local.core, 'collections.addItems', {
      name: 'Reading list',
      items: [{ type: 'document', id: 'report-1', note: 'key source' }, { type: 'document', id: 'law-1' }],
    });
    expect(added.items).toEqual([
      expect.objectContaining({ type: 'document', id: 'report-1', title: 'Report report-1', note: 'key source' }),
      expect.objectContaining({ type: 'document', id: 'law-1', title: null, note: '' }),
    ]);
    const noted = await call<{ items: Array<{ id: string; note: string }> }>(local.core, 'collections.setNote', { name: 'Reading list', item: { type: 'document', id: 'law-1' }, note: 'repealed' });
    expect(noted.items.find((i) => i.id === 'law-1')?.note).toBe('repealed');
    const renamed = await call<{ name: string; note: string }>(local.core, 'collections.rename', { name: 'Reading list', newName: 'Mission' });
    expect(renamed).toMatchObject({ name: 'Mission', note: 'for the mission' });
    const removed = await call<{ items: unknown[] }>(local.core, 'collections.removeItems', { name: 'Mission', items: [{ type: 'document', id: 'law-1' }] });
    expect(removed.items).toHaveLength(1);
    expect((await local.core.dispatch('collections.addItems', { name: 'Other', items: [{ type: 'document', id: 'report-1' }] })).ok).toBe(false);
    expect((await call<{ name: string }>(local.core, 'collections.addItems', { name: 'Other', create: true, items: [{ type: 'document', id: 'report-1' }] })).name).toBe('Other');
    expect((await call<Array<{ name: string }>>(local.core, 'collections.list', {})).map((c) => c.name)).toEqual(['Mission', 'Other']);
    expect(await call(local.core, 'collections.delete', { name: 'Other' })).toEqual({ deleted: true });
    expect((await local.core.dispatch('collections.rename', { name: 'Nope', newName: 'X' })).ok).toBe(false);
  });
});
