// Home: the laws and country sheets in the user's collections or annotations
// that the last sync amended, each linking to the Reader's diff of the
// version before the sync and the one it brought.
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/core';
import { href } from '../../app/router';
import { useSync } from '../../app/sync-state';
import { useLoad } from '../../app/use-load';
import { formatDate } from '../../ui/format';

export function AmendedAlerts() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useSync();
  const amended = useLoad(`amended|${status?.lastSyncAt ?? ''}|${status?.running ? 'running' : ''}`, () => api['history.amended']({}), { keep: true });
  if (amended.status !== 'ready' || amended.value.length === 0) return null;
  return (
    <section aria-labelledby="home-amended" className="card home-amended" data-testid="home-amended">
      <h2 id="home-amended">{t('history.alertsTitle')}</h2>
      <p className="muted">{t('history.alertsHelp')}</p>
      <ul className="plain-list">
        {amended.value.map((record) => (
          <li key={`${record.type}/${record.id}`}>
            <a href={href('read', { from: record.from, to: record.to }, [record.type, record.id])} aria-label={t('history.openDiff', { title: record.title })} data-testid="amended-link">
              {record.title}
            </a>{' '}
            <span className="muted">
              {t('history.alertItem', { from: record.from, to: record.to })}
              {record.inForceFrom ? ` · ${formatDate(record.inForceFrom, i18n.language)}` : ''}
            </span>
            {record.changedNotes > 0 && (
              <>
                {' · '}
                <a href={href('annotations', { changed: '1', record: `${record.type}/${record.id}` })}>{t('history.alertNotes', { count: record.changedNotes })}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
