// How authoritative a kind of record is, for ordering results that text
// relevance does not separate: legislation and official documents above
// reports, reports above news, news above forum posts.
const DOCUMENT_AUTHORITY: Readonly<Record<string, number>> = {
  legislation: 6, 'policy-document': 5, 'impact-assessment': 4, evaluation: 4, report: 4, study: 4, article: 2, other: 2,
};
const TYPE_AUTHORITY: Readonly<Record<string, number>> = {
  'country-sheet': 5, 'good-practice': 3, news: 2, funding: 2, event: 1, link: 1, 'partner-request': 1, forum: 0, 'forum-thread': 0, 'forum-post': 0,
};

/** Higher is more authoritative; unknown kinds sit in the middle. */
export function authority(type: string, kind: string): number {
  if (type === 'document') return DOCUMENT_AUTHORITY[kind] ?? 3;
  return TYPE_AUTHORITY[type] ?? 2;
}
