import { useId, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, NumberField, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { portalTransport } from '../../../../shared/portal-transport';
import { portalAddress, settingsSchema, switchesPortal, type Settings } from '../../../../shared/sync';
import { errorMessage, useApi } from '../../app/core';
import { InsecurePortalWarning } from '../../app/SyncIndicator';
import { INTERFACE_LANGUAGES, THEMES, type InterfaceLanguage, type ThemePreference } from '../../app/preferences';
import { useSync } from '../../app/sync-state';
import { useLoad } from '../../app/use-load';
import { formatRelative } from '../../ui/format';
import { MemberSyncCard } from '../member-sync/MemberSyncCard';
import { UpdatesCard } from '../updates/UpdatesCard';
import { CopyProgress, PortalSwitchDialog } from './PortalSwitch';
import { SignInCard } from './SignInCard';
import { FullTextCoverage } from './FullTextCoverage';
import { RecordProblems } from './RecordProblems';
import { UserDataBackup } from './UserDataBackup';

type Mode = Settings['attachmentPolicy']['mode'];
const MODES: Mode[] = ['all', 'on-demand', 'none'];
const MB = 1024 * 1024;

export interface SettingsScreenProps {
  language: InterfaceLanguage;
  onLanguageChange: (language: InterfaceLanguage) => void;
  theme: ThemePreference;
  onThemeChange: (theme: ThemePreference) => void;
  /** Why the last language or theme choice could not be saved; null when it was. */
  saveError: string | null;
}

/** Checks a portal address as the contract will: empty clears it, else an http(s) URL. */
function parsePortalUrl(text: string): { ok: true; value: string | null } | { ok: false } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  const parsed = settingsSchema.shape.serverUrl.safeParse(trimmed);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

export function SettingsScreen(props: SettingsScreenProps) {
  const { t } = useTranslation();
  // A restore (or a switch it proposed) changes the settings under the cards that show them: they read them again.
  const [settingsGeneration, setSettingsGeneration] = useState(0);
  const settingsChanged = () => setSettingsGeneration((generation) => generation + 1);
  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.settings')}
      </h1>
      <div className="stack">
        <Appearance {...props} />
        <SignInCard />
        <SyncSettings key={`sync-${settingsGeneration}`} />
        <SyncControls />
        <MemberSyncCard />
        <UserDataBackup onDataReplaced={settingsChanged} />
        <UpdatesCard key={`updates-${settingsGeneration}`} />
        <About />
      </div>
    </section>
  );
}

function Appearance({ language, onLanguageChange, theme, onThemeChange, saveError }: SettingsScreenProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-appearance" className="card">
      <h2 id="settings-appearance">{t('settings.appearance')}</h2>
      <RadioGroup className="radio-group" value={language} onChange={(value) => onLanguageChange(value as InterfaceLanguage)} data-testid="language-choice">
        <Label>{t('settings.language')}</Label>
        {INTERFACE_LANGUAGES.map((code) => (
          <Radio key={code} value={code} className="radio" lang={code}>
            {t(`languages.${code}`, { lng: code })}
          </Radio>
        ))}
      </RadioGroup>
      <RadioGroup className="radio-group" value={theme} onChange={(value) => onThemeChange(value as ThemePreference)}>
        <Label>{t('settings.theme')}</Label>
        {THEMES.map((option) => (
          <Radio key={option} value={option} className="radio">
            {t(`settings.themes.${option}`)}
          </Radio>
        ))}
      </RadioGroup>
      <p role="status" className="error">
        {saveError && t('settings.preferenceNotSaved', { error: saveError })}
      </p>
    </section>
  );
}

function SyncSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const { status } = useSync();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  /** The portal address waiting for the user's yes: saving it would replace the library. */
  const [switchTo, setSwitchTo] = useState<string | null>(null);
  const [portal, setPortal] = useState('');
  const [interval, setInterval] = useState(15);
  const [mode, setMode] = useState<Mode>('all');
  const [maxMb, setMaxMb] = useState<number>(Number.NaN);
  const [allowInsecure, setAllowInsecure] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ids = { allowInsecure: useId(), allowInsecureHelp: useId() };

  const show = (settings: Settings) => {
    setLoaded(settings);
    setPortal(settings.serverUrl ?? '');
    setAllowInsecure(settings.allowInsecurePortal);
    setInterval(settings.syncIntervalMinutes);
    setMode(settings.attachmentPolicy.mode);
    setMaxMb(settings.attachmentPolicy.maxBytes === null ? Number.NaN : Math.round(settings.attachmentPolicy.maxBytes / MB));
  };

  useLoad('settings', () => api['settings.get']({}), { onAnswer: show, onFailure: (text) => setMessage({ ok: false, text }) });

  const portalCheck = parsePortalUrl(portal);
  // The core refuses it too: plain http away from this computer needs the permission below.
  const insecureRefused = portalCheck.ok && portalCheck.value !== null && portalTransport(portalCheck.value) === 'insecure-http' && !allowInsecure;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!portalCheck.ok || insecureRefused || Number.isNaN(interval)) return;
    const portal = portalCheck.value;
    const portalChanged = portal !== null && portalAddress(portal) !== portalAddress(loaded?.serverUrl ?? '');
    if (portalChanged && status && switchesPortal(status, portal)) setSwitchTo(portal);
    else void save();
  };

  const save = async () => {
    if (!portalCheck.ok || insecureRefused || Number.isNaN(interval)) return;
    try {
      const saved = await api['settings.update']({
        serverUrl: portalCheck.value,
        allowInsecurePortal: allowInsecure,
        syncIntervalMinutes: interval,
        attachmentPolicy: { mode, maxBytes: Number.isNaN(maxMb) ? null : maxMb * MB },
      });
      show(saved);
      setMessage({ ok: true, text: t('settings.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby="settings-sync" className="card">
      <h2 id="settings-sync">{t('settings.sync')}</h2>
      <form onSubmit={submit} className="stack" aria-labelledby="settings-sync">
        <TextField value={portal} onChange={setPortal} isInvalid={!portalCheck.ok || insecureRefused} type="url" className="field" isDisabled={!loaded}>
          <Label>{t('settings.portalUrl')}</Label>
          <Input className="input" data-testid="portal-url" />
          <Text slot="description" className="muted">
            {t('settings.portalUrlHelp')}
          </Text>
          <FieldError className="error">{portalCheck.ok ? t('settings.insecurePortalRefused') : t('settings.portalUrlInvalid')}</FieldError>
        </TextField>
        <div className="field">
          <label className="check" htmlFor={ids.allowInsecure}>
            <input
              id={ids.allowInsecure}
              type="checkbox"
              checked={allowInsecure}
              onChange={(event) => setAllowInsecure(event.target.checked)}
              disabled={!loaded}
              aria-describedby={ids.allowInsecureHelp}
              data-testid="allow-insecure-portal"
            />
            {t('settings.allowInsecurePortal')}
          </label>
          <p id={ids.allowInsecureHelp} className="muted field-help">
            {t('settings.allowInsecurePortalHelp')}
          </p>
        </div>
        <InsecurePortalWarning />
        <NumberField value={interval} onChange={setInterval} minValue={0} maxValue={24 * 60} step={1} className="field" isDisabled={!loaded}>
          <Label>{t('settings.interval')}</Label>
          <Input className="input input-narrow" />
          <Text slot="description" className="muted">
            {t('settings.intervalHelp')}
          </Text>
        </NumberField>
        <RadioGroup className="radio-group" value={mode} onChange={(value) => setMode(value as Mode)} isDisabled={!loaded}>
          <Label>{t('settings.attachments')}</Label>
          {MODES.map((option) => (
            <Radio key={option} value={option} className="radio">
              {t(`settings.attachmentModes.${option}`)}
            </Radio>
          ))}
        </RadioGroup>
        <NumberField value={maxMb} onChange={setMaxMb} minValue={1} step={1} className="field" isDisabled={!loaded || mode === 'none'}>
          <Label>{t('settings.maxSize')}</Label>
          <Input className="input input-narrow" />
          <Text slot="description" className="muted">
            {t('settings.maxSizeHelp')}
          </Text>
        </NumberField>
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={!loaded || !portalCheck.ok || insecureRefused}>
            {t('common.save')}
          </Button>
          <span role="status" className={message && !message.ok ? 'error' : 'muted'}>
            {message?.text}
          </span>
        </div>
      </form>
      {switchTo !== null && status?.libraryPortal && (
        <PortalSwitchDialog
          portal={portalAddress(switchTo)}
          current={status.libraryPortal}
          onConfirm={() => {
            setSwitchTo(null);
            void save();
          }}
          onCancel={() => setSwitchTo(null)}
        />
      )}
    </section>
  );
}

function SyncControls() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useSync();
  const [message, setMessage] = useState<string | null>(null);

  const start = async () => {
    try {
      const answer = await api['sync.start']({});
      setMessage(answer.started ? null : t('settings.syncNotStarted', { reason: answer.reason ?? '' }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const cancel = async () => {
    try {
      await api['sync.cancel']({});
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="settings-sync-now" className="card">
      <h2 id="settings-sync-now">{t('settings.syncNow')}</h2>
      <p>
        {status?.lastSyncAt ? t('sync.lastSync', { when: formatRelative(status.lastSyncAt, i18n.language) }) : t('sync.never')}
      </p>
      <CopyProgress />
      {status?.lastError && <p className="error">{t('settings.lastError', { error: status.lastError })}</p>}
      {status && <RecordProblems problems={status.problems} />}
      {status && <FullTextCoverage fullText={status.fullText} />}
      <div className="actions">
        <Button className="button button-primary" onPress={() => void start()} isDisabled={!status || status.running}>
          {t('settings.syncNowButton')}
        </Button>
        <Button className="button" onPress={() => void cancel()} isDisabled={!status?.running}>
          {t('settings.cancelSync')}
        </Button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}

function About() {
  const { t } = useTranslation();
  const api = useApi();
  const read = useLoad('app.info', () => api['app.info']({}));
  const info = read.status === 'ready' ? read.value : null;
  const failure = read.status === 'failed' ? read.message : null;
  return (
    <section aria-labelledby="about-heading" className="card">
      <h2 id="about-heading">{t('settings.about')}</h2>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {info && (
        <dl className="facts" data-testid="app-info">
          <div className="fact">
            <dt>{t('settings.version')}</dt>
            <dd data-testid="app-version">{info.version}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.dataFolder')}</dt>
            <dd data-testid="app-data-folder">{info.dataFolder}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.corpusSchema')}</dt>
            <dd data-testid="app-schema-corpus">{info.schemaVersion.corpus}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.userSchema')}</dt>
            <dd data-testid="app-schema-user">{info.schemaVersion.user}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
