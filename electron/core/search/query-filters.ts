// The filters of the query language, one definition each: which values a
// filter takes (codes, slugs, or names in any language of the vocabulary) and
// what it suggests for a value it does not know. A new filter is one more
// entry in FILTERS.
import { CONTENT_TYPES, DOCUMENT_TYPES } from '../../../shared/content';
import type { SearchNotice } from '../../../shared/search';
import { closestValues, editDistance, FILTER_CANDIDATES, resolveCountry, resolveDocumentType, resolveLanguage, resolveTheme } from '../../../shared/search-vocabulary';

export interface SearchFilters {
  types: string[];
  countries: string[];
  themes: string[];
  languages: string[];
  yearFrom?: number;
  yearTo?: number;
  /** has:fulltext — only records with a PDF whose text is indexed. */
  hasFullText?: boolean;
  /** in:attachment — only records whose PDFs' text matches the words. */
  inAttachment?: boolean;
}

/** Document types are filtered by their own kind; `type:legislation` means documents of that type. */
export interface KindFilter {
  kinds: string[];
}

export function emptyFilters(): SearchFilters {
  return { types: [], countries: [], themes: [], languages: [] };
}

/** A filter's job: apply the values it knows, and name the ones it does not with what could replace them. */
type ApplyFilter = (value: string, filters: SearchFilters, kinds: string[]) => { applied: true } | { applied: false; suggestions: string[] };

const TYPE_CANDIDATES = [...CONTENT_TYPES.map((type) => ({ value: type, names: [] as string[] })), ...FILTER_CANDIDATES.documentType];
const nearest = (key: string, typed: string, candidates: ReadonlyArray<{ value: string; names: readonly string[] }>) =>
  closestValues(typed, candidates).map((value) => `${key}:${value}`);

const FILTERS: Readonly<Record<string, ApplyFilter>> = {
  type(value, filters, kinds) {
    const lower = value.toLowerCase();
    if ((CONTENT_TYPES as string[]).includes(lower)) filters.types.push(lower);
    else {
      const kind = (DOCUMENT_TYPES as readonly string[]).includes(lower) ? lower : resolveDocumentType(value);
      if (!kind) return { applied: false, suggestions: nearest('type', value, TYPE_CANDIDATES) };
      kinds.push(kind);
    }
    return { applied: true };
  },
  country(value, filters) {
    const code = resolveCountry(value);
    // Codes outside the EU (NO, CH, TR…) are records' countries too: any two letters stand as a code.
    if (!code && !/^[a-z]{2}$/i.test(value)) return { applied: false, suggestions: nearest('country', value, FILTER_CANDIDATES.country) };
    filters.countries.push(code ?? value.toUpperCase());
    return { applied: true };
  },
  theme(value, filters) {
    const theme = resolveTheme(value);
    if (!theme) return { applied: false, suggestions: nearest('theme', value, FILTER_CANDIDATES.theme) };
    filters.themes.push(theme);
    return { applied: true };
  },
  lang(value, filters) {
    const language = resolveLanguage(value);
    if (!language) return { applied: false, suggestions: nearest('lang', value, FILTER_CANDIDATES.language) };
    filters.languages.push(language);
    return { applied: true };
  },
  has(value, filters) {
    if (value.toLowerCase() !== 'fulltext') return { applied: false, suggestions: ['has:fulltext'] };
    filters.hasFullText = true;
    return { applied: true };
  },
  in(value, filters) {
    if (value.toLowerCase() !== 'attachment') return { applied: false, suggestions: ['in:attachment'] };
    filters.inAttachment = true;
    return { applied: true };
  },
};
const ALIASES: Readonly<Record<string, string>> = { language: 'lang', theme: 'theme', type: 'type', country: 'country', lang: 'lang', year: 'year', has: 'has', in: 'in' };

/** The filter a name stands for ("language" is "lang"), or undefined. */
export function filterName(name: string): string | undefined {
  return ALIASES[name.toLowerCase()];
}

/** A filter name close to a mistyped one ("countr" → "country"), for words such as "countr:DE". */
export function closestFilterName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const best = Object.keys(ALIASES)
    .map((key) => ({ key, distance: key.startsWith(lower) ? 0 : editDistance(lower, key) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= 2 ? ALIASES[best.key] : undefined;
}

/** What could replace a value of a filter: the value resolved if it can be, else the nearest values. */
export function replacementsFor(filter: string, value: string): string[] {
  const scratch = emptyFilters();
  const kinds: string[] = [];
  if (filter === 'year') return applyYear(value, scratch) === undefined ? [`year:${value}`] : [];
  const outcome = FILTERS[filter]!(value, scratch, kinds);
  if (!outcome.applied) return outcome.suggestions.slice(0, 1);
  const resolved = kinds[0] ?? scratch.types[0] ?? scratch.countries[0] ?? scratch.themes[0] ?? scratch.languages[0] ?? (scratch.hasFullText ? 'fulltext' : scratch.inAttachment ? 'attachment' : undefined);
  return resolved ? [`${filter}:${resolved}`] : [];
}

/** year:2021, year:2019..2023, year:..2021, year:2022..: undefined when applied, else the notice. */
function applyYear(text: string, filters: SearchFilters, typed = `year:${text}`): SearchNotice | undefined {
  const range = /^(\d{4})?(?:\.\.(\d{4})?)?$/.exec(text);
  if (!range || (!range[1] && !range[2])) return { kind: 'unknown-value', filter: 'year', typed, suggestions: [] };
  const isRange = text.includes('..');
  const from = range[1] ? Number(range[1]) : undefined;
  const to = isRange ? (range[2] ? Number(range[2]) : undefined) : from;
  if (from !== undefined && to !== undefined && from > to) return { kind: 'reversed-years', typed, suggestions: [`year:${to}..${from}`] };
  filters.yearFrom = from;
  filters.yearTo = to;
  return undefined;
}

/**
 * Applies one filter word (values may be comma-separated). Values it does
 * not know are left out of the search and reported, with the closest valid
 * values, as a notice naming the word as typed.
 */
export function applyFilter(filter: string, text: string, typed: string, filters: SearchFilters, kinds: string[]): SearchNotice | undefined {
  if (filter === 'year') return applyYear(text, filters, typed);
  const unknown: string[] = [];
  const suggestions: string[] = [];
  for (const value of text.split(',').map((v) => v.trim()).filter(Boolean)) {
    const outcome = FILTERS[filter]!(value, filters, kinds);
    if (!outcome.applied) {
      unknown.push(value);
      suggestions.push(...outcome.suggestions.filter((s) => !suggestions.includes(s)));
    }
  }
  return unknown.length ? { kind: 'unknown-value', filter, typed, suggestions: suggestions.slice(0, 3) } : undefined;
}
