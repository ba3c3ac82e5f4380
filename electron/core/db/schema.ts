// Table interfaces for Kysely. The corpus (re-downloadable) and the user's own
// data (irreplaceable) live in two SQLite files so that a resync, a corpus
// migration or a corrupt corpus file can never reach the user's data.
import type { ColumnType, Generated } from 'kysely';
import type { COUNTRY_SHEET_SECTIONS, ContentType } from '../../../shared/content';

/** An fts5vocab table of type 'instance': one row per hit of a term. */
interface Fts5VocabInstance {
  term: string;
  doc: number;
  /** The column's name. */
  col: string;
  offset: number;
}

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
  /** Records stored with less than their full derivation, and why (migration 0006). */
  record_problems: { type: ContentType; id: string; version: number; reason: string; at: string };
  /** Text blocks of kept versions, stored once by SHA-256; `refs`: the versions using it (migration 0400). */
  history_blocks: { id: Generated<number>; hash: Buffer; text: string; refs: Generated<number> };
  /**
   * Every synced version of legislation and country sheets (migration 0400): the record's JSON without its long
   * texts (`skeleton`) and, in `blocks`, each long text as a JSON list of history_blocks ids by field.
   */
  record_versions: {
    type: ContentType;
    id: string;
    version: number;
    number: number | null;
    in_force_from: string | null;
    change_note: string | null;
    updated_at: string;
    skeleton: string;
    blocks: string;
  };
  /** How far the text of each attachment file was extracted (migration 0100). */
  attachment_text: {
    sha256: string;
    status: 'pending' | 'indexed' | 'no-text-layer' | 'failed';
    reason: string | null;
    pages: number | null;
    pages_done: number;
    pages_with_text: number;
    updated_at: string;
  };
  /** The text of each attachment page that has any (migration 0100). */
  attachment_pages: { rowid: Generated<number>; sha256: string; page: number; text: string };
  /** FTS5 index of attachment_pages.text (external content, rowid = the page row's). */
  attachment_pages_index: {
    rowid: number;
    text: string;
    attachment_pages_index: ColumnType<string, string | undefined, never>;
    rank: ColumnType<number, string | undefined, never>;
  };
  /** The FTS5 index of records' text (migration 0003); its rowid is the record's. */
  search_index: {
    rowid: number;
    title: string;
    summary: string;
    body: string;
    /** Hidden column named after the table: the left side of MATCH. */
    search_index: ColumnType<string, string | undefined, never>;
    /** Hidden column: bm25() under the configured column weights, in a MATCH query. */
    rank: ColumnType<number, string | undefined, never>;
  };
  // FTS5's shadow tables of search_index, read for term postings.
  search_index_config: { k: string; v: string | number };
  /** id 1 is the "averages" record: row count, then tokens per column, as varints. */
  search_index_data: { id: number; block: Buffer };
  /** Tokens per column of each row, as varints. */
  search_index_docsize: { id: number; sz: Buffer };
  search_index_content: { id: number; c0: string | null; c1: string | null; c2: string | null };
  // Per-connection temp tables made by db/corpus/search-queries.ts: vocabulary views of
  // search_index, and a scratch index tokenized alike for text not in the index.
  'temp.search_index_hits': Fts5VocabInstance;
  /** fts5vocab 'row': each term with the number of rows it is in. */
  'temp.search_index_terms': { term: string; doc: number; cnt: number };
  'temp.search_scratch': { rowid: number; title: string; summary: string; body: string };
  'temp.search_scratch_hits': Fts5VocabInstance;
  /** Per-connection scratch index for the snippets of a few attachment pages (db/corpus/attachment-text.ts). */
  'temp.attachment_snippet_scratch': { rowid: number; text: string };
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
    /** JSON {version, selector}: the text the note was made on (migration 0400). */
    made_on: string;
    /** JSON {version, selector}: the passage the member last accepted. */
    reviewed: string;
    /** 1 when the text under or around the note changed since it was reviewed. */
    text_changed: number;
  };
  /** FTS5 index of annotations.note (external content: rowid is the annotation's rowid; triggers keep it in step). */
  annotation_notes: { rowid: number; note: string };
  collections: { id: string; name: string; note: string; created_at: string; updated_at: string };
  /** A record new or changed since the user last opened it (migration 0007). */
  unseen_changes: { item_type: ContentType; item_id: string; change: 'new' | 'changed'; noticed_at: string };
  /** A country-sheet section changed since the user last opened the sheet, with the text the user last saw (null: a new section). */
  unseen_sections: { sheet_id: string; section: (typeof COUNTRY_SHEET_SECTIONS)[number]; previous_body: string | null; noticed_at: string };
  change_tracking: { key: string; value: string };
  collection_items: { collection_id: string; item_type: string; item_id: string; note: string; added_at: string };
  /** Member sync's own state: device id and name, cursor, key id, last sync (migration 0630). */
  member_sync_state: { key: string; value: string };
  /** Each synced item: what the portal has, the local changes not yet there, the write on its way (migration 0630). */
  member_sync_items: {
    kind: string;
    local_id: string;
    item_id: string | null;
    remote_doc: string | null;
    remote_version: number;
    pending: string;
    pending_delete: number;
    dirty: number;
    dirty_at: string | null;
    outgoing: string | null;
    attempts: number;
    next_attempt_at: string | null;
    last_error: string | null;
  };
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
