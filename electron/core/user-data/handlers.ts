// The contract's userData.* methods: the user's own data backed up as one file, and restored.
import { ContractError, type HandlerSlice } from '../../../shared/contract';
import type { UserStoreBackup } from '../db/user/backup';
import type { OutboxService } from '../outbox/outbox-service';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncService } from '../sync/sync-service';
import { BackupError, restoreUserData, userDataBackup } from './backup';

export function userDataHandlers(deps: { backup: UserStoreBackup; settings: SettingsStore; outbox: OutboxService; sync: SyncService }): HandlerSlice<'userData'> {
  const { backup, settings, outbox, sync } = deps;
  return {
    'userData.backup': async () => {
      const { fileName, bytes } = await userDataBackup(backup);
      return { fileName, base64: bytes.toString('base64'), bytes: bytes.length };
    },
    'userData.restore': async ({ base64 }) => {
      try {
        const result = await restoreUserData(backup, Buffer.from(base64, 'base64'), settings.get());
        sync.reschedule(); // The schedule may have come back with the settings.
        outbox.changed(); // The badge: restored items wait for confirmation.
        return result;
      } catch (error) {
        if (error instanceof BackupError) throw new ContractError('invalid_arguments', error.message);
        throw error;
      }
    },
  };
}
