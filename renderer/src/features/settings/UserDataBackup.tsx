// Settings → Backup of your data: the user's own data saved as one file, and
// restored from one. A backup may be someone else's or changed since it was
// saved, so the restore's answer is shown in full: the rows it left out and
// why, the parts of the file it ignored, the outbox items that wait for the
// user's confirmation, and, before the app connects anywhere else, a question
// for each portal address or update channel of the backup that differs from
// the one in use (applied only when the user says so).
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../../../shared/user-data';
import { errorMessage, useApi } from '../../app/core';
import { href } from '../../app/router';
import { bytesFromBase64, saveFile } from '../../ui/save-file';

/** Bytes ⇄ base64 for the contract, in chunks (a spread of megabytes would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Backup and restore of the user's own data as one file. `onDataReplaced`: the settings changed under the other cards. */
export function UserDataBackup({ onDataReplaced }: { onDataReplaced: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RestoreResult | null>(null);

  const backup = async () => {
    setBusy(true);
    try {
      const answer = await api['userData.backup']({});
      saveFile(answer.fileName, 'application/vnd.sqlite3', bytesFromBase64(answer.base64));
      setMessage({ text: t('settings.backupSaved', { file: answer.fileName }), error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setResult(null);
    try {
      const answer = await api['userData.restore']({ base64: toBase64(new Uint8Array(await chosen.arrayBuffer())) });
      const rows = Object.values(answer.restored).reduce((sum, count) => sum + count, 0);
      setMessage({ text: t('settings.restoreDone', { count: rows }), error: false });
      setResult(answer);
      setChosen(null);
      onDataReplaced();
    } catch (error) {
      setMessage({ text: t('settings.restoreFailed', { reason: errorMessage(error) }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="settings-backup" className="card">
      <h2 id="settings-backup">{t('settings.backup')}</h2>
      <p className="muted">{t('settings.backupExplanation')}</p>
      <div className="actions">
        <Button className="button" onPress={() => void backup()} isDisabled={busy}>
          {t('settings.backupButton')}
        </Button>
      </div>
      <div className="field">
        <label htmlFor="restore-file">{t('settings.restoreFile')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".sqlite,application/vnd.sqlite3,application/x-sqlite3"
          data-testid="restore-file"
          onChange={(event) => {
            setChosen(event.target.files?.[0] ?? null);
            setMessage(null);
            setResult(null);
          }}
        />
      </div>
      {chosen && (
        <div className="actions" role="group" aria-label={t('settings.restoreConfirm', { file: chosen.name })}>
          <p>{t('settings.restoreConfirm', { file: chosen.name })}</p>
          <Button className="button button-primary" onPress={() => void restore()} isDisabled={busy}>
            {t('settings.restoreButton')}
          </Button>
          <Button className="button" onPress={() => setChosen(null)} isDisabled={busy}>
            {t('settings.restoreCancel')}
          </Button>
        </div>
      )}
      <p role="status" className={message?.error ? 'error' : 'muted'} data-testid="backup-status">
        {message?.text}
      </p>
      {result && <RestoreReport result={result} onSettingsChanged={onDataReplaced} />}
    </section>
  );
}

function RestoreReport({ result, onSettingsChanged }: { result: RestoreResult; onSettingsChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { serverUrl, updateChannel } = result.settingsToConfirm;
  const refusedRows = result.refused.reduce((sum, refusal) => sum + refusal.count, 0);
  const table = (name: string) => t(`settings.restoreResult.tables.${name}`, { defaultValue: name });
  const channel = (name: string) => t(`settings.restoreResult.channels.${name}`, { defaultValue: name });
  return (
    <section aria-labelledby="restore-result-title" className="restore-result stack" data-testid="restore-result">
      <h3 id="restore-result-title">{t('settings.restoreResult.title')}</h3>
      {serverUrl && (
        <Proposal
          testId="restore-portal"
          question={serverUrl.current ? t('settings.restoreResult.portalQuestion', { backup: serverUrl.backup, current: serverUrl.current }) : t('settings.restoreResult.portalQuestionNone', { backup: serverUrl.backup })}
          switchLabel={t('settings.restoreResult.switchPortal', { url: serverUrl.backup })}
          keepLabel={serverUrl.current ? t('settings.restoreResult.keepPortal', { url: serverUrl.current }) : t('settings.restoreResult.keepNoPortal')}
          switched={t('settings.restoreResult.switchedPortal', { url: serverUrl.backup })}
          kept={serverUrl.current ? t('settings.restoreResult.keptPortal', { url: serverUrl.current }) : t('settings.restoreResult.keptNoPortal')}
          onSwitch={async () => {
            await api['settings.update']({ serverUrl: serverUrl.backup });
            onSettingsChanged();
          }}
        />
      )}
      {updateChannel && (
        <Proposal
          testId="restore-channel"
          question={t('settings.restoreResult.channelQuestion', { backup: channel(updateChannel.backup), current: channel(updateChannel.current) })}
          switchLabel={t('settings.restoreResult.switchChannel', { channel: channel(updateChannel.backup) })}
          keepLabel={t('settings.restoreResult.keepChannel', { channel: channel(updateChannel.current) })}
          switched={t('settings.restoreResult.switchedChannel', { channel: channel(updateChannel.backup) })}
          kept={t('settings.restoreResult.keptChannel', { channel: channel(updateChannel.current) })}
          onSwitch={async () => {
            await api['settings.update']({ updateChannel: updateChannel.backup });
            onSettingsChanged();
          }}
        />
      )}
      {result.outboxToConfirm > 0 && (
        <p className="notice restore-note" data-testid="restore-outbox">
          {t('settings.restoreResult.outboxToConfirm', { count: result.outboxToConfirm })} <a href={href('outbox')}>{t('settings.restoreResult.reviewOutbox', { count: result.outboxToConfirm })}</a>
        </p>
      )}
      {refusedRows > 0 && (
        <div data-testid="restore-refused">
          <p>{t('settings.restoreResult.refused', { count: refusedRows })}</p>
          <ul>
            {result.refused.map((refusal) => (
              <li key={`${refusal.table}\u0000${refusal.reason}`}>{t('settings.restoreResult.refusedItem', { count: refusal.count, table: table(refusal.table), reason: refusal.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      {result.ignored.length > 0 && (
        <div data-testid="restore-ignored">
          <p>{t('settings.restoreResult.ignored')}</p>
          <ul>
            {result.ignored.map((part) => (
              <li key={`${part.kind}\u0000${part.name}`}>
                {t(`settings.restoreResult.kinds.${part.kind}`)} <code>{part.name}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A setting of the backup that differs from the one in use: asked once, applied only on "switch". */
function Proposal(props: { testId: string; question: string; switchLabel: string; keepLabel: string; switched: string; kept: string; onSwitch: () => Promise<void> }) {
  const [answer, setAnswer] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  const questionId = `${props.testId}-question`;
  // The buttons go once answered: the keyboard's focus moves to what the answer did, not to the page's start.
  useEffect(() => {
    if (answer && !answer.error) outcome.current?.focus();
  }, [answer]);
  const switchNow = async () => {
    setBusy(true);
    try {
      await props.onSwitch();
      setAnswer({ text: props.switched, error: false });
    } catch (error) {
      setAnswer({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card notice restore-proposal" role="group" aria-labelledby={questionId} data-testid={props.testId}>
      <p id={questionId}>{props.question}</p>
      {(!answer || answer.error) && (
        <div className="actions">
          {/* Keeping what is in use is the safe answer, so it is the prominent one. */}
          <Button className="button button-primary" onPress={() => setAnswer({ text: props.kept, error: false })} isDisabled={busy}>
            {props.keepLabel}
          </Button>
          <Button className="button" onPress={() => void switchNow()} isDisabled={busy}>
            {props.switchLabel}
          </Button>
        </div>
      )}
      <p role="status" className={answer?.error ? 'error' : 'muted'} ref={outcome} tabIndex={-1}>
        {answer?.text}
      </p>
    </div>
  );
}
