// A collection's items in the formats reference managers and readers open:
// CSL-JSON, BibTeX, RIS, CSV (RFC 4180), Markdown and W3C Web Annotation JSON-LD.
// Every format is built from one Citation per item, so they agree field by field.
import type { Annotation, Collection } from '../../../shared/annotations';
import { authorDisplayName, type Author, type ContentType } from '../../../shared/content';
import { citationOf, cslItem, extraLines, isoOfParts, itemUrl, type CitationKind } from './citation';

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

// ── CSL-JSON ──

export function toCslJson(input: ExportInput): string {
  const items = input.items.map((item) => cslItem(citationOf(item, input.serverUrl), item.note));
  return `${JSON.stringify(items, null, 2)}\n`;
}

// ── BibTeX (biblatex) ──

// biblatex types; Zotero's BibTeX import reads @legislation as a bill and @report as a report.
const BIBTEX_TYPE: Record<CitationKind, string> = { legislation: 'legislation', bill: 'legislation', report: 'report', 'article-journal': 'article', webpage: 'online', event: 'online', post: 'online', document: 'misc' };

/** biblatex's langid values (babel/polyglossia names) for the languages the portal publishes in. */
const BABEL_LANGUAGE: Record<string, string> = { en: 'english', de: 'ngerman', fr: 'french', es: 'spanish', it: 'italian', nl: 'dutch', pl: 'polish', pt: 'portuguese', sv: 'swedish' };

/** Text as a BibTeX value: LaTeX specials escaped, braces balanced. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) => ({ '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}' })[c] ?? `\\${c}`);
}

/**
 * A title's capitals kept as written, as Zotero's BibTeX export does: every
 * word with a capital braced, except a first word capitalised only at its
 * start (BibTeX styles and Better BibTeX sentence-case unprotected English titles).
 */
export const protectCase = (escaped: string): string => escaped.replace(/(.)\b([\p{L}\d]*\p{Lu}[\p{L}\d]*)|^([\p{L}\d]+\p{Lu}[\p{L}\d]*)/gu, '$1{$2$3}');

/**
 * One name of an author list: a person as "Family, Given" (a family name
 * holding a comma or " and " braced so it stays one part), an organisation
 * braced whole so no parser splits it into first and last names.
 */
export function bibtexName(author: Author): string {
  if (author.kind === 'organisation') return `{${bibtexEscape(author.name)}}`;
  const family = /,|\sand\s/i.test(author.family) ? `{${bibtexEscape(author.family)}}` : bibtexEscape(author.family);
  return author.given ? `${family}, ${bibtexEscape(author.given)}` : family;
}

export function toBibtex(input: ExportInput): string {
  return input.items
    .map((item) => {
      const c = citationOf(item, input.serverUrl);
      const fields: Array<[string, string]> = [['title', protectCase(bibtexEscape(c.title))]];
      if (c.authors.length) fields.push(['author', c.authors.map(bibtexName).join(' and ')]);
      if (c.issued) {
        fields.push(['year', String(c.issued[0])]);
        fields.push(['date', isoOfParts(c.issued)]);
      }
      if (c.kind === 'report' && c.genre) fields.push(['type', bibtexEscape(c.genre)]);
      if (c.publisher) fields.push([c.kind === 'report' ? 'institution' : 'publisher', bibtexEscape(c.publisher)]);
      if (c.url) fields.push(['url', c.url]);
      if (c.abstract) fields.push(['abstract', bibtexEscape(c.abstract)]);
      if (c.language) {
        fields.push(['language', c.language]);
        // biblatex (and Better BibTeX) decide title casing by langid: a non-English title is kept as written.
        if (BABEL_LANGUAGE[c.language]) fields.push(['langid', BABEL_LANGUAGE[c.language]!]);
      }
      if (c.legal) {
        // biblatex reads a law's number from `number`; Zotero drops it for a bill, so the note carries it too.
        fields.push(['number', bibtexEscape(c.legal.identifier)]);
        if (c.legal.versionNumber !== null) fields.push(['version', String(c.legal.versionNumber)]);
      }
      if (c.keywords.length) fields.push(['keywords', bibtexEscape(c.keywords.join(', '))]);
      const note = [...extraLines(c), item.note].filter(Boolean).join('\n');
      if (note) fields.push(['note', bibtexEscape(note)]);
      return `@${BIBTEX_TYPE[c.kind]}{${c.key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

// ── RIS ──

/**
 * STAT for legislation, not LEGAL: Zotero's RIS import reads LEGAL as a court
 * case and STAT as a statute (RIS's STAT has no author field, so citation-js
 * reads its AU as the original author). BILL for proposals, RPRT, JOUR,
 * ELEC (a web page), GEN.
 */
const RIS_TYPE: Record<CitationKind, string> = { legislation: 'STAT', bill: 'BILL', report: 'RPRT', 'article-journal': 'JOUR', webpage: 'ELEC', event: 'ELEC', post: 'ELEC', document: 'GEN' };

/** RIS's "Lastname, Firstname"; an organisation is one name with no comma part (Zotero reads it as a single field). */
export const risName = (author: Author): string => (author.kind === 'person' ? (author.given ? `${author.family}, ${author.given}` : author.family) : author.name);

export function toRis(input: ExportInput): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\r?\n/g, ' ')}\r\n`;
  return input.items
    .map((item) => {
      const c = citationOf(item, input.serverUrl);
      let out = line('TY', RIS_TYPE[c.kind]) + line('ID', c.key) + line('TI', c.title);
      for (const author of c.authors) out += line('AU', risName(author));
      if (c.issued) {
        out += line('PY', String(c.issued[0]));
        out += line('DA', `${c.issued[0]}/${c.issued[1] ? String(c.issued[1]).padStart(2, '0') : ''}/${c.issued[2] ? String(c.issued[2]).padStart(2, '0') : ''}/`);
      }
      if (c.publisher) out += line('PB', c.publisher);
      if (c.kind === 'report' && c.genre) out += line('M3', c.genre);
      if (c.url) out += line('UR', c.url);
      if (c.abstract) out += line('AB', c.abstract);
      if (c.language) out += line('LA', c.language);
      if (c.legal) {
        // M1: the law's or bill's number (Zotero: public law / bill number); SN only for a report's number.
        out += line(c.kind === 'report' ? 'SN' : 'M1', c.legal.identifier);
        // CN: the identifier with its scheme, as a catalogue would file it.
        out += line('CN', `${c.legal.scheme} ${c.legal.identifier}`);
      }
      // M2 lines become Zotero's Extra, one line each.
      for (const extra of extraLines(c)) out += line('M2', extra);
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
    return [item.type, item.id, c.title, c.authors.map(authorDisplayName).join('; '), c.issued ? isoOfParts(c.issued) : '', c.publisher, c.url ?? '', c.legal?.identifier ?? '', countries.join('; '), c.keywords.join('; '), item.note, String(item.annotations.length)];
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
    const meta = [c.authors.map(authorDisplayName).join(', '), c.publisher, c.issued ? isoOfParts(c.issued) : '', c.legal ? `${c.legal.scheme} ${c.legal.identifier}` : ''].filter(Boolean).map(mdEscape);
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
