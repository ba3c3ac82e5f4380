// Random amendment sequences applied through the corpus writer to a real
// store, with notes made on the first version (fast-check): every note ends
// placed on its words (marked when the passage around it changed, never
// silently on other words) or an orphan showing its passage as it was made
// on; and five versions of a 50-article law cost less than twice one version.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRecordSchemas, type ContentRecord } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import { htmlToText } from '../../../shared/text';
import type { Core } from '../../../electron/core/core';
import { RecordVersions } from '../../../electron/core/db/corpus/record-versions';
import { lawBody, lawRecord, type FixtureArticle } from '../../support/law-fixture';
import { startCore } from '../../support/sync';

// Made-up words from syllables: a vocabulary of thousands, so that a quote of a few words occurs once.
const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'van', 'su', 'rel', 'do', 'pan', 'ist', 'or', 'ne', 'bra', 'qui', 'tol', 'fen'];
const word = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })).map(([a, b, c]) => `${SYLLABLES[a]}${SYLLABLES[b]}${SYLLABLES[c]}`);
const paragraph = fc.array(word, { minLength: 12, maxLength: 30 }).map((words) => `${words.join(' ')}.`);
const article = (label: string) => fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((paragraphs): FixtureArticle => ({ label, heading: `Heading ${label}`, paragraphs }));

type Op =
  | { kind: 'reword'; article: number; paragraph: number; text: string }
  | { kind: 'edit-word'; article: number; paragraph: number; word: number; replacement: string }
  | { kind: 'insert'; after: number; article: FixtureArticle }
  | { kind: 'delete'; article: number }
  | { kind: 'repeal'; article: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reword' as const), article: fc.nat(), paragraph: fc.nat(), text: paragraph }),
  fc.record({ kind: fc.constant('edit-word' as const), article: fc.nat(), paragraph: fc.nat(), word: fc.nat(), replacement: word }),
  fc.record({ kind: fc.constant('insert' as const), after: fc.nat(), article: article('x') }),
  fc.record({ kind: fc.constant('delete' as const), article: fc.nat() }),
  fc.record({ kind: fc.constant('repeal' as const), article: fc.nat() }),
);

/** Applies one amendment; returns the new articles and the paragraphs (by identity) it touched. */
function amend(articles: FixtureArticle[], ops: Op[], version: number): FixtureArticle[] {
  const next = articles.map((a) => ({ ...a, paragraphs: [...a.paragraphs] }));
  for (const [n, change] of ops.entries()) {
    if (next.length === 0) break;
    if (change.kind === 'insert') {
      const at = change.after % (next.length + 1);
      next.splice(at, 0, { ...change.article, label: `${version}-${n}` });
      continue;
    }
    const target = next[change.article % next.length]!;
    if (change.kind === 'delete') next.splice(next.indexOf(target), 1);
    else if (change.kind === 'repeal') next[next.indexOf(target)] = { label: target.label, heading: '', paragraphs: ['(repealed)'] };
    else {
      const index = change.paragraph % target.paragraphs.length;
      if (change.kind === 'reword') target.paragraphs[index] = change.text;
      else {
        const words = target.paragraphs[index]!.split(' ');
        words[change.word % words.length] = change.replacement;
        target.paragraphs[index] = words.join(' ');
      }
    }
  }
  return next;
}

/** A page with one version of the law, as the feed would carry it. */
function page(id: string, version: number, articles: FixtureArticle[], number: number): { page: ChangesPage; record: ContentRecord<'document'> } {
  const fixture = { number, inForceFrom: `20${String(10 + number).padStart(2, '0')}-01-01`, articles };
  const record = contentRecordSchemas.document.parse({ ...lawRecord(id, fixture, lawBody(fixture)), version, updatedAt: '2026-12-03T10:00:00.000Z' });
  return { page: { changes: [{ op: 'upsert', version, type: 'document', id, updatedAt: record.updatedAt, record }], cursor: version, hasMore: false, latest: version }, record };
}

describe('annotations through random amendment sequences', () => {
  let local: Awaited<ReturnType<typeof startCore>>;
  let core: Core;
  let version = 0;
  beforeAll(async () => {
    local = await startCore();
    core = local.core;
  });
  afterAll(() => local?.close());

  it('ends every note placed on its words (marked when its passage changed) or an orphan showing its passage as made on', async () => {
    const spans = fc.array(fc.record({ article: fc.nat(), paragraph: fc.nat(), start: fc.nat(), length: fc.integer({ min: 3, max: 8 }) }), { minLength: 1, maxLength: 4 });
    const law = fc.integer({ min: 3, max: 10 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => article(String(i + 1)))));
    const amendments = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(law, spans, amendments, async (first, wanted, sequence) => {
        run += 1;
        const id = `law-p${run}`;
        const target = { type: 'document' as const, id, key: null };
        version += 1;
        core.sync.writer.applyPage(page(id, version, first, 1).page, 'http://127.0.0.1:1');
        const v1Text = (await core.handlers['annotations.forTarget']({ target })).text!;
        // Each note on some words of one paragraph, remembered with that paragraph.
        const notes: Array<{ id: string; quote: string; paragraph: string }> = [];
        for (const span of wanted) {
          const a = first[span.article % first.length]!;
          const text = a.paragraphs[span.paragraph % a.paragraphs.length]!;
          const words = text.split(' ');
          const from = span.start % Math.max(1, words.length - span.length);
          const quote = words.slice(from, from + span.length).join(' ');
          const start = v1Text.indexOf(quote);
          if (start === -1 || v1Text.indexOf(quote, start + 1) !== -1) continue;
          const made = await core.handlers['annotations.create']({ target, start, end: start + quote.length, exact: quote, note: '', color: 'yellow', tags: [] });
          notes.push({ id: made.id, quote, paragraph: text });
        }
        let articles = first;
        for (const [k, ops] of sequence.entries()) {
          articles = amend(articles, ops, k + 2);
          version += 1;
          core.sync.writer.applyPage(page(id, version, articles, k + 2).page, 'http://127.0.0.1:1');
        }
        const final = await core.handlers['annotations.forTarget']({ target });
        const finalText = final.text!;
        const surviving = new Set(articles.flatMap((a) => a.paragraphs));
        for (const note of notes) {
          const annotation = final.annotations.find((a) => a.id === note.id)!;
          expect(annotation.madeOn.exact).toBe(note.quote);
          expect(v1Text.slice(annotation.madeOn.start, annotation.madeOn.end)).toBe(note.quote);
          if (annotation.anchoring.status === 'placed') {
            expect(finalText.slice(annotation.position.start, annotation.position.end)).toBe(annotation.quote.exact);
            // Never silently on other words.
            if (annotation.textChange === null) expect(annotation.quote.exact).toBe(note.quote);
            else {
              const before = annotation.textChange.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
              const after = annotation.textChange.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
              expect(`${annotation.madeOn.prefix}${annotation.madeOn.exact}${annotation.madeOn.suffix}`).toContain(before);
              expect(before).toContain(note.quote);
              expect(`${annotation.quote.prefix}${annotation.quote.exact}${annotation.quote.suffix}`).toContain(after);
            }
          } else {
            expect(annotation.textChange?.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toContain(note.quote);
          }
          // A quote whose paragraph survived untouched, once in the final text, is placed on it.
          const once = finalText.indexOf(note.quote) !== -1 && finalText.indexOf(note.quote, finalText.indexOf(note.quote) + 1) === -1;
          if (surviving.has(note.paragraph) && once) {
            expect(annotation.anchoring.status).toBe('placed');
            expect(annotation.quote.exact).toBe(note.quote);
            expect(annotation.position.start).toBe(finalText.indexOf(note.quote));
          }
        }
        // Every version the sequence made is kept and reads back as it was published.
        const { versions } = await core.handlers['history.versions']({ target: { type: 'document', id } });
        expect(versions).toHaveLength(sequence.length + 1);
        const v1 = await core.handlers['history.text']({ target: { type: 'document', id }, at: { number: 1 } });
        expect(htmlToText(v1.body)).toBe(v1Text);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('keeps 5 versions of a 50-article law in under twice the bytes of one version', async () => {
    const law = fc.tuple(...Array.from({ length: 50 }, (_, i) => article(String(i + 1))));
    const amendments = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 });
    const versions = new RecordVersions(core.stores.corpus);
    let run = 0;
    const ratios: number[] = [];
    await fc.assert(
      fc.asyncProperty(law, amendments, async (first, sequence) => {
        run += 1;
        const id = `law-big${run}`;
        version += 1;
        const one = page(id, version, first, 1);
        core.sync.writer.applyPage(one.page, 'http://127.0.0.1:1');
        const oneVersion = Buffer.byteLength(JSON.stringify(one.record));
        let articles = first;
        for (const [k, ops] of sequence.entries()) {
          articles = amend(articles, ops, k + 2);
          version += 1;
          core.sync.writer.applyPage(page(id, version, articles, k + 2).page, 'http://127.0.0.1:1');
        }
        expect(versions.list('document', id)).toHaveLength(5);
        const stored = versions.storedBytes('document', id);
        ratios.push(stored / oneVersion);
        expect(stored).toBeLessThan(2 * oneVersion);
      }),
      { numRuns: 20, seed: 20261203 },
    );
    // The figure for the docs: the worst and the mean of the runs.
    console.log(`history of 5 versions / one version: max ${Math.max(...ratios).toFixed(3)}, mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(3)}`);
  });
});
