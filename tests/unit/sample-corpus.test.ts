import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, contentFieldSchemas, COUNTRY_SHEET_SECTIONS, DOCUMENT_TYPES, EU_COUNTRIES } from '../../shared/content';
import { generateSampleCorpus, type SampleItem } from '../../server/sample/generate';

const corpus = generateSampleCorpus({ documents: 500 });
const items: SampleItem[] = [...corpus.items()];
const files = items.flatMap((item) => item.files ?? []);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads fields of every type by name
const byType = (type: string) => items.filter((item) => item.type === type).map((item) => item.fields as Record<string, any>);

describe('the sample corpus', () => {
  it('validates every item against its schema', () => {
    const failures = items.flatMap((item) => {
      const result = contentFieldSchemas[item.type].safeParse(item.fields);
      return result.success ? [] : [`${item.type} ${(item.fields as { id: string }).id}: ${result.error.issues[0]!.message}`];
    });
    expect(failures).toEqual([]);
  });

  it('is deterministic for a seed and differs for another', () => {
    const again = [...generateSampleCorpus({ documents: 500 }).items()];
    expect(again.flatMap((item) => item.files ?? []).map((f) => f.sha256)).toEqual(files.map((f) => f.sha256));
    expect(JSON.stringify(again)).toBe(JSON.stringify(items));
    const other = [...generateSampleCorpus({ documents: 500, seed: 7 }).items()];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(items));
  });

  it('yields what its counts say, with unique ids, covering every type', () => {
    for (const type of CONTENT_TYPES) expect(byType(type).length, type).toBe(corpus.counts[type]);
    expect(corpus.counts.document).toBe(500);
    const ids = items.map((item) => `${item.type}/${(item.fields as { id: string }).id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every reference: threads to forums, posts to threads, documents to attachments', () => {
    const forumIds = new Set(byType('forum').map((f) => f.id));
    const threadIds = new Set(byType('forum-thread').map((t) => t.id));
    expect(byType('forum-thread').every((t) => forumIds.has(t.forumId))).toBe(true);
    expect(byType('forum-post').every((p) => threadIds.has(p.threadId))).toBe(true);
    const postedThreads = new Set(byType('forum-post').map((p) => p.threadId));
    expect(postedThreads.size).toBe(threadIds.size);
    const hashes = new Set(files.map((a) => a.sha256));
    const referenced = byType('document').flatMap((d) => d.attachments.map((a: { sha256: string }) => a.sha256));
    expect(referenced.length).toBeGreaterThanOrEqual(3);
    expect(referenced.every((sha) => hashes.has(sha))).toBe(true);
    const order = items.map((item) => item.type);
    expect(order.indexOf('forum')).toBeLessThan(order.indexOf('forum-thread'));
    expect(order.lastIndexOf('forum-thread')).toBeLessThan(order.indexOf('forum-post'));
  });

  it('ships real PDFs whose hashes match and whose xref offsets point at their objects', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const attachment of files) {
      expect(createHash('sha256').update(attachment.bytes).digest('hex')).toBe(attachment.sha256);
      const text = Buffer.from(attachment.bytes).toString('latin1');
      expect(text.startsWith('%PDF-1.4')).toBe(true);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
      expect(text.slice(startxref, startxref + 4)).toBe('xref');
      const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      expect(entries.length).toBeGreaterThan(3);
      entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    }
  });

  it('has one sheet of six sections per member state, every document type, and real diacritics', () => {
    const sheets = byType('country-sheet');
    expect(sheets.map((s) => s.country).sort()).toEqual([...EU_COUNTRIES].sort());
    for (const sheet of sheets) expect(sheet.sections.map((s: { key: string }) => s.key)).toEqual([...COUNTRY_SHEET_SECTIONS]);
    expect(new Set(byType('document').map((d) => d.documentType))).toEqual(new Set(DOCUMENT_TYPES));
    expect(byType('document').filter((d) => d.documentType === 'legislation').every((d) => d.legal !== null)).toBe(true);
    const text = JSON.stringify(items);
    expect(text).toContain('integración');
    expect(text).toContain('Ausländer');
    expect(new Set(byType('document').map((d) => d.language)).size).toBeGreaterThanOrEqual(6);
  });
});
