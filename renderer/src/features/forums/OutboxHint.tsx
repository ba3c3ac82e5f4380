// What happens to what the member writes, said where they write it (the forum
// composers, the partner-request form): sent when the portal can be reached,
// or, signed out, kept in the Outbox until they sign in, with the link to do so.
import { useTranslation } from 'react-i18next';
import { canSend, useAuthStatus } from '../../app/auth-status';
import { href } from '../../app/router';

export function OutboxHint() {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  // Until the session is known, say what holds either way.
  if (auth === null || canSend(auth)) return <>{t('forums.queuedHint')}</>;
  return <WaitsForSignIn signInRequired={auth.signInRequired} />;
}

/** The same as a notice of its own (a form whose lede already says where it goes): only while signed out. */
export function SignInNotice() {
  const auth = useAuthStatus();
  if (auth === null || canSend(auth)) return null;
  return (
    <p className="notice card">
      <WaitsForSignIn signInRequired={auth.signInRequired} />
    </p>
  );
}

function WaitsForSignIn({ signInRequired }: { signInRequired: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="waits-for-sign-in">
      {signInRequired ? t('compose.waitsForSignInAgain') : t('compose.waitsForSignIn')}{' '}
      <a href={href('settings', { signin: '1' })}>{signInRequired ? t('compose.signInAgain') : t('compose.signIn')}</a>
    </span>
  );
}
