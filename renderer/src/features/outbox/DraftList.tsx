// The member's own items that are not (yet) in the synced corpus, shown under
// the synced ones: their state, the portal's reason for a refusal, and the way
// to the Outbox to fix it. Their text is the member's own, shown as text.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/outbox';
import { href } from '../../app/router';
import { formatDate } from '../../ui/format';
import { stateLabel } from './outbox-state';

export function DraftList({ items, label, render }: { items: OutboxItem[]; label: string; render: (item: OutboxItem) => ReactNode }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-label={label} className="drafts">
      <h2>{label}</h2>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} className={`draft draft-${item.state}`} data-testid="draft" data-state={item.state}>
            <p className="draft-state">
              <span className="badge">{stateLabel(t, item.state)}</span>{' '}
              <span className="muted">{item.state === 'sent' ? t('drafts.sentNotSynced') : t('drafts.notYetSent', { date: formatDate(item.createdAt, i18n.language) })}</span>
            </p>
            {render(item)}
            {item.state === 'needs_attention' && item.lastError && (
              <p className="error" data-testid="draft-error">
                {t('drafts.refused', { message: item.lastError })}
              </p>
            )}
            {item.state === 'restored' && (
              <p>
                <a href={href('outbox')}>{t('drafts.confirm')}</a>
              </p>
            )}
            {item.state !== 'sent' && item.state !== 'restored' && (
              <p>
                <a href={href('outbox', {}, [item.id])}>{item.state === 'needs_attention' ? t('drafts.fix') : t('drafts.open')}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
