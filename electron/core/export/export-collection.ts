// export.collection: a collection as one file in the format asked for.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AnnotatableType } from '../../../shared/annotations';
import { ANNOTATABLE_TYPES } from '../../../shared/annotations';
import type { ExportFormat } from '../../../shared/annotations';
import { attachmentsOf, type AttachmentRef } from '../../../shared/content';
import { ContractError } from '../../../shared/contract';
import type { AnnotationService } from '../annotations/annotations';
import type { CollectionService } from '../annotations/collections';
import type { CorpusRecords } from '../db/corpus/records';
import { attachmentUrl, portalAddress } from '../portal/urls';
import { attachmentPath } from '../attachments/attachment-files';
import { toAnnotationsJsonLd, toBibtex, toCsv, toCslJson, toMarkdown, toRis, type ExportInput, type ExportItem } from './formats';
import { writeZip, type ZipEntry } from './zip';
import type { BibliographyFormat, BibliographyOptions } from '../../../shared/citations';
import type { CitationService } from '../citations/citations';
import { formatBibliography } from '../citations/citeproc-engine';

/** The largest export answered in one piece (it crosses IPC as base64). */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const FORMATS: Record<Exclude<ExportFormat, 'zip' | 'bibliography'>, { extension: string; mediaType: string; write: (input: ExportInput) => string }> = {
  'csl-json': { extension: 'csl.json', mediaType: 'application/vnd.citationstyles.csl+json', write: toCslJson },
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex', write: toBibtex },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems', write: toRis },
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8; header=present', write: toCsv },
  markdown: { extension: 'md', mediaType: 'text/markdown; charset=utf-8', write: toMarkdown },
  annotations: { extension: 'annotations.jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', write: toAnnotationsJsonLd },
};

const BIBLIOGRAPHY_FILES: Record<BibliographyFormat, { extension: string; mediaType: string }> = {
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
  rtf: { extension: 'rtf', mediaType: 'application/rtf' },
  text: { extension: 'txt', mediaType: 'text/plain; charset=utf-8' },
};

/** An item with the files its record attaches, for the bundle. */
interface CollectedItem extends ExportItem {
  files: AttachmentRef[];
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'collection';

export class CollectionExporter {
  constructor(
    private readonly records: CorpusRecords,
    private readonly dataDir: string,
    private readonly collections: CollectionService,
    private readonly annotations: AnnotationService,
    private readonly serverUrl: () => string | null,
    private readonly citations: CitationService,
  ) {}

  input(name: string): ExportInput & { items: CollectedItem[] } {
    const collection = this.collections.get(name);
    const items = collection.items.map((item): CollectedItem => {
      const stored = this.records.get(item.type, item.id);
      const annotated = (ANNOTATABLE_TYPES as readonly string[]).includes(item.type);
      return {
        type: item.type,
        id: item.id,
        note: item.note,
        record: stored?.record ?? null,
        files: stored ? attachmentsOf(stored) : [],
        annotations: annotated ? this.annotations.list({ target: { type: item.type as AnnotatableType, id: item.id }, limit: 1000, offset: 0 }).annotations.reverse() : [],
      };
    });
    return { collection, items, serverUrl: this.serverUrl() };
  }

  export(name: string, format: ExportFormat, bibliography?: BibliographyOptions): ExportedFile {
    const input = this.input(name);
    const base = safeName(input.collection.name);
    if (format === 'bibliography') {
      if (!bibliography) throw new ContractError('invalid_arguments', 'A bibliography needs its style, language and file format');
      const { items } = this.citations.cslItems(input.items);
      const text = formatBibliography(items, bibliography.style, bibliography.locale, bibliography.format);
      const { extension, mediaType } = BIBLIOGRAPHY_FILES[bibliography.format];
      return { fileName: `${base}.${bibliography.style}.${extension}`, mediaType, bytes: Buffer.from(text, 'utf8') };
    }
    if (format !== 'zip') {
      const { extension, mediaType, write } = FORMATS[format];
      return { fileName: `${base}.${extension}`, mediaType, bytes: Buffer.from(write(input), 'utf8') };
    }
    return { fileName: `${base}.zip`, mediaType: 'application/zip', bytes: this.bundle(input, base) };
  }

  /** The collection's citations and annotations, the attachments on disk, and a manifest of every file. */
  private bundle(input: ExportInput & { items: CollectedItem[] }, base: string): Buffer {
    const entries: ZipEntry[] = [];
    const files: Array<Record<string, unknown>> = [];
    let total = 0;
    const add = (name: string, data: Buffer, meta: Record<string, unknown>, modified?: Date) => {
      total += data.length;
      if (total > MAX_EXPORT_BYTES) throw new ContractError('failed', `The bundle would exceed ${MAX_EXPORT_BYTES / 1024 / 1024} MB; export citations without attachments instead`);
      entries.push({ name, data, modified });
      files.push({ path: name, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, ...meta });
    };
    const createdAt = new Date().toISOString();
    for (const format of ['csl-json', 'bibtex', 'ris', 'csv', 'markdown', 'annotations'] as const) {
      add(`${base}.${FORMATS[format].extension}`, Buffer.from(FORMATS[format].write(input), 'utf8'), { kind: format, generatedAt: createdAt });
    }
    const serverUrl = input.serverUrl === null ? null : portalAddress(input.serverUrl);
    const missing: Array<{ item: string; fileName: string; sha256: string }> = [];
    for (const item of input.items) {
      for (const attachment of item.files) {
        const file = attachmentPath(this.dataDir, attachment.sha256);
        if (!fs.existsSync(file)) {
          missing.push({ item: `${item.type}/${item.id}`, fileName: attachment.fileName, sha256: attachment.sha256 });
          continue;
        }
        const data = fs.readFileSync(file);
        const modified = fs.statSync(file).mtime;
        const name = `attachments/${safeName(item.id)}/${attachment.fileName}`;
        if (entries.some((entry) => entry.name === name)) continue;
        add(name, data, {
          kind: 'attachment',
          item: { type: item.type, id: item.id },
          mediaType: attachment.mimeType,
          sourceUrl: serverUrl ? attachmentUrl(serverUrl, attachment.sha256) : null,
          // The file was verified against its SHA-256 and written when it was downloaded.
          retrievedAt: modified.toISOString(),
        }, modified);
      }
    }
    const manifest = { collection: { name: input.collection.name, note: input.collection.note, items: input.items.length }, createdAt, portal: serverUrl, files, missingAttachments: missing };
    entries.push({ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });
    return writeZip(entries);
  }
}
