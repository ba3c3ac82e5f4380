// The English sentence of a search notice, for the command line (the
// interface writes its own, translated, from the same structure).
import type { LiteralReason, SearchNotice } from '../../../shared/search';

const LITERAL: Readonly<Record<LiteralReason, string>> = {
  'unclosed-quote': 'a quotation mark is not closed',
  'empty-filter': 'a filter has no value',
  'negated-filter': 'filters cannot be excluded',
  'or-needs-words': 'OR needs a word on each side',
  'or-joins-exclusion': 'OR cannot join an exclusion',
  'only-exclusions': 'a search needs at least one word that is not excluded',
};

const didYouMean = (suggestions: string[]) => (suggestions.length ? ` Did you mean ${suggestions.join(' or ')}?` : '');

export function noticeText(notice: SearchNotice): string {
  switch (notice.kind) {
    case 'literal':
      return `Searched for the words literally: ${LITERAL[notice.reason]} (${notice.typed}).`;
    case 'unknown-filter':
      return `${notice.typed} is not a filter, so it was left out.${didYouMean(notice.suggestions)}`;
    case 'unknown-value':
      return notice.filter === 'year'
        ? `${notice.typed} is not a year or a range such as year:2019..2023, so it was left out.`
        : `${notice.typed}: no such ${notice.filter}, so it was left out.${didYouMean(notice.suggestions)}`;
    case 'reversed-years':
      return `${notice.typed} ends before it starts, so it was left out.${didYouMean(notice.suggestions)}`;
  }
}
