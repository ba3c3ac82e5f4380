// print.toPdf in main, under Node: the Electron calls it is given (printToPDF, the save dialog, the file
// write) stand in for the runtime that cannot run here; the rest is the code the app runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFileName, printToPdf } from '../../electron/main/print-to-pdf';
import { makeTempDir } from '../support/temp-dir';

describe('print.toPdf in main', () => {
  it('asks where to save under a safe name, prints with the page size of @page, tagged, and writes the PDF there', async () => {
    const temp = makeTempDir('ewsi-print-');
    try {
      const asked: string[] = [];
      const printed: unknown[] = [];
      const target = path.join(temp.dir, 'out.pdf');
      const answer = await printToPdf(
        {
          chooseFile: async (name) => (asked.push(name), target),
          printToPdf: async (options) => (printed.push(options), new TextEncoder().encode('%PDF-1.7 test')),
          writeFile: async (file, bytes) => fs.writeFileSync(file, bytes),
        },
        { fileName: 'Austria: country sheet / 2026' },
      );
      expect(answer).toEqual({ ok: true, value: { handled: true, path: target } });
      expect(asked).toEqual(['Austria- country sheet - 2026.pdf']);
      expect(printed).toEqual([{ printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, displayHeaderFooter: false }]);
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    } finally {
      temp.cleanup();
    }
  });

  it('prints nothing when the user cancels, and refuses malformed arguments with a contract error', async () => {
    let printedCount = 0;
    const deps = { chooseFile: async () => null, printToPdf: async () => ((printedCount += 1), new Uint8Array()), writeFile: async () => undefined };
    expect(await printToPdf(deps, { fileName: 'x' })).toEqual({ ok: true, value: { handled: true, path: null } });
    expect(printedCount).toBe(0);
    expect(await printToPdf(deps, { fileName: '' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(pdfFileName('report.PDF')).toBe('report.pdf');
    expect(pdfFileName('::')).toBe('-.pdf');
  });
});
