// The contract's read side of the library: records, attachments, country sheets, practices, funding, home.
import type { HandlerSlice } from '../../../shared/contract';
import type { Library } from './library';
import { comparePractices } from './practice-comparison';

export function libraryHandlers(library: Library): HandlerSlice<'records' | 'attachments' | 'countrySheets' | 'practices' | 'funding' | 'home'> {
  return {
    'records.list': async (request) => library.records.list(request),
    'records.facets': async (filters) => library.records.facets(filters),
    'records.get': async ({ type, id }) => library.reader.get(type, id),
    'attachments.read': async (request) => library.attachments.read(request),
    // The core has no system viewer to hand a file to: in the app main answers this (electron/main/open-attachment.ts).
    'attachments.openExternally': async () => ({ opened: false }),
    'attachments.viewerCopy': async ({ sha256 }) => library.attachments.viewerCopy(sha256),
    'countrySheets.list': async () => library.countrySheets.list(),
    'countrySheets.get': async ({ country }) => library.countrySheets.get(country),
    'practices.compare': async ({ ids }) => comparePractices(library.reader, ids),
    'funding.list': async (query) => library.funding.list(query),
    'home.summary': async (request) => library.home.summary(request),
  };
}
