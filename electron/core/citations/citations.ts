// cite.format: the items of a selection or a collection as one citation or a
// bibliography, plain text and HTML (for the clipboard's two flavours).
import type { CollectionSource } from '../../../shared/annotations';
import { MAX_CITED_ITEMS, type CiteRequest, type CiteResult } from '../../../shared/citations';
import { pointInTimeIdentifier } from '../../../shared/cite-version';
import type { ContentType } from '../../../shared/content';
import { keepsHistory } from '../../../shared/history';
import type { CollectionService } from '../annotations/collections';
import type { CorpusRecords } from '../db/corpus/records';
import { citationOf, cslItem, type CslItem } from '../export/citation';
import type { HistoryService } from '../history/history-service';
import { formatBibliography, formatCitation } from './citeproc-engine';

export class CitationService {
  constructor(
    private readonly records: CorpusRecords,
    private readonly collections: CollectionService,
    private readonly serverUrl: () => string | null,
    /** The records of a list or a search, as collections.addMatching reads them. */
    private readonly matching: (source: CollectionSource, max: number) => Array<{ type: ContentType; id: string }>,
    /** The kept versions of laws, for citing one as in force on a date. */
    private readonly history: Pick<HistoryService, 'resolve' | 'recordAt'>,
  ) {}

  /** The CSL-JSON items of the keys in the library (in order, each once), and the keys that are not. */
  cslItems(keys: ReadonlyArray<{ type: ContentType; id: string }>, asOf?: string): { items: CslItem[]; missing: Array<{ type: ContentType; id: string }> } {
    const items: CslItem[] = [];
    const missing: Array<{ type: ContentType; id: string }> = [];
    const seen = new Set<string>();
    for (const key of keys) {
      const stored = this.records.get(key.type, key.id);
      if (!stored) {
        missing.push({ type: key.type, id: key.id });
        continue;
      }
      const record = asOf && key.type === 'document' && keepsHistory('document', stored.record) ? this.lawInForceOn(key.id, asOf) : stored.record;
      const item = cslItem(citationOf({ type: key.type, id: key.id, record }, this.serverUrl()));
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    return { items, missing };
  }

  /**
   * A law as in force on a date: the version the library keeps for that date,
   * its identifier in point-in-time form where the scheme has one. A date
   * before every kept version is refused (HistoryError, naming the versions).
   */
  private lawInForceOn(id: string, date: string): Record<string, unknown> {
    const version = this.history.resolve('document', id, { onDate: date });
    const record = this.history.recordAt('document', id, version.version);
    if (!record.legal) return record;
    const { identifier } = pointInTimeIdentifier(record.legal.identifierScheme, record.legal.identifier, date);
    return { ...record, legal: { ...record.legal, identifier, versionNumber: version.number, ...(version.inForceFrom ? { inForceFrom: version.inForceFrom } : {}) } };
  }

  format(request: CiteRequest): CiteResult {
    const { source } = request;
    const keys = source.kind === 'items' ? source.items : source.kind === 'collection' ? this.collections.get(source.name).items : this.matching(source.source, MAX_CITED_ITEMS);
    const { items, missing } = this.cslItems(keys, request.asOf);
    const write = request.mode === 'citation' ? formatCitation : formatBibliography;
    return { text: write(items, request.style, request.locale, 'text'), html: write(items, request.style, request.locale, 'html'), count: items.length, missing };
  }
}
