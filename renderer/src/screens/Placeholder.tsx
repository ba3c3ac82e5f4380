import { useTranslation } from 'react-i18next';
import type { Screen } from '../router';

/**
 * A screen whose data the contract cannot give yet (records.list/get, country
 * sheets, funding …): it says so, and shows nothing made up.
 */
export function PlaceholderScreen({ screen }: { screen: Exclude<Screen, 'home' | 'search' | 'settings'> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t(`screens.${screen}`)}
      </h1>
      <p className="lede">{t(`placeholder.intro.${screen}`)}</p>
      <p className="card notice" data-testid="placeholder">
        {t('placeholder.notYet')}
      </p>
    </section>
  );
}
