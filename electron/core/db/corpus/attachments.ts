// The attachments table (one row per file, by SHA-256, and whether it is on
// disk) and record_attachments (which records reference which file). An
// attachment no synced record references any more is not the library's.
import { sql } from 'kysely';
import type { AttachmentRef, ContentType } from '../../../../shared/content';
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';

/** An attachment some record references, as the library shows it. */
export interface KnownAttachment {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** The verified file was downloaded (the caller checks it is still on disk). */
  present: boolean;
}

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  const referenced = () =>
    db.selectFrom('attachments as a').where(({ exists, selectFrom }) => exists(selectFrom('record_attachments as r').select('r.sha256').whereRef('r.sha256', '=', 'a.sha256')));
  return {
    insert: prepareQuery(sqlite, (file: AttachmentRef) =>
      db.insertInto('attachments').orIgnore().values({ sha256: file.sha256, size: file.size, mime_type: file.mimeType, file_name: file.fileName, present: 0 }),
    ),
    insertRef: prepareQuery(sqlite, (ref: { type: ContentType; id: string; sha256: string }) =>
      db.insertInto('record_attachments').orIgnore().values({ type: ref.type, id: ref.id, sha256: ref.sha256 }),
    ),
    deleteRefs: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => db.deleteFrom('record_attachments').where('type', '=', key.type).where('id', '=', key.id)),
    clearRefs: prepareQuery(sqlite, () => db.deleteFrom('record_attachments')),
    setPresent: prepareQuery(sqlite, (args: { sha256: string; present: number }) => db.updateTable('attachments').set({ present: args.present }).where('sha256', '=', args.sha256)),
    missing: prepareQuery(sqlite, () => referenced().select(['a.sha256', 'a.size', 'a.mime_type', 'a.file_name']).where('a.present', '=', 0)),
    summary: prepareQuery(sqlite, () =>
      referenced().select([
        sql<number>`coalesce(sum(a.present), 0)`.as('present'),
        sql<number>`coalesce(sum(1 - a.present), 0)`.as('missing'),
        sql<number>`coalesce(sum(CASE WHEN a.present = 0 THEN a.size ELSE 0 END), 0)`.as('missingBytes'),
      ]),
    ),
    known: prepareQuery(sqlite, (args: { sha256: string }) => referenced().select(['a.sha256', 'a.file_name', 'a.mime_type', 'a.size', 'a.present']).where('a.sha256', '=', args.sha256)),
    ofRecord: prepareQuery(sqlite, (key: { type: ContentType; id: string }) =>
      db
        .selectFrom('record_attachments as r')
        .innerJoin('attachments as a', 'a.sha256', 'r.sha256')
        .select(['a.sha256', 'a.file_name', 'a.mime_type', 'a.size', 'a.present'])
        .where('r.type', '=', key.type)
        .where('r.id', '=', key.id),
    ),
    refs: prepareQuery(sqlite, () => db.selectFrom('record_attachments').select(['type', 'id', 'sha256'])),
  };
}

const known = (row: { sha256: string; file_name: string; mime_type: string; size: number; present: number }): KnownAttachment => ({
  sha256: row.sha256,
  fileName: row.file_name,
  mimeType: row.mime_type,
  size: row.size,
  present: row.present === 1,
});

export class CorpusAttachments {
  private readonly queries: ReturnType<typeof prepare>;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
  }

  /** Makes a record reference exactly these files (new files start as not downloaded). */
  replaceRefs(type: ContentType, id: string, files: readonly AttachmentRef[]): void {
    this.queries.deleteRefs.run({ type, id });
    for (const file of files) {
      this.queries.insert.run(file);
      this.queries.insertRef.run({ type, id, sha256: file.sha256 });
    }
  }

  /** A removed record references nothing. */
  dropRefs(type: ContentType, id: string): void {
    this.queries.deleteRefs.run({ type, id });
  }

  /** Forgets every reference (a resync); the files and their rows stay, being content-addressed. */
  clearRefs(): void {
    this.queries.clearRefs.run({});
  }

  /** Adds one reference to a file already known (the sync benchmark's raw baseline). */
  addRef(ref: { type: ContentType; id: string; sha256: string }): void {
    this.queries.insertRef.run(ref);
  }

  /** Every reference. */
  refs(): Array<{ type: ContentType; id: string; sha256: string }> {
    return this.queries.refs.all({});
  }

  markPresent(sha256: string): void {
    this.queries.setPresent.run({ sha256, present: 1 });
  }

  /** The file is gone from disk: the next sync fetches it again. */
  markMissing(sha256: string): void {
    this.queries.setPresent.run({ sha256, present: 0 });
  }

  /** Referenced files not downloaded yet. */
  missing(): AttachmentRef[] {
    return this.queries.missing.all({}).map((row) => ({ sha256: row.sha256, size: row.size, mimeType: row.mime_type, fileName: row.file_name }));
  }

  /** Referenced files: how many are downloaded, how many are not, and the bytes still to fetch. */
  summary(): { present: number; missing: number; missingBytes: number } {
    return this.queries.summary.get({})!;
  }

  /** A referenced file by its SHA-256. */
  known(sha256: string): KnownAttachment | undefined {
    const row = this.queries.known.get({ sha256 });
    return row && known(row);
  }

  /** The files a record references (in no particular order). */
  ofRecord(type: ContentType, id: string): KnownAttachment[] {
    return this.queries.ofRecord.all({ type, id }).map(known);
  }
}
