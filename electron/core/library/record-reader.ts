// records.get: one record in full with its attachments, and the lookups the
// other screens share.
import fs from 'node:fs';
import { ContractError } from '../../../shared/contract';
import { attachmentsOf, type ContentType, type TypedRecord } from '../../../shared/content';
import type { AttachmentInfo, RecordDetail, UnseenChange } from '../../../shared/library';
import type { CorpusData } from '../db/corpus';
import type { StoredRecord } from '../db/corpus/records';
import { attachmentPath } from '../attachments/attachment-files';
import type { UnseenLookup } from '../changes/unseen-changes';

export class RecordReader {
  constructor(
    private readonly corpus: Pick<CorpusData, 'records' | 'attachments'>,
    private readonly dataDir: string,
    /** What the user has not seen yet of each record. */
    private readonly unseen: Pick<UnseenLookup, 'changeOf'>,
  ) {}

  /** The stored record as served (validated against its content schema by the contract); throws not_found. */
  record<T extends ContentType>(type: T, id: string): StoredRecord<T> {
    const stored = this.corpus.records.get(type, id);
    if (!stored) throw new ContractError('not_found', `No ${type} with id "${id}" in the local library (it may not be synced yet, or was removed from the portal)`);
    return stored;
  }

  exists(type: ContentType, id: string): boolean {
    return this.corpus.records.exists(type, id);
  }

  unseenChange(type: ContentType, id: string): UnseenChange | null {
    return this.unseen.changeOf(type, id);
  }

  /** In the record's own order; offline only when the verified file is really on disk. */
  attachments(typed: TypedRecord): AttachmentInfo[] {
    const known = new Map(this.corpus.attachments.ofRecord(typed.type, typed.record.id).map((file) => [file.sha256, file]));
    return attachmentsOf(typed).flatMap(({ sha256 }) => {
      const file = known.get(sha256);
      if (!file) return [];
      known.delete(sha256); // The same file attached twice is listed once.
      return [{ sha256, fileName: file.fileName, mediaType: file.mimeType, size: file.size, availableOffline: file.present && fs.existsSync(attachmentPath(this.dataDir, sha256)) }];
    });
  }

  get(type: ContentType, id: string): RecordDetail {
    // Not generic in the type: the stored record is then the union whose `type` decides its `record`.
    const { rowid: _rowid, version: _version, ...typed } = this.record(type, id);
    return { ...typed, attachments: this.attachments(typed), unseenChange: this.unseenChange(type, id) };
  }
}
