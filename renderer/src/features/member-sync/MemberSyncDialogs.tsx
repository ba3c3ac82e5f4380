// The dialogs of Settings → "Sync my notes and collections": turning the sync
// on (choosing a passphrase on the first computer, typing it again to join on
// the others), changing the passphrase, and turning it off (the local data
// stays). A passphrase the core refuses is said at its field.
import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button, Dialog, FieldError, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { memberSyncEnableSchema, memberSyncPassphrase, type MemberSyncStatus } from '../../../../shared/member-sync';
import { useApi } from '../../app/core';
import { href } from '../../app/router';
import { isWrongPassphrase, memberSyncFailureText, useMemberSync } from './member-sync-state';
import { ContractError } from '../../../../shared/contract';

/** How the enable dialog reads: a first computer chooses the passphrase, a later one joins with it. */
export type EnableMode = 'create' | 'join' | 'either';

/** A name for this computer until the user types one: its system, which is all the renderer knows of it. */
function suggestedDeviceName(template: (system: string) => string): string {
  const platform = navigator.platform;
  const system = /^Win/.test(platform) ? 'Windows' : /^Mac/.test(platform) ? 'Mac' : /Linux/.test(platform) ? 'Linux' : platform || '?';
  return template(system);
}

function DialogFrame({ title, testId, role = 'dialog', onCancel, children }: { title: string; testId: string; role?: 'dialog' | 'alertdialog'; onCancel: () => void; children: ReactNode }) {
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => open || onCancel()} className="modal-overlay">
      <Modal className="modal member-sync-modal">
        <Dialog role={role} className="dialog stack" data-testid={testId}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  /** What is wrong with the value, shown at the field; null when nothing is. */
  problem: string | null;
  description?: string;
  autoFocus?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  testId: string;
}

function SecretField({ label, value, onChange, autoComplete, problem, description, autoFocus, inputRef, testId }: SecretFieldProps) {
  return (
    <TextField value={value} onChange={onChange} type="password" autoComplete={autoComplete} className="field" isInvalid={problem !== null} autoFocus={autoFocus}>
      <Label>{label}</Label>
      <Input ref={inputRef} className="input" data-testid={testId} />
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      <FieldError className="error">{problem}</FieldError>
    </TextField>
  );
}

/** A refusal said in the dialog; "not signed in" points to the sign-in card, closing the dialog on the way. */
function Failure({ error, onCancel }: { error: unknown; onCancel: () => void }) {
  const { t } = useTranslation();
  const notSignedIn = error instanceof ContractError && error.code === 'not_signed_in';
  return (
    <p role="alert" className="error" data-testid="member-sync-dialog-error">
      {memberSyncFailureText(t, error)}
      {notSignedIn && (
        <>
          {' '}
          <a href={href('settings', { signin: '1' })} onClick={onCancel}>
            {t('memberSync.goToSignIn')}
          </a>
        </>
      )}
    </p>
  );
}

export function EnableDialog({ status, mode, onDone, onCancel }: { status: MemberSyncStatus; mode: EnableMode; onDone: (next: MemberSyncStatus) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { act } = useMemberSync();
  const [deviceName, setDeviceName] = useState(() => status.thisDevice?.name ?? suggestedDeviceName((system) => t('memberSync.suggestedDeviceName', { system })));
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const asksConfirmation = mode !== 'join';

  const nameValid = memberSyncEnableSchema.shape.deviceName.safeParse(deviceName).success;
  const passphraseValid = memberSyncPassphrase.safeParse(passphrase).success;
  const confirmed = !asksConfirmation || confirmation === passphrase;
  const wrong = refusal !== null && isWrongPassphrase(refusal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!nameValid || !passphraseValid || !confirmed) return;
    setBusy(true);
    setRefusal(null);
    try {
      onDone(await act(() => api['memberSync.enable']({ passphrase, deviceName: deviceName.trim() })));
    } catch (error) {
      setRefusal(error);
      // Refused: focus goes to the field whose message says why, so it is read out and can be typed again.
      if (isWrongPassphrase(error)) passphraseRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const explanation = mode === 'create' ? t('memberSync.enableDialog.create') : mode === 'join' ? t('memberSync.enableDialog.join') : t('memberSync.enableDialog.either');
  return (
    <DialogFrame title={mode === 'join' ? t('memberSync.enableDialog.joinTitle') : t('memberSync.enableDialog.title')} testId="member-sync-enable-dialog" onCancel={onCancel}>
      <p>{explanation}</p>
      <p className="muted">{t('memberSync.enableDialog.keepItSafe')}</p>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField value={deviceName} onChange={setDeviceName} className="field" isInvalid={tried && !nameValid}>
          <Label>{t('memberSync.deviceName')}</Label>
          <Input className="input" data-testid="member-sync-device-name" />
          <Text slot="description" className="muted">
            {t('memberSync.deviceNameHelp')}
          </Text>
          <FieldError className="error">{t('memberSync.deviceNameMissing')}</FieldError>
        </TextField>
        <SecretField
          label={t('memberSync.passphrase')}
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            if (wrong) setRefusal(null);
          }}
          autoComplete={mode === 'join' ? 'current-password' : 'new-password'}
          problem={wrong ? t('memberSync.errors.wrongPassphrase') : tried && !passphraseValid ? t('memberSync.passphraseTooShort') : null}
          description={t('memberSync.passphraseHelp')}
          autoFocus
          inputRef={passphraseRef}
          testId="member-sync-passphrase"
        />
        {asksConfirmation && (
          <SecretField
            label={t('memberSync.passphraseAgain')}
            value={confirmation}
            onChange={setConfirmation}
            autoComplete="new-password"
            problem={tried && !confirmed ? t('memberSync.passphrasesDiffer') : null}
            testId="member-sync-passphrase-again"
          />
        )}
        {refusal !== null && !wrong && <Failure error={refusal} onCancel={onCancel} />}
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={busy} data-testid="member-sync-enable-confirm">
            {busy ? t('memberSync.enableDialog.working') : mode === 'join' ? t('memberSync.enableDialog.joinButton') : t('memberSync.enableDialog.button')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </DialogFrame>
  );
}

export function ChangePassphraseDialog({ onDone, onCancel }: { onDone: (next: MemberSyncStatus) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { act } = useMemberSync();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextValid = memberSyncPassphrase.safeParse(next).success;
  const wrong = refusal !== null && isWrongPassphrase(refusal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!current || !nextValid || confirmation !== next) return;
    setBusy(true);
    setRefusal(null);
    try {
      onDone(await act(() => api['memberSync.changePassphrase']({ current, next })));
    } catch (error) {
      setRefusal(error);
      if (isWrongPassphrase(error)) currentRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogFrame title={t('memberSync.passphraseDialog.title')} testId="member-sync-passphrase-dialog" onCancel={onCancel}>
      <p>{t('memberSync.passphraseDialog.explanation')}</p>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <SecretField
          label={t('memberSync.passphraseDialog.current')}
          value={current}
          onChange={(value) => {
            setCurrent(value);
            if (wrong) setRefusal(null);
          }}
          autoComplete="current-password"
          problem={wrong ? t('memberSync.errors.wrongPassphrase') : tried && !current ? t('memberSync.passphraseMissing') : null}
          autoFocus
          inputRef={currentRef}
          testId="member-sync-current-passphrase"
        />
        <SecretField
          label={t('memberSync.passphraseDialog.next')}
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          problem={tried && !nextValid ? t('memberSync.passphraseTooShort') : null}
          description={t('memberSync.passphraseHelp')}
          testId="member-sync-new-passphrase"
        />
        <SecretField
          label={t('memberSync.passphraseAgain')}
          value={confirmation}
          onChange={setConfirmation}
          autoComplete="new-password"
          problem={tried && confirmation !== next ? t('memberSync.passphrasesDiffer') : null}
          testId="member-sync-new-passphrase-again"
        />
        {refusal !== null && !wrong && <Failure error={refusal} onCancel={onCancel} />}
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={busy}>
            {t('memberSync.passphraseDialog.button')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </DialogFrame>
  );
}

export function DisableDialog({ onDone, onCancel }: { onDone: (next: MemberSyncStatus) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { act } = useMemberSync();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const disable = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      onDone(await act(() => api['memberSync.disable']({})));
    } catch (error) {
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogFrame title={t('memberSync.disableDialog.title')} testId="member-sync-disable-dialog" role="alertdialog" onCancel={onCancel}>
      <p>{t('memberSync.disableDialog.body')}</p>
      <p className="muted">{t('memberSync.disableDialog.again')}</p>
      {refusal !== null && <Failure error={refusal} onCancel={onCancel} />}
      <div className="actions">
        <Button className="button button-primary" onPress={() => void disable()} isDisabled={busy}>
          {t('memberSync.disableDialog.button')}
        </Button>
        {/* The choice that changes nothing has the focus. */}
        <Button className="button" onPress={onCancel} autoFocus>
          {t('memberSync.disableDialog.keep')}
        </Button>
      </div>
    </DialogFrame>
  );
}
