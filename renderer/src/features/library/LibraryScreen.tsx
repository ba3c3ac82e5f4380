import { useTranslation } from 'react-i18next';
import type { ContentType } from '../../../../shared/content';
import type { Route } from '../../app/router';
import { typeLabel } from '../../ui/format';
import { RecordBrowser, type TypeOption } from './RecordBrowser';

/** The documentation library first; the switcher browses the other synced types the same way. */
const LIBRARY_TYPES: ContentType[] = ['document', 'country-sheet', 'good-practice', 'link', 'funding', 'news', 'event', 'partner-request', 'forum-thread'];

export function LibraryScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const options: TypeOption[] = LIBRARY_TYPES.map((type) => ({ value: type, label: typeLabel(t, type), types: [type] }));
  return (
    <section aria-labelledby="screen-title" className="screen library-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.library')}
      </h1>
      <p className="lede">{t('library.lede')}</p>
      <RecordBrowser route={route} screen="library" typeOptions={options} listLabel={t('library.listLabel')} />
    </section>
  );
}

export function LinksScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screen-title" className="screen library-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.links')}
      </h1>
      <p className="lede">{t('links.lede')}</p>
      <RecordBrowser route={route} screen="links" typeOptions={[{ value: 'link', label: typeLabel(t, 'link'), types: ['link'] }]} listLabel={t('links.listLabel')} />
    </section>
  );
}

export function NewsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const options: TypeOption[] = [
    { value: 'all', label: t('news.all'), types: ['news', 'event'] },
    { value: 'news', label: t('news.newsOnly'), types: ['news'] },
    { value: 'event', label: t('news.eventsOnly'), types: ['event'] },
  ];
  return (
    <section aria-labelledby="screen-title" className="screen library-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.news')}
      </h1>
      <p className="lede">{t('news.lede')}</p>
      <RecordBrowser route={route} screen="news" typeOptions={options} listLabel={t('news.listLabel')} />
    </section>
  );
}
