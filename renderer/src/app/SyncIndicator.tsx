import { useTranslation } from 'react-i18next';
import { formatNumber, formatRelative } from '../ui/format';
import { href } from './router';
import { useSync } from './sync-state';

/** The header's sync state: progress while a sync runs, else when it last ran or why it failed. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { status, progress, error } = useSync();
  const locale = i18n.language;

  let text: string;
  if (error) text = t('sync.unavailable');
  else if (!status) text = t('sync.loading');
  else if (status.running) {
    if (progress?.phase === 'attachments') text = t('sync.attachments');
    else if (progress?.phase === 'snapshot-download') text = t('snapshot.downloading', { megabytes: formatNumber(Math.round(progress.bytes / 1e6), locale) });
    else if (progress?.phase === 'snapshot-load') text = t('snapshot.loading', { records: formatNumber(progress.records, locale) });
    else if (progress?.resyncing) text = t('sync.copying', { records: formatNumber(progress.records, locale) });
    else if (progress) text = t('sync.pulling', { records: formatNumber(progress.records, locale) });
    else text = t('sync.starting');
  } else if (status.lastError) text = t('sync.failed');
  else if (status.lastSyncAt) text = t('sync.lastSync', { when: formatRelative(status.lastSyncAt, locale) });
  else if (!status.serverUrl) text = t('sync.noPortal');
  else text = t('sync.never');

  const pulling = status?.running && progress?.phase === 'pulling' && progress.latest > 0;
  return (
    <div className="sync-indicator" data-testid="sync-indicator" data-running={status?.running ? 'true' : 'false'}>
      {status?.running && (
        <progress
          aria-label={t('sync.progressLabel')}
          aria-valuetext={text}
          data-testid="sync-progress"
          data-records={progress?.records ?? 0}
          {...(pulling ? { max: progress.latest, value: progress.cursor } : {})}
        />
      )}
      <span role="status" title={status?.lastError ?? error ?? undefined}>
        {text}
      </span>
    </div>
  );
}

/** Shown on every screen while the portal cannot be reached: everything local still works. */
export function OfflineBadge() {
  const { t } = useTranslation();
  const { status } = useSync();
  if (status?.online !== false) return null;
  return (
    <span className="badge badge-offline" data-testid="offline-badge" title={t('offline.explanation')}>
      {t('offline.badge')}
    </span>
  );
}

/**
 * Shown on every screen while the app talks to a portal over plain http away
 * from this computer (the user allowed it): a link to the warning in Settings.
 */
export function InsecurePortalBadge() {
  const { t } = useTranslation();
  const { status } = useSync();
  if (status?.portalSecurity !== 'insecure-allowed') return null;
  return (
    <a href={href('settings')} className="badge badge-warning" data-testid="insecure-portal-badge" title={t('insecurePortal.badgeTitle')}>
      {t('insecurePortal.badge')}
    </a>
  );
}

/** The portal's host, for the warning: the address as saved when it does not parse. */
function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

/** The persistent warning of Settings while the portal is reached over plain http away from this computer. */
export function InsecurePortalWarning() {
  const { t } = useTranslation();
  const { status } = useSync();
  if (status?.portalSecurity !== 'insecure-allowed' || !status.serverUrl) return null;
  return (
    <div className="notice warning-notice" role="note" aria-labelledby="insecure-portal-title" data-testid="insecure-portal-warning">
      <p id="insecure-portal-title" className="warning-title">
        {t('insecurePortal.warningTitle')}
      </p>
      <p>{t('insecurePortal.warning', { host: hostOf(status.serverUrl) })}</p>
    </div>
  );
}
