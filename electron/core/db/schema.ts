// Table interfaces for Kysely. The corpus (re-downloadable) and the user's own
// data (irreplaceable) live in two SQLite files so that a resync, a corpus
// migration or a corrupt corpus file can never reach the user's data.

export interface CorpusDatabase {
  sync_state: { key: string; value: string };
  records: {
    rowid: number;
    type: string;
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
  record_attachments: { type: string; id: string; sha256: string };
  country_sheet_sections: { sheet_id: string; section: string; changed_version: number; previous_title: string | null; previous_body: string | null };
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
