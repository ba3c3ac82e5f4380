// The sample corpus's PDF attachments, written by hand: a PDF library would
// be a dependency for what is a few hundred lines of a well-documented format.
// Text PDFs lay a document's full text out on A4 pages (title block, headings,
// justified paragraphs, bullet items, a running head and page numbers) in
// Helvetica with an encoding that covers every letter the corpus writes, so
// that pdftotext and pdf.js give the words back with their accents. Scanned
// PDFs carry only a picture of text: a 1-bit image per page, no text layer.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { FONT } from './pdf-font';
import type { Random } from './random';

export interface SamplePdf {
  bytes: Uint8Array;
  sha256: string;
  pages: number;
}

export type PdfBlock =
  | { kind: 'heading' | 'paragraph' | 'item' | 'meta'; text: string };

export interface TextPdfContent {
  title: string;
  blocks: readonly PdfBlock[];
  /** Left of every page's footer, e.g. "EWSI sample document doc-000001". */
  footer: string;
  /** The footer's page number, e.g. (3, 12) => "page 3 of 12" in the document's language. */
  pageLabel: (page: number, of: number) => string;
  author: string;
  language: string;
}

const PAGE = { width: 595, height: 842, left: 64, right: 64, top: 64, bottom: 70 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const STYLE = {
  title: { size: 17, leading: 21, bold: true, before: 0, after: 8 },
  meta: { size: 9.5, leading: 13, bold: false, before: 0, after: 2 },
  heading: { size: 12.5, leading: 16, bold: true, before: 10, after: 4 },
  paragraph: { size: 10.5, leading: 14, bold: false, before: 0, after: 7 },
  item: { size: 10.5, leading: 14, bold: false, before: 0, after: 3 },
} as const;
type Style = (typeof STYLE)[keyof typeof STYLE];
const ITEM_INDENT = 14;
/** Pixels of a scanned page: 1 bit each (1 is white), rows of this many bytes. */
const SCAN = { width: 304, height: 424, rowBytes: 38 };

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  /** Extra space per word gap (Tw), for justified lines. */
  wordSpacing: number;
}

/**
 * Per UTF-16 code unit: the glyph width in each font and the literal-string
 * spelling of the font's byte. Tables make the two hot loops (measuring and
 * encoding every character of thousands of pages) array lookups.
 */
const WIDTH_REGULAR = new Float64Array(0x10000).fill(556);
const WIDTH_BOLD = new Float64Array(0x10000).fill(556);
const SPELLING: string[] = new Array<string>(0x10000).fill('?');
for (const [char, code] of FONT.codeOf) {
  const unit = char.charCodeAt(0);
  WIDTH_REGULAR[unit] = FONT.widths.regular[code] ?? 556;
  WIDTH_BOLD[unit] = FONT.widths.bold[code] ?? 556;
  SPELLING[unit] = code === 40 || code === 41 || code === 92 ? `\\${char}` : code >= 32 && code <= 126 ? char : `\\${code.toString(8).padStart(3, '0')}`;
}

function textWidth(text: string, size: number, bold: boolean): number {
  const widths = bold ? WIDTH_BOLD : WIDTH_REGULAR;
  let total = 0;
  for (let i = 0; i < text.length; i += 1) total += widths[text.charCodeAt(i)]!;
  return (total * size) / 1000;
}

interface SetLine {
  text: string;
  /** Natural width, in points. */
  width: number;
  /** Spaces between words, which justification widens. */
  gaps: number;
}

/**
 * Greedy line breaking at spaces in one pass over the characters (no word
 * arrays: this runs over every character of every page). A word longer than
 * the line stays whole on a line of its own.
 */
function wrap(text: string, width: number, size: number, bold: boolean): SetLine[] {
  const widths = bold ? WIDTH_BOLD : WIDTH_REGULAR;
  const limit = (width * 1000) / size;
  const scale = size / 1000;
  const lines: SetLine[] = [];
  let start = 0;
  let lineWidth = 0;
  let gaps = 0;
  // The last space seen on this line, and the line's width and gaps up to it.
  let lastSpace = -1;
  let widthAtSpace = 0;
  let gapsAtSpace = 0;
  const push = (from: number, to: number, w: number, g: number) => {
    if (to > from) lines.push({ text: text.slice(from, to), width: w * scale, gaps: g });
  };
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit === 32) {
      if (i === start) {
        start = i + 1;
        continue;
      }
      lastSpace = i;
      widthAtSpace = lineWidth;
      gapsAtSpace = gaps;
      gaps += 1;
      lineWidth += widths[32]!;
      continue;
    }
    lineWidth += widths[unit]!;
    if (lineWidth > limit && lastSpace > start) {
      push(start, lastSpace, widthAtSpace, gapsAtSpace);
      start = lastSpace + 1;
      lineWidth -= widthAtSpace + widths[32]!;
      gaps -= gapsAtSpace + 1;
      lastSpace = -1;
    }
  }
  push(start, text.length, lineWidth, gaps);
  return lines;
}

/** Places every line on a page; headings never end a page. */
function layout(content: TextPdfContent): Line[][] {
  const pages: Line[][] = [[]];
  let y = PAGE.height - PAGE.top;
  const place = (text: string, style: Style, justify: boolean, indent: number, bullet: boolean, keepWithNext: number) => {
    const width = TEXT_WIDTH - indent;
    const lines = wrap(text, width, style.size, style.bold);
    y -= style.before;
    if (y - style.leading * Math.min(lines.length + keepWithNext, 3) < PAGE.bottom) {
      pages.push([]);
      y = PAGE.height - PAGE.top;
    }
    lines.forEach((line, i) => {
      if (y - style.leading < PAGE.bottom) {
        pages.push([]);
        y = PAGE.height - PAGE.top;
      }
      y -= style.leading;
      const slack = width - line.width;
      const wordSpacing = justify && i < lines.length - 1 && line.gaps > 0 && slack < width * 0.25 ? slack / line.gaps : 0;
      if (bullet && i === 0) pages.at(-1)!.push({ text: '•', x: PAGE.left + 3, y, size: style.size, bold: false, wordSpacing: 0 });
      pages.at(-1)!.push({ text: line.text, x: PAGE.left + indent, y, size: style.size, bold: style.bold, wordSpacing });
    });
    y -= style.after;
  };
  place(content.title, STYLE.title, false, 0, false, 2);
  content.blocks.forEach((block, i) => {
    const next = content.blocks[i + 1];
    if (block.kind === 'heading') place(block.text, STYLE.heading, false, 0, false, next ? 2 : 0);
    else if (block.kind === 'meta') place(block.text, STYLE.meta, false, 0, false, 0);
    else if (block.kind === 'item') place(block.text, STYLE.item, true, ITEM_INDENT, true, 0);
    else place(block.text, STYLE.paragraph, true, 0, false, 0);
  });
  return pages;
}

/** Characters a literal string cannot carry as they are: delimiters, the escape, and everything beyond ASCII. */
// The corpus's text has no control characters (the encoding test proves it), so only these need escaping.
const SPECIAL = /[()\\\u007f-\uffff]/g;
/** A PDF string literal of the font's one-byte codes; bytes outside printable ASCII are octal escapes, unknown characters "?" (the corpus test proves there are none). */
function encodeString(text: string): string {
  return `(${text.replace(SPECIAL, (char) => SPELLING[char.charCodeAt(0)]!)})`;
}

/** Text for the document information dictionary: UTF-16BE with a byte-order mark, as PDF allows for any script. */
function infoString(text: string): string {
  const units = [0xfeff, ...Array.from(text, (char) => char.charCodeAt(0))];
  return `<${units.map((unit) => unit.toString(16).padStart(4, '0')).join('')}>`;
}

const fixed = (n: number) => (Math.round(n * 100) / 100).toString();
const LEFT = fixed(PAGE.left);

function pageStream(lines: Line[], page: number, of: number, content: TextPdfContent): string {
  const ops: string[] = ['0.1 0.1 0.1 rg', 'BT'];
  let font = '';
  let spacing = 0;
  const show = (line: Line) => {
    const wanted = `/${line.bold ? 'F2' : 'F1'} ${fixed(line.size)} Tf`;
    if (wanted !== font) ops.push((font = wanted));
    if (line.wordSpacing !== spacing) ops.push(`${fixed((spacing = line.wordSpacing))} Tw`);
    ops.push(`1 0 0 1 ${line.x === PAGE.left ? LEFT : fixed(line.x)} ${fixed(line.y)} Tm ${encodeString(line.text)} Tj`);
  };
  lines.forEach(show);
  // Running head (after the first page) and footer, in grey and small.
  ops.push('0.35 0.35 0.35 rg');
  const small = (text: string, x: number, y: number) => show({ text, x, y, size: 8, bold: false, wordSpacing: 0 });
  if (page > 1) {
    const head = wrap(content.title, TEXT_WIDTH, 8, false)[0]?.text ?? '';
    small(head.length < content.title.length ? `${head.replace(/\s+\S*$/, '')} …` : head, PAGE.left, PAGE.height - 40);
  }
  small(content.footer, PAGE.left, 40);
  const label = content.pageLabel(page, of);
  small(label, PAGE.width - PAGE.right - textWidth(label, 8, false), 40);
  ops.push('ET');
  return ops.join('\n');
}

type PdfObject = string | { dict: string; stream: Buffer };

/** Numbered objects, then the xref table whose 20-byte entries hold each object's byte offset. */
function assemble(objects: readonly PdfObject[], pages: number): SamplePdf {
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') push(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n${object.dict.replace(/>>$/, `/Length ${object.stream.length} >>`)}\nstream\n`, 'latin1'));
      push(object.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)];
  const xref = length;
  push(Buffer.from(`xref\n0 ${objects.length + 1}\n${entries.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  const bytes = new Uint8Array(Buffer.concat(chunks, length));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}

const widthsArray = (widths: Float64Array) => `[${Array.from(widths.subarray(1), (w) => String(w)).join(' ')}]`;
/** The two font dictionaries, the same in every file. */
const FONT_OBJECTS = [
  `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 /Widths ${widthsArray(FONT.widths.regular)} /Encoding 3 0 R >>`,
  `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /FirstChar 1 /LastChar 255 /Widths ${widthsArray(FONT.widths.bold)} /Encoding 3 0 R >>`,
];

/**
 * Catalog, page tree, encoding, the two fonts, any page images (one per
 * page, drawn as /Im1), then each page and its content stream, then the info
 * dictionary.
 */
function writeDocument(streams: readonly Buffer[], images: readonly Buffer[], info: string): SamplePdf {
  const FIXED = 5;
  const firstPage = FIXED + images.length + 1;
  const pageObjects = streams.map((_, i) => firstPage + i * 2);
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageObjects.map((n) => `${n} 0 R`).join(' ')}] /Count ${streams.length} >>`,
    FONT.encoding,
    ...FONT_OBJECTS,
    ...images.map((stream) => ({
      dict: `<< /Type /XObject /Subtype /Image /Width ${SCAN.width} /Height ${SCAN.height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode >>`,
      stream,
    })),
  ];
  streams.forEach((stream, i) => {
    const xobject = images.length ? ` /XObject << /Im1 ${FIXED + 1 + i} 0 R >>` : '';
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >>${xobject} >> /Contents ${pageObjects[i]! + 1} 0 R >>`,
      { dict: '<< /Filter /FlateDecode >>', stream },
    );
  });
  objects.push(info);
  return assemble(objects, streams.length);
}

// Level 1: a quarter of the time of the default for a few per cent more bytes, which matters at 100,000 documents.
const deflate = (text: string | Uint8Array) => deflateSync(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, { level: 1 });

export function buildTextPdf(content: TextPdfContent): SamplePdf {
  const pages = layout(content);
  const streams = pages.map((lines, i) => deflate(pageStream(lines, i + 1, pages.length, content)));
  const info = `<< /Title ${infoString(content.title)} /Author ${infoString(content.author)} /Lang (${content.language}) /Producer (EWSI sample corpus) /CreationDate (D:20261101000000Z) >>`;
  return writeDocument(streams, [], info);
}


/** A page photographed from paper: grey speckle, a slightly crooked block of "text lines" made of word-like dark runs. */
function scanImage(rnd: Random, first: boolean): Uint8Array {
  const pixels = new Uint8Array(SCAN.rowBytes * SCAN.height).fill(0xff);
  const dark = (row: number, fromByte: number, toByte: number) => pixels.fill(0x00, row * SCAN.rowBytes + fromByte, row * SCAN.rowBytes + toByte);
  const margin = rnd.int(4, 5);
  let row = rnd.int(30, 45);
  if (first) {
    for (let r = 0; r < 7; r += 1) dark(row + r, margin + 5, SCAN.rowBytes - margin - 5);
    row += 20;
  }
  while (row < SCAN.height - 40) {
    if (rnd.chance(0.12)) {
      row += rnd.int(7, 12); // a paragraph break
      continue;
    }
    let byte = margin + (rnd.chance(0.15) ? 2 : 0);
    const end = SCAN.rowBytes - margin - (rnd.chance(0.2) ? rnd.int(3, 15) : 0);
    while (byte < end - 1) {
      const word = Math.min(rnd.int(1, 3), end - byte);
      for (let r = 0; r < 3; r += 1) dark(row + r, byte, byte + word);
      byte += word + 1;
    }
    row += 7;
  }
  // Dust: a few hundred stray dark bits.
  for (let i = rnd.int(60, 180); i > 0; i -= 1) {
    const at = rnd.int(0, pixels.length - 1);
    pixels[at] = pixels[at]! & ~(1 << rnd.int(0, 7));
  }
  return pixels;
}

/** An image-only PDF of `pages` scanned pages: it opens and prints, but has no text to extract. */
export function buildScanPdf(rnd: Random, pages: number, title: string): SamplePdf {
  const images = Array.from({ length: pages }, (_, i) => deflate(scanImage(rnd, i === 0)));
  const streams = images.map(() => deflate(`q ${PAGE.width} 0 0 ${PAGE.height} 0 0 cm /Im1 Do Q`));
  const info = `<< /Title ${infoString(title)} /Producer (EWSI sample corpus, scanned) /CreationDate (D:20261101000000Z) >>`;
  return writeDocument(streams, images, info);
}
