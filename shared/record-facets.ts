import type { ContentType } from './content';

/** The fields of any record that lists, filters and facets use, whatever its type. */
export interface RecordFacets {
  title: string;
  language: string;
  countries: string[];
  themes: string[];
  /** The type's own kind: document type, funder type, link category, organisation type, country. */
  kind: string;
  /** The record it belongs to: a thread's forum, a post's thread. */
  parentId: string;
  /** The date it sorts by (publication, event start, deadline, creation), ISO; '' when none. */
  date: string;
}

interface FacetSource {
  title?: string;
  body?: string;
  language?: string;
  countries?: string[];
  themes?: string[];
  country?: string;
  documentType?: string;
  funderType?: string;
  category?: string;
  organisationType?: string;
  organisation?: { type?: string };
  forumId?: string;
  threadId?: string;
  publishedOn?: string | null;
  date?: string;
  startDate?: string;
  deadline?: string | null;
  createdAt?: string;
}

const KIND: Partial<Record<ContentType, (r: FacetSource) => string | undefined>> = {
  document: (r) => r.documentType,
  funding: (r) => r.funderType,
  link: (r) => r.category,
  'partner-request': (r) => r.organisationType,
  'good-practice': (r) => r.organisation?.type,
  'country-sheet': (r) => r.country,
};

const DATE: Partial<Record<ContentType, (r: FacetSource) => string | null | undefined>> = {
  document: (r) => r.publishedOn,
  news: (r) => r.date,
  event: (r) => r.startDate,
  funding: (r) => r.deadline,
  'good-practice': (r) => r.startDate,
  'forum-thread': (r) => r.createdAt,
  'forum-post': (r) => r.createdAt,
  'partner-request': (r) => r.createdAt,
};

/** Plain text of an HTML fragment, for a title where a record has none (forum posts). */
function textOf(html: string, max: number): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function recordFacets(type: ContentType, record: object): RecordFacets {
  const r = record as FacetSource;
  const countries = [...(r.countries ?? [])];
  if (r.country && !countries.includes(r.country)) countries.push(r.country);
  return {
    title: r.title ?? textOf(r.body ?? '', 120),
    language: r.language ?? '',
    countries,
    themes: [...(r.themes ?? [])],
    kind: KIND[type]?.(r) ?? '',
    parentId: type === 'forum-thread' ? (r.forumId ?? '') : type === 'forum-post' ? (r.threadId ?? '') : '',
    date: DATE[type]?.(r) ?? '',
  };
}

/** ",DE,FR," — lets a LIKE '%,DE,%' filter work in any SQL engine. */
export const listColumn = (values: readonly string[]): string => (values.length ? `,${[...new Set(values)].join(',')},` : '');
