// Table interfaces for Kysely. The corpus (re-downloadable) and the user's own
// data (irreplaceable) live in two SQLite files so that a resync, a corpus
// migration or a corrupt corpus file can never reach the user's data.

export interface CorpusDatabase {
  sync_state: { key: string; value: string };
}

export interface UserDatabase {
  settings: { key: string; value: string; updated_at: string };
}
