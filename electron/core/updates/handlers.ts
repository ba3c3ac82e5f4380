// The contract's update.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { UpdateService } from './update-service';

export function updateHandlers(updates: UpdateService): HandlerSlice<'update'> {
  return {
    'update.status': async () => updates.status(),
    'update.check': async () => updates.check(),
    'update.download': async () => updates.startDownload(),
    'update.install': async () => updates.install(),
  };
}
