// The contract's search.* and savedSearches.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { SavedSearches } from './saved-searches';
import type { SearchEngine } from './search-engine';
import type { Suggestions } from './suggestions';

export function searchHandlers(deps: { search: SearchEngine; suggestions: Suggestions; savedSearches: SavedSearches }): HandlerSlice<'search' | 'savedSearches'> {
  const { search, suggestions, savedSearches } = deps;
  return {
    'search.query': async (request) => search.search(request),
    'search.suggest': async ({ query, limit }) => suggestions.suggest(query, limit),
    'savedSearches.list': async () => savedSearches.list(),
    'savedSearches.save': async ({ name, query }) => savedSearches.save(name, query),
    'savedSearches.delete': async ({ id }) => ({ deleted: savedSearches.delete(id) }),
    'savedSearches.markSeen': async ({ id }) => savedSearches.markSeen(id),
  };
}
