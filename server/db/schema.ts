// Booleans are 0/1 integers and JSON is text, so one schema serves SQLite and PostgreSQL.
type Flag = number;
/** bigint on PostgreSQL (parsed to number, see database.ts), integer on SQLite. */
type Version = number;

export interface ContentTable {
  type: string;
  id: string;
  /** The change counter value of this record's last create, update, delete or moderation. */
  version: Version;
  updated_at: string;
  /** A tombstone: the record was deleted; `data` is null. */
  deleted: Flag;
  /** Hidden by a moderator: served as a delete in the feed, absent from the read API. */
  hidden: Flag;
  language: string;
  /** ",DE,FR," so that a LIKE '%,DE,%' filter works on both engines. */
  countries: string;
  themes: string;
  /** The type's own kind (document type, funder type, organisation type), for filtering. */
  kind: string;
  /** Parent record (forum of a thread, thread of a post), for filtering. */
  parent_id: string;
  data: string | null;
}

/** Every publication of a record with a history (legislation, country sheets): its change version and the record as served then. */
export interface ContentHistoryTable {
  type: string;
  id: string;
  version: Version;
  data: string;
}

export interface CounterTable {
  name: string;
  value: Version;
}

export interface AttachmentTable {
  sha256: string;
  size: number;
  mime_type: string;
  file_name: string;
  created_at: string;
}

export interface MemberTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  organisation: string;
  country: string;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  member_id: string;
  created_at: string;
  expires_at: string;
}

export interface IdempotencyTable {
  member_id: string;
  key: string;
  request_hash: string;
  /** 'in-flight' while the first request runs, then 'done' with the stored response. */
  state: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export interface RateLimitBucketTable {
  name: string;
  key: string;
  /** ms since the epoch. */
  window_start: number;
  count: number;
}

/** A corpus snapshot built by server/snapshots.ts; its file is `snapshots/<sha256>` in the storage folder. */
export interface SnapshotTable {
  sha256: string;
  /** The feed version the snapshot holds the public corpus at. */
  version: Version;
  records: number;
  size: number;
  created_at: string;
}

/** One per member with an encrypted store: the member's feed head and the totals its quotas read. */
export interface MemberStoreTable {
  member_id: string;
  /** The version of the member's newest item write; each write takes the next one under this row's lock. */
  latest: Version;
  /** Live items (tombstones not counted). */
  items: number;
  /** Ciphertext characters of the live items. */
  bytes: number;
}

/** A member's encrypted item (shared/member-items.ts), opaque to the portal. */
export interface MemberItemTable {
  member_id: string;
  item_id: string;
  kind: string;
  /** The member's feed position of this item's last write. */
  version: Version;
  deleted: Flag;
  /** The ciphertext's length in characters; 0 for a tombstone. */
  size: number;
  /** The sealed box as JSON text; null for a tombstone. */
  box: string | null;
  updated_at: string;
}

/** A member's master key, wrapped under the passphrase's key. */
export interface MemberKeyringTable {
  member_id: string;
  version: Version;
  /** {kdf, wrappedKey} as JSON text. */
  data: string;
  updated_at: string;
}

export interface ServerDatabase {
  content: ContentTable;
  content_history: ContentHistoryTable;
  counters: CounterTable;
  attachments: AttachmentTable;
  members: MemberTable;
  sessions: SessionTable;
  idempotency_keys: IdempotencyTable;
  rate_limit_buckets: RateLimitBucketTable;
  snapshots: SnapshotTable;
  member_stores: MemberStoreTable;
  member_items: MemberItemTable;
  member_keyrings: MemberKeyringTable;
}
