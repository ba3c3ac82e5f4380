// The member's session as the screens that write need it (the composers, the
// partner-request form, the Outbox): read with auth.status, and again after
// every outbox.changed event, which the core sends when the session changes
// (signed in, signed out, refused by the portal) as well as when items do.
import { useEffect, useState } from 'react';
import type { AuthStatus } from '../../../shared/outbox';
import { useCore } from './core';
import { useLoad } from './use-load';

/** null until the core has answered (or when it cannot). */
export function useAuthStatus(): AuthStatus | null {
  const { api, events } = useCore();
  const [changes, setChanges] = useState(0);
  useEffect(() => events.on('outbox.changed', () => setChanges((count) => count + 1)), [events]);
  const auth = useLoad(`auth.status|${changes}`, () => api['auth.status']({}), { keep: true });
  if (auth.status === 'ready') return auth.value;
  return auth.status === 'failed' ? (auth.last ?? null) : null;
}

/** Signed in with a session the portal still accepts: what is written is sent as soon as the portal can be reached. */
export const canSend = (auth: AuthStatus | null): boolean => auth?.signedIn === true && !auth.signInRequired;
