import { authorDisplayName, readAuthors, type TypedRecord } from '../../../shared/content';
import { foldLetters, htmlToText } from '../../../shared/text';

/** The three weighted fields of the full-text index, for any record. */
export interface SearchText {
  title: string;
  summary: string;
  body: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const join = (...parts: unknown[]): string => parts.map((part) => (Array.isArray(part) ? part.map(str).join(' ') : str(part))).filter(Boolean).join(' ');

/** Authors' names for the index; an organisation that is also the publisher is indexed once, as the publisher. */
const authorNames = (authors: unknown, publisher: unknown): string[] => readAuthors(authors).map(authorDisplayName).filter((name) => name !== publisher);

export function searchText(typed: TypedRecord, fallbackTitle: string): SearchText {
  const text = rawSearchText(typed, fallbackTitle);
  return { title: foldLetters(text.title), summary: foldLetters(text.summary), body: foldLetters(text.body) };
}

// Fields are still read through str() and join(), which take any value: a stored record written under an older schema may lack one.
function rawSearchText({ type, record: r }: TypedRecord, fallbackTitle: string): SearchText {
  switch (type) {
    case 'document':
      return { title: str(r.title), summary: str(r.summary), body: join(htmlToText(str(r.body)), authorNames(r.authors, r.publisher), r.publisher, r.legal?.identifier) };
    case 'country-sheet':
      return { title: str(r.title), summary: '', body: r.sections.map((s) => `${s.title} ${htmlToText(s.body)}`).join(' ') };
    case 'good-practice':
      return {
        title: str(r.title),
        summary: str(r.summary),
        body: join(
          htmlToText(join(r.challengeAndGoals, r.howItWorks, r.results, r.targetGroupOpinion)),
          r.evaluation?.indicators,
          r.evaluation?.successes,
          r.evaluation?.failures,
          r.targetGroups,
          r.fundingSource,
          r.resources,
          r.organisation?.name,
          r.cityArea,
        ),
      };
    case 'link':
      return { title: str(r.title), summary: str(r.description), body: join(r.category, r.url) };
    case 'funding':
      return { title: str(r.title), summary: str(r.programme), body: htmlToText(str(r.description)) };
    case 'event':
      return { title: str(r.title), summary: str(r.place), body: htmlToText(str(r.body)) };
    case 'news':
      return { title: str(r.title), summary: '', body: htmlToText(str(r.body)) };
    case 'forum':
      return { title: str(r.title), summary: str(r.description), body: '' };
    case 'forum-thread':
      return { title: str(r.title), summary: '', body: str(r.authorName) };
    case 'forum-post':
      return { title: fallbackTitle, summary: '', body: join(htmlToText(str(r.body)), r.authorName) };
    case 'partner-request':
      return { title: str(r.title), summary: str(r.projectIdea), body: join(r.organisation, r.contact?.name, r.partnersSought?.countries) };
  }
}
