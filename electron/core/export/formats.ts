// A collection's items in the formats reference managers and readers open:
// CSL-JSON, BibTeX, RIS, CSV (RFC 4180), Markdown and W3C Web Annotation JSON-LD.
// Every format is built from one Citation per item, so they agree field by field.
import type { Annotation, Collection } from '../../../shared/annotations';
import type { ContentType } from '../../../shared/content';
import { recordUrl } from '../portal/urls';

export interface ExportItem {
  type: ContentType;
  id: string;
  note: string;
  /** The synced record; null when it is not (or no longer) in the library. */
  record: Record<string, unknown> | null;
  annotations: Annotation[];
}

export interface ExportInput {
  collection: Collection;
  items: ExportItem[];
  /** The portal the records came from, for stable URLs; null when unknown. */
  serverUrl: string | null;
}

/** What every citation format says about an item. */
export interface Citation {
  key: string;
  kind: 'legislation' | 'report' | 'article' | 'webpage' | 'document';
  title: string;
  authors: string[];
  /** [year, month?, day?] */
  date: number[] | null;
  publisher: string;
  url: string | null;
  abstract: string;
  language: string;
  identifier: string | null;
  keywords: string[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The item's address at the portal: its own source URL, else the portal's read API. */
export function itemUrl(item: Pick<ExportItem, 'type' | 'id' | 'record'>, serverUrl: string | null): string | null {
  const own = str(item.record?.sourceUrl) || str(item.record?.url);
  if (own) return own;
  return serverUrl ? recordUrl(serverUrl, item.type, item.id) : null;
}

function dateParts(value: string): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return null;
  return match.slice(1).filter((part) => part !== undefined).map(Number);
}

const KIND_OF_DOCUMENT: Record<string, Citation['kind']> = {
  legislation: 'legislation',
  'policy-document': 'report',
  report: 'report',
  study: 'report',
  'impact-assessment': 'report',
  evaluation: 'report',
  article: 'article',
  other: 'document',
};

export function citationOf(item: ExportItem, serverUrl: string | null): Citation {
  const r = item.record ?? {};
  const legal = r.legal as { identifier?: string } | null | undefined;
  const date = str(r.publishedOn) || str(r.date) || str(r.startDate) || str(r.updatedAt);
  const organisation = (r.organisation as { name?: string } | undefined)?.name;
  return {
    key: `${item.type}-${item.id}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    kind: item.type === 'document' ? (KIND_OF_DOCUMENT[str(r.documentType)] ?? 'document') : 'webpage',
    title: str(r.title) || `${item.type} ${item.id} (not in the local library)`,
    authors: Array.isArray(r.authors) ? (r.authors as string[]) : organisation ? [organisation] : [],
    date: date ? dateParts(date) : null,
    publisher: str(r.publisher),
    url: itemUrl(item, serverUrl),
    abstract: str(r.summary) || str(r.description),
    language: str(r.language),
    identifier: legal?.identifier ?? null,
    keywords: Array.isArray(r.themes) ? (r.themes as string[]) : [],
  };
}

// ── CSL-JSON ──

const CSL_TYPE: Record<Citation['kind'], string> = { legislation: 'legislation', report: 'report', article: 'article', webpage: 'webpage', document: 'document' };

export function toCslJson(input: ExportInput): string {
  const items = input.items.map((item) => {
    const c = citationOf(item, input.serverUrl);
    return {
      id: c.key,
      type: CSL_TYPE[c.kind],
      title: c.title,
      ...(c.authors.length ? { author: c.authors.map((literal) => ({ literal })) } : {}),
      ...(c.date ? { issued: { 'date-parts': [c.date] } } : {}),
      ...(c.publisher ? { publisher: c.publisher } : {}),
      ...(c.url ? { URL: c.url } : {}),
      ...(c.abstract ? { abstract: c.abstract } : {}),
      ...(c.language ? { language: c.language } : {}),
      ...(c.identifier ? { number: c.identifier } : {}),
      ...(c.keywords.length ? { keyword: c.keywords.join(', ') } : {}),
      ...(item.note ? { note: item.note } : {}),
    };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}

// ── BibTeX ──

// @legislation is biblatex's type (plain BibTeX styles read an unknown type as @misc).
const BIBTEX_TYPE: Record<Citation['kind'], string> = { legislation: 'legislation', report: 'techreport', article: 'article', webpage: 'online', document: 'misc' };

/** Text as a BibTeX value: LaTeX specials escaped, braces balanced. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) => ({ '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}' })[c] ?? `\\${c}`);
}

export function toBibtex(input: ExportInput): string {
  return input.items
    .map((item) => {
      const c = citationOf(item, input.serverUrl);
      const fields: Array<[string, string]> = [['title', `{${bibtexEscape(c.title)}}`]];
      // Each name in braces: organisations and personal names alike stay whole.
      if (c.authors.length) fields.push(['author', c.authors.map((name) => `{${bibtexEscape(name)}}`).join(' and ')]);
      if (c.date) {
        fields.push(['year', String(c.date[0])]);
        fields.push(['date', c.date.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')]);
      }
      if (c.publisher) fields.push([c.kind === 'report' ? 'institution' : 'publisher', bibtexEscape(c.publisher)]);
      if (c.url) fields.push(['url', c.url]);
      if (c.abstract) fields.push(['abstract', bibtexEscape(c.abstract)]);
      if (c.language) fields.push(['language', c.language]);
      if (c.identifier) fields.push(['number', bibtexEscape(c.identifier)]);
      if (c.keywords.length) fields.push(['keywords', bibtexEscape(c.keywords.join(', '))]);
      if (item.note) fields.push(['note', bibtexEscape(item.note)]);
      return `@${BIBTEX_TYPE[c.kind]}{${c.key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

// ── RIS ──

// LEGAL ("legal rule or regulation"), not STAT: RIS's STAT has no author field.
const RIS_TYPE: Record<Citation['kind'], string> = { legislation: 'LEGAL', report: 'RPRT', article: 'JOUR', webpage: 'ELEC', document: 'GEN' };

export function toRis(input: ExportInput): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\r?\n/g, ' ')}\r\n`;
  return input.items
    .map((item) => {
      const c = citationOf(item, input.serverUrl);
      let out = line('TY', RIS_TYPE[c.kind]) + line('ID', c.key) + line('TI', c.title);
      for (const author of c.authors) out += line('AU', author);
      if (c.date) {
        out += line('PY', String(c.date[0]));
        out += line('DA', `${c.date[0]}/${c.date[1] ? String(c.date[1]).padStart(2, '0') : ''}/${c.date[2] ? String(c.date[2]).padStart(2, '0') : ''}/`);
      }
      if (c.publisher) out += line('PB', c.publisher);
      if (c.url) out += line('UR', c.url);
      if (c.abstract) out += line('AB', c.abstract);
      if (c.language) out += line('LA', c.language);
      if (c.identifier) out += line('SN', c.identifier);
      for (const keyword of c.keywords) out += line('KW', keyword);
      if (item.note) out += line('N1', item.note);
      return `${out}ER  - \r\n`;
    })
    .join('\r\n');
}

// ── CSV (RFC 4180) ──

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const CSV_COLUMNS = ['type', 'id', 'title', 'authors', 'date', 'publisher', 'url', 'identifier', 'countries', 'themes', 'note', 'annotations'] as const;

export function toCsv(input: ExportInput): string {
  const rows = input.items.map((item) => {
    const c = citationOf(item, input.serverUrl);
    const countries = Array.isArray(item.record?.countries) ? (item.record.countries as string[]) : [];
    return [item.type, item.id, c.title, c.authors.join('; '), c.date ? c.date.map((p, i) => (i ? String(p).padStart(2, '0') : String(p))).join('-') : '', c.publisher, c.url ?? '', c.identifier ?? '', countries.join('; '), c.keywords.join('; '), item.note, String(item.annotations.length)];
  });
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ── Markdown ──

const mdEscape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const quoteBlock = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

export function toMarkdown(input: ExportInput): string {
  const parts = [`# ${mdEscape(input.collection.name)}`, ''];
  if (input.collection.note) parts.push(mdEscape(input.collection.note), '');
  for (const item of input.items) {
    const c = citationOf(item, input.serverUrl);
    parts.push(`## ${mdEscape(c.title)}`, '');
    const meta = [c.authors.join(', '), c.publisher, c.date?.join('-') ?? '', c.identifier ?? ''].filter(Boolean).map(mdEscape);
    if (meta.length) parts.push(meta.join(' · '), '');
    if (c.url) parts.push(`<${c.url}>`, '');
    if (item.note) parts.push(`*Note:* ${mdEscape(item.note)}`, '');
    for (const annotation of item.annotations) {
      const where = annotation.target.key ? ` (${annotation.target.key})` : '';
      const state = annotation.anchoring.status === 'orphaned' ? ' — orphaned: the passage changed or is gone' : '';
      parts.push(quoteBlock(mdEscape(annotation.quote.exact)), '', `${annotation.color} highlight${where}${state}${annotation.tags.length ? ` · tags: ${annotation.tags.map(mdEscape).join(', ')}` : ''}`, '');
      if (annotation.note) parts.push(mdEscape(annotation.note), '');
    }
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

// ── W3C Web Annotation JSON-LD ──

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export function annotationJsonLd(annotation: Annotation, source: string): Record<string, unknown> {
  const bodies = [
    ...(annotation.note ? [{ type: 'TextualBody', value: annotation.note, format: 'text/plain', purpose: 'commenting' }] : []),
    ...annotation.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(bodies.length ? { body: bodies } : {}),
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.quote.exact, prefix: annotation.quote.prefix, suffix: annotation.quote.suffix },
        { type: 'TextPositionSelector', start: annotation.position.start, end: annotation.position.end },
      ],
    },
  };
}

/** The target's address: the record's URL, with its section or field as a fragment. */
export function annotationSource(item: ExportItem, annotation: Annotation, serverUrl: string | null): string {
  const base = itemUrl(item, serverUrl) ?? `urn:ewsi:${item.type}:${encodeURIComponent(item.id)}`;
  return annotation.target.key ? `${base}#${encodeURIComponent(annotation.target.key)}` : base;
}

export function toAnnotationsJsonLd(input: ExportInput): string {
  const items = input.items.flatMap((item) => item.annotations.map((annotation) => annotationJsonLd(annotation, annotationSource(item, annotation, input.serverUrl))));
  const collection = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${input.collection.id}`,
    type: 'AnnotationCollection',
    label: input.collection.name,
    total: items.length,
    first: { id: `urn:uuid:${input.collection.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
