// The contract's changes.* methods: the user has seen a record, or everything.
import type { HandlerSlice } from '../../../shared/contract';
import type { UnseenChanges } from './unseen-changes';

export function changesHandlers(unseen: UnseenChanges): HandlerSlice<'changes'> {
  return {
    'changes.markSeen': async ({ type, id }) => ({ seen: unseen.markSeen(type, id) }),
    'changes.markAllSeen': async () => ({ seen: unseen.markAllSeen() }),
  };
}
