// The member's session with the portal (Settings): sign in with e-mail and
// password, see who is signed in, sign out, or go to the portal's page to
// create an account. Only members post to forums and publish partner
// requests; the outbox keeps everything while signed out. The "Sign in" links
// of the writing screens open Settings with ?signin=1: the e-mail field then
// has focus.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../../shared/contract';
import { signInRequestSchema, type AuthStatus, type TokenProtection } from '../../../../shared/outbox';
import { errorMessage, useApi } from '../../app/core';
import { useRoute } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { formatDate } from '../../ui/format';
import { useOutboxStatus } from '../outbox/outbox-state';

export function SignInCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const outbox = useOutboxStatus();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [registrationUrl, setRegistrationUrl] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const askedToSignIn = useRoute().params.get('signin') === '1';

  // The outbox's signInRequired changes when the portal answers 401: read the session again then.
  const required = outbox?.signInRequired ?? false;
  useLoad(`auth.status|${required}`, () => api['auth.status']({}), {
    onAnswer: ({ registrationUrl: registration, ...next }) => {
      setStatus(next);
      setRegistrationUrl(registration);
      // Signing in again: the e-mail of the rejected session is kept to prefill the form.
      if (next.email) setEmail((current) => current || next.email!);
    },
    onFailure: (text) => setMessage({ error: true, text }),
  });

  const emailValid = signInRequestSchema.shape.email.safeParse(email.trim()).success;
  const passwordValid = password.length > 0;

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!emailValid || !passwordValid) return;
    setBusy(true);
    setMessage(null);
    try {
      const next = await api['auth.signIn']({ email: email.trim(), password });
      setStatus(next);
      setPassword('');
      setTried(false);
      setMessage({ error: false, text: t('signIn.done', { name: next.member?.displayName ?? next.email ?? '' }) });
    } catch (error) {
      const code = error instanceof ContractError ? error.code : 'failed';
      const text =
        code === 'unauthenticated' ? t('signIn.wrongCredentials') : code === 'unavailable' ? t('signIn.unreachable', { reason: errorMessage(error) }) : t('signIn.failed', { reason: errorMessage(error) });
      setMessage({ error: true, text });
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    setBusy(true);
    try {
      setStatus(await api['auth.signOut']({}));
      setMessage({ error: false, text: t('signIn.signedOut') });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const signedIn = status?.signedIn === true && !status.signInRequired;
  const storageWords: Record<TokenProtection, string> = {
    keychain: t('signIn.storage.keychain'),
    'basic-text': t('signIn.storage.basicText'),
    'owner-only-file': t('signIn.storage.ownerOnlyFile'),
  };
  // Sent here to sign in: once the form can be used, it has focus (after the shell has focused the heading).
  const formReady = status !== null && !signedIn;
  useEffect(() => {
    if (!askedToSignIn || !formReady) return;
    emailRef.current?.focus();
    emailRef.current?.scrollIntoView({ block: 'center' });
  }, [askedToSignIn, formReady]);
  return (
    <section aria-labelledby="settings-account" className="card" data-testid="sign-in-card">
      <h2 id="settings-account">{t('signIn.title')}</h2>
      <p className="muted">{t('signIn.explanation')}</p>
      {status && <TokenProtectionNote protection={status.tokenProtection} signedIn={signedIn} />}
      {!signedIn && registrationUrl && (
        <p data-testid="register-link">
          {t('signIn.noAccount')}{' '}
          {/* Outside the app: the system browser opens the portal's page (target=_blank goes to the navigation policy). */}
          <a href={registrationUrl} target="_blank" rel="noopener noreferrer">
            {t('signIn.register')}
          </a>
        </p>
      )}
      {status?.signInRequired && (
        <p className="notice card" data-testid="sign-in-again">
          {t('signIn.again')}
        </p>
      )}
      {signedIn ? (
        <>
          <dl className="facts" data-testid="signed-in">
            <div className="fact">
              <dt>{t('signIn.member')}</dt>
              <dd>{status.member ? `${status.member.displayName}${status.member.organisation ? ` (${status.member.organisation})` : ''}` : status.email}</dd>
            </div>
            <div className="fact">
              <dt>{t('signIn.email')}</dt>
              <dd>{status.email}</dd>
            </div>
            <div className="fact">
              <dt>{t('signIn.portal')}</dt>
              <dd>{status.serverUrl}</dd>
            </div>
            {status.expiresAt && (
              <div className="fact">
                <dt>{t('signIn.expires')}</dt>
                <dd>{formatDate(status.expiresAt, i18n.language)}</dd>
              </div>
            )}
            {/* How the session is kept, in words: never the file's path, which is the app's business. */}
            <div className="fact">
              <dt>{t('signIn.tokenStorage')}</dt>
              <dd>{storageWords[status.tokenProtection]}</dd>
            </div>
          </dl>
          <div className="actions">
            <Button className="button" onPress={() => void signOut()} isDisabled={busy}>
              {t('signIn.signOut')}
            </Button>
          </div>
        </>
      ) : (
        <form className="stack" onSubmit={(event) => void signIn(event)} noValidate aria-labelledby="settings-account">
          <TextField value={email} onChange={setEmail} type="email" autoComplete="username" className="field" isInvalid={tried && !emailValid} isDisabled={!status}>
            <Label>{t('signIn.email')}</Label>
            <Input ref={emailRef} className="input" />
            <FieldError className="error">{t('signIn.emailInvalid')}</FieldError>
          </TextField>
          <TextField value={password} onChange={setPassword} type="password" autoComplete="current-password" className="field" isInvalid={tried && !passwordValid} isDisabled={!status}>
            <Label>{t('signIn.password')}</Label>
            <Input className="input" />
            <FieldError className="error">{t('signIn.passwordMissing')}</FieldError>
          </TextField>
          <div className="actions">
            <Button type="submit" className="button button-primary" isDisabled={busy || !status}>
              {t('signIn.signIn')}
            </Button>
          </div>
        </form>
      )}
      <p role="status" className={message?.error ? 'error' : 'muted'} data-testid="sign-in-status">
        {message?.text}
      </p>
    </section>
  );
}

/**
 * Says so when the session token is not protected by the operating system's
 * keychain: Linux without a keyring (safeStorage's basic_text store), or no
 * keychain at all (the browser harness, or an OS that offers none).
 */
function TokenProtectionNote({ protection, signedIn }: { protection: TokenProtection; signedIn: boolean }) {
  const { t } = useTranslation();
  if (protection === 'keychain') return null;
  return (
    <div className="notice warning-notice" role="note" data-testid="token-protection-note" data-protection={protection}>
      <p className="warning-title">{signedIn ? t('signIn.tokenUnprotected') : t('signIn.tokenUnprotectedBeforeSignIn')}</p>
      <p>{protection === 'basic-text' ? t('signIn.tokenBasicText') : t('signIn.tokenOwnerOnlyFile')}</p>
    </div>
  );
}
