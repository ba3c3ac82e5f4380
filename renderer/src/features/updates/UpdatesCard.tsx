// Settings → Updates: this version, the channel, and the user's own steps:
// check, download (with progress), restart to install. Nothing happens on its
// own; a refused update says why. The status comes from update.status calls
// and events (main's electron-updater in the app, the core in the harness).
import { useEffect, useState } from 'react';
import { Button, Label, ProgressBar, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UpdateChannel, UpdateStatus } from '../../../../shared/updates';
import { errorMessage, useCore } from '../../app/core';
import { useLoad } from '../../app/use-load';
import { formatDate, formatRelative } from '../../ui/format';
import { formatBytes } from '../../ui/record-labels';

export function UpdatesCard() {
  const { t, i18n } = useTranslation();
  const { api, events } = useCore();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [channel, setChannel] = useState<UpdateChannel | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [channelMessage, setChannelMessage] = useState<{ error: boolean; text: string } | null>(null);
  const locale = i18n.language;

  useEffect(() => events.on('update.status', (next) => setStatus(next)), [events]);
  // An event that came first is newer than this answer.
  useLoad('update.status', () => api['update.status']({}), { onAnswer: (next) => setStatus((current) => current ?? next), onFailure: setFailure });
  useLoad('settings.updateChannel', async () => (await api['settings.get']({})).updateChannel, { onAnswer: setChannel, onFailure: setFailure });

  const chooseChannel = async (next: UpdateChannel) => {
    const before = channel;
    setChannel(next);
    try {
      const saved = await api['settings.update']({ updateChannel: next });
      setChannel(saved.updateChannel);
      setStatus((current) => current && { ...current, channel: saved.updateChannel });
      setChannelMessage({ error: false, text: t('settings.updates.channelSaved') });
    } catch (error) {
      setChannel(before);
      setChannelMessage({ error: true, text: errorMessage(error) });
    }
  };

  const run = async (method: 'update.check' | 'update.download' | 'update.install') => {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await api[method]({}));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const state = status?.state;
  const working = busy || state === 'checking' || state === 'downloading';
  const version = status?.offer?.version ?? '';

  return (
    <section aria-labelledby="settings-updates" className="card" data-testid="updates">
      <h2 id="settings-updates">{t('settings.updates.title')}</h2>
      <p className="muted">{t('settings.updates.explanation')}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{t('settings.updates.currentVersion')}</dt>
          <dd data-testid="update-current-version">{status?.currentVersion ?? '…'}</dd>
        </div>
      </dl>
      <RadioGroup
        className="radio-group"
        value={channel ?? undefined}
        onChange={(value) => void chooseChannel(value as UpdateChannel)}
        isDisabled={channel === null || state === 'downloading'}
        data-testid="update-channel"
      >
        <Label>{t('settings.updates.channel')}</Label>
        <Radio value="stable" className="radio">
          {t('settings.updates.stable')}
        </Radio>
        <Radio value="beta" className="radio">
          {t('settings.updates.beta')}
        </Radio>
      </RadioGroup>
      <p role="status" className={channelMessage?.error ? 'error' : 'muted'}>
        {channelMessage?.text}
      </p>

      <div className="actions">
        <Button className="button button-primary" onPress={() => void run('update.check')} isDisabled={!status || working}>
          {t('settings.updates.check')}
        </Button>
        {state === 'available' && (
          <Button className="button" onPress={() => void run('update.download')} isDisabled={working}>
            {t('settings.updates.download')}
          </Button>
        )}
        {state === 'downloaded' && status?.canInstall && (
          <Button className="button button-primary" onPress={() => void run('update.install')} isDisabled={busy}>
            {t('settings.updates.restart')}
          </Button>
        )}
      </div>

      <div role="status" data-testid="update-result" data-state={state ?? 'loading'} className="update-result">
        {status && <Outcome status={status} locale={locale} />}
      </div>
      {state === 'downloading' && status?.progress && (
        <ProgressBar
          className="update-progress"
          data-testid="update-progress"
          value={status.progress.percent ?? undefined}
          isIndeterminate={status.progress.percent === null}
          valueLabel={
            status.progress.total
              ? t('settings.updates.progress', { transferred: formatBytes(status.progress.transferred, locale), total: formatBytes(status.progress.total, locale) })
              : t('settings.updates.progressUnknown', { transferred: formatBytes(status.progress.transferred, locale) })
          }
        >
          {({ valueText }) => (
            <>
              <Label>{t('settings.updates.downloading', { version })}</Label>
              {/* The bar itself; React Aria's progressbar role above carries the value for assistive technology. */}
              <progress aria-hidden="true" max={100} value={status.progress?.percent ?? undefined} />
              <span className="muted">{valueText}</span>
            </>
          )}
        </ProgressBar>
      )}
      {failure && (
        <p role="alert" className="error" data-testid="update-failure">
          {failure}
        </p>
      )}
    </section>
  );
}

function Outcome({ status, locale }: { status: UpdateStatus; locale: string }) {
  const { t } = useTranslation();
  const version = status.offer?.version ?? '';
  const checked = status.checkedAt && <span className="muted"> {t('settings.updates.lastChecked', { when: formatRelative(status.checkedAt, locale) })}</span>;
  const detail = status.message && (
    <p className="muted" data-testid="update-message">
      {status.message}
    </p>
  );
  switch (status.state) {
    case 'idle':
      return <p>{t('settings.updates.neverChecked')}</p>;
    case 'checking':
      return <p>{t('settings.updates.checking')}</p>;
    case 'up-to-date':
      return (
        <>
          <p>
            {t('settings.updates.upToDate', { version: status.currentVersion })}
            {checked}
          </p>
          {status.offer && status.offer.version !== status.currentVersion && detail}
        </>
      );
    case 'available':
      return (
        <>
          <p>
            {status.offer?.size ? t('settings.updates.availableSize', { version, size: formatBytes(status.offer.size, locale) }) : t('settings.updates.available', { version })}
            {checked}
          </p>
          {status.offer?.releaseDate && <p className="muted">{t('settings.updates.released', { date: formatDate(status.offer.releaseDate, locale) })}</p>}
          {status.offer?.releaseNotes && (
            <details>
              <summary>{t('settings.updates.releaseNotes')}</summary>
              <p className="release-notes">{status.offer.releaseNotes}</p>
            </details>
          )}
          {status.message && (
            <p className="error" data-testid="update-message">
              {status.message}
            </p>
          )}
        </>
      );
    case 'downloading':
      return null;
    case 'downloaded':
      return (
        <>
          <p>{t('settings.updates.downloaded', { version })}</p>
          {!status.canInstall && <p className="muted">{t('settings.updates.installOnlyInApp')}</p>}
        </>
      );
    case 'refused':
      return (
        <>
          <p className="error">
            {status.refusal === 'older-version'
              ? t('settings.updates.refusedOlder', { version })
              : status.refusal === 'prerelease-on-stable'
                ? t('settings.updates.refusedPrerelease', { version })
                : status.refusal === 'checksum-mismatch'
                  ? t('settings.updates.refusedChecksum')
                  : status.refusal === 'size-mismatch'
                    ? t('settings.updates.refusedSize')
                    : status.refusal === 'unsigned-info'
                      ? t('settings.updates.refusedSignature')
                      : t('settings.updates.refusedInvalid')}
          </p>
          {detail}
        </>
      );
    case 'error':
      return (
        <>
          <p className="error">{t('settings.updates.failed')}</p>
          {detail}
        </>
      );
  }
}
