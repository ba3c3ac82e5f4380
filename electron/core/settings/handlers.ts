// The contract's app.* and settings.* methods: the installation's facts and the user's settings.
import type { HandlerSlice } from '../../../shared/contract';
import type { Stores } from '../db/stores';
import type { SyncService } from '../sync/sync-service';
import type { SettingsStore } from './settings-store';

export function settingsHandlers(deps: { stores: Stores; appVersion: string; settings: SettingsStore; sync: SyncService }): HandlerSlice<'app' | 'settings'> {
  const { stores, appVersion, settings, sync } = deps;
  return {
    'app.info': async () => ({
      version: appVersion,
      dataFolder: stores.dataDir,
      schemaVersion: { corpus: stores.corpus.schemaVersion, user: stores.user.schemaVersion },
    }),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => {
      const before = settings.get();
      const next = settings.update(patch);
      if (next.serverUrl !== before.serverUrl || next.allowInsecurePortal !== before.allowInsecurePortal) sync.settingsChanged();
      if (next.syncIntervalMinutes !== before.syncIntervalMinutes || next.serverUrl !== before.serverUrl) sync.reschedule();
      return next;
    },
  };
}
