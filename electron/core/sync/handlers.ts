// The contract's sync.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { SyncService } from './sync-service';

export function syncHandlers(sync: SyncService): HandlerSlice<'sync'> {
  return {
    'sync.status': async () => sync.status(),
    'sync.start': async ({ serverUrl }) => sync.start(serverUrl),
    'sync.cancel': async () => ({ cancelled: sync.cancel() }),
  };
}
