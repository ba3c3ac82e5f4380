// Applies change-feed pages to the local corpus, one transaction per page
// together with the new cursor: a crash at any instant leaves either the whole
// page or nothing. Tells its listeners after each applied page, each reset and
// each replacement of the whole corpus by a copy built beside it.
import { attachmentsOf, type ContentRecord } from '../../../shared/content';
import type { ChangesPage } from '../../../shared/portal-api';
import type { CorpusData } from '../db/corpus';
import type { LastChangesWindow, SyncState } from '../db/corpus/sync-state';
import { Listeners } from '../listeners';
import { keepVersionsOf } from './record-history';
import { deriveIndexedRecord, indexText, recordDerivations, writeIndexedRecord, type RecordDerivations } from './indexed-record';

type Sheet = ContentRecord<'country-sheet'>;
type SheetSection = Sheet['sections'][number];

const sameSection = (a: SheetSection, b: SheetSection) => a.title === b.title && a.body === b.body && (a.programmeKind ?? null) === (b.programmeKind ?? null);

interface PageOutcome {
  upserts: number;
  deletes: number;
  /** Records stored with less than their full derivation. */
  problems: number;
  /** The rowids the page wrote or removed. */
  changedRowids: number[];
}

export class CorpusWriter {
  private changes = 0;
  private readonly pageApplied = new Listeners<[page: ChangesPage, changedRowids: number[]]>();
  private readonly reset = new Listeners<[]>();
  private readonly replaced = new Listeners<[]>();
  private readonly applyInTransaction: (page: ChangesPage, serverUrl: string, at: string) => PageOutcome;
  private readonly resetInTransaction: () => void;

  constructor(
    private readonly data: CorpusData,
    private readonly derivations: RecordDerivations = recordDerivations,
  ) {
    this.applyInTransaction = data.transaction((page: ChangesPage, serverUrl: string, at: string) => this.write(page, serverUrl, at));
    this.resetInTransaction = data.transaction(() => {
      data.records.clear();
      data.searchIndex.clear();
      data.attachments.clearRefs();
      data.sheetSections.clear();
      data.recordProblems.clear();
      data.recordVersions.clear();
      data.syncState.restart();
    });
  }

  /** Bumped by every change to the corpus, so caches built from it know when to rebuild. */
  get generation(): number {
    return this.changes;
  }

  /** After each page that changed something: the page and the rowids it wrote or removed (to keep in-memory indexes in step). */
  onPageApplied(listener: (page: ChangesPage, changedRowids: number[]) => void): () => void {
    return this.pageApplied.add(listener);
  }

  /** After the corpus was dropped (a resync) or its index rebuilt. */
  onReset(listener: () => void): () => void {
    return this.reset.add(listener);
  }

  /** After the whole corpus was replaced by a complete copy built beside it (a resync, or another portal's first copy). */
  onReplaced(listener: () => void): () => void {
    return this.replaced.add(listener);
  }

  private write(page: ChangesPage, serverUrl: string, at: string): PageOutcome {
    const { records, searchIndex, attachments, sheetSections, syncState, recordProblems } = this.data;
    const outcome: PageOutcome = { upserts: 0, deletes: 0, problems: 0, changedRowids: [] };
    if (page.changes.length > 0) {
      const windowStart = syncState.changeWindowStart();
      // Known problems are rare: only then does each record need its problem cleared.
      const problemsKnown = recordProblems.count() > 0;
      for (const change of page.changes) {
        if (change.op === 'upsert') {
          const previousSheet = change.type === 'country-sheet' ? records.get('country-sheet', change.id)?.record : undefined;
          const derived = deriveIndexedRecord(change, this.derivations);
          outcome.changedRowids.push(writeIndexedRecord(this.data, derived.indexed));
          if (derived.problems.length > 0) {
            recordProblems.note({ type: change.type, id: change.id, version: change.record.version, reason: derived.problems.join('; '), at });
            outcome.problems += 1;
          } else if (problemsKnown) recordProblems.forget(change.type, change.id);
          if (change.type === 'country-sheet') this.trackSheetSections(change.record, previousSheet, windowStart);
          keepVersionsOf(this.data.recordVersions, change);
          attachments.replaceRefs(change.type, change.id, attachmentsOf(change));
          outcome.upserts += 1;
        } else {
          const removed = records.remove(change.type, change.id);
          if (removed !== undefined) {
            searchIndex.remove(removed);
            outcome.changedRowids.push(removed);
          }
          attachments.dropRefs(change.type, change.id);
          if (change.type === 'country-sheet') sheetSections.forget(change.id);
          if (change.type === 'document' || change.type === 'country-sheet') this.data.recordVersions.forget(change.type, change.id);
          if (problemsKnown) recordProblems.forget(change.type, change.id);
          outcome.deletes += 1;
        }
      }
    }
    syncState.pageApplied({ cursor: page.cursor, latest: page.latest, serverUrl, at });
    return outcome;
  }

  /**
   * Remembers, for each section of a sheet whose text changed, the version it
   * changed at and its text before. Within one sync window the text from before
   * the window's first change is kept, so the interface shows what the whole sync changed.
   */
  private trackSheetSections(sheet: Sheet, previous: Sheet | undefined, windowStart: number): void {
    const { sheetSections } = this.data;
    const before = new Map((previous?.sections ?? []).map((section) => [section.key, section]));
    for (const section of sheet.sections) {
      const prior = before.get(section.key);
      if (prior && sameSection(prior, section)) continue;
      const tracked = sheetSections.changedVersion(sheet.id, section.key);
      if (tracked !== undefined && tracked > windowStart) sheetSections.touch(sheet.id, section.key, sheet.version);
      else sheetSections.markChanged(sheet.id, section.key, sheet.version, prior);
    }
  }

  /** Applies a validated page and its cursor atomically. */
  applyPage(page: ChangesPage, serverUrl: string, at = new Date().toISOString()): { upserts: number; deletes: number; problems: number } {
    const { upserts, deletes, problems, changedRowids } = this.applyInTransaction(page, serverUrl, at);
    if (upserts + deletes > 0) {
      this.changes += 1;
      this.pageApplied.emit(page, changedRowids);
    }
    return { upserts, deletes, problems };
  }

  /**
   * Rebuilds the full-text index from the records when the two disagree (a
   * store synced before the index existed, or an interrupted rebuild).
   */
  ensureSearchIndex(): boolean {
    const { records, searchIndex } = this.data;
    if (records.count() === searchIndex.count()) return false;
    searchIndex.rebuild(records, (typed) => indexText(typed, this.derivations));
    this.changes += 1;
    this.reset.emit();
    return true;
  }

  /**
   * A complete copy that arrived whole (a prebuilt corpus, checked): it stands at `version` of `serverUrl`,
   * and all of it counts as changed in this sync, as a walk from 0 would have it.
   */
  adoptCopy(version: number, serverUrl: string, at = new Date().toISOString()): void {
    this.data.transaction(() => {
      // From 0: the window opens at 0 and the cursor moves to where the copy stands.
      this.data.syncState.restart();
      this.data.syncState.pageApplied({ cursor: version, latest: version, serverUrl, at });
    })();
  }

  /** Marks a completed sync (all pages up to the server's latest applied). */
  markSynced(at = new Date().toISOString()): void {
    this.data.syncState.markSynced(at);
  }

  /** The last completed sync that brought changes; null before the first. */
  lastChanges(): LastChangesWindow | null {
    return this.data.syncState.lastChanges();
  }

  /** Drops the synced corpus for a resync from 0; attachment files stay (they are content-addressed). */
  resetCorpus(): void {
    this.resetInTransaction();
    this.changes += 1;
    this.reset.emit();
  }

  /** Told that the store under this writer now holds another, complete copy (db/side-corpus.ts swapped it in). */
  corpusReplaced(): void {
    this.changes += 1;
    this.replaced.emit();
  }

  state(): SyncState {
    return this.data.syncState.state();
  }
}
