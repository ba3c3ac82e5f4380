// records.get: one record in full with its attachments, and the lookups the
// other screens share.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { ContractError } from '../../../shared/contract';
import type { ContentType } from '../../../shared/content';
import type { AttachmentInfo, RecordDetail } from '../../../shared/library';
import { attachmentPath } from '../attachments/attachment-files';

interface AttachmentRow {
  sha256: string;
  file_name: string;
  mime_type: string;
  size: number;
  present: number;
}

export class RecordReader {
  private readonly byKey: Database.Statement<[string, string], { version: number; data: string }>;
  private readonly attachmentsOf: Database.Statement<[string, string], AttachmentRow>;

  constructor(
    sqlite: Database.Database,
    private readonly dataDir: string,
    /** The version above which records changed in the last sync; null when none did. */
    private readonly changedSince: () => number | null,
  ) {
    this.byKey = sqlite.prepare('SELECT version, data FROM records WHERE type = ? AND id = ?');
    this.attachmentsOf = sqlite.prepare(
      'SELECT a.sha256, a.file_name, a.mime_type, a.size, a.present FROM record_attachments r JOIN attachments a ON a.sha256 = r.sha256 WHERE r.type = ? AND r.id = ?',
    );
  }

  /** The stored record as served (validated against its content schema by the contract); throws not_found. */
  record<T extends ContentType>(type: T, id: string): { version: number; record: Record<string, unknown> } {
    const row = this.byKey.get(type, id);
    if (!row) throw new ContractError('not_found', `No ${type} with id "${id}" in the local library (it may not be synced yet, or was removed from the portal)`);
    return { version: row.version, record: JSON.parse(row.data) as Record<string, unknown> };
  }

  exists(type: ContentType, id: string): boolean {
    return this.byKey.get(type, id) !== undefined;
  }

  changedInLastSync(version: number): boolean {
    const since = this.changedSince();
    return since !== null && version > since;
  }

  /** In the record's own order; offline only when the verified file is really on disk. */
  attachments(type: ContentType, id: string, record: Record<string, unknown>): AttachmentInfo[] {
    const rows = new Map(this.attachmentsOf.all(type, id).map((row) => [row.sha256, row]));
    const listed = (record.attachments as Array<{ sha256: string }> | undefined) ?? [];
    return listed.flatMap(({ sha256 }) => {
      const row = rows.get(sha256);
      if (!row) return [];
      rows.delete(sha256); // The same file attached twice is listed once.
      return [{ sha256, fileName: row.file_name, mediaType: row.mime_type, size: row.size, availableOffline: row.present === 1 && fs.existsSync(attachmentPath(this.dataDir, sha256)) }];
    });
  }

  get(type: ContentType, id: string): RecordDetail {
    const { version, record } = this.record(type, id);
    return { type, record, attachments: this.attachments(type, id, record), changedInLastSync: this.changedInLastSync(version) } as RecordDetail;
  }
}
