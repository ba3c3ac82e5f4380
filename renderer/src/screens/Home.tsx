import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../shared/search';
import { errorMessage, useApi, useSync } from '../core';
import { formatNumber, formatRelative, typeLabel } from '../format';
import { href, navigate } from '../router';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const { status } = useSync();
  const locale = i18n.language;
  const counts = Object.entries(status?.counts ?? {}).filter(([, count]) => count > 0);

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.home')}
      </h1>
      <p className="lede">{t('home.lede')}</p>
      <div className="grid">
        <section aria-labelledby="home-library" className="card">
          <h2 id="home-library">{t('home.library')}</h2>
          {status?.lastSyncAt ? (
            <p>{t('home.lastSync', { when: formatRelative(status.lastSyncAt, locale) })}</p>
          ) : (
            <p>{t('home.neverSynced')}</p>
          )}
          {counts.length > 0 && (
            <dl className="facts" data-testid="home-counts">
              {counts.map(([type, count]) => (
                <div key={type} className="fact">
                  <dt>{typeLabel(t, type)}</dt>
                  <dd>{formatNumber(count, locale)}</dd>
                </div>
              ))}
            </dl>
          )}
          {status && status.attachments.missing > 0 && <p className="muted">{t('home.attachmentsMissing', { count: status.attachments.missing })}</p>}
        </section>
        <SavedSearches />
        <section aria-labelledby="home-changes" className="card">
          <h2 id="home-changes">{t('home.changes')}</h2>
          <p className="muted">{t('placeholder.notYet')}</p>
        </section>
        <section aria-labelledby="home-deadlines" className="card">
          <h2 id="home-deadlines">{t('home.deadlines')}</h2>
          <p className="muted">{t('placeholder.notYet')}</p>
        </section>
      </div>
    </section>
  );
}

function SavedSearches() {
  const { t } = useTranslation();
  const api = useApi();
  const [searches, setSearches] = useState<SavedSearch[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    api['savedSearches.list']({}).then(setSearches, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  const open = async (search: SavedSearch) => {
    if (search.newMatches > 0) await api['savedSearches.markSeen']({ id: search.id }).catch(() => undefined);
    navigate(href('search', { q: search.query }));
  };
  const remove = async (search: SavedSearch) => {
    try {
      await api['savedSearches.delete']({ id: search.id });
      load();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="home-saved" className="card">
      <h2 id="home-saved">{t('home.savedSearches')}</h2>
      {failure && <p role="alert" className="error">{failure}</p>}
      {searches?.length === 0 && <p className="muted">{t('home.noSavedSearches')}</p>}
      {searches && searches.length > 0 && (
        <ul className="plain-list" data-testid="saved-searches">
          {searches.map((search) => (
            <li key={search.id} className="saved-search">
              <Button className="link-button" onPress={() => void open(search)}>
                {search.name}
              </Button>
              <span className="muted">
                {t('home.matches', { count: search.total })}
                {search.newMatches > 0 && <strong className="badge">{t('home.newMatches', { count: search.newMatches })}</strong>}
              </span>
              <Button className="button button-quiet" aria-label={t('home.deleteSaved', { name: search.name })} onPress={() => void remove(search)}>
                {t('common.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
