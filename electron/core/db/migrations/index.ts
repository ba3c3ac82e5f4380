import type { Migration } from 'kysely';
import * as corpusSyncState from './corpus/2026-12-01-0001-sync-state';
import * as corpusRecords from './corpus/2026-12-01-0002-records';
import * as corpusSearchIndex from './corpus/2026-12-01-0003-search-index';
import * as corpusRecordListIndexes from './corpus/2026-12-01-0004-record-list-indexes';
import * as corpusCountrySheetSections from './corpus/2026-12-01-0005-country-sheet-sections';
import * as corpusRecordProblems from './corpus/2026-12-03-0006-record-problems';
import * as corpusAttachmentText from './corpus/2026-12-03-0100-attachment-text';
import * as corpusRecordHistory from './corpus/2026-12-03-0400-record-history';
import * as userSettings from './user/2026-12-01-0001-settings';
import * as userData from './user/2026-12-01-0002-user-data';
import * as userSavedSearches from './user/2026-12-01-0003-saved-searches';
import * as userOutboxLanes from './user/2026-12-01-0004-outbox-lanes';
import * as userAnnotationAnchoring from './user/2026-12-01-0005-annotation-anchoring';
import * as userAnnotationNotesFts from './user/2026-12-01-0006-annotation-notes-fts';
import * as userUnseenChanges from './user/2026-12-01-0007-unseen-changes';
import * as userAnnotationVersions from './user/2026-12-03-0400-annotation-versions';
import * as userMemberSync from './user/2026-12-03-0630-member-sync';

// Listed statically (not read from a folder) so the bundled app carries them.
// Names sort by their date prefix, which is the order Kysely applies them in.
export const corpusMigrations: Record<string, Migration> = {
  '2026-12-01-0001-sync-state': corpusSyncState,
  '2026-12-01-0002-records': corpusRecords,
  '2026-12-01-0003-search-index': corpusSearchIndex,
  '2026-12-01-0004-record-list-indexes': corpusRecordListIndexes,
  '2026-12-01-0005-country-sheet-sections': corpusCountrySheetSections,
  '2026-12-03-0006-record-problems': corpusRecordProblems,
  '2026-12-03-0100-attachment-text': corpusAttachmentText,
  '2026-12-03-0400-record-history': corpusRecordHistory,
};

export const userMigrations: Record<string, Migration> = {
  '2026-12-01-0001-settings': userSettings,
  '2026-12-01-0002-user-data': userData,
  '2026-12-01-0003-saved-searches': userSavedSearches,
  '2026-12-01-0004-outbox-lanes': userOutboxLanes,
  '2026-12-01-0005-annotation-anchoring': userAnnotationAnchoring,
  '2026-12-01-0006-annotation-notes-fts': userAnnotationNotesFts,
  '2026-12-01-0007-unseen-changes': userUnseenChanges,
  '2026-12-03-0400-annotation-versions': userAnnotationVersions,
  '2026-12-03-0630-member-sync': userMemberSync,
};
