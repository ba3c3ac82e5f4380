// The contract's memberSync.* methods: the member's own data on every computer they use, end-to-end encrypted.
import type { HandlerSlice } from '../../../shared/contract';
import type { MemberSyncService } from './member-sync-service';

export function memberSyncHandlers(memberSync: MemberSyncService): HandlerSlice<'memberSync'> {
  return {
    'memberSync.status': async () => memberSync.status(true),
    'memberSync.enable': async ({ passphrase, deviceName }) => memberSync.enable(passphrase, deviceName),
    'memberSync.disable': async () => memberSync.disable(),
    'memberSync.changePassphrase': async ({ current, next }) => memberSync.changePassphrase(current, next),
    'memberSync.syncNow': async () => memberSync.start(),
    'memberSync.conflicts': async () => memberSync.conflicts(),
    'memberSync.resolveConflict': async ({ itemId, field, text }) => memberSync.resolveConflict(itemId, field, text),
  };
}
