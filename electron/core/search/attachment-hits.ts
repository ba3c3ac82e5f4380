// The search's view of PDF text (db/corpus/attachment-text.ts): which records
// match in their attachments, which records have text at all (has:fulltext),
// how records found only in their PDFs are ranked, and what such a hit shows
// (file, page, a snippet of that page).
//
// Matching pages are found without scores (FTS5's bm25() costs about 2 µs a
// row, and a common word is on most pages) and mapped to records through an
// in-memory table of pages and files, which grows as pages are appended and is
// rebuilt when the records change. Scores are computed only for the pages of
// the records a page of results shows, or that are ranked among themselves.
import type { SearchHit } from '../../../shared/search';
import type { AttachmentText, PageMatch } from '../db/corpus/attachment-text';
import { BoundedCache } from './bounded-cache';
import type { SearchFilters } from './query';

/**
 * Whether scoring `candidates` of the `matching` pages is cheaper in one pass over every match than page
 * by page: FTS5 evaluates the expression again for each page looked up, and each evaluation walks the
 * term's doclist from its start, so a lookup costs about as much as the whole pass (at 100,000 documents,
 * "integration" on 84,578 pages: 20 pages looked up took 140 ms, 54 pages 160 to 270 ms, one pass 7 ms;
 * 60 pages of "Einbürger*" took 160 ms at 10,000 documents, 2 ms in one pass). Only a single page of a
 * word on few pages is looked up.
 */
export function scoreByScan(match: string, candidates: number, matching: number): boolean {
  if (/"\*/.test(match)) return true;
  return candidates > 1 || matching > 1_000;
}

/** A set of page rowids as one byte per page: a common word matches most of the library's pages. */
export class PageMarks {
  readonly marks: Uint8Array;
  size = 0;

  constructor(maxRowid: number) {
    this.marks = new Uint8Array(maxRowid + 1);
  }

  add(rowid: number): void {
    if (this.marks[rowid]) return;
    this.marks[rowid] = 1;
    this.size += 1;
  }

  has(rowid: number): boolean {
    return rowid < this.marks.length && this.marks[rowid] === 1;
  }
}

/** What the attachments add to one query. */
export interface AttachmentSelection {
  /** Records whose PDFs match the words. */
  records: Set<number>;
  /** The matching pages (their rowids). */
  pages: PageMarks;
  /** in:attachment: only those records, ranked by their pages. */
  only: boolean;
  /** has:fulltext: only records with indexed PDF text. */
  withText: Set<number> | undefined;
}

/** Pages, their files and the files' records, in memory. */
class PageTable {
  readonly fileIndex = new Map<string, number>();
  readonly fileNames: string[] = [];
  readonly shas: string[] = [];
  readonly recordsOfFile: number[][] = [];
  readonly filesOfRecord = new Map<number, number[]>();
  readonly pagesOfFile: number[][] = [];
  /** By page rowid: its file's index (-1: a file no record references) and its page number. */
  pageFile = new Int32Array(1024).fill(-1);
  pageNumber = new Int32Array(1024);
  lastRowid = 0;
  pages = 0;

  constructor(text: AttachmentText) {
    for (const [sha256, fileName, record] of text.filesOfRecords()) this.link(this.file(sha256, fileName), record);
  }

  private link(file: number, record: number): void {
    this.recordsOfFile[file]!.push(record);
    const files = this.filesOfRecord.get(record);
    if (files) files.push(file);
    else this.filesOfRecord.set(record, [file]);
  }

  /**
   * Takes in the records a page of a sync changed: their files as they now are. A file no record
   * referenced when its pages were read gets them now (its text may be stored already).
   */
  updateRecords(text: AttachmentText, changed: readonly number[]): void {
    for (const record of changed) {
      for (const file of this.filesOfRecord.get(record) ?? []) this.recordsOfFile[file] = this.recordsOfFile[file]!.filter((other) => other !== record);
      this.filesOfRecord.delete(record);
    }
    for (const [sha256, fileName, record] of text.filesOfRecordsIn(changed)) {
      const known = this.fileIndex.has(sha256);
      const file = this.file(sha256, fileName);
      if (!known) {
        for (const [rowid, page] of text.pagesOfFile(sha256)) {
          if (rowid > this.lastRowid) continue; // Not read yet: catchUp takes it with the others.
          this.pageFile[rowid] = file;
          this.pageNumber[rowid] = page;
          this.pagesOfFile[file]!.push(rowid);
        }
      }
      this.link(file, record);
    }
  }

  private file(sha256: string, fileName: string): number {
    let index = this.fileIndex.get(sha256);
    if (index === undefined) {
      index = this.shas.length;
      this.fileIndex.set(sha256, index);
      this.shas.push(sha256);
      this.fileNames.push(fileName);
      this.recordsOfFile.push([]);
      this.pagesOfFile.push([]);
    }
    return index;
  }

  /** Reads the pages stored since the last read. */
  catchUp(text: AttachmentText): void {
    for (const [rowid, sha256, page] of text.pagesAfter(this.lastRowid)) {
      if (rowid >= this.pageFile.length) {
        const size = Math.max(rowid + 1, this.pageFile.length * 2);
        const files = new Int32Array(size).fill(-1);
        files.set(this.pageFile);
        const numbers = new Int32Array(size);
        numbers.set(this.pageNumber);
        this.pageFile = files;
        this.pageNumber = numbers;
      }
      const file = this.fileIndex.get(sha256);
      this.pageFile[rowid] = file ?? -1;
      this.pageNumber[rowid] = page;
      if (file !== undefined) this.pagesOfFile[file]!.push(rowid);
      this.lastRowid = rowid;
      this.pages += 1;
    }
  }
}

/** The pages an expression matches and their records. */
interface PageMatches {
  pages: PageMarks;
  records: Set<number>;
}

export class AttachmentHits {
  private withTextCache: { key: string; rowids: Set<number> } | undefined;
  /**
   * What an expression matches in the pages, until the records or the text change: reading a common
   * word's pages costs 5 to 20 ms at 100,000 documents (84,578 pages hold "integration"). At most 16 MB
   * (a byte per page of the library, and about 40 bytes a record, per entry).
   */
  private readonly matches = new BoundedCache<PageMatches>(16_000_000, (found) => found.pages.marks.length + found.records.size * 40);
  private matchesKey = '';
  /**
   * The BM25 FTS5 gave each page an expression was scored on, until the records or the text change:
   * scoring a hit's pages is a pass over all the expression's matching pages (7 ms and more for a common
   * word at 100,000 documents), and the same hits come back as a user pages, filters and refines.
   * At most 200,000 page scores (a Map entry is some 50 bytes: about 10 MB).
   */
  private readonly pageScoreMemo = new BoundedCache<Map<number, number>>(200_000, (scores) => scores.size + 1);
  private table: { recordsGeneration: number; textGeneration: number; pages: PageTable } | undefined;

  constructor(
    private readonly text: AttachmentText,
    /** Change whenever the records (and so their files) change, and whenever stored text does. */
    private readonly generations: { records: () => number; text: () => number },
  ) {}

  private pageTable(): PageTable {
    const recordsGeneration = this.generations.records();
    const textGeneration = this.generations.text();
    let current = this.table;
    if (!current || current.recordsGeneration !== recordsGeneration) {
      current = this.table = { recordsGeneration, textGeneration: -1, pages: new PageTable(this.text) };
    }
    if (current.textGeneration !== textGeneration) {
      current.pages.catchUp(this.text);
      // Pages are only ever appended, except when text no record references is pruned: then read them all again.
      if (current.pages.pages !== this.text.pageCount()) {
        current = this.table = { recordsGeneration, textGeneration: -1, pages: new PageTable(this.text) };
        current.pages.catchUp(this.text);
      }
      current.textGeneration = textGeneration;
    }
    return current.pages;
  }

  /**
   * Told after a page of a sync with the records it changed (the records generation has just moved on):
   * a table in step until then takes the change in, instead of being read again by the next search.
   */
  recordsChanged(changedRowids: readonly number[]): void {
    const current = this.table;
    const recordsGeneration = this.generations.records();
    if (!current || current.recordsGeneration !== recordsGeneration - 1) return;
    current.pages.updateRecords(this.text, changedRowids);
    current.recordsGeneration = recordsGeneration;
  }

  /** What the attachments add to a query, or undefined when they add nothing (no matching page and no full-text filter). */
  select(match: string, filters: SearchFilters): AttachmentSelection | undefined {
    const withText = filters.hasFullText || (filters.inAttachment && !match) ? this.recordsWithText() : undefined;
    const { records, pages } = match ? this.pageMatches(match) : { records: new Set<number>(), pages: new PageMarks(0) };
    if (records.size === 0 && !withText && !filters.inAttachment) return undefined;
    return { records, pages, only: Boolean(filters.inAttachment && match), withText };
  }

  /** Forgets what was read for earlier records or text. */
  private dropOutdated(): void {
    const key = `${this.generations.records()}:${this.generations.text()}`;
    if (key === this.matchesKey) return;
    this.matches.clear();
    this.pageScoreMemo.clear();
    this.matchesKey = key;
  }

  /** BM25 of the listed pages the expression matches: those not scored before are scored now, in one pass or page by page. */
  private scoresOfPages(match: string, candidates: readonly number[], matching: number): Map<number, number> {
    this.dropOutdated();
    const known = this.pageScoreMemo.peek(match);
    const unscored = known ? candidates.filter((page) => !known.has(page)) : candidates;
    if (known && unscored.length === 0) return known;
    const scores = new Map(known);
    for (const [page, score] of this.text.pageScores(match, unscored, scoreByScan(match, unscored.length, matching) ? 'scan' : 'lookup')) scores.set(page, score);
    this.pageScoreMemo.set(match, scores);
    return scores;
  }

  /** The pages the expression matches and their records (remembered until the records or the text change). */
  private pageMatches(match: string): PageMatches {
    const table = this.pageTable();
    this.dropOutdated();
    return this.matches.get(match, () => {
      const records = new Set<number>();
      const matching = this.text.matchingPageRowids(match);
      const pages = new PageMarks(table.lastRowid);
      // A file's pages come one after another: its records are added once per run of its pages.
      let lastFile = -1;
      for (let i = 0; i < matching.length; i += 1) {
        const rowid = matching[i]!;
        const file = rowid < table.pageFile.length ? table.pageFile[rowid]! : -1;
        if (file < 0) continue;
        pages.add(rowid);
        if (file === lastFile) continue;
        lastFile = file;
        for (const record of table.recordsOfFile[file]!) records.add(record);
      }
      return { records, pages };
    });
  }

  private recordsWithText(): Set<number> {
    const key = `${this.generations.records()}:${this.generations.text()}`;
    if (this.withTextCache?.key !== key) this.withTextCache = { key, rowids: this.text.recordsWithText() };
    return this.withTextCache.rowids;
  }

  /** The rowids a query's words select: those matching in the records' own text and/or in their attachments. */
  static candidates(ownMatches: ArrayLike<number>, selection: AttachmentSelection): number[] {
    if (selection.only) return [...selection.records];
    const rowids = Array.from(ownMatches);
    const seen = new Set(rowids);
    for (const rowid of selection.records) if (!seen.has(rowid)) rowids.push(rowid);
    return rowids;
  }

  /** Each listed record's best matching page (highest BM25; ties: the earlier page). */
  bestPages(match: string, selection: AttachmentSelection, records: readonly number[]): Map<number, PageMatch> {
    const table = this.pageTable();
    const candidates: number[] = [];
    for (const record of records) {
      if (!selection.records.has(record)) continue;
      for (const file of table.filesOfRecord.get(record) ?? []) for (const page of table.pagesOfFile[file]!) if (selection.pages.has(page)) candidates.push(page);
    }
    const scores = this.scoresOfPages(match, candidates, selection.pages.size);
    const best = new Map<number, PageMatch>();
    for (const record of records) {
      for (const file of table.filesOfRecord.get(record) ?? []) {
        for (const pageRowid of table.pagesOfFile[file]!) {
          const score = scores.get(pageRowid);
          if (score === undefined) continue;
          const known = best.get(record);
          const page = table.pageNumber[pageRowid]!;
          if (known && score <= known.score) continue;
          best.set(record, { record, pageRowid, sha256: table.shas[file]!, fileName: table.fileNames[file]!, page, score });
        }
      }
    }
    return best;
  }

  /** For the hits of one page of results: adds the attachment a hit was found in (file, page, snippet) and the note on PDFs not on this computer. */
  decorator(rowids: readonly number[], match: string, selection: AttachmentSelection | undefined, snippetParts: (text: string) => SearchHit['snippet']): (rowid: number, hit: SearchHit) => SearchHit {
    const pages = selection && match ? this.bestPages(match, selection, rowids) : new Map<number, PageMatch>();
    const snippets = new Map(this.text.snippets(match, [...pages.values()].map((page) => page.pageRowid)).map((row) => [row.rowid, row.text]));
    const notHere = this.text.notDownloaded(rowids);
    return (rowid, hit) => {
      const page = pages.get(rowid);
      const missing = notHere.get(rowid);
      if (!page && !missing) return hit;
      return {
        ...hit,
        ...(page ? { attachment: { sha256: page.sha256, fileName: page.fileName, page: page.page, snippet: snippetParts(snippets.get(page.pageRowid) ?? '') } } : {}),
        ...(missing ? { fullTextNotHere: missing } : {}),
      };
    };
  }
}
