// What the search says back about a query: the parts it did not take as
// typed, each said once with the valid values closest to it as links, and for
// an empty result the query without each filter in turn with what it finds.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchNotice, SearchRelaxation } from '../../../../shared/search';
import { href } from '../../app/router';
import { formatNumber } from '../../ui/format';

/** The query with the typed part replaced by a suggestion. */
function replaced(query: string, typed: string, suggestion: string): string {
  const at = query.indexOf(typed);
  return at === -1 ? `${query} ${suggestion}` : `${query.slice(0, at)}${suggestion}${query.slice(at + typed.length)}`;
}

function NoticeText({ notice }: { notice: SearchNotice }) {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'literal':
      return <>{t('queryHelp.literal', { reason: t(`queryHelp.reasons.${notice.reason}`), typed: notice.typed })}</>;
    case 'unknown-filter':
      return <>{t('queryHelp.unknownFilter', { typed: notice.typed })}</>;
    case 'unknown-value':
      return <>{notice.filter === 'year' ? t('queryHelp.unknownYear', { typed: notice.typed }) : t('queryHelp.unknownValue', { typed: notice.typed })}</>;
    case 'reversed-years':
      return <>{t('queryHelp.reversedYears', { typed: notice.typed })}</>;
  }
}

export function QueryNotices({ query, notices, searchHref }: { query: string; notices: SearchNotice[]; searchHref: (query: string) => string }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="card notice" data-testid="search-notices">
      {notices.map((notice, index) => (
        <p key={index}>
          <NoticeText notice={notice} />
          {notice.kind !== 'literal' && notice.suggestions.length > 0 && (
            <>
              {' '}
              {t('queryHelp.didYouMean')}{' '}
              {notice.suggestions.map((suggestion, i) => (
                <Fragment key={suggestion}>
                  {i > 0 && ` ${t('queryHelp.or')} `}
                  <a href={searchHref(replaced(query, notice.typed, suggestion))}>
                    <code>{suggestion}</code>
                  </a>
                </Fragment>
              ))}
              {t('queryHelp.end')}
            </>
          )}
        </p>
      ))}
    </div>
  );
}

export function QueryRelaxations({ relaxations }: { relaxations: SearchRelaxation[] }) {
  const { t, i18n } = useTranslation();
  if (relaxations.length === 0) return null;
  return (
    <section className="card notice" aria-labelledby="relaxations-title" data-testid="search-relaxations">
      <h2 id="relaxations-title">{t('queryHelp.relaxTitle')}</h2>
      <ul className="plain-list">
        {relaxations.map((relaxation) => (
          <li key={relaxation.dropped}>
            {relaxation.total > 0 ? (
              <a href={href('search', { q: relaxation.query })}>{t('queryHelp.without', { dropped: relaxation.dropped })}</a>
            ) : (
              t('queryHelp.without', { dropped: relaxation.dropped })
            )}{' '}
            <span className="muted">{t('queryHelp.relaxCount', { count: relaxation.total, formatted: formatNumber(relaxation.total, i18n.language) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
