// The contract's annotations.* and collections.* methods.
import { MAX_COLLECTION_ADD, type CollectionSource } from '../../../shared/annotations';
import type { HandlerSlice } from '../../../shared/contract';
import type { AnnotationService } from './annotations';
import type { CollectionService, ItemKey } from './collections';

export function annotationHandlers(deps: {
  annotations: AnnotationService;
  collections: CollectionService;
  /** Every record a list or a search matches, in the order shown, refused above `max` (the library and search services). */
  matching: (source: CollectionSource, max: number) => ItemKey[];
}): HandlerSlice<'annotations' | 'collections'> {
  const { annotations, collections, matching } = deps;
  return {
    'annotations.create': async (args) => annotations.create(args),
    'annotations.update': async (args) => annotations.update(args),
    'annotations.reattach': async (args) => annotations.reattach(args),
    'annotations.acceptChange': async ({ id }) => annotations.acceptChange(id),
    'annotations.delete': async ({ id }) => ({ deleted: annotations.delete(id) }),
    'annotations.list': async (filters) => annotations.list(filters),
    'annotations.facets': async () => annotations.facets(),
    'annotations.forTarget': async ({ target }) => annotations.forTarget(target),
    'annotations.search': async ({ query, limit }) => {
      const hits = annotations.search(query, limit);
      return { hits, records: annotations.recordsOf(hits.map((hit) => hit.annotation)) };
    },
    'collections.list': async () => collections.list(),
    'collections.create': async ({ name, note }) => collections.create(name, note),
    'collections.rename': async ({ name, newName }) => collections.rename(name, newName),
    'collections.delete': async ({ name }) => ({ deleted: collections.delete(name) }),
    'collections.addItems': async ({ name, items, create }) => collections.addItems(name, items, { create }),
    'collections.addMatching': async ({ name, source, create }) => collections.addAll(name, matching(source, MAX_COLLECTION_ADD), { create }),
    'collections.removeItems': async ({ name, items }) => collections.removeItems(name, items),
    'collections.setNote': async ({ name, note, item }) => collections.setNote(name, note, item),
  };
}
