// Measured relevance: nDCG@10 and recall@20 over a judged set of queries on
// the 2,000-document sample corpus, overall and per query class
// (tests/relevance/README.md says how it was judged).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { startCore } from '../../support/sync';

interface Judgement {
  type: string;
  id: string;
  grade: number;
}
interface Judged {
  corpus: { documents: number; seed: number };
  /** `language` is set on the multilingual queries (classes stem and cross): the language the question is asked in. */
  queries: Array<{ query: string; kind: string; language?: string; relevant: Judgement[] }>;
}

const judged = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/relevance/judged-queries.json'), 'utf8')) as Judged;

/**
 * Thresholds, 0.04 below what the engine measured on this set once it stemmed
 * and crossed languages (README: the figures per class, before and after; the
 * engine before stood at 0.370 and 0.291 on the same 113 queries, under both;
 * it measures 0.527 and 0.512). Most of the distance to 1.0 is
 * the engine's, not noise: a question asked in English is judged relevant to
 * the French and German records on its subject, which a lexical engine cannot
 * find, and the answers that live only in a PDF are out of its reach. A part
 * that breaks (accent folding, a filter, identifiers, a field left unindexed)
 * zeroes its class and pulls the mean below these.
 */
export const NDCG_THRESHOLD = 0.47;
export const RECALL_THRESHOLD = 0.47;
/**
 * Each class's floor, [nDCG@10, recall@20], 0.04 below what it measured: a
 * class whose part of the engine breaks falls through its floor even when the
 * mean would hide it. Answers that only a PDF holds measure at zero (the
 * engine does not read attachments yet); the old inflected class stays low
 * because its queries combine an inflected word with words no record holds.
 * The multilingual classes (stem: other forms of a word, cross: words of one
 * language for records in all) start where the stemming and the vocabulary
 * put them: the engine without them measured 0.188 and 0.523 nDCG@10.
 */
export const CLASS_FLOORS: Record<string, [number, number]> = {
  'policy-en': [0.44, 0.45],
  'policy-fr': [0.35, 0.14],
  'policy-de': [0.31, 0.12],
  country: [0.48, 0.58],
  inflected: [0.08, 0.09],
  identifier: [0.57, 0.61],
  'pdf-only': [0, 0],
  'no-accents': [0.53, 0.47],
  phrase: [0.39, 0.53],
  filtered: [0.65, 0.67],
  community: [0.71, 0.71],
  stem: [0.53, 0.62],
  cross: [0.69, 0.65],
};

/**
 * The multilingual queries' floors per language asked in, [nDCG@10, recall@20],
 * 0.04 below what each measured (the engine without stemming and the
 * vocabulary: 0.26–0.45 nDCG@10, 0.22–0.32 recall@20, below every floor).
 */
export const LANGUAGE_FLOORS: Record<string, [number, number]> = {
  en: [0.6, 0.68],
  fr: [0.5, 0.57],
  de: [0.59, 0.64],
  es: [0.74, 0.71],
  nl: [0.63, 0.59],
};

function ndcgAt10(ranked: string[], relevant: Judgement[]): number {
  const grades = new Map(relevant.map((r) => [`${r.type}/${r.id}`, r.grade]));
  const gain = (grade: number, index: number) => (2 ** grade - 1) / Math.log2(index + 2);
  const dcg = ranked.slice(0, 10).reduce((sum, key, index) => sum + gain(grades.get(key) ?? 0, index), 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, grade, index) => sum + gain(grade, index), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Judged records among the first 20, out of as many as 20 can hold. */
function recallAt20(ranked: string[], relevant: Judgement[]): number {
  const keys = new Set(relevant.map((r) => `${r.type}/${r.id}`));
  const found = ranked.slice(0, 20).filter((key) => keys.has(key)).length;
  return found / Math.min(20, keys.size);
}

describe('relevance on the judged query set', () => {
  let server: TestPortal;
  let core: Core;
  let close: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, judged.corpus);
    ({ core, close } = await startCore());
    await core.sync.run(server.url);
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it(`reaches a mean nDCG@10 of at least ${NDCG_THRESHOLD} and recall@20 of at least ${RECALL_THRESHOLD} over ${judged.queries.length} queries, and each class its floor`, () => {
    expect(judged.queries.length).toBeGreaterThanOrEqual(110);
    const scores = judged.queries.map((q) => {
      const ranked = core.search.search({ query: q.query, limit: 20 }).hits.map((h) => `${h.type}/${h.id}`);
      return { query: q.query, kind: q.kind, language: q.language, ndcg: ndcgAt10(ranked, q.relevant), recall: recallAt20(ranked, q.relevant) };
    });
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const classes = [...new Set(scores.map((s) => s.kind))];
    const perClass = classes.map((kind) => {
      const of = scores.filter((s) => s.kind === kind);
      return { kind, n: of.length, ndcg: mean(of.map((s) => s.ndcg)), recall: mean(of.map((s) => s.recall)) };
    });
    const languages = [...new Set(scores.flatMap((s) => (s.language ? [s.language] : [])))];
    const perLanguage = languages.map((language) => {
      const of = scores.filter((s) => s.language === language);
      return { kind: `lang ${language}`, language, n: of.length, ndcg: mean(of.map((s) => s.ndcg)), recall: mean(of.map((s) => s.recall)) };
    });
    const table = [...perClass, ...perLanguage].map((c) => `${c.kind.padEnd(11)} n=${String(c.n).padStart(2)} nDCG@10 ${c.ndcg.toFixed(3)} recall@20 ${c.recall.toFixed(3)}`);
    const ndcg = mean(scores.map((s) => s.ndcg));
    const recall = mean(scores.map((s) => s.recall));
    const weakest = [...scores].sort((a, b) => a.ndcg - b.ndcg).slice(0, 8);
    console.log(`mean nDCG@10 = ${ndcg.toFixed(3)}, recall@20 = ${recall.toFixed(3)}\n${table.join('\n')}\nweakest: ${weakest.map((s) => `${s.query} ${s.ndcg.toFixed(2)}`).join('; ')}`);
    expect(ndcg).toBeGreaterThanOrEqual(NDCG_THRESHOLD);
    expect(recall).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
    expect(classes.sort()).toEqual(Object.keys(CLASS_FLOORS).sort());
    for (const c of perClass) {
      expect(c.ndcg, `${c.kind} nDCG@10`).toBeGreaterThanOrEqual(CLASS_FLOORS[c.kind]![0]);
      expect(c.recall, `${c.kind} recall@20`).toBeGreaterThanOrEqual(CLASS_FLOORS[c.kind]![1]);
    }
    expect(languages.sort()).toEqual(Object.keys(LANGUAGE_FLOORS).sort());
    for (const l of perLanguage) {
      expect(l.n, `${l.language} queries`).toBeGreaterThanOrEqual(8);
      expect(l.ndcg, `${l.kind} nDCG@10`).toBeGreaterThanOrEqual(LANGUAGE_FLOORS[l.language]![0]);
      expect(l.recall, `${l.kind} recall@20`).toBeGreaterThanOrEqual(LANGUAGE_FLOORS[l.language]![1]);
    }
  });
});
