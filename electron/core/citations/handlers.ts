// The contract's cite.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { CitationService } from './citations';

export function citationHandlers(citations: CitationService): HandlerSlice<'cite'> {
  return {
    'cite.format': async (request) => citations.format(request),
  };
}
