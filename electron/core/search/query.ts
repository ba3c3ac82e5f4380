// The query language a user can guess: words, "phrases", prefix*, OR,
// -exclusion, and filters type: country: theme: lang: year:2019..2023.
// Parsing never throws: anything malformed degrades to a literal word search,
// with a notice saying so.
import { CONTENT_TYPES } from '../../../shared/content';
import { foldLetters } from '../../../shared/text';

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

/** One thing to find: a word, a word prefix, or a phrase (words in a row, the last one maybe a prefix). */
export interface QueryItem {
  kind: 'term' | 'phrase';
  /** The words as typed (letters folded, punctuation dropped), space-separated for a phrase. */
  text: string;
  prefix: boolean;
  /** The item as an FTS5 expression on its own. */
  expression: string;
}

/** The MATCH expression as structure: every group must match (AND), any item of a group will do (OR). */
export interface QueryClauses {
  groups: QueryItem[][];
  excluded: QueryItem[];
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or '' when the query has only filters. */
  match: string;
  /** The same expression as structure, in the same order (FTS5 numbers its phrases in this order). */
  clauses: QueryClauses;
  filters: SearchFilters;
  /** Set when the input was not understood as written and was searched literally. */
  notice?: string;
}

/** Document types are filtered by their own kind; `type:legislation` means documents of that type. */
export interface KindFilter {
  kinds: string[];
}

const FILTER_KEYS = new Set(['type', 'country', 'theme', 'lang', 'language', 'year', 'has', 'in']);

/** A word as FTS5 sees it: quoted, so no character of it is read as syntax. */
const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Letters and digits only (what unicode61 indexes), for the literal fallback. */
function literalWords(input: string): string[] {
  return foldLetters(input)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .slice(0, 32);
}

interface Token {
  kind: 'term' | 'phrase' | 'or' | 'filter';
  text: string;
  negated?: boolean;
  prefix?: boolean;
  key?: string;
}

class Malformed extends Error {}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(-?)(?:"([^"]*)("?)|(\S+))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(input)) !== null && match[0].trim() !== '') {
    const negated = match[1] === '-';
    if (match[2] !== undefined) {
      if (match[3] !== '"') throw new Malformed('a quotation mark is not closed');
      const words = literalWords(match[2]);
      if (words.length) tokens.push({ kind: 'phrase', text: words.join(' '), negated });
      continue;
    }
    const word = match[4]!;
    if (word === 'OR' && !negated) {
      tokens.push({ kind: 'or', text: 'OR' });
      continue;
    }
    if (word === 'AND' && !negated) continue; // Words are ANDed anyway; a typed AND is read as that.
    const filter = /^([a-z]+):(.*)$/i.exec(word);
    if (filter && FILTER_KEYS.has(filter[1]!.toLowerCase())) {
      if (!filter[2]) throw new Malformed(`the filter ${filter[1]}: has no value`);
      tokens.push({ kind: 'filter', key: filter[1]!.toLowerCase(), text: filter[2], negated });
      continue;
    }
    const prefix = word.endsWith('*');
    const words = literalWords(prefix ? word.slice(0, -1) : word);
    if (words.length === 0) continue; // Punctuation alone: nothing to search.
    // "Ausländer-Behörde" is one token for the user, several for the index: search them as a phrase.
    if (words.length > 1) tokens.push({ kind: 'phrase', text: words.join(' '), negated, prefix });
    else tokens.push({ kind: 'term', text: words[0]!, negated, prefix });
  }
  return tokens;
}

function applyFilter(filters: SearchFilters, kinds: string[], token: Token): void {
  const values = token.text.split(',').map((value) => value.trim()).filter(Boolean);
  if (token.negated) throw new Malformed(`excluding a filter (-${token.key}:) is not supported`);
  switch (token.key) {
    case 'type':
      for (const value of values.map((v) => v.toLowerCase())) {
        if ((CONTENT_TYPES as string[]).includes(value)) filters.types.push(value);
        else kinds.push(value); // legislation, report, … : a document type
      }
      return;
    case 'country':
      for (const value of values) {
        if (!/^[a-z]{2}$/i.test(value)) throw new Malformed(`country:${value} is not a two-letter country code`);
        filters.countries.push(value.toUpperCase());
      }
      return;
    case 'theme':
      filters.themes.push(...values.map((v) => v.toLowerCase()));
      return;
    case 'lang':
    case 'language':
      for (const value of values) {
        if (!/^[a-z]{2}$/i.test(value)) throw new Malformed(`lang:${value} is not a two-letter language code`);
        filters.languages.push(value.toLowerCase());
      }
      return;
    case 'has':
      if (token.text.toLowerCase() !== 'fulltext') throw new Malformed(`has:${token.text} is not a filter (has:fulltext is)`);
      filters.hasFullText = true;
      return;
    case 'in':
      if (token.text.toLowerCase() !== 'attachment') throw new Malformed(`in:${token.text} is not a filter (in:attachment is)`);
      filters.inAttachment = true;
      return;
    case 'year': {
      const range = /^(\d{4})?(?:\.\.(\d{4})?)?$/.exec(token.text);
      if (!range || (!range[1] && !range[2])) throw new Malformed(`year:${token.text} is not a year or a range such as 2019..2023`);
      const isRange = token.text.includes('..');
      filters.yearFrom = range[1] ? Number(range[1]) : undefined;
      filters.yearTo = isRange ? (range[2] ? Number(range[2]) : undefined) : filters.yearFrom;
      return;
    }
  }
}

function termExpression(token: Token): string {
  return `${quote(token.text)}${token.prefix ? '*' : ''}`;
}

function queryItem(token: Token): QueryItem {
  return { kind: token.kind === 'phrase' ? 'phrase' : 'term', text: token.text, prefix: Boolean(token.prefix), expression: termExpression(token) };
}

/** Groups the words: AND between groups, OR inside a group, NOT for exclusions. */
function buildClauses(tokens: Token[]): QueryClauses {
  const groups: QueryItem[][] = [];
  const excluded: QueryItem[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token.kind === 'filter') continue;
    if (token.kind === 'or') {
      if (groups.length === 0 || joinNext) throw new Malformed('OR needs a word on each side');
      joinNext = true;
      continue;
    }
    const item = queryItem(token);
    if (token.negated) {
      if (joinNext) throw new Malformed('OR cannot join an exclusion');
      excluded.push(item);
    } else if (joinNext) {
      groups.at(-1)!.push(item);
      joinNext = false;
    } else {
      groups.push([item]);
    }
  }
  if (joinNext) throw new Malformed('OR needs a word on each side');
  if (groups.length === 0 && excluded.length) throw new Malformed('a search needs at least one word that is not excluded');
  return { groups, excluded };
}

/** The FTS5 MATCH expression of the clauses ('' when there are none). */
function matchExpression({ groups, excluded }: QueryClauses): string {
  if (groups.length === 0) return '';
  const orGroup = (items: QueryItem[]) => (items.length > 1 ? `(${items.map((item) => item.expression).join(' OR ')})` : items[0]!.expression);
  const positive = groups.map(orGroup).join(' AND ');
  return excluded.length ? `${groups.length > 1 ? `(${positive})` : positive} NOT ${orGroup(excluded)}` : positive;
}

export function emptyFilters(): SearchFilters {
  return { types: [], countries: [], themes: [], languages: [] };
}

export function parseQuery(input: string): ParsedQuery & KindFilter {
  const filters = emptyFilters();
  const kinds: string[] = [];
  try {
    const tokens = tokenize(input);
    for (const token of tokens) if (token.kind === 'filter') applyFilter(filters, kinds, token);
    const clauses = buildClauses(tokens);
    return { match: matchExpression(clauses), clauses, filters, kinds };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    const words = literalWords(input);
    const clauses: QueryClauses = { groups: words.map((word) => [queryItem({ kind: 'term', text: word })]), excluded: [] };
    return {
      match: matchExpression(clauses),
      clauses,
      filters: emptyFilters(),
      kinds: [],
      notice: `Searched for the words literally: ${error.message}.`,
    };
  }
}
