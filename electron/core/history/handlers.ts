// The contract's history.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { HistoryService } from './history-service';

export function historyHandlers(history: HistoryService): HandlerSlice<'history'> {
  return {
    'history.versions': async ({ target }) => history.versions(target.type, target.id),
    'history.text': async ({ target, at }) => history.text(target.type, target.id, at),
    'history.diff': async ({ target, from, to }) => history.diff(target.type, target.id, from, to),
  };
}
