// One Citation per record: what every reference format and every citation
// style says about it, derived once so BibTeX, RIS, CSL-JSON and the
// formatted citations agree field by field.
import { readAuthors, THEME_LABELS, type Author, type ContentType } from '../../../shared/content';
import { htmlToText } from '../../../shared/text';
import { recordUrl } from '../portal/urls';

/** The CSL item types our records map to (CSL 1.0.2 names). */
export type CitationKind = 'legislation' | 'bill' | 'report' | 'article-journal' | 'webpage' | 'event' | 'post' | 'document';

export type LegalStatus = 'in-force' | 'amended' | 'repealed' | 'proposal' | 'transposition-pending';

export interface LegalReference {
  scheme: 'CELEX' | 'ELI';
  identifier: string;
  status: LegalStatus;
  /** Which version of the text (1 for the original), when the portal publishes versions. */
  versionNumber: number | null;
  /** The date this version took effect (ISO). */
  inForceFrom: string | null;
}

export interface Citation {
  key: string;
  kind: CitationKind;
  title: string;
  authors: Author[];
  /** [year, month?, day?] */
  issued: number[] | null;
  publisher: string;
  url: string | null;
  abstract: string;
  language: string;
  /** Theme labels ("Family reunification"), never slugs. */
  keywords: string[];
  /** For legal texts: the ISO country codes of the act, or "EU" for an EU act; empty otherwise. */
  jurisdiction: string[];
  legal: LegalReference | null;
  /** The kind of report ("Study", "Impact assessment"), for BibTeX's type and RIS's M3. */
  genre: string;
}

/** A record to cite: the synced record (or one version of it), null when it is not in the library. */
export interface CitedRecord {
  type: ContentType;
  id: string;
  record: Record<string, unknown> | null;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The item's address: its own source URL, else the portal's read API. */
export function itemUrl(item: CitedRecord, serverUrl: string | null): string | null {
  const own = str(item.record?.sourceUrl) || str(item.record?.url);
  if (own) return own;
  return serverUrl ? recordUrl(serverUrl, item.type, item.id) : null;
}

export function dateParts(value: string): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return null;
  return match.slice(1).filter((part) => part !== undefined).map(Number);
}

const REPORT_GENRE: Record<string, string> = {
  'policy-document': 'Policy document',
  report: 'Report',
  study: 'Study',
  'impact-assessment': 'Impact assessment',
  evaluation: 'Evaluation',
};

function documentKind(documentType: string, legal: LegalReference | null): CitationKind {
  if (documentType === 'legislation') return legal?.status === 'proposal' ? 'bill' : 'legislation';
  if (documentType in REPORT_GENRE) return 'report';
  if (documentType === 'article') return 'article-journal';
  return 'document';
}

const KIND_OF_TYPE: Partial<Record<ContentType, CitationKind>> = { event: 'event', 'forum-post': 'post', 'forum-thread': 'post' };

const LEGAL_STATUSES: readonly LegalStatus[] = ['in-force', 'amended', 'repealed', 'proposal', 'transposition-pending'];

function legalOf(value: unknown): LegalReference | null {
  if (typeof value !== 'object' || value === null) return null;
  const legal = value as Record<string, unknown>;
  const scheme = legal.identifierScheme;
  const identifier = str(legal.identifier);
  if ((scheme !== 'CELEX' && scheme !== 'ELI') || !identifier) return null;
  const status = LEGAL_STATUSES.find((s) => s === legal.status) ?? 'in-force';
  return {
    scheme,
    identifier,
    status,
    versionNumber: typeof legal.versionNumber === 'number' ? legal.versionNumber : null,
    inForceFrom: str(legal.inForceFrom) || null,
  };
}

/** A record without a title of its own (a forum post): its text's opening words. */
function untitled(type: ContentType, r: Record<string, unknown>): string {
  const text = htmlToText(str(r.body) || str(r.description)).replace(/\s+/g, ' ').trim();
  if (!text) return `${type} ${str(r.id)}`;
  return text.length <= 80 ? text : `${text.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}

const themeLabel = (slug: string): string => (slug in THEME_LABELS ? THEME_LABELS[slug as keyof typeof THEME_LABELS] : slug);

/**
 * The citation of one record. Pass a version's record (its `legal` carrying
 * that version's number and date in force) to cite that version.
 */
export function citationOf(item: CitedRecord, serverUrl: string | null): Citation {
  const r = item.record ?? {};
  const legal = legalOf(r.legal);
  const date = str(r.publishedOn) || str(r.date) || str(r.startDate) || str(r.createdAt) || str(r.updatedAt);
  const organisation = typeof r.organisation === 'object' && r.organisation !== null ? str((r.organisation as Record<string, unknown>).name) : str(r.organisation);
  const authors = readAuthors(r.authors);
  const poster = str(r.authorName);
  const countries = strings(r.countries).length ? strings(r.countries) : str(r.country) ? [str(r.country)] : [];
  return {
    key: `${item.type}-${item.id}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    kind: item.type === 'document' ? documentKind(str(r.documentType), legal) : (KIND_OF_TYPE[item.type] ?? 'webpage'),
    title: str(r.title) || (item.record ? untitled(item.type, r) : `${item.type} ${item.id} (not in the local library)`),
    authors: authors.length ? authors : organisation ? [{ kind: 'organisation', name: organisation }] : poster ? [{ kind: 'organisation', name: poster }] : [],
    issued: date ? dateParts(date) : null,
    publisher: str(r.publisher),
    url: itemUrl(item, serverUrl),
    abstract: str(r.summary) || str(r.description),
    language: str(r.language),
    keywords: strings(r.themes).map(themeLabel),
    // A jurisdiction belongs to legal texts: the countries the act is of, or the EU for an act with a CELEX number.
    jurisdiction: !legal ? [] : countries.length ? countries : legal.scheme === 'CELEX' ? ['EU'] : [],
    legal,
    genre: REPORT_GENRE[str(r.documentType)] ?? '',
  };
}

const STATUS_TEXT: Record<LegalStatus, string> = {
  'in-force': 'in force',
  amended: 'amended',
  repealed: 'repealed',
  proposal: 'proposal',
  'transposition-pending': 'transposition pending',
};

export const legalStatusText = (status: LegalStatus): string => STATUS_TEXT[status];

/**
 * The "Field: value" lines Zotero keeps in an item's Extra (and writes to
 * BibTeX's note and CSL's note): the identifier under its scheme, then
 * jurisdiction, legal status, date in force and version.
 */
export function extraLines(c: Citation): string[] {
  if (!c.legal) return [];
  const lines = [`${c.legal.scheme}: ${c.legal.identifier}`];
  if (c.jurisdiction.length) lines.push(`Jurisdiction: ${c.jurisdiction.join(', ')}`);
  lines.push(`Legal status: ${STATUS_TEXT[c.legal.status]}`);
  if (c.legal.inForceFrom) lines.push(`In force from: ${c.legal.inForceFrom}`);
  if (c.legal.versionNumber !== null) lines.push(`Version: ${c.legal.versionNumber}`);
  return lines;
}

/** An ISO date from date parts: 2021, 2021-05 or 2021-05-03. */
export const isoOfParts = (parts: number[]): string => parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');

// ── CSL-JSON ──

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export type CslItem = Record<string, unknown> & { id: string; type: CitationKind; title: string };

export const cslName = (author: Author): CslName => (author.kind === 'person' ? { family: author.family, ...(author.given ? { given: author.given } : {}) } : { literal: author.name });

/**
 * The CSL-JSON item. `note` is Zotero's Extra (the legal lines) followed by
 * the collection's note for the item when there is one.
 */
export function cslItem(c: Citation, itemNote = ''): CslItem {
  const note = [...extraLines(c), itemNote].filter(Boolean).join('\n');
  return {
    id: c.key,
    type: c.kind,
    title: c.title,
    ...(c.authors.length ? { author: c.authors.map(cslName) } : {}),
    ...(c.issued ? { issued: { 'date-parts': [c.issued] } } : {}),
    ...(c.publisher ? { publisher: c.publisher } : {}),
    ...(c.url ? { URL: c.url } : {}),
    ...(c.abstract ? { abstract: c.abstract } : {}),
    ...(c.language ? { language: c.language } : {}),
    // No `status`: styles print it as a publication status ("(in force)" after APA's year); Extra (note) carries it.
    // Not `number`: styles print a legislation's number as a US public law ("Pub. L. No. 32003L0086").
    // Zotero reads call-number as the Call Number, as RIS's CN; Extra (note) has the identifier under its scheme.
    ...(c.legal ? { 'call-number': `${c.legal.scheme} ${c.legal.identifier}` } : {}),
    ...(c.jurisdiction.length ? { jurisdiction: c.jurisdiction.join(', ') } : {}),
    ...(c.legal?.versionNumber ? { version: String(c.legal.versionNumber) } : {}),
    ...(c.genre && c.kind === 'report' ? { genre: c.genre } : {}),
    ...(c.keywords.length ? { keyword: c.keywords.join(', ') } : {}),
    ...(note ? { note } : {}),
  };
}
