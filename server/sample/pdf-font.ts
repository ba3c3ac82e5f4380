// The one-byte encoding and glyph widths of the sample PDFs' two fonts
// (Helvetica and Helvetica-Bold, two of the standard 14, so nothing is
// embedded). WinAnsi covers French, German, Spanish, Italian, Dutch,
// Portuguese and Swedish; the letters it lacks (Polish, and the Central
// European letters of names) go into codes WinAnsi leaves unused or spends on
// signs the corpus never writes, through a /Differences array of standard
// glyph names, which is how pdftotext and pdf.js know them as Unicode again.

/** Glyph widths of Helvetica for ASCII 32–126, in thousandths of the font size (Adobe's AFM). */
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
  584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
  667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** The same for Helvetica-Bold. */
const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333,
  584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
  667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** WinAnsi's 0x80–0x9F and 0xA0–0xFF that the corpus writes, with their glyph names and widths (regular, bold). */
const WIN_ANSI_EXTRA: ReadonlyArray<[string, number, string, number, number]> = [
  ['€', 0x80, 'Euro', 556, 556], ['„', 0x84, 'quotedblbase', 333, 500], ['…', 0x85, 'ellipsis', 1000, 1000], ['Š', 0x8a, 'Scaron', 667, 667],
  ['Œ', 0x8c, 'OE', 1000, 1000], ['Ž', 0x8e, 'Zcaron', 611, 611], ['‘', 0x91, 'quoteleft', 222, 278], ['’', 0x92, 'quoteright', 222, 278],
  ['“', 0x93, 'quotedblleft', 333, 500], ['”', 0x94, 'quotedblright', 333, 500], ['•', 0x95, 'bullet', 350, 350], ['–', 0x96, 'endash', 556, 556],
  ['—', 0x97, 'emdash', 1000, 1000], ['š', 0x9a, 'scaron', 500, 556], ['œ', 0x9c, 'oe', 944, 944], ['ž', 0x9e, 'zcaron', 500, 500],
  ['Ÿ', 0x9f, 'Ydieresis', 667, 667], ['\u00a0', 0xa0, 'space', 278, 278], ['§', 0xa7, 'section', 556, 556], ['©', 0xa9, 'copyright', 737, 737],
  ['«', 0xab, 'guillemotleft', 556, 556], ['°', 0xb0, 'degree', 400, 400], ['·', 0xb7, 'periodcentered', 278, 278], ['º', 0xba, 'ordmasculine', 365, 365],
  ['ª', 0xaa, 'ordfeminine', 370, 370], ['»', 0xbb, 'guillemotright', 556, 556], ['¿', 0xbf, 'questiondown', 611, 611], ['¡', 0xa1, 'exclamdown', 333, 333],
  ['ß', 0xdf, 'germandbls', 611, 611], ['Æ', 0xc6, 'AE', 1000, 1000], ['æ', 0xe6, 'ae', 889, 889], ['Ø', 0xd8, 'Oslash', 778, 778], ['ø', 0xf8, 'oslash', 611, 611],
];

/**
 * Letters outside WinAnsi: the code each takes, its glyph name (the Adobe
 * Glyph List's, so extraction maps it back to the same code point) and the
 * letter whose width it shares.
 */
const EXTENDED: ReadonlyArray<[string, number, string, string]> = [
  ['ą', 0x01, 'aogonek', 'a'], ['ć', 0x02, 'cacute', 'c'], ['ę', 0x03, 'eogonek', 'e'], ['ł', 0x04, 'lslash', 'l'], ['ń', 0x05, 'nacute', 'n'],
  ['ś', 0x06, 'sacute', 's'], ['ź', 0x07, 'zacute', 'z'], ['ż', 0x08, 'zdotaccent', 'z'], ['Ą', 0x09, 'Aogonek', 'A'], ['Ć', 0x0b, 'Cacute', 'C'],
  ['Ę', 0x0c, 'Eogonek', 'E'], ['Ł', 0x0e, 'Lslash', 'L'], ['Ń', 0x0f, 'Nacute', 'N'], ['Ś', 0x10, 'Sacute', 'S'], ['Ź', 0x11, 'Zacute', 'Z'],
  ['Ż', 0x12, 'Zdotaccent', 'Z'], ['č', 0x13, 'ccaron', 'c'], ['Č', 0x14, 'Ccaron', 'C'], ['ě', 0x15, 'ecaron', 'e'], ['ř', 0x16, 'rcaron', 'r'],
  ['ň', 0x17, 'ncaron', 'n'], ['ů', 0x18, 'uring', 'u'], ['ď', 0x19, 'dcaron', 'd'], ['ť', 0x1a, 'tcaron', 't'], ['đ', 0x1b, 'dcroat', 'd'],
  ['Đ', 0x1c, 'Dcroat', 'D'], ['ő', 0x1d, 'ohungarumlaut', 'o'], ['ű', 0x1e, 'uhungarumlaut', 'u'], ['ğ', 0x1f, 'gbreve', 'g'], ['ı', 0x7f, 'dotlessi', 'i'],
  ['ş', 0x81, 'scedilla', 's'], ['Ş', 0x8d, 'Scedilla', 'S'], ['İ', 0x8f, 'Idotaccent', 'I'], ['ā', 0x90, 'amacron', 'a'], ['ē', 0x9d, 'emacron', 'e'],
  ['ī', 0x83, 'imacron', 'i'], ['ū', 0x88, 'umacron', 'u'], ['ė', 0x89, 'edotaccent', 'e'], ['ă', 0x8b, 'abreve', 'a'], ['Ă', 0x9b, 'Abreve', 'A'],
  ['ș', 0x98, 'uni0219', 's'], ['ț', 0xa4, 'uni021B', 't'], ['Ș', 0xa6, 'uni0218', 'S'], ['Ț', 0xa8, 'uni021A', 'T'], ['Ř', 0xac, 'Rcaron', 'R'],
  ['ľ', 0xaf, 'lcaron', 'l'], ['Ő', 0xb4, 'Ohungarumlaut', 'O'], ['Ű', 0xb8, 'Uhungarumlaut', 'U'],
];

/** Latin-1 letters share their base letter's width in Helvetica; these are the exceptions that matter here. */
const LATIN1_BASE: Record<string, string> = { Ç: 'C', ç: 'c', Ñ: 'N', ñ: 'n', Ý: 'Y', ý: 'y', ÿ: 'y' };

export interface EncodedFont {
  /** The one-byte code of each character the fonts can show. */
  codeOf: ReadonlyMap<string, number>;
  /** Widths by code, regular and bold, in thousandths of the font size. */
  widths: { regular: Float64Array; bold: Float64Array };
  /** The font dictionary's /Encoding value. */
  encoding: string;
}

function asciiWidth(table: readonly number[], char: string): number {
  const code = char.charCodeAt(0);
  return code >= 32 && code <= 126 ? (table[code - 32] ?? 556) : 556;
}

function build(): EncodedFont {
  const codeOf = new Map<string, number>();
  const regular = new Float64Array(256);
  const bold = new Float64Array(256);
  for (let code = 32; code <= 126; code += 1) {
    const char = String.fromCharCode(code);
    codeOf.set(char, code);
    regular[code] = asciiWidth(REGULAR_ASCII, char);
    bold[code] = asciiWidth(BOLD_ASCII, char);
  }
  // Latin-1 letters 0xC0–0xFF: WinAnsi puts them at their own code points, as wide as their base letter.
  for (let code = 0xc0; code <= 0xff; code += 1) {
    const char = String.fromCharCode(code);
    if (char === '×' || char === '÷') continue;
    const base = LATIN1_BASE[char] ?? char.normalize('NFD').charAt(0);
    codeOf.set(char, code);
    regular[code] = asciiWidth(REGULAR_ASCII, base);
    bold[code] = asciiWidth(BOLD_ASCII, base);
  }
  for (const [char, code, , wide, wideBold] of WIN_ANSI_EXTRA) {
    codeOf.set(char, code);
    regular[code] = wide;
    bold[code] = wideBold;
  }
  const differences: string[] = [];
  for (const [char, code, name, base] of EXTENDED) {
    codeOf.set(char, code);
    regular[code] = asciiWidth(REGULAR_ASCII, base);
    bold[code] = asciiWidth(BOLD_ASCII, base);
    differences.push(`${code} /${name}`);
  }
  return { codeOf, widths: { regular, bold }, encoding: `<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences.join(' ')}] >>` };
}

export const FONT: EncodedFont = build();

/** Characters the PDFs cannot show, so that a test can prove the corpus writes none. */
export function unencodable(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) if (char !== '\n' && !FONT.codeOf.has(char)) missing.add(char);
  return [...missing];
}
