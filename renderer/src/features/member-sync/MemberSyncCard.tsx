// Settings → "Sync my notes and collections": turn the sync of the member's own
// data on (a passphrase: chosen on the first computer, typed again on the
// others), see the computers that use it, when it last synced and what waits
// to be sent, sync now, change the passphrase, turn it off. The Outbox's
// section and the conflicts badge open it with ?show=member-sync.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MemberSyncStatus } from '../../../../shared/member-sync';
import { useApi } from '../../app/core';
import { href, useRoute } from '../../app/router';
import { formatNumber, formatRelative } from '../../ui/format';
import { PendingCounts } from './OutboxMemberSync';
import { ChangePassphraseDialog, DisableDialog, EnableDialog, type EnableMode } from './MemberSyncDialogs';
import { conflictsHref, lastErrorText, MEMBER_SYNC_SECTION, memberSyncFailureText, totalPending, useFreshMemberSync } from './member-sync-state';

type Open = 'enable' | 'passphrase' | 'disable' | null;

/** Whether this computer would be the member's first to sync (choose a passphrase) or joins the others (type it). */
function enableMode(status: MemberSyncStatus): EnableMode {
  if (status.portalHasKey === true || status.devices.length > 0) return 'join';
  return status.portalHasKey === false ? 'create' : 'either';
}

export function MemberSyncCard() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, failure, act } = useFreshMemberSync();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const askedToShow = useRoute().params.get('show') === MEMBER_SYNC_SECTION;

  // Sent here from the Outbox or the badge: once the section is drawn, it has focus (after the shell has focused the screen's title).
  const ready = status !== null;
  useEffect(() => {
    if (!askedToShow || !ready) return undefined;
    const frame = requestAnimationFrame(() => {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [askedToShow, ready]);

  const done = (text: string) => {
    setOpen(null);
    setMessage({ error: false, text });
  };

  const syncNow = async () => {
    try {
      await act(() => api['memberSync.syncNow']({}));
      setMessage({ error: false, text: t('memberSync.syncStarted') });
    } catch (error) {
      setMessage({ error: true, text: memberSyncFailureText(t, error) });
    }
  };

  return (
    <section aria-labelledby="settings-member-sync" className="card member-sync" data-testid="member-sync-card" data-enabled={status?.enabled ? 'true' : 'false'}>
      <h2 id="settings-member-sync" ref={headingRef} tabIndex={-1}>
        {t('memberSync.title')}
      </h2>
      <p className="muted">{t('memberSync.explanation')}</p>
      {failure && (
        <p role="alert" className="error">
          {t('memberSync.errors.failed', { reason: failure })}
        </p>
      )}
      {status && !status.signedIn && (
        <p className="notice member-sync-notice" data-testid="member-sync-sign-in">
          {t('memberSync.signInFirst')} <a href={href('settings', { signin: '1' })}>{t('memberSync.goToSignIn')}</a>
        </p>
      )}
      {status && !status.enabled && (
        <div className="actions">
          <Button className="button button-primary" onPress={() => setOpen('enable')} isDisabled={!status.signedIn} data-testid="member-sync-enable">
            {t('memberSync.enable')}
          </Button>
        </div>
      )}
      {status?.enabled && (
        <EnabledDetails
          status={status}
          onSyncNow={() => void syncNow()}
          onChangePassphrase={() => setOpen('passphrase')}
          onDisable={() => setOpen('disable')}
        />
      )}
      <p role="status" className={message?.error ? 'error' : 'muted'} data-testid="member-sync-message">
        {message?.text}
      </p>
      {open === 'enable' && status && <EnableDialog status={status} mode={enableMode(status)} onDone={() => done(t('memberSync.enabled'))} onCancel={() => setOpen(null)} />}
      {open === 'passphrase' && <ChangePassphraseDialog onDone={() => done(t('memberSync.passphraseChanged'))} onCancel={() => setOpen(null)} />}
      {open === 'disable' && <DisableDialog onDone={() => done(t('memberSync.disabled'))} onCancel={() => setOpen(null)} />}
    </section>
  );
}

interface EnabledDetailsProps {
  status: MemberSyncStatus;
  onSyncNow: () => void;
  onChangePassphrase: () => void;
  onDisable: () => void;
}

function EnabledDetails({ status, onSyncNow, onChangePassphrase, onDisable }: EnabledDetailsProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const waiting = totalPending(status);
  return (
    <>
      <dl className="facts" data-testid="member-sync-facts">
        <div className="fact">
          <dt>{t('memberSync.thisDevice')}</dt>
          <dd data-testid="member-sync-this-device">{status.thisDevice?.name ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('memberSync.lastSync')}</dt>
          <dd data-testid="member-sync-last-sync" aria-live="polite">
            {status.syncing ? t('memberSync.syncing') : status.lastSyncAt ? formatRelative(status.lastSyncAt, locale) : t('memberSync.neverSynced')}
          </dd>
        </div>
      </dl>
      <h3 id="member-sync-pending">{t('memberSync.pendingTitle')}</h3>
      {waiting === 0 ? (
        <p className="muted" data-testid="member-sync-nothing-pending">
          {t('memberSync.nothingPending')}
        </p>
      ) : (
        <PendingCounts status={status} labelledBy="member-sync-pending" />
      )}
      {status.lastError && (
        <p className="error" data-testid="member-sync-last-error">
          {lastErrorText(t, status.lastError)}
        </p>
      )}
      {status.conflicts > 0 && (
        <p className="notice member-sync-notice" data-testid="member-sync-conflicts">
          {t('memberSync.conflictsWaiting', { count: status.conflicts, formatted: formatNumber(status.conflicts, locale) })}{' '}
          <a href={conflictsHref()}>{t('memberSync.openConflicts')}</a>
        </p>
      )}
      <h3 id="member-sync-devices">{t('memberSync.devices')}</h3>
      <ul className="plain-list member-sync-devices" aria-labelledby="member-sync-devices" data-testid="member-sync-devices">
        {status.devices.map((device) => {
          // Until this computer's own entry has been sent, the list knows it only by id: its name is the one given here.
          const name = device.name || (device.thisDevice ? (status.thisDevice?.name ?? '') : '');
          const seen = Date.parse(device.lastSeenAt) > 0;
          return (
            <li key={device.id} data-this-device={device.thisDevice ? 'true' : undefined}>
              <span className="member-sync-device-name">{name}</span>
              {device.thisDevice && <span className="badge">{t('memberSync.thisDeviceMark')}</span>}
              {seen && (
                <>
                  {' '}
                  <span className="muted">{t('memberSync.lastSeen', { when: formatRelative(device.lastSeenAt, locale) })}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <Button className="button button-primary" onPress={onSyncNow} isDisabled={status.syncing || !status.signedIn}>
          {t('memberSync.syncNow')}
        </Button>
        <Button className="button" onPress={onChangePassphrase} isDisabled={!status.signedIn}>
          {t('memberSync.changePassphrase')}
        </Button>
        <Button className="button" onPress={onDisable}>
          {t('memberSync.disable')}
        </Button>
      </div>
    </>
  );
}
