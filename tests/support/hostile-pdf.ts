// PDFs built to make pdf.js work long or fail: thousands of pages, one page
// with a huge content stream, a file whose streams are broken. Written by hand
// (as server/sample/pdf.ts writes the sample corpus's), so each is exactly what
// its name says.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface BuiltPdf {
  bytes: Uint8Array;
  sha256: string;
}

type PdfObject = string | { dict: string; stream: Buffer };

/** Numbers the objects from 1 (the catalog first, the page tree second), with a correct cross-reference table. */
function writePdf(objects: readonly PdfObject[]): BuiltPdf {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') push(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n${object.dict.replace(/>>$/, `/Length ${object.stream.length} >>`)}\nstream\n`, 'latin1'));
      push(object.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  push(Buffer.from(`xref\n0 ${objects.length + 1}\n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  const bytes = new Uint8Array(Buffer.concat(chunks, length));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** Pages that all draw the same content stream (objects: 1 catalog, 2 pages, 3 font, 4 content, 5… pages). */
function pagesOf(count: number, content: PdfObject): BuiltPdf {
  const kids = Array.from({ length: count }, (_, i) => `${i + 5} 0 R`).join(' ');
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>';
  return writePdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, FONT, content, ...Array.from({ length: count }, () => page)]);
}

/** `pages` pages of a line of text each: pdf.js spends its time walking them. */
export function manyPagesPdf(pages: number, text = 'page text'): BuiltPdf {
  return pagesOf(pages, { dict: '<< >>', stream: Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, 'latin1') });
}

/** One page whose content stream shows `runs` separate runs of text (deflated, so the file stays small). */
export function hugePagePdf(runs: number): BuiltPdf {
  const run = 'BT /F1 1 Tf 10 10 Td (word) Tj ET\n';
  return pagesOf(1, { dict: '<< /Filter /FlateDecode >>', stream: deflateSync(Buffer.from(run.repeat(runs), 'latin1'), { level: 1 }) });
}

/** Pages whose content stream says it is deflated but is noise, in a file with no valid cross-reference offsets. */
export function brokenStreamsPdf(pages: number): BuiltPdf {
  const noise = Buffer.alloc(4096, 0);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + 13) % 251;
  const built = pagesOf(pages, { dict: '<< /Filter /FlateDecode >>', stream: noise });
  // Every offset in the cross-reference table wrong: pdf.js has to reconstruct the file.
  const text = Buffer.from(built.bytes).toString('latin1').replace(/(\d{10}) 00000 n/g, (_m, offset: string) => `${String(Number(offset) + 3).padStart(10, '0')} 00000 n`);
  const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
