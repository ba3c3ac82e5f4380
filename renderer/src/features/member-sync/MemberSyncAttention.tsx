// Where the app flags what waits for the member, the notes to merge are
// flagged too: a count badge on the Settings link of the navigation (as the
// Outbox's link counts what waits to be sent) and a card on Home, both leading
// to the conflict view.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { conflictsHref, useMemberSync } from './member-sync-state';

/** The navigation's badge on Settings: how many notes wait to be merged; nothing when none do. */
export function ConflictsBadge() {
  const { t, i18n } = useTranslation();
  const { status } = useMemberSync();
  const count = status?.conflicts ?? 0;
  if (count === 0) return null;
  return (
    <>
      {' '}
      <span className="badge badge-warning" data-testid="conflicts-badge" data-count={count}>
        {formatNumber(count, i18n.language)}
        <span className="visually-hidden"> {t('memberSync.badgeLabel', { count })}</span>
      </span>
    </>
  );
}

/** Home's card: the notes edited on two computers, with the way to merge them. */
export function ConflictsNotice() {
  const { t, i18n } = useTranslation();
  const { status } = useMemberSync();
  const count = status?.conflicts ?? 0;
  if (count === 0) return null;
  return (
    <section aria-labelledby="home-conflicts" className="card notice home-conflicts" data-testid="home-conflicts">
      <h2 id="home-conflicts">{t('memberSync.homeTitle')}</h2>
      <p>
        {t('memberSync.conflictsWaiting', { count, formatted: formatNumber(count, i18n.language) })} <a href={conflictsHref()}>{t('memberSync.openConflicts')}</a>
      </p>
    </section>
  );
}
