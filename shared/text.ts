// Plain text of the portal's HTML, the letters search folds, and text cut to a
// length: one definition for the full-text index, annotation targets, list
// summaries, titles and suggestions.
// The renderer folds the text nodes it shows exactly as htmlToText folds the
// same HTML (renderer/src/text-fold.ts), so annotation offsets mean the same
// on both sides. Runtime-neutral: no DOM, no Node.

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi;
const SCRIPT_OR_STYLE_BLANKS_IN_END_TAG = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;
const REFERENCE = /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi;
const BLANKS = /\s+/g;

export interface HtmlToTextOptions {
  /** Decode a numeric reference only if it is a code point from U+0001 to U+10FFFF in at most 7 decimal or 6 hex digits; others stay as written. */
  validReferencesOnly?: boolean;
  /** Also drop a script or style whose end tag has blanks before its `>` (`</script >`). */
  blanksInEndTags?: boolean;
}

function decodeReference(reference: string, body: string, validOnly: boolean): string {
  if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? reference;
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  const code = hex ? parseInt(digits, 16) : Number(digits);
  if (validOnly && !(digits.length <= (hex ? 6 : 7) && code > 0 && code <= 0x10ffff)) return reference;
  // As a browser reads it (HTML's numeric character reference end state): no code point, NUL or a surrogate is U+FFFD.
  // Throwing here would fail the sync page holding the record, and every later sync with it.
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * The text of an HTML fragment: scripts and styles dropped, tags as blanks,
 * common entities and numeric references decoded, runs of blanks one space,
 * trimmed. Without options this is the text the full-text index and
 * annotations are made on (stored offsets and hashes point into it), so its
 * reading stays as it is; list summaries read with both options on.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const validOnly = options.validReferencesOnly === true;
  return html
    .replace(options.blanksInEndTags ? SCRIPT_OR_STYLE_BLANKS_IN_END_TAG : SCRIPT_OR_STYLE, ' ')
    .replace(TAG, ' ')
    .replace(REFERENCE, (reference, body: string) => decodeReference(reference, body, validOnly))
    .replace(BLANKS, ' ')
    .trim();
}

/** Punctuation and blanks an ellipsis replaces: "sentence.…" reads as "sentence…". */
const BEFORE_ELLIPSIS = /[\s.,;:!?·…–—-]+$/u;

/**
 * At most `max` characters, cut at a word boundary with an ellipsis; the
 * punctuation the cut leaves at the end (a full stop, a comma) gives way to
 * the ellipsis, so no text ends in ".…".
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const kept = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(BEFORE_ELLIPSIS, '');
  return `${kept || cut}…`;
}

// Letters of their own, not a base letter plus a mark: neither FTS5's
// unicode61 remove_diacritics nor NFKD folds them, so they are folded here,
// in the index, in queries and in suggestions alike.
const OWN_LETTERS: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H' };
const OWN_LETTER_PATTERN = new RegExp(`[${Object.keys(OWN_LETTERS).join('')}]`, 'g');

/** Spells the letters without a decomposition (ł, ø, æ, ß…) as the Latin letters they are searched by, keeping case. */
export function foldLetters(text: string): string {
  return text.replace(OWN_LETTER_PATTERN, (letter) => OWN_LETTERS[letter]!);
}
