// Notes made on version 1 of a law, carried through three amendments synced
// from a real portal: each knows the version it was made on and the one it is
// on now; one on text changed around it is marked with the diff of its
// passage until the member accepts it; one on unchanged text is not; one on a
// deleted article becomes an orphan showing its passage as it was made on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { sqliteEngine } from '../../support/databases';
import { LAW_VERSIONS, lawRecord } from '../../support/law-fixture';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

const target = { type: 'document' as const, id: 'law-notes', key: null };
const side = (annotation: Annotation, which: 'before' | 'after') =>
  annotation.textChange!.parts.filter((part) => part.op === 'equal' || part.op === (which === 'before' ? 'delete' : 'insert')).map((part) => part.text).join('');

describe('notes through the versions of a law', () => {
  let server: TestPortal;
  let local: Awaited<ReturnType<typeof startCore>>;
  const made: Record<string, Annotation> = {};
  let firstVersion = 0;
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
    local = await startCore();
    const publish = async (index: number) => ((await (await server.editor('PUT', '/api/v1/editor/document/law-notes', lawRecord('law-notes', LAW_VERSIONS[index]!))).json()) as { version: number }).version;
    firstVersion = await publish(0);
    await local.core.sync.run(server.url);
    const { text } = await local.core.handlers['annotations.forTarget']({ target });
    const note = async (name: string, quote: string) => {
      const start = text!.indexOf(quote);
      made[name] = await local.core.handlers['annotations.create']({ target, start, end: start + quote.length, exact: quote, note: name, color: 'yellow', tags: [] });
    };
    await note('unchanged', 'third-country nationals residing lawfully');
    await note('around', 'is entitled to a place on an integration course');
    await note('deleted', 'issued to every participant who passes');
    for (const index of [1, 2, 3]) await publish(index);
    await local.core.sync.run(server.url);
  });
  afterAll(async () => {
    await local?.close();
    await server?.close();
  });

  const now = async () => new Map((await local.core.handlers['annotations.forTarget']({ target })).annotations.map((a) => [a.note, a]));

  it('knows the version each note was made on and the one it is on now', async () => {
    const notes = await now();
    const { versions } = await local.core.handlers['history.versions']({ target: { type: 'document', id: 'law-notes' } });
    for (const annotation of notes.values()) expect(annotation.madeOn.version).toBe(firstVersion);
    expect(notes.get('unchanged')!.textVersion).toBe(versions.at(-1)!.version);
    expect(notes.get('around')!.textVersion).toBe(versions.at(-1)!.version);
  });

  it('leaves the note on unchanged text unmarked, and marks the one whose surroundings changed with the diff of its passage', async () => {
    const notes = await now();
    expect(notes.get('unchanged')!.textChange).toBeNull();
    const around = notes.get('around')!;
    expect(around.anchoring.status).toBe('placed');
    expect(around.quote.exact).toBe('is entitled to a place on an integration course');
    expect(around.textChange?.sinceVersion).toBe(firstVersion);
    const changedWords = (op: string) => around.textChange!.parts.filter((part) => part.op === op).map((part) => part.text).join('|');
    expect(changedWords('delete')).toMatch(/one year.*three months/);
    expect(changedWords('insert')).toMatch(/six months.*six weeks/);
    // The note's own words are in the passage unchanged.
    expect(around.textChange!.parts.some((part) => part.op === 'equal' && part.text.includes('is entitled to a place on an integration course'))).toBe(true);
    // The passage as it was made on and as it is now, in whole words.
    expect(`${around.madeOn.prefix}${around.madeOn.exact}${around.madeOn.suffix}`).toContain(side(around, 'before'));
    expect(`${around.quote.prefix}${around.quote.exact}${around.quote.suffix}`).toContain(side(around, 'after'));
  });

  it('makes the note on a deleted article an orphan that shows its passage as it was made on', async () => {
    const orphan = (await now()).get('deleted')!;
    expect(orphan.anchoring).toMatchObject({ status: 'orphaned', reason: 'text-changed' });
    expect(orphan.madeOn).toMatchObject({ exact: 'issued to every participant who passes', version: firstVersion });
    const original = await local.core.handlers['history.text']({ target: { type: 'document', id: 'law-notes' }, at: { number: 1 } });
    const originalText = (await import('../../../shared/text')).htmlToText(original.body);
    expect(originalText.slice(orphan.madeOn.start, orphan.madeOn.end)).toBe(orphan.madeOn.exact);
    expect(side(orphan, 'before')).toContain('issued to every participant who passes');
  });

  it('filters the notes on changed text, and accepting one keeps it where it is without the mark', async () => {
    const changed = await local.core.handlers['annotations.list']({ textChanged: true, limit: 200, offset: 0 });
    expect(changed.annotations.map((a) => a.note).sort()).toEqual(['around', 'deleted']);
    expect((await local.core.handlers['annotations.facets']({})).textChanged).toBe(2);
    const around = (await now()).get('around')!;
    const accepted = await local.core.handlers['annotations.acceptChange']({ id: around.id });
    expect(accepted).toMatchObject({ textChange: null, quote: around.quote, position: around.position, madeOn: around.madeOn });
    expect((await local.core.handlers['annotations.list']({ textChanged: true, limit: 200, offset: 0 })).annotations.map((a) => a.note)).toEqual(['deleted']);
    const orphan = (await now()).get('deleted')!;
    await expect(local.core.handlers['annotations.acceptChange']({ id: orphan.id })).rejects.toThrow(/re-attach it/);
    // Re-attached by hand, the orphan is placed and no longer marked.
    const { text } = await local.core.handlers['annotations.forTarget']({ target });
    const start = text!.indexOf('offered childcare');
    const placed = await local.core.handlers['annotations.reattach']({ id: orphan.id, start, end: start + 'offered childcare'.length, exact: 'offered childcare' });
    expect(placed).toMatchObject({ anchoring: { status: 'placed' }, textChange: null, madeOn: orphan.madeOn });
  });
});
