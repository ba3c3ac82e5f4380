// Table interfaces for Kysely. The corpus (re-downloadable) and the user's own
// data (irreplaceable) live in two SQLite files so that a resync, a corpus
// migration or a corrupt corpus file can never reach the user's data.
import type { Generated } from 'kysely';
import type { COUNTRY_SHEET_SECTIONS, ContentType } from '../../../shared/content';

export interface CorpusDatabase {
  sync_state: { key: string; value: string };
  records: {
    /** SQLite's own row id: the full-text index entry of a record shares it. */
    rowid: Generated<number>;
    type: ContentType;
    id: string;
    version: number;
    updated_at: string;
    title: string;
    language: string;
    countries: string;
    themes: string;
    kind: string;
    parent_id: string;
    date: string;
    data: string;
  };
  attachments: { sha256: string; size: number; mime_type: string; file_name: string; present: number };
  record_attachments: { type: ContentType; id: string; sha256: string };
  country_sheet_sections: {
    sheet_id: string;
    section: (typeof COUNTRY_SHEET_SECTIONS)[number];
    changed_version: number;
    previous_title: string | null;
    previous_body: string | null;
  };
  /** FTS5 table (migration 2026-12-01-0003): one entry per record, under the record's rowid. */
  search_index: { rowid: number; title: string; summary: string; body: string };
}

export interface UserDatabase {
  saved_searches: { id: string; name: string; query: string; seen_version: number; created_at: string };
  settings: { key: string; value: string; updated_at: string };
  annotations: {
    id: string;
    target_type: string;
    target_id: string;
    target_version: number;
    selector: string;
    note: string;
    color: string;
    tags: string;
    orphaned: number;
    created_at: string;
    updated_at: string;
    target_key: string | null;
    text_hash: string;
    anchoring: string;
  };
  /** FTS5 index of annotations.note (external content: rowid is the annotation's rowid; triggers keep it in step). */
  annotation_notes: { rowid: number; note: string };
  collections: { id: string; name: string; note: string; created_at: string; updated_at: string };
  collection_items: { collection_id: string; item_type: string; item_id: string; note: string; added_at: string };
  outbox: {
    id: string;
    kind: string;
    idempotency_key: string;
    payload: string;
    state: string;
    attempts: number;
    last_error: string | null;
    result: string | null;
    created_at: string;
    updated_at: string;
    lane: string;
    seq: number;
    next_attempt_at: string | null;
    delivery_unknown: number;
    sent_at: string | null;
  };
}
