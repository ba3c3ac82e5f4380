import type { ContentType } from '../../../shared/content';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML fragment: tags dropped, common entities decoded, blanks folded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

// Letters unicode61's remove_diacritics does not fold (they are letters of their
// own, not a base letter plus a mark): folded here, in the index and in queries alike.
const OWN_LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H' };
const OWN_LETTER_PATTERN = new RegExp(`[${Object.keys(OWN_LETTERS).join('')}]`, 'g');

export function foldLetters(text: string): string {
  return text.replace(OWN_LETTER_PATTERN, (letter) => OWN_LETTERS[letter]!);
}

/** The three weighted fields of the full-text index, for any record. */
export interface SearchText {
  title: string;
  summary: string;
  body: string;
}

type Source = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const join = (...parts: unknown[]): string => parts.map((part) => (Array.isArray(part) ? part.map(str).join(' ') : str(part))).filter(Boolean).join(' ');

export function searchText(type: ContentType, record: Source, fallbackTitle: string): SearchText {
  const text = rawSearchText(type, record, fallbackTitle);
  return { title: foldLetters(text.title), summary: foldLetters(text.summary), body: foldLetters(text.body) };
}

function rawSearchText(type: ContentType, record: Source, fallbackTitle: string): SearchText {
  const r = record as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fields differ per type
  switch (type) {
    case 'document':
      return { title: str(r.title), summary: str(r.summary), body: join(htmlToText(str(r.body)), r.authors, r.publisher, r.legal?.identifier) };
    case 'country-sheet':
      return { title: str(r.title), summary: '', body: (r.sections as Array<{ title: string; body: string }>).map((s) => `${s.title} ${htmlToText(s.body)}`).join(' ') };
    case 'good-practice':
      return {
        title: str(r.title),
        summary: str(r.summary),
        body: join(
          htmlToText(join(r.challengeAndGoals, r.howItWorks, r.results, r.targetGroupOpinion)),
          r.evaluation?.indicators,
          r.evaluation?.successes,
          r.evaluation?.failures,
          r.targetGroups,
          r.fundingSource,
          r.resources,
          r.organisation?.name,
          r.cityArea,
        ),
      };
    case 'link':
      return { title: str(r.title), summary: str(r.description), body: join(r.category, r.url) };
    case 'funding':
      return { title: str(r.title), summary: str(r.programme), body: htmlToText(str(r.description)) };
    case 'event':
      return { title: str(r.title), summary: str(r.place), body: htmlToText(str(r.body)) };
    case 'news':
      return { title: str(r.title), summary: '', body: htmlToText(str(r.body)) };
    case 'forum':
      return { title: str(r.title), summary: str(r.description), body: '' };
    case 'forum-thread':
      return { title: str(r.title), summary: '', body: str(r.authorName) };
    case 'forum-post':
      return { title: fallbackTitle, summary: '', body: join(htmlToText(str(r.body)), r.authorName) };
    case 'partner-request':
      return { title: str(r.title), summary: str(r.projectIdea), body: join(r.organisation, r.contact?.name, r.partnersSought?.countries) };
  }
}
