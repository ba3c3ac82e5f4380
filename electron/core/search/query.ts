// The query language a user can guess: words, "phrases", prefix*, OR,
// -exclusion, and filters type: country: theme: lang: year:2019..2023.
// Parsing never throws: anything malformed degrades to a literal word search,
// with a notice saying so.
import type { LiteralReason, SearchNotice } from '../../../shared/search';
import { foldLetters } from '../../../shared/text';
import { applyFilter, closestFilterName, emptyFilters, filterName, replacementsFor, type KindFilter, type SearchFilters } from './query-filters';

export { emptyFilters, type KindFilter, type SearchFilters } from './query-filters';

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
  /** What was not taken as typed (malformed input searched literally, filters left out), each once. */
  notices: SearchNotice[];
  /** The filter words applied, as typed, with where they stand in the input: what an empty result offers to drop. */
  appliedFilters: Array<{ typed: string; start: number; end: number }>;
}

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
  kind: 'term' | 'phrase' | 'or' | 'filter' | 'unknown-filter';
  text: string;
  negated?: boolean;
  prefix?: boolean;
  key?: string;
  /** The word as typed, and where it stands in the input. */
  typed: string;
  start: number;
}

class Malformed extends Error {
  constructor(readonly reason: LiteralReason, readonly typed: string) {
    super(reason);
  }
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(-?)(?:"([^"]*)("?)|(\S+))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(input)) !== null && match[0].trim() !== '') {
    const negated = match[1] === '-';
    const typed = match[0].trim();
    const at = { typed, start: match.index + match[0].indexOf(typed) };
    if (match[2] !== undefined) {
      if (match[3] !== '"') throw new Malformed('unclosed-quote', typed);
      const words = literalWords(match[2]);
      if (words.length) tokens.push({ kind: 'phrase', text: words.join(' '), negated, ...at });
      continue;
    }
    const word = match[4]!;
    if (word === 'OR' && !negated) {
      tokens.push({ kind: 'or', text: 'OR', ...at });
      continue;
    }
    if (word === 'AND' && !negated) continue; // Words are ANDed anyway; a typed AND is read as that.
    const filter = /^([a-z]+):(.*)$/i.exec(word);
    const key = filter && filterName(filter[1]!);
    if (filter && key) {
      if (!filter[2]) throw new Malformed('empty-filter', typed);
      tokens.push({ kind: 'filter', key, text: filter[2], negated, ...at });
      continue;
    }
    // "countr:DE": a filter name mistyped, not words to search.
    const mistyped = filter && filter[2] ? closestFilterName(filter[1]!) : undefined;
    if (mistyped) {
      tokens.push({ kind: 'unknown-filter', key: mistyped, text: filter![2]!, negated, ...at });
      continue;
    }
    const prefix = word.endsWith('*');
    const words = literalWords(prefix ? word.slice(0, -1) : word);
    if (words.length === 0) continue; // Punctuation alone: nothing to search.
    // "Ausländer-Behörde" is one token for the user, several for the index: search them as a phrase.
    if (words.length > 1) tokens.push({ kind: 'phrase', text: words.join(' '), negated, prefix, ...at });
    else tokens.push({ kind: 'term', text: words[0]!, negated, prefix, ...at });
  }
  return tokens;
}

function termExpression(token: Pick<Token, 'text' | 'prefix'>): string {
  return `${quote(token.text)}${token.prefix ? '*' : ''}`;
}

function queryItem(token: Pick<Token, 'kind' | 'text' | 'prefix'>): QueryItem {
  return { kind: token.kind === 'phrase' ? 'phrase' : 'term', text: token.text, prefix: Boolean(token.prefix), expression: termExpression(token) };
}

/** Groups the words: AND between groups, OR inside a group, NOT for exclusions. */
function buildClauses(tokens: Token[]): QueryClauses {
  const groups: QueryItem[][] = [];
  const excluded: QueryItem[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token.kind === 'filter' || token.kind === 'unknown-filter') continue;
    if (token.kind === 'or') {
      if (groups.length === 0 || joinNext) throw new Malformed('or-needs-words', token.typed);
      joinNext = true;
      continue;
    }
    const item = queryItem(token);
    if (token.negated) {
      if (joinNext) throw new Malformed('or-joins-exclusion', token.typed);
      excluded.push(item);
    } else if (joinNext) {
      groups.at(-1)!.push(item);
      joinNext = false;
    } else {
      groups.push([item]);
    }
  }
  if (joinNext) throw new Malformed('or-needs-words', 'OR');
  if (groups.length === 0 && excluded.length) throw new Malformed('only-exclusions', tokens.find((token) => token.negated)?.typed ?? '');
  return { groups, excluded };
}

/** The FTS5 MATCH expression of the clauses ('' when there are none). */
export function matchExpression({ groups, excluded }: QueryClauses): string {
  if (groups.length === 0) return '';
  const orGroup = (items: QueryItem[]) => (items.length > 1 ? `(${items.map((item) => item.expression).join(' OR ')})` : items[0]!.expression);
  const positive = groups.map(orGroup).join(' AND ');
  return excluded.length ? `${groups.length > 1 ? `(${positive})` : positive} NOT ${orGroup(excluded)}` : positive;
}

/** The filters of the tokens applied; those it cannot apply become notices. */
function applyFilters(tokens: Token[], filters: SearchFilters, kinds: string[]): Pick<ParsedQuery, 'notices' | 'appliedFilters'> {
  const notices: SearchNotice[] = [];
  const appliedFilters: ParsedQuery['appliedFilters'] = [];
  for (const token of tokens) {
    if (token.kind === 'unknown-filter') {
      notices.push({ kind: 'unknown-filter', typed: token.typed, suggestions: replacementsFor(token.key!, token.text) });
      continue;
    }
    if (token.kind !== 'filter') continue;
    if (token.negated) throw new Malformed('negated-filter', token.typed);
    const notice = applyFilter(token.key!, token.text, token.typed, filters, kinds);
    if (notice) notices.push(notice);
    else appliedFilters.push({ typed: token.typed, start: token.start, end: token.start + token.typed.length });
  }
  return { notices, appliedFilters };
}

export function parseQuery(input: string): ParsedQuery & KindFilter {
  const filters = emptyFilters();
  const kinds: string[] = [];
  try {
    const tokens = tokenize(input);
    const { notices, appliedFilters } = applyFilters(tokens, filters, kinds);
    const clauses = buildClauses(tokens);
    return { match: matchExpression(clauses), clauses, filters, kinds, notices, appliedFilters };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    const words = literalWords(input);
    const clauses: QueryClauses = { groups: words.map((word) => [queryItem({ kind: 'term', text: word })]), excluded: [] };
    return {
      match: matchExpression(clauses),
      clauses,
      filters: emptyFilters(),
      kinds: [],
      notices: [{ kind: 'literal', reason: error.reason, typed: error.typed }],
      appliedFilters: [],
    };
  }
}

/** The input without one of its filter words: what an empty result offers to try. */
export function withoutFilter(input: string, filter: ParsedQuery['appliedFilters'][number]): string {
  return `${input.slice(0, filter.start)} ${input.slice(filter.end)}`.replace(/\s+/g, ' ').trim();
}
