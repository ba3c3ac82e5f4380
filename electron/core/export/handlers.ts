// The contract's export.* methods: a collection as a file, sent as base64.
import type { HandlerSlice } from '../../../shared/contract';
import type { CollectionExporter } from './export-collection';

export function exportHandlers(exporter: CollectionExporter): HandlerSlice<'export'> {
  return {
    'export.collection': async ({ name, format, bibliography }) => {
      const file = exporter.export(name, format, bibliography);
      return { fileName: file.fileName, mediaType: file.mediaType, base64: file.bytes.toString('base64'), bytes: file.bytes.length };
    },
  };
}
