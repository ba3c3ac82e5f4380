// `ewsi index-attachments`, `ewsi search --json` and `ewsi status` on PDF text,
// as a user runs them: real processes on a data folder synced from a real portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { pdfWithWordOnPage3, putDocument, putPdf } from '../../support/pdf-documents';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { runEwsi } from '../../support/cli';

const ewsi = (args: string[]) => runEwsi(args);

describe('the CLI on PDF text', () => {
  let server: TestPortal;
  const temp = makeTempDir('ewsi-cli-fulltext-');

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await putDocument(server, 'doc-report', { title: 'Annual report', attachments: [await putPdf(server, pdfWithWordOnPage3('quenelle').bytes, 'annual-report.pdf')] });
    const sync = await ewsi(['sync', '--server', server.url, '--data', temp.dir]);
    expect(sync.code, sync.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.close();
    temp.cleanup();
  });

  it('says the PDF waits, extracts it with index-attachments, and then finds the word with file and page in --json', async () => {
    const before = await ewsi(['status', '--data', temp.dir]);
    expect(before.stdout).toContain('Full text: 0 of 1 PDFs indexed, 0 without text, 1 waiting');
    const indexed = await ewsi(['index-attachments', '--data', temp.dir]);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stdout).toMatch(/^Extracted 1 PDF; 1 of 1 PDFs indexed, 0 without text \(\d+ pages\)$/m);
    const search = await ewsi(['search', 'quenelle', '--data', temp.dir, '--json']);
    expect(search.code, search.stderr).toBe(0);
    const result = JSON.parse(search.stdout) as { hits: Array<{ id: string; attachment?: { fileName: string; page: number } }> };
    expect(result.hits.map((hit) => [hit.id, hit.attachment?.fileName, hit.attachment?.page])).toEqual([['doc-report', 'annual-report.pdf', 3]]);
    const text = await ewsi(['search', 'quenelle', '--data', temp.dir]);
    expect(text.stdout).toContain('annual-report.pdf, p. 3: ');
    const status = JSON.parse((await ewsi(['status', '--data', temp.dir, '--json'])).stdout) as { fullText: { pdfs: number; indexed: number } };
    expect(status.fullText).toMatchObject({ pdfs: 1, indexed: 1 });
  });
});
