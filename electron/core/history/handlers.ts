// The contract's history.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import { amendedRecords, type AmendedSources } from './amended';
import type { HistoryService } from './history-service';

export function historyHandlers(history: HistoryService, sources: AmendedSources): HandlerSlice<'history'> {
  return {
    'history.amended': async () => amendedRecords(history, sources),
    'history.versions': async ({ target }) => history.versions(target.type, target.id),
    'history.text': async ({ target, at }) => history.text(target.type, target.id, at),
    'history.diff': async ({ target, from, to }) => history.diff(target.type, target.id, from, to),
  };
}
