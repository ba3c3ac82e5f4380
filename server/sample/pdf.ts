// Minimal but valid one-page PDF 1.4 files for sample attachments: real enough
// for a viewer to open and for the sync to hash, small enough to ship by the
// thousand. Built by hand because a PDF library would be a dependency for one
// page of text.
import { createHash } from 'node:crypto';

export interface SamplePdf {
  bytes: Uint8Array;
  sha256: string;
}

export interface SamplePdfContent {
  title: string;
  /** Smaller lines under the title (publisher, date, reference). */
  lines: readonly string[];
}

// Letters that NFD does not split into a base letter and a combining mark.
const LATIN_SPECIALS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H', ı: 'i', '–': '-', '—': '-', '‘': "'", '’': "'",
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '…': '...',
};
// Greek documents exist in the corpus; a simple letter-by-letter romanisation keeps their titles readable.
const GREEK = 'αa βv γg δd εe ζz ηi θth ιi κk λl μm νn ξx οo πp ρr σs ςs τt υy φf χch ψps ωo';
const GREEK_MAP: Record<string, string> = Object.fromEntries(
  GREEK.split(' ').flatMap((pair) => {
    const [letter = '', latin = ''] = [pair.slice(0, 1), pair.slice(1)];
    return [[letter, latin], [letter.toUpperCase(), latin.charAt(0).toUpperCase() + latin.slice(1)]];
  }),
);

/** ASCII only: the PDF's text uses a standard font with no embedded glyphs for other scripts. */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, (char) => LATIN_SPECIALS[char] ?? GREEK_MAP[char] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function contentStream(content: SamplePdfContent): string {
  const title = wrap(toAscii(content.title), 58).map((line) => `${pdfString(line)} Tj T*`);
  const lines = content.lines.map((line) => `${pdfString(toAscii(line))} Tj T*`);
  return ['BT', '/F1 16 Tf', '20 TL', '56 780 Td', ...title, '/F1 10 Tf', '14 TL', 'T*', ...lines, 'ET'].join('\n');
}

/** Builds the file: objects in order, then an xref table whose offsets are their byte positions. */
export function buildPdf(content: SamplePdfContent): SamplePdf {
  const stream = contentStream(content);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${pdfString(toAscii(content.title))} /Producer (EWSI sample corpus) >>`,
  ];
  // Everything is ASCII, so string lengths are byte lengths.
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)];
  body +=
    `xref\n0 ${objects.length + 1}\n${entries.join('')}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n` +
    `startxref\n${xrefOffset}\n%%EOF`;
  const bytes = new Uint8Array(Buffer.from(body, 'latin1'));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
