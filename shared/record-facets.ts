import type { ContentInput, ContentType } from './content';
import { shorten } from './text';

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

/** What a type adds to the fields every type shares; `country` also counts among the countries. */
interface OwnFacets {
  title: string;
  kind?: string;
  parentId?: string;
  date?: string | null;
  country?: string;
}

/** Plain text of an HTML fragment, for a title where a record has none (forum posts). */
function textOf(html: string, max: number): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return shorten(text, max);
}

// Typed by each type's input schema: stored records, validated fields and editor input (defaults not yet applied) alike.
const OWN_FACETS: { [T in ContentType]: (record: ContentInput<T>) => OwnFacets } = {
  document: (r) => ({ title: r.title, kind: r.documentType, date: r.publishedOn }),
  'country-sheet': (r) => ({ title: r.title, kind: r.country, country: r.country }),
  'good-practice': (r) => ({ title: r.title, kind: r.organisation.type, date: r.startDate, country: r.country }),
  link: (r) => ({ title: r.title, kind: r.category }),
  funding: (r) => ({ title: r.title, kind: r.funderType, date: r.deadline }),
  news: (r) => ({ title: r.title, date: r.date }),
  event: (r) => ({ title: r.title, date: r.startDate }),
  forum: (r) => ({ title: r.title }),
  'forum-thread': (r) => ({ title: r.title, parentId: r.forumId, date: r.createdAt }),
  'forum-post': (r) => ({ title: textOf(r.body, 120), parentId: r.threadId, date: r.createdAt }),
  'partner-request': (r) => ({ title: r.title, kind: r.organisationType, date: r.createdAt, country: r.country }),
};

export function recordFacets<T extends ContentType>(type: T, record: ContentInput<T>): RecordFacets {
  const own = OWN_FACETS[type](record);
  const shared: ContentInput<ContentType> = record;
  const countries = [...(shared.countries ?? [])];
  if (own.country && !countries.includes(own.country)) countries.push(own.country);
  return {
    title: own.title,
    language: shared.language,
    countries,
    themes: [...(shared.themes ?? [])],
    kind: own.kind ?? '',
    parentId: own.parentId ?? '',
    date: own.date ?? '',
  };
}

/** ",DE,FR," — lets a LIKE '%,DE,%' filter work in any SQL engine. */
export const listColumn = (values: readonly string[]): string => (values.length ? `,${[...new Set(values)].join(',')},` : '');
