// Answering a typed query from the entries: each word expands to the terms it
// may mean (exact, completion, typo, same stem), their postings are scanned
// into typed arrays, and only the best few entries per kind are kept sorted.
import type { Suggestion } from '../../../../shared/search';
import { DEAD, ORGANISATION, TITLE, type EntryKind, type SuggestionEntries } from './entries';
import { stemmerFor } from './stemmers';
import { foldedWords, foldText } from './words';

const KIND_NAMES: readonly Suggestion['kind'][] = ['title', 'title', 'country', 'theme', 'organisation'];
// A facet beats a title on an equal match: typing "germ" means Germany first.
const KIND_BOOST: readonly number[] = [0, 1, 1.6, 1.5, 1.2];

// Match weights of a query word against an indexed term.
const EXACT = 1;
const SAME_STEM = 0.9;
const PREFIX = 0.8;
const FUZZY = 0.7;
const MAX_LIMIT = 100;
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 6;
const MAX_WORD_LENGTH = 40;
// Bounds on the terms one query word may expand to, so a two-letter prefix
// costs a few milliseconds even against a large vocabulary.
const MAX_COMPLETIONS = 2000;
const MAX_STEM_CANDIDATES = 200;
const STEM_CACHE_SIZE = 20_000;

/** Typo tolerance grows with the word: none under 4 letters, where any edit makes another word. */
const fuzziness = (word: string): number => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);

interface Candidate {
  entry: number;
  score: number;
}

/** One query word: the terms it stands for, best first, and how many postings they hold. */
interface WordPlan {
  terms: Array<[term: number, weight: number]>;
  postings: number;
  facetsOnly: boolean;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count += 1;
  return count;
}

export class SuggestionRanking {
  // Query scratch space, reused: summed weight and matched words per entry, and the entries reached.
  private sum = new Float32Array(0);
  private matched = new Uint8Array(0);
  private touched = new Int32Array(0);
  private readonly stemCache = new Map<string, string>();

  constructor(
    private readonly entries: SuggestionEntries,
    /** Record types by type code. */
    private readonly typeNames: readonly string[],
    /** The entry that shows a facet, whichever of its names matched. */
    private readonly facetShown: (kind: number, value: string) => number | undefined = () => undefined,
  ) {}

  /** The best `limit` suggestions for a query, its words also matched by their stems in `languages`. */
  suggest(query: string, requestedLimit: number, languages: readonly string[]): Suggestion[] {
    // Capped: ranking keeps `limit` candidates per kind in sorted arrays.
    const limit = Math.min(MAX_LIMIT, Math.floor(requestedLimit));
    if (!(limit > 0)) return [];
    const all = foldedWords(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS);
    // One letter is only worth completing while it is being typed.
    const words = all.map((word) => word.slice(0, MAX_WORD_LENGTH)).filter((word, i) => word.length > 1 || i === all.length - 1);
    if (words.length === 0) return [];
    // Rarest word first: when every word is required, the commonest ("in", "of") then only filters.
    const plan = words
      .map((word): WordPlan => {
        const terms = [...this.expand(word, languages)].sort((a, b) => b[1] - a[1]);
        return { terms, postings: terms.reduce((total, [term]) => total + this.entries.counts[term]!, 0), facetsOnly: word.length === 1 };
      })
      .sort((a, b) => a.postings - b.postings);
    this.ensureScratch();
    let count = this.match(plan, true);
    let requireAll = true;
    try {
      // A word nothing matches should not silence the others.
      if (plan.length > 1 && !this.anyComplete(count, plan.length)) {
        this.clearScratch(count);
        count = this.match(plan, false);
        requireAll = false;
      }
      return this.pick(count, plan.length, limit, requireAll);
    } finally {
      this.clearScratch(count);
    }
  }

  /**
   * Adds to each entry the weight of its best match for every word, and marks
   * the word matched; returns how many entries are in `touched`. With
   * `requireAll`, an entry missing an earlier word is not even considered.
   */
  private match(plan: readonly WordPlan[], requireAll: boolean): number {
    const { sum, matched, touched } = this;
    const { kinds, postings, counts } = this.entries;
    let count = 0;
    plan.forEach(({ terms, facetsOnly }, i) => {
      const bit = 1 << i;
      const earlier = bit - 1;
      // Terms come best first, so an entry's first match for a word is its best.
      for (const [term, weight] of terms) {
        const list = postings[term]!;
        const size = counts[term]!;
        for (let k = 0; k < size; k += 1) {
          const entry = list[k]!;
          const mask = matched[entry]!;
          if (mask & bit || (requireAll && mask !== earlier)) continue;
          const kind = kinds[entry];
          // One letter completes facet names only: as a title prefix it matches nearly everything.
          if (kind === DEAD || (facetsOnly && kind === TITLE)) continue;
          if (mask === 0) touched[count++] = entry;
          matched[entry] = mask | bit;
          sum[entry]! += weight;
        }
      }
    });
    return count;
  }

  private anyComplete(count: number, words: number): boolean {
    const all = (1 << words) - 1;
    for (let k = 0; k < count; k += 1) if (this.matched[this.touched[k]!] === all) return true;
    return false;
  }

  private clearScratch(count: number): void {
    for (let k = 0; k < count; k += 1) {
      const entry = this.touched[k]!;
      this.sum[entry] = 0;
      this.matched[entry] = 0;
    }
  }

  /** The indexed terms a query word stands for, with the weight of each match. */
  private expand(word: string, languages: readonly string[]): Map<number, number> {
    const vocabulary = this.entries.vocabulary;
    const found = new Map<number, number>();
    const offer = (term: number, weight: number) => {
      if ((found.get(term) ?? 0) < weight) found.set(term, weight);
    };
    const exact = vocabulary.get(word);
    if (exact !== undefined) offer(exact, EXACT);
    // Every word may be a prefix: the last is being typed, earlier ones may be typed short ("fam reun").
    let completions = 0;
    for (const [term, id] of vocabulary.atPrefix(word)) {
      if (term.length === word.length) continue;
      offer(id, (PREFIX * word.length) / (word.length + 0.5 * (term.length - word.length)));
      if ((completions += 1) >= MAX_COMPLETIONS) break;
    }
    const distance = fuzziness(word);
    if (distance > 0) {
      for (const [term, [id, edits]] of vocabulary.fuzzyGet(word, distance)) {
        if (edits > 0) offer(id, (FUZZY * term.length) / (term.length + edits));
      }
    }
    // Stemming happens here rather than at indexing: the vocabulary terms that
    // share the word's stem are matched too ("naturalised" finds
    // "naturalisation"), at no memory cost, whatever language each record is in.
    if (word.length >= 4) {
      for (const language of languages) {
        const stem = this.stem(language, word);
        if (stem.length < 3) continue;
        let checked = 0;
        for (const [term, id] of vocabulary.atPrefix(stem)) {
          if (term !== word && this.stem(language, term) === stem) offer(id, SAME_STEM);
          if ((checked += 1) >= MAX_STEM_CANDIDATES) break;
        }
      }
    }
    return found;
  }

  /** The stem of a folded word; both sides of a comparison are folded, so they agree. */
  private stem(language: string, word: string): string {
    const key = `${language}:${word}`;
    let stem = this.stemCache.get(key);
    if (stem === undefined) {
      if (this.stemCache.size >= STEM_CACHE_SIZE) this.stemCache.clear();
      stem = foldText(stemmerFor(language)?.(word) ?? word);
      this.stemCache.set(key, stem);
    }
    return stem;
  }

  /**
   * The best `limit` matches (of every word, with `requireAll`). No facet kind
   * takes more than a quarter of the list while titles are left: forty
   * "… Integration Office" organisations must not hide every title.
   */
  private pick(count: number, words: number, limit: number, requireAll: boolean): Suggestion[] {
    const { sum, matched, touched } = this;
    const { kinds, lengths } = this.entries;
    const all = (1 << words) - 1;
    const tops: Candidate[][] = [[], [], [], [], []];
    for (let k = 0; k < count; k += 1) {
      const entry = touched[k]!;
      const mask = matched[entry]!;
      if (requireAll && mask !== all) continue;
      const kind = kinds[entry]!;
      // Prefer entries the query covers: "Germany" over "Germany: country information sheet".
      const coverage = Math.min(1, bitCount(mask) / Math.max(1, lengths[entry]!));
      const score = (sum[entry]! / words) * (0.7 + 0.3 * coverage) * KIND_BOOST[kind]!;
      const top = tops[kind]!;
      if (top.length === limit && !this.before(entry, score, top[limit - 1]!)) continue;
      let at = top.length;
      while (at > 0 && this.before(entry, score, top[at - 1]!)) at -= 1;
      top.splice(at, 0, { entry, score });
      if (top.length > limit) top.pop();
    }
    const cap = Math.max(1, Math.ceil(limit / 4));
    const byRank = (a: Candidate, b: Candidate) => (this.before(a.entry, a.score, b) ? -1 : 1);
    const chosen: Candidate[] = [];
    const held: Candidate[] = [];
    const perKind = [0, 0, 0, 0, 0];
    // A facet has several names (one per language): it is offered once, by its best-matching name.
    const offered = new Set<string>();
    for (const candidate of tops.flat().sort(byRank)) {
      const kind = kinds[candidate.entry]!;
      if (kind !== TITLE && kind !== ORGANISATION) {
        const value = this.entries.values[candidate.entry]!;
        const facet = `${kind}:${value}`;
        if (offered.has(facet)) continue;
        offered.add(facet);
        candidate.entry = this.facetShown(kind, value) ?? candidate.entry;
      }
      if (kind !== TITLE && perKind[kind]! >= cap) held.push(candidate);
      else if (chosen.length < limit) {
        perKind[kind]! += 1;
        chosen.push(candidate);
      }
    }
    // Not enough titles: the held-back facets fill the list after all.
    for (const candidate of held) if (chosen.length < limit) chosen.push(candidate);
    return chosen.sort(byRank).map((candidate) => this.suggestion(candidate));
  }

  /** Whether an entry ranks before a candidate: higher score, then shorter text, then older, so results are stable. */
  private before(entry: number, score: number, other: Candidate): boolean {
    if (score !== other.score) return score > other.score;
    const texts = this.entries.texts;
    const length = texts[entry]!.length - texts[other.entry]!.length;
    return length !== 0 ? length < 0 : entry < other.entry;
  }

  private suggestion({ entry, score }: Candidate): Suggestion {
    const { kinds, texts, values, typeCodes } = this.entries;
    const kind = kinds[entry] as EntryKind;
    const text = texts[entry]!;
    const value = values[entry]!;
    if (kind === TITLE) return { kind: 'title', text, type: this.typeNames[typeCodes[entry]!]!, id: value, score };
    if (kind === ORGANISATION) return { kind: 'organisation', text, score };
    return { kind: KIND_NAMES[kind]!, text, id: value, score };
  }

  private ensureScratch(): void {
    const capacity = this.entries.capacity;
    if (this.sum.length >= capacity) return;
    this.sum = new Float32Array(capacity);
    this.matched = new Uint8Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}
