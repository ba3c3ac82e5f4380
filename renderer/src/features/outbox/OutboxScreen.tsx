// The outbox: everything the member wrote, oldest first, with its state
// (queued, sending, sent, needs attention, cancelled), the portal's reason for
// a refusal, and what can be done now: edit (the item goes back to the queue),
// send again, cancel, push now.
//
// Routes: #/outbox (the list) and #/outbox/<item id> (edit one item).
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuthStatus, OutboxItem } from '../../../../shared/outbox';
import { shorten } from '../../../../shared/text';
import { errorMessage, useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { formatDate, formatNumber, formatRelative } from '../../ui/format';
import { ForumComposer } from '../forums/ForumComposer';
import { OutboxMemberSync } from '../member-sync/OutboxMemberSync';
import { PartnerRequestForm } from '../partners/PartnerRequestForm';
import { failureText, stateLabel, useOutboxItems, useOutboxStatus } from './outbox-state';

export function OutboxScreen({ route }: { route: Route }) {
  const id = route.rest[0];
  if (id) return <EditItem key={id} id={id} />;
  return <OutboxList notice={route.params.get('saved') === '1'} />;
}

/** What the item is; a reply names its thread ("Reply in “Housing in Graz”") when the thread is synced. */
function kindLabel(t: TFunction, item: OutboxItem, threadTitles: Record<string, string>): string {
  if (item.kind === 'forum.reply') {
    const thread = threadTitles[item.payload.threadId];
    return thread ? t('outbox.kinds.replyIn', { thread }) : t('outbox.kinds.reply');
  }
  if (item.kind === 'forum.thread') return t('outbox.kinds.thread');
  return t('outbox.kinds.partnerRequest');
}

function itemTitle(item: OutboxItem): string {
  if (item.kind === 'forum.reply') return shorten(item.payload.body, 120);
  return item.payload.title;
}

/** Where the item's synced copy (or its thread) is read. */
function itemLink(item: OutboxItem): string | null {
  if (item.kind === 'forum.reply') return href('forums', {}, ['t', item.payload.threadId]);
  if (item.result?.type === 'forum-thread' && item.synced) return href('forums', {}, ['t', item.result.id]);
  if (item.result?.type === 'partner-request' && item.synced) return href('read', {}, ['partner-request', item.result.id]);
  return null;
}

/** The titles of the synced threads the replies among `items` answer, by thread id. */
function useThreadTitles(items: OutboxItem[] | null): Record<string, string> {
  const api = useApi();
  const ids = [...new Set((items ?? []).flatMap((item) => (item.kind === 'forum.reply' ? [item.payload.threadId] : [])))].sort();
  const titles = useLoad(
    `threads|${ids.join(',')}`,
    async () => {
      const found = await Promise.all(
        ids.map(async (id) => {
          // A thread not synced (yet) keeps the plain "Forum reply".
          const detail = await api['records.get']({ type: 'forum-thread', id }).catch(() => null);
          return detail?.type === 'forum-thread' ? [[id, detail.record.title] as const] : [];
        }),
      );
      return Object.fromEntries(found.flat());
    },
    { keep: true },
  );
  return titles.status === 'ready' ? titles.value : titles.status === 'failed' ? (titles.last ?? {}) : {};
}

function useAuthStatus(): AuthStatus | null {
  const api = useApi();
  const outbox = useOutboxStatus();
  // The outbox's signInRequired changes when the portal answers 401: the session is read again then.
  const auth = useLoad(`auth.status|${outbox?.signInRequired ?? false}`, () => api['auth.status']({}), { keep: true });
  return auth.status === 'ready' ? auth.value : null;
}

function OutboxList({ notice }: { notice: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const status = useOutboxStatus();
  const auth = useAuthStatus();
  const items = useOutboxItems({});
  const threadTitles = useThreadTitles(items.status === 'ready' ? items.value : null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(notice ? { error: false, text: t('outbox.saved') } : null);

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      setMessage({ error: false, text: done });
    } catch (error) {
      setMessage({ error: true, text: failureText(t, error) });
    }
  };
  const pushNow = async () => {
    try {
      const answer = await api['outbox.push']({});
      // A push already running (maybe waiting out a backoff) is told to try again now.
      if (answer.started) setMessage({ error: false, text: t('outbox.pushStarted') });
      else if (status?.pushing) setMessage({ error: false, text: t('outbox.pushRetrying') });
      else setMessage({ error: true, text: t('outbox.pushNotStarted', { reason: answer.reason ?? '' }) });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    }
  };

  const signedIn = auth?.signedIn === true && !auth.signInRequired;
  const counts = status?.counts;
  // Items needing attention wait for the member, not for a push.
  const waiting = counts ? counts.queued + counts.sending : 0;
  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.outbox')}
      </h1>
      <p className="lede">{t('outbox.lede')}</p>
      {(status?.signInRequired || (auth && !signedIn)) && (
        <p className="card notice" data-testid="outbox-sign-in">
          {status?.signInRequired ? t('outbox.signInRequired') : t('outbox.notSignedIn')} <a href={href('settings')}>{t('outbox.goToSettings')}</a>
        </p>
      )}
      {counts && (
        <dl className="facts outbox-counts" data-testid="outbox-counts">
          {(
            [
              ['queued', counts.queued],
              ['sending', counts.sending],
              ['needs_attention', counts.needsAttention],
              ['sent', counts.sent],
              ['cancelled', counts.cancelled],
              ...(counts.restored > 0 ? ([['restored', counts.restored]] as const) : []),
            ] as const
          ).map(([state, count]) => (
            <div className="fact" key={state}>
              <dt>{state === 'restored' ? t('outbox.restoredCount') : stateLabel(t, state)}</dt>
              <dd data-testid={`count-${state}`}>{formatNumber(count, locale)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions">
        <Button className="button button-primary" onPress={() => void pushNow()} isDisabled={!signedIn || waiting === 0} aria-describedby={waiting === 0 ? 'outbox-nothing-waits' : undefined}>
          {t('outbox.pushNow')}
        </Button>
        <span className="muted" data-testid="outbox-pushing">
          {status?.pushing ? t('outbox.pushing') : ''}
        </span>
        {counts && waiting === 0 && (
          <span className="muted" id="outbox-nothing-waits">
            {t('outbox.nothingWaits')}
          </span>
        )}
      </div>
      <p role="status" className={message?.error ? 'error' : 'muted'} data-testid="outbox-message">
        {message?.text}
      </p>
      <OutboxMemberSync />
      {items.status === 'loading' && <p>{t('outbox.loading')}</p>}
      <LoadFailure load={items} />
      {items.status === 'ready' && items.value.length === 0 && <p className="card notice">{t('outbox.empty')}</p>}
      {items.status === 'ready' && items.value.length > 0 && (
        <ol className="plain-list outbox-items" data-testid="outbox-items">
          {items.value.map((item) => {
            const link = itemLink(item);
            const title = itemTitle(item);
            return (
              <li key={item.id} className={`card outbox-item draft-${item.state}`} data-testid="outbox-item" data-state={item.state} data-kind={item.kind}>
                <p className="draft-state">
                  <span className="badge">{stateLabel(t, item.state)}</span> <span className="muted">{kindLabel(t, item, threadTitles)}</span>
                </p>
                <h2 className="hit-title">{link ? <a href={link}>{title}</a> : title}</h2>
                <p className="muted">
                  {t('outbox.written', { date: formatDate(item.createdAt, locale) })}
                  {item.sentAt && ` · ${t('outbox.sentAt', { date: formatDate(item.sentAt, locale) })}`}
                  {item.state === 'sent' && ` · ${item.synced ? t('outbox.synced') : t('outbox.notSynced')}`}
                </p>
                {item.state === 'needs_attention' && item.lastError && (
                  <p className="error" data-testid="outbox-refusal">
                    {t('outbox.refused', { message: item.lastError })}
                  </p>
                )}
                {(item.state === 'queued' || item.state === 'sending') && item.lastError && (
                  <p className="muted">
                    {t('outbox.lastAttempt', { message: item.lastError, count: item.attempts })}
                    {item.nextAttemptAt && ` ${t('outbox.nextAttempt', { when: formatRelative(item.nextAttemptAt, locale) })}`}
                  </p>
                )}
                {item.deliveryUnknown && <p className="muted">{t('outbox.deliveryUnknown')}</p>}
                {item.state === 'restored' && (
                  <>
                    <p className="notice restore-note" data-testid="outbox-restored">
                      {t('outbox.restoredExplanation')}
                    </p>
                    <div className="actions" role="group" aria-label={t('outbox.actionsFor', { title })}>
                      <Button className="button button-primary" aria-label={t('outbox.confirmNamed', { title })} onPress={() => void act(() => api['outbox.confirmRestored']({ id: item.id }), t('outbox.confirmed'))}>
                        {t('outbox.confirm')}
                      </Button>
                      <Button className="button" aria-label={t('outbox.discardNamed', { title })} onPress={() => void act(() => api['outbox.cancel']({ id: item.id }), t('outbox.discarded'))}>
                        {t('outbox.discard')}
                      </Button>
                    </div>
                  </>
                )}
                {(item.editable || item.state === 'needs_attention' || (item.state === 'queued' && item.attempts > 0)) && (
                  <div className="actions" role="group" aria-label={t('outbox.actionsFor', { title })}>
                    {item.editable && (
                      <a className="button" href={href('outbox', {}, [item.id])} aria-label={t('outbox.editNamed', { title })}>
                        {t('outbox.edit')}
                      </a>
                    )}
                    {(item.state === 'needs_attention' || (item.state === 'queued' && item.attempts > 0)) && (
                      <Button className="button" aria-label={t('outbox.retryNamed', { title })} onPress={() => void act(() => api['outbox.retry']({ id: item.id }), t('outbox.retried'))}>
                        {t('outbox.retry')}
                      </Button>
                    )}
                    {item.editable && (
                      <Button className="button" aria-label={t('outbox.cancelNamed', { title })} onPress={() => void act(() => api['outbox.cancel']({ id: item.id }), t('outbox.cancelled'))}>
                        {t('outbox.cancel')}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function EditItem({ id }: { id: string }) {
  const { t } = useTranslation();
  const items = useOutboxItems({});
  // The item as it was when the editor opened: later pushes must not reset what is being typed.
  const [item, setItem] = useState<OutboxItem | null>(null);
  useEffect(() => {
    if (!item && items.status === 'ready') setItem(items.value.find((candidate) => candidate.id === id) ?? null);
  }, [items, id, item]);
  const current = items.status === 'ready' ? items.value.find((candidate) => candidate.id === id) : undefined;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('outbox')}>{t('outbox.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {t('outbox.editTitle')}
      </h1>
      {items.status === 'loading' && <p role="status">{t('outbox.loading')}</p>}
      <LoadFailure load={items} />
      {items.status === 'ready' && !current && <p className="card notice">{t('outbox.notFound')}</p>}
      {current && (
        <p className="draft-state">
          <span className="badge">{stateLabel(t, current.state)}</span>
        </p>
      )}
      {current?.state === 'needs_attention' && current.lastError && (
        <p className="error" data-testid="outbox-refusal">
          {t('outbox.refused', { message: current.lastError })}
        </p>
      )}
      {current && !current.editable && <p className="card notice">{t('outbox.notEditable')}</p>}
      {item && current?.editable && <Editor item={item} />}
    </section>
  );
}

function Editor({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const api = useApi();
  const saved = () => navigate(href('outbox', { saved: '1' }));
  if (item.kind === 'partner.request') {
    return (
      <PartnerRequestForm
        initial={item.payload}
        submitLabel={t('outbox.saveAndSend')}
        onSubmit={async (payload) => {
          await api['outbox.update']({ id: item.id, kind: 'partner.request', payload });
          saved();
        }}
      />
    );
  }
  return <PostEditor item={item} onSaved={saved} />;
}

function PostEditor({ item, onSaved }: { item: Extract<OutboxItem, { kind: 'forum.reply' | 'forum.thread' }>; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <ForumComposer
      labelledBy="screen-title"
      title={item.kind === 'forum.thread' ? item.payload.title : undefined}
      body={item.payload.body}
      bodyLabel={t('forums.message')}
      rows={8}
      submitLabel={t('outbox.saveAndSend')}
      describeFailure={(error) => failureText(t, error)}
      onSubmit={async ({ title, body }) => {
        if (item.kind === 'forum.thread') await api['outbox.update']({ id: item.id, kind: 'forum.thread', payload: { ...item.payload, title, body } });
        else await api['outbox.update']({ id: item.id, kind: 'forum.reply', payload: { ...item.payload, body } });
        onSaved();
        return undefined;
      }}
    />
  );
}
