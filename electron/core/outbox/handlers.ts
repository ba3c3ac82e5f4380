// The contract's auth.* and outbox.* methods: signing in, and the writes that wait for the portal.
import { ContractError, type HandlerSlice } from '../../../shared/contract';
import { portalAddress, portalPaths, portalUrl } from '../portal/urls';
import type { SettingsStore } from '../settings/settings-store';
import type { AuthService } from './auth';
import type { OutboxService } from './outbox-service';

export function outboxHandlers(deps: { auth: AuthService; outbox: OutboxService; settings: SettingsStore }): HandlerSlice<'auth' | 'outbox'> {
  const { auth, outbox, settings } = deps;
  return {
    'auth.signIn': async ({ serverUrl, email, password }) => {
      const portal = serverUrl ?? settings.get().serverUrl;
      if (!portal) throw new ContractError('invalid_arguments', 'No portal is configured: give serverUrl or set it in Settings');
      const status = await auth.signIn(portal, email, password);
      if (!settings.get().serverUrl) settings.update({ serverUrl: portalAddress(portal) });
      return status;
    },
    'auth.signOut': async () => auth.signOut(),
    'auth.status': async () => {
      const status = auth.status();
      const portal = status.serverUrl ?? settings.get().serverUrl;
      return { ...status, registrationUrl: portal ? portalUrl(portal, portalPaths.registration) : null };
    },
    'outbox.list': async (request) => outbox.list(request),
    'outbox.composeReply': async (draft) => outbox.compose('forum.reply', draft),
    'outbox.composeThread': async (draft) => outbox.compose('forum.thread', draft),
    'outbox.composePartnerRequest': async (draft) => outbox.compose('partner.request', draft),
    'outbox.update': async ({ id, kind, payload }) => outbox.update(id, kind, payload),
    'outbox.cancel': async ({ id }) => outbox.cancel(id),
    'outbox.retry': async ({ id }) => outbox.retry(id),
    'outbox.confirmRestored': async ({ id }) => outbox.confirmRestored(id),
    'outbox.push': async () => outbox.start(),
    'outbox.status': async () => outbox.status(),
  };
}
