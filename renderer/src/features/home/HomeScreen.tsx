import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SavedSearch } from '../../../../shared/search';
import { errorMessage, useApi } from '../../app/core';
import { href, navigate } from '../../app/router';
import { useSync } from '../../app/sync-state';
import { useLoad, useReload } from '../../app/use-load';
import { AmendedAlerts } from '../history/AmendedAlerts';
import { ConflictsNotice } from '../member-sync/MemberSyncAttention';
import { LoadFailure } from '../../ui/LoadFailure';
import { ChangeMark } from '../../ui/ChangeMark';
import { formatDate, formatNumber, formatRelative, typeLabel } from '../../ui/format';
import { CalendarButton } from '../citations/CalendarButton';
import { daysLeftText } from '../funding/FundingScreen';

/** Where a count of the library leads: the library switched to that type, or the forums. */
function countHref(type: string): string {
  if (type === 'forum' || type === 'forum-post') return href('forums');
  return href('library', { type: type === 'document' ? undefined : type });
}

/** "1,204 documents": a count with the type's name, in the interface language's number format. */
const countText = (t: TFunction, type: string, count: number, locale: string) => t(`home.counts.${type}`, { count, formatted: formatNumber(count, locale) });

/** Counts, largest first, so the documents lead. */
const byCount = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a);

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const { status } = useSync();
  const locale = i18n.language;
  const counts = byCount(status?.counts);

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.home')}
      </h1>
      <p className="lede">{t('home.lede')}</p>
      <StartHere synced={Boolean(status?.lastSyncAt)} />
      <ConflictsNotice />
      <AmendedAlerts />
      <div className="grid">
        <section aria-labelledby="home-library" className="card">
          <h2 id="home-library">{t('home.library')}</h2>
          {status?.lastSyncAt ? (
            <p>{t('home.lastSync', { when: formatRelative(status.lastSyncAt, locale) })}</p>
          ) : (
            <p>{t('home.neverSynced')}</p>
          )}
          {counts.length > 0 && (
            <ul className="plain-list count-list" data-testid="home-counts">
              {counts.map(([type, count]) => (
                <li key={type}>
                  <a href={countHref(type)}>{countText(t, type, count, locale)}</a>
                </li>
              ))}
            </ul>
          )}
          {status && status.attachments.missing > 0 && <p className="muted">{t('home.attachmentsMissing', { count: status.attachments.missing })}</p>}
        </section>
        <LastChangesAndDeadlines />
        <SavedSearches />
      </div>
    </section>
  );
}

/** A first visit's few pointers, until the user hides them (remembered in the settings). */
function StartHere({ synced }: { synced: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [hidden, setHidden] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const settings = useLoad('settings', () => api['settings.get']({}));
  if (hidden || settings.status !== 'ready' || settings.value.startHereDismissed) return null;
  const dismiss = async () => {
    try {
      await api['settings.update']({ startHereDismissed: true });
      setHidden(true);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <section aria-labelledby="home-start" className="card notice start-here" data-testid="start-here">
      <h2 id="home-start">{t('home.startHere.title')}</h2>
      <ul className="start-steps">
        {(
          [
            ['settings', synced ? 'home.startHere.synced' : 'home.startHere.sync'],
            ['library', 'home.startHere.search'],
            ['collections', 'home.startHere.keep'],
            ['forums', 'home.startHere.write'],
          ] as const
        ).map(([screen, text]) => (
          <li key={screen}>
            <a href={href(screen)}>{t(`screens.${screen}`)}</a> – {t(text)}
          </li>
        ))}
      </ul>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <Button className="button" onPress={() => void dismiss()}>
        {t('home.startHere.dismiss')}
      </Button>
    </section>
  );
}

/**
 * The next funding deadlines, what the last sync changed and what the user has
 * not opened yet: one home.summary, read again after every sync.
 */
function LastChangesAndDeadlines() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useSync();
  const locale = i18n.language;
  const [generation, reload] = useReload();
  const summary = useLoad(`${status?.lastSyncAt ?? ''}|${status?.running ? 'running' : ''}|${generation}`, () => api['home.summary']({ newestLimit: 8, deadlineLimit: 5 }), { keep: true });
  const value = summary.status === 'ready' ? summary.value : summary.status === 'failed' ? (summary.last ?? null) : null;
  const changes = value?.lastChanges ?? null;
  // From version 0 (the first sync, a resync) everything arrived: one sentence says so, no lists.
  const fromScratch = changes?.sinceVersion === 0;
  const changedCounts = byCount(changes?.counts);
  const broughtInAll = changedCounts.reduce((sum, [, count]) => sum + count, 0);

  return (
    <>
      <section aria-labelledby="home-deadlines" className="card" data-testid="home-deadlines">
        <h2 id="home-deadlines">{t('home.deadlines')}</h2>
        {value && value.upcomingDeadlines.length === 0 && <p className="muted">{t('home.noDeadlines')}</p>}
        {value && value.upcomingDeadlines.length > 0 && (
          <ul className="plain-list link-list" data-testid="home-deadline-list">
            {value.upcomingDeadlines.map((item) => (
              <li key={item.id} data-deadline={item.deadline ?? ''}>
                <a href={href('read', {}, ['funding', item.id])}>{item.title}</a>
                <span className="muted">
                  {' '}
                  {item.deadline && <time dateTime={item.deadline}>{formatDate(item.deadline, locale)}</time>} · {daysLeftText(t, item.daysLeft)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={href('funding', { open: 1 })}>{t('home.allFunding')}</a>
        </p>
      </section>
      <section aria-labelledby="home-changes" className="card" data-testid="home-changes">
        <h2 id="home-changes">{t('home.changes')}</h2>
        <LoadFailure load={summary} />
        {value && !changes && <p className="muted">{t('home.noChanges')}</p>}
        {changes && (
          <>
            {fromScratch ? (
              <p data-testid="home-first-sync">{t('changes.firstSync', { count: broughtInAll, formatted: formatNumber(broughtInAll, locale) })}</p>
            ) : (
              <p>{t('home.changesAt', { when: formatRelative(changes.at, locale) })}</p>
            )}
            {!fromScratch && changedCounts.length > 0 && (
              <ul className="plain-list count-list" data-testid="home-change-counts">
                {changedCounts.map(([type, count]) => (
                  <li key={type}>{countText(t, type, count, locale)}</li>
                ))}
              </ul>
            )}
            {!fromScratch && changes.newest.length > 0 && (
              <>
                <h3 id="home-newest">{t('home.newest')}</h3>
                <ul className="plain-list link-list" aria-labelledby="home-newest" data-testid="home-newest">
                  {changes.newest.map((item) => (
                    <li key={`${item.type}/${item.id}`}>
                      <a href={href('read', {}, [item.type, item.id])}>{item.title}</a> <span className="muted">{typeLabel(t, item.kind && item.type === 'document' ? `document:${item.kind}` : item.type)}</span>
                      {item.unseenChange && <ChangeMark change={item.unseenChange} />}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {value && changes && <UnseenSummary unseen={value.unseen} hideWhenNone={fromScratch} onCleared={reload} />}
      </section>
    </>
  );
}

/** How many records the user has not opened since they arrived or changed, and "Mark all as seen". */
function UnseenSummary({ unseen, hideWhenNone, onCleared }: { unseen: { new: number; changed: number }; hideWhenNone: boolean; onCleared: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = i18n.language;
  const any = unseen.new + unseen.changed > 0;

  const markAll = async () => {
    setBusy(true);
    try {
      await api['changes.markAllSeen']({});
      setMessage({ kind: 'status', text: t('changes.allSeen') });
      onCleared();
    } catch (error) {
      setMessage({ kind: 'error', text: t('changes.markFailed', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  };

  if (!any && hideWhenNone && !message) return null;
  return (
    <div className="stack-top" data-testid="home-unseen">
      <h3 id="home-unseen-title">{t('changes.unseenTitle')}</h3>
      {any ? (
        <>
          <dl className="facts" aria-labelledby="home-unseen-title">
            {(['new', 'changed'] as const)
              .filter((change) => unseen[change] > 0)
              .map((change) => (
                <div key={change} className="fact">
                  <dt>
                    <ChangeMark change={change} />
                  </dt>
                  <dd>{formatNumber(unseen[change], locale)}</dd>
                </div>
              ))}
          </dl>
          <p className="muted">{t('changes.unseenHelp')}</p>
          <Button className="button" isDisabled={busy} onPress={() => void markAll()}>
            {t('changes.markAllSeen')}
          </Button>
        </>
      ) : (
        !message && <p className="muted">{t('changes.nothingUnseen')}</p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

function SavedSearches() {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, reload] = useReload();
  // The list stays on screen while it is read again, and through a failure.
  const read = useLoad(`savedSearches|${generation}`, () => api['savedSearches.list']({}), { keep: true, onFailure: setFailure });
  const searches = read.status === 'ready' ? read.value : read.status === 'failed' ? (read.last ?? null) : null;

  const open = async (search: SavedSearch) => {
    if (search.newMatches > 0) await api['savedSearches.markSeen']({ id: search.id }).catch(() => undefined);
    navigate(href('search', { q: search.query }));
  };
  const remove = async (search: SavedSearch) => {
    try {
      await api['savedSearches.delete']({ id: search.id });
      reload();
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
              <CalendarButton quiet source={{ kind: 'saved-search', id: search.id }} label={t('calendar.addSaved', { name: search.name })} testId="saved-search-calendar" />
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
