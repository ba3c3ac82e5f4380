// "New" and "changed" per record, kept until the user opens the record (or
// marks everything seen), fed by the corpus writer's events. The corpus's own
// change window says what the last sync brought; this says what the user has
// not seen yet, across any number of syncs, in the user store.
//
// While the corpus catches up from version 0 (the first sync, a resync) nothing
// is marked: everything would be new, which says nothing. A record is new when
// its page inserted its row, changed when the page rewrote a row that was there.
import type { ContentType } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import type { CorpusData } from '../db/corpus';
import type { SectionKey } from '../db/corpus/sheet-sections';
import type { SyncState } from '../db/corpus/sync-state';
import type { UnseenChange, UnseenChangeTable } from '../db/user/unseen-changes';

export type { UnseenChange };

/** What the library's readers ask of the tracker. */
export interface UnseenLookup {
  changeOf(type: ContentType, id: string): UnseenChange | null;
  /** The unseen sections of a sheet, with the text the user last saw (null: a new section). */
  sectionsOf(sheetId: string): Map<SectionKey, string | null>;
  /** The unseen sections of every sheet. */
  allSections(): Map<string, SectionKey[]>;
  counts(): Record<UnseenChange, number>;
}

export class UnseenChanges implements UnseenLookup {
  /** The largest rowid of the corpus after the last page: a row above it was inserted by the next page. */
  private highestRowid: number;
  private catchingUp: boolean;

  constructor(
    private readonly table: UnseenChangeTable,
    private readonly corpus: Pick<CorpusData, 'records' | 'sheetSections'>,
    /** Where the corpus's sync stands (the corpus writer's state). */
    private readonly corpusState: () => SyncState,
  ) {
    this.highestRowid = corpus.records.maxRowid();
    const state = corpusState();
    // An empty corpus, or a first sync not finished: catching up. A resync cut short is caught up only once its cursor is.
    const catchingUp = state.cursor === 0 || state.lastSyncAt === null || (table.catchingUp() && state.cursor < state.latest);
    this.catchingUp = catchingUp;
    if (catchingUp !== table.catchingUp()) table.setCatchingUp(catchingUp);
  }

  /** After a page was applied to the corpus (CorpusWriter.onPageApplied). */
  pageApplied(page: ChangesPage, changedRowids: readonly number[]): void {
    const before = this.highestRowid;
    this.highestRowid = this.corpus.records.maxRowid();
    if (this.catchingUp) {
      // The last page of the catch-up: from the next page on, changes are the user's news.
      if (!page.hasMore) this.table.transaction(() => this.caughtUp());
      return;
    }
    // A rowid listed twice was freed by a delete and given to a new row (SQLite reuses the largest
    // rowid once its row is gone); a record is listed once per page, so that row is new.
    const listed = new Map<number, number>();
    for (const rowid of changedRowids) listed.set(rowid, (listed.get(rowid) ?? 0) + 1);
    const at = new Date().toISOString();
    this.table.transaction(() => {
      for (const change of page.changes) {
        if (change.op === 'delete') {
          this.table.forget(change.type, change.id);
          continue;
        }
        const rowid = this.corpus.records.rowidOf(change.type, change.id);
        if (rowid === undefined) continue;
        const inserted = rowid > before || (listed.get(rowid) ?? 0) > 1;
        this.table.notice(change.type, change.id, inserted ? 'new' : 'changed', at);
        if (change.type === 'country-sheet' && !inserted) this.noticeSections(change.id, change.record.version, at);
      }
    });
  }

  /** After the corpus was dropped for a resync, or its index rebuilt (CorpusWriter.onReset). */
  corpusReset(): void {
    this.highestRowid = this.corpus.records.maxRowid();
    // A rebuilt index leaves the cursor where it was; a dropped corpus starts again from 0.
    if (this.corpusState().cursor === 0 && !this.catchingUp) {
      this.catchingUp = true;
      this.table.setCatchingUp(true);
    }
  }

  /**
   * After a copy built beside the library replaced it whole (CorpusWriter.onReplaced):
   * none of its pages was announced, so nothing is marked; marks of records it did not bring back go.
   */
  corpusReplaced(): void {
    this.highestRowid = this.corpus.records.maxRowid();
    this.table.transaction(() => this.caughtUp());
  }

  /** The sections this version of the sheet changed, as the corpus writer tracked them; a section already unseen keeps its older text. */
  private noticeSections(sheetId: string, version: number, at: string): void {
    for (const section of this.corpus.sheetSections.ofSheet(sheetId)) {
      if (section.changedVersion === version) this.table.noticeSection(sheetId, section.section, section.previousBody, at);
    }
  }

  private caughtUp(): void {
    this.catchingUp = false;
    this.table.setCatchingUp(false);
    // Marks of records a resync did not bring back point at nothing. Found first, forgotten after: the
    // marks are read one by one (not all at once), and the store cannot be written while it is read.
    const gone: Array<{ type: ContentType; id: string }> = [];
    for (const key of this.table.keys()) if (!this.corpus.records.exists(key.type, key.id)) gone.push(key);
    for (const { type, id } of gone) this.table.forget(type, id);
  }

  changeOf(type: ContentType, id: string): UnseenChange | null {
    return this.table.changeOf(type, id);
  }

  sectionsOf(sheetId: string): Map<SectionKey, string | null> {
    return this.table.sectionsOf(sheetId);
  }

  allSections(): Map<string, SectionKey[]> {
    return this.table.allSections();
  }

  counts(): Record<UnseenChange, number> {
    return this.table.counts();
  }

  /** The user opened the record: its mark, and a sheet's section marks, go. Whether it had any. */
  markSeen(type: ContentType, id: string): boolean {
    return this.table.transaction(() => this.table.forget(type, id));
  }

  /** Every mark goes; how many records had one. */
  markAllSeen(): number {
    return this.table.transaction(() => this.table.forgetAll());
  }
}
