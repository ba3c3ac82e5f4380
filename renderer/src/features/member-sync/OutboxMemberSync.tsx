// The Outbox's section for the member's own data: posts and partner requests
// are the outbox's items, while notes, collections, saved searches and
// settings sync through memberSync; this section counts what of them waits to
// be sent, per kind, and the notes to merge, and leads to Settings.
import { useTranslation } from 'react-i18next';
import type { MemberSyncStatus } from '../../../../shared/member-sync';
import { formatNumber, formatRelative } from '../../ui/format';
import { conflictsHref, lastErrorText, memberSyncSettingsHref, PENDING_KINDS, pendingHeading, totalPending, useFreshMemberSync } from './member-sync-state';

/** What waits to be sent, one count per kind (and the notes to merge, where asked). */
export function PendingCounts({ status, labelledBy, withConflicts = false }: { status: MemberSyncStatus; labelledBy: string; withConflicts?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <dl className="facts" aria-labelledby={labelledBy} data-testid="member-sync-pending">
      {PENDING_KINDS.map((kind) => (
        <div className="fact" key={kind}>
          <dt>{pendingHeading(t, kind)}</dt>
          <dd data-kind={kind}>{formatNumber(status.pending[kind], locale)}</dd>
        </div>
      ))}
      {withConflicts && (
        <div className="fact">
          <dt>{t('memberSync.outbox.conflicts')}</dt>
          <dd data-kind="conflicts">{formatNumber(status.conflicts, locale)}</dd>
        </div>
      )}
    </dl>
  );
}

export function OutboxMemberSync() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { status } = useFreshMemberSync();
  if (!status) return null;
  const waiting = totalPending(status);
  return (
    <section aria-labelledby="outbox-member-sync" className="card outbox-member-sync" data-testid="outbox-member-sync" data-enabled={status.enabled ? 'true' : 'false'}>
      <h2 id="outbox-member-sync">{t('memberSync.outbox.title')}</h2>
      {!status.enabled ? (
        <p>
          {t('memberSync.outbox.off')} <a href={memberSyncSettingsHref()}>{t('memberSync.outbox.turnOn')}</a>
        </p>
      ) : (
        <>
          <p className="muted">
            {status.syncing ? t('memberSync.syncing') : status.lastSyncAt ? t('memberSync.outbox.lastSync', { when: formatRelative(status.lastSyncAt, locale) }) : t('memberSync.neverSynced')}
          </p>
          <PendingCounts status={status} labelledBy="outbox-member-sync" withConflicts />
          {waiting === 0 && <p className="muted">{t('memberSync.nothingPending')}</p>}
          {status.lastError && <p className="error">{lastErrorText(t, status.lastError)}</p>}
          <p>
            {status.conflicts > 0 && (
              <>
                <a href={conflictsHref()}>{t('memberSync.openConflicts')}</a>
                {' · '}
              </>
            )}
            <a href={memberSyncSettingsHref()}>{t('memberSync.outbox.settings')}</a>
          </p>
        </>
      )}
    </section>
  );
}
