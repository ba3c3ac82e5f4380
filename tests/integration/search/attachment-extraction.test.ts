// PDF text extraction under attack and across restarts, on a real portal, a
// real core and its real worker thread: files made to keep pdf.js busy (many
// pages, a huge page) or to break it (broken streams) are stopped at their
// budget and reported while the core keeps answering calls; a core closed in
// the middle of a file resumes after the last stored page when it starts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { buildTextPdf } from '../../../server/sample/pdf';
import type { SearchResultPayload } from '../../../shared/search';
import type { SyncStatus } from '../../../shared/sync';
import { testEngines } from '../../support/databases';
import { brokenStreamsPdf, hugePagePdf, manyPagesPdf } from '../../support/hostile-pdf';
import { putDocument, putPdf } from '../../support/pdf-documents';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { FAST_PULL, startCore } from '../../support/sync';
import { makeTempDir } from '../../support/temp-dir';

async function putDocumentWithPdf(server: TestPortal, id: string, bytes: Uint8Array, fileName: string): Promise<string> {
  const ref = await putPdf(server, bytes, fileName);
  await putDocument(server, id, { attachments: [ref] });
  return ref.sha256;
}

const value = <T,>(answer: Awaited<ReturnType<Core['dispatch']>>): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
};

describe('hostile PDFs', () => {
  let server: TestPortal;

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await putDocumentWithPdf(server, 'doc-many-pages', manyPagesPdf(40_000).bytes, 'many-pages.pdf');
    await putDocumentWithPdf(server, 'doc-huge-page', hugePagePdf(2_000_000).bytes, 'huge-page.pdf');
    await putDocumentWithPdf(server, 'doc-broken', brokenStreamsPdf(4).bytes, 'broken-streams.pdf');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stops each at its budget and reports it, while the core keeps answering', async () => {
    const { core, close } = await startCore({ textExtraction: { budget: { timeMs: 3000, memoryMb: 128 } } });
    try {
      await core.sync.run(server.url);
      let extracting = true;
      const extraction = core.sync.textExtractor.run().finally(() => (extracting = false));
      let answeredWhileExtracting = 0;
      let sawRunning = false;
      while (extracting) {
        const status = value<SyncStatus>(await core.dispatch('sync.status', {}));
        value<SearchResultPayload>(await core.dispatch('search.query', { query: 'page text' }));
        if (extracting) answeredWhileExtracting += 1;
        if (status.fullText.running) sawRunning = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const outcomes = await extraction;
      expect(answeredWhileExtracting).toBeGreaterThan(10);
      expect(sawRunning).toBe(true);
      const byName = new Map(outcomes.map((outcome) => [outcome.fileName, outcome]));
      expect(byName.get('many-pages.pdf')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/time budget|memory budget/) });
      expect(byName.get('huge-page.pdf')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/time budget|memory budget/) });
      // pdf.js reconstructs a file with broken offsets; its noise streams give no text. Either way it is settled and reported.
      expect(['failed', 'no-text-layer']).toContain(byName.get('broken-streams.pdf')?.status);
      const { fullText } = value<SyncStatus>(await core.dispatch('sync.status', {}));
      expect(fullText).toMatchObject({ pdfs: 3, pending: 0, running: false });
      expect(fullText.failed).toBeGreaterThanOrEqual(2);
      expect(fullText.failures.map((failure) => failure.reason).join('\n')).toMatch(/budget/);
      // Settled: a second run does not try them again.
      expect(await core.sync.textExtractor.run()).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('extraction across a restart', () => {
  let server: TestPortal;
  let sha256: string;
  const temp = makeTempDir('ewsi-resume-');

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    const blocks = Array.from({ length: 900 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i + 1} of a long study of integration policy, its budgets, its courses and what the people who took part said.` }));
    const pdf = buildTextPdf({ title: 'Long study', blocks, footer: 'EWSI test document', pageLabel: (page) => `folio${page}`, author: 'Test author', language: 'en' });
    expect(pdf.pages).toBeGreaterThan(30);
    sha256 = await putDocumentWithPdf(server, 'doc-long', pdf.bytes, 'long-study.pdf');
  });
  afterAll(async () => {
    await server?.close();
    temp.cleanup();
  });

  const open = () => createCore({ dataDir: temp.dir, appVersion: '0.0.0-test', sync: { pull: FAST_PULL } });

  it('resumes after the last stored page, and extracts each page once', async () => {
    const first = await open();
    let stoppedAt = 0;
    try {
      await first.sync.run(server.url);
      await new Promise<void>((resolve) => {
        first.sync.textExtractor.onProgress((activity) => {
          if ((activity.current?.page ?? 0) >= 3 && stoppedAt === 0) {
            stoppedAt = activity.current!.page;
            void first.sync.textExtractor.close().then(resolve);
          }
        });
        void first.sync.textExtractor.run();
      });
      const state = first.stores.corpus.sqlite.prepare('SELECT status, pages, pages_done FROM attachment_text WHERE sha256 = ?').get(sha256) as { status: string; pages: number; pages_done: number };
      expect(state.status).toBe('pending');
      expect(state.pages_done).toBeGreaterThanOrEqual(3);
      expect(state.pages_done).toBeLessThan(state.pages);
      stoppedAt = state.pages_done;
    } finally {
      await first.close();
    }

    const second: Core = await open();
    try {
      const pagesSeen: number[] = [];
      second.sync.textExtractor.onProgress((activity) => {
        if (activity.current && activity.current.page > stoppedAt - 1) pagesSeen.push(activity.current.page);
      });
      const outcomes = await second.sync.textExtractor.run();
      expect(outcomes).toMatchObject([{ sha256, status: 'indexed' }]);
      // The first page the second run reports is the one after the last the first run stored (its start reports where it resumes).
      expect(pagesSeen.filter((page) => page !== stoppedAt)[0]).toBe(stoppedAt + 1);
      const rows = second.stores.corpus.sqlite.prepare('SELECT page FROM attachment_pages WHERE sha256 = ? ORDER BY page').all(sha256) as Array<{ page: number }>;
      const total = (second.stores.corpus.sqlite.prepare('SELECT pages FROM attachment_text WHERE sha256 = ?').get(sha256) as { pages: number }).pages;
      expect(rows.map((row) => row.page)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const hits = value<SearchResultPayload>(await second.dispatch('search.query', { query: `folio${total}` })).hits;
      expect(hits[0]?.attachment).toMatchObject({ fileName: 'long-study.pdf', page: total });
    } finally {
      await second.close();
    }
  });

  it('ends a run closed while its worker is still starting, and stores nothing for the file', async () => {
    const { core, close } = await startCore();
    try {
      await core.sync.run(server.url);
      const running = core.sync.textExtractor.run();
      await core.sync.textExtractor.close();
      expect(await running).toEqual([]);
      expect(core.stores.corpus.sqlite.prepare('SELECT count(*) AS n FROM attachment_pages').get()).toEqual({ n: 0 });
    } finally {
      await close();
    }
  });

  it('reads an ordinary PDF within a 64 MB heap budget (pdf.js alone in the worker, no loader of the sources)', async () => {
    const { core, close } = await startCore({ textExtraction: { budget: { memoryMb: 64 } } });
    try {
      await core.sync.run(server.url);
      const outcomes = await core.sync.textExtractor.run();
      expect(outcomes).toMatchObject([{ sha256, status: 'indexed', reason: null }]);
    } finally {
      await close();
    }
  });
});
