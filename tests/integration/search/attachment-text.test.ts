// The text of PDF attachments, end to end: a real portal serves documents with
// PDFs, a real core syncs them, its worker thread extracts their pages with
// pdf.js into the real corpus store, and search finds a word that is only on
// page 3 of a PDF, naming the file and the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { AttachmentText } from '../../../electron/core/db/corpus/attachment-text';
import { scoreByScan } from '../../../electron/core/search/attachment-hits';
import { buildScanPdf, buildTextPdf } from '../../../server/sample/pdf';
import { Random } from '../../../server/sample/random';
import type { SearchResultPayload } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import { testEngines } from '../../support/databases';
import { fillerParagraphs, pdfWithWordOnPage3, putDocument, putPdf } from '../../support/pdf-documents';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

/** A word no sample grammar writes. */
const WORD = 'zephyrine';

describe('searching the text of PDF attachments', () => {
  let server: TestPortal;
  let core: Core;
  let close: () => Promise<void>;
  let reportSha: string;

  const search = async (query: string): Promise<SearchResultPayload> => {
    const answer = await core.dispatch('search.query', { query });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as SearchResultPayload;
  };
  const status = async (): Promise<SyncStatus> => {
    const answer = await core.dispatch('sync.status', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as SyncStatus;
  };

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    const report = pdfWithWordOnPage3(WORD);
    expect(report.pages).toBeGreaterThanOrEqual(4);
    const reportRef = await putPdf(server, report.bytes, 'integration-report.pdf');
    reportSha = reportRef.sha256;
    await putDocument(server, 'doc-report', { title: 'Annual report', summary: 'A yearly report.', body: '<p>What the year brought.</p>', attachments: [reportRef] });
    await putDocument(server, 'doc-titled', { title: `The ${WORD} programme`, summary: 'A programme.', body: '<p>About it.</p>' });
    const scan = buildScanPdf(new Random(7), 3, 'Scanned letter');
    await putDocument(server, 'doc-scan', { title: 'Scanned letter', attachments: [await putPdf(server, scan.bytes, 'letter-scan.pdf')] });
    ({ core, close } = await startCore());
    await core.sync.run(server.url);
    await core.sync.textExtractor.run();
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('finds a word that is only on page 3 of a PDF, naming the file and the page', async () => {
    const result = await search(WORD);
    const hit = result.hits.find((h) => h.id === 'doc-report');
    expect(hit, JSON.stringify(result.hits)).toBeDefined();
    expect(hit!.attachment).toMatchObject({ sha256: reportSha, fileName: 'integration-report.pdf', page: 3 });
    const matched = hit!.attachment!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(matched).toContain(WORD);
    // The record's own text does not have the word: its snippet is its opening, with nothing marked.
    expect(hit!.snippet.some((part) => part.match)).toBe(false);
  });

  it('ranks a record with the word in its own title above one that has it only in its PDF', async () => {
    const ids = (await search(WORD)).hits.map((h) => h.id);
    expect(ids).toEqual(['doc-titled', 'doc-report']);
  });

  it('filters with in:attachment and has:fulltext', async () => {
    expect((await search(`${WORD} in:attachment`)).hits.map((h) => h.id)).toEqual(['doc-report']);
    const withText = (await search('has:fulltext')).hits.map((h) => h.id);
    expect(withText).toEqual(['doc-report']);
    expect((await search(`${WORD} has:fulltext`)).hits.map((h) => h.id)).toEqual(['doc-report']);
  });

  it('counts the PDFs indexed and those without a text layer in the sync status', async () => {
    const { fullText } = await status();
    expect(fullText).toMatchObject({ pdfs: 2, indexed: 1, withoutText: 1, failed: 0, notDownloaded: 0, pending: 0, running: false });
    expect(fullText.pages).toBeGreaterThanOrEqual(4);
  });

  it('follows a record whose PDF is replaced: the old text stops matching, the new one is found once extracted', async () => {
    const other = buildTextPdf({ title: 'Revised report', blocks: fillerParagraphs(5), footer: 'EWSI test document', pageLabel: (page) => `quillwort ${page}`, author: 'Test author', language: 'en' });
    await putDocument(server, 'doc-report', { title: 'Annual report', summary: 'A yearly report.', body: '<p>What the year brought.</p>', attachments: [await putPdf(server, other.bytes, 'revised-report.pdf')] });
    await core.sync.run(server.url);
    expect((await search(WORD)).hits.map((h) => h.id)).toEqual(['doc-titled']);
    await core.sync.textExtractor.run();
    const hit = (await search('quillwort')).hits.find((h) => h.id === 'doc-report');
    expect(hit?.attachment).toMatchObject({ fileName: 'revised-report.pdf', page: 1 });
    expect((await status()).fullText).toMatchObject({ pdfs: 2, indexed: 1, withoutText: 1 });
  });

  it('keeps the extracted text through a resync: the records are copied anew, the files are not read again', async () => {
    // A tombstone the library has not seen, purged: the portal answers 409 resync_required and the library is rebuilt beside itself.
    await putDocument(server, 'doc-gone', { title: 'Soon gone' });
    const { version } = (await (await server.editor('DELETE', '/api/v1/editor/document/doc-gone')).json()) as { version: number };
    await server.editor('POST', '/api/v1/editor/tombstones/purge', { uptoVersion: version });
    expect(await core.sync.run(server.url)).toMatchObject({ resynced: true });
    const hit = (await search('quillwort')).hits.find((h) => h.id === 'doc-report');
    expect(hit?.attachment).toMatchObject({ fileName: 'revised-report.pdf', page: 1 });
    expect((await status()).fullText).toMatchObject({ pdfs: 2, indexed: 1, withoutText: 1, pending: 0 });
    expect(await core.sync.textExtractor.run()).toEqual([]);
  });
});

describe('ranking among PDF hits', () => {
  let server: TestPortal;
  let core: Core;
  let close: () => Promise<void>;
  const WORD_TWO = 'bryozoan';

  const search = async (query: string): Promise<SearchResultPayload> => {
    const answer = await core.dispatch('search.query', { query });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as SearchResultPayload;
  };

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    const pdf = (fileName: string, label: (page: number) => string) =>
      putPdf(server, buildTextPdf({ title: fileName, blocks: fillerParagraphs(40), footer: 'EWSI test document', pageLabel: label, author: 'Test author', language: 'en' }).bytes, fileName);
    // Once on page 2 of one file, three times on page 2 of a file alike; a third record has it in its body and on page 3 of its PDF.
    await putDocument(server, 'doc-once', { title: 'Once', attachments: [await pdf('once.pdf', (page) => (page === 2 ? WORD_TWO : `${page}`))] });
    await putDocument(server, 'doc-often', { title: 'Often', attachments: [await pdf('often.pdf', (page) => (page === 2 ? `${WORD_TWO} ${WORD_TWO} ${WORD_TWO}` : `${page}`))] });
    await putDocument(server, 'doc-both', { title: 'Both', body: `<p>On ${WORD_TWO}.</p>`, attachments: [await pdf('both.pdf', (page) => (page === 3 ? WORD_TWO : `${page}`))] });
    ({ core, close } = await startCore());
    await core.sync.run(server.url);
    await core.sync.textExtractor.run();
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('puts a record found in its own text first, then PDF hits by their best page, and names each best page', async () => {
    const hits = (await search(WORD_TWO)).hits;
    expect(hits.map((hit) => [hit.id, hit.attachment?.fileName, hit.attachment?.page])).toEqual([
      ['doc-both', 'both.pdf', 3],
      ['doc-often', 'often.pdf', 2],
      ['doc-once', 'once.pdf', 2],
    ]);
    expect(hits[0]!.snippet.some((part) => part.match)).toBe(true);
  });

  it('ranks in:attachment hits by their pages alone, and pages through them', async () => {
    // All three by their pages now (doc-both's own body no longer counts): three times on a page beats once on a page alike.
    const ranked = (await search(`${WORD_TWO} in:attachment`)).hits.map((hit) => hit.id);
    expect([...ranked].sort()).toEqual(['doc-both', 'doc-often', 'doc-once']);
    expect(ranked.indexOf('doc-often')).toBeLessThan(ranked.indexOf('doc-once'));
    const second = await core.dispatch('search.query', { query: WORD_TWO, limit: 1, offset: 1 });
    expect(second.ok && (second.value as SearchResultPayload).hits.map((hit) => hit.id)).toEqual(['doc-often']);
    const third = await core.dispatch('search.query', { query: WORD_TWO, limit: 2, offset: 2 });
    expect(third.ok && (third.value as SearchResultPayload).hits.map((hit) => hit.id)).toEqual(['doc-once']);
  });

  it('scores pages the same in one pass over the matches as page by page (words, phrases, prefixes, exclusions)', () => {
    const text = new AttachmentText(core.stores.corpus);
    const pages = core.stores.corpus.sqlite.prepare('SELECT rowid FROM attachment_pages ORDER BY rowid').pluck().all() as number[];
    expect(pages.length).toBeGreaterThan(6);
    for (const match of [`"${WORD_TWO}"`, '"test" "document"', '"ewsi test document"', '"bryo"*', `"${WORD_TWO}" NOT "often"`]) {
      const lookedUp = text.pageScores(match, pages, 'lookup');
      expect(lookedUp.length, match).toBeGreaterThan(0);
      expect(new Map(text.pageScores(match, pages, 'scan')), match).toEqual(new Map(lookedUp));
    }
    // A prefix, or more than one page, is read in one pass (a lookup walks the doclist as far as a pass does);
    // only a single page of a rare word is looked up.
    expect(scoreByScan('"bryo"*', 1, 100_000)).toBe(true);
    expect(scoreByScan('"integration"', 40, 150_000)).toBe(true);
    expect(scoreByScan('"integration"', 1, 150_000)).toBe(true);
    expect(scoreByScan('"language courses"', 60, 1_500)).toBe(true);
    expect(scoreByScan('"bryozoan"', 1, 40)).toBe(false);
  });
});

