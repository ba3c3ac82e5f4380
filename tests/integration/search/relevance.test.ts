// Measured relevance: nDCG@10 over a judged set of queries on the sample corpus
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

interface Judged {
  corpus: { documents: number; seed: number };
  queries: Array<{ query: string; kind: string; relevant: Array<{ type: string; id: string; grade: number }> }>;
}

const judged = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/relevance/judged-queries.json'), 'utf8')) as Judged;

/**
 * The threshold: a correct engine scores about 0.95 on this set (most queries
 * name their subject exactly), so ranking noise costs a few hundredths. A
 * broken part (accent folding, a filter, prefixes, a field left unindexed)
 * zeroes every query that needs it: seven accent-free queries alone are worth
 * about 0.1. 0.85 passes the first and fails the second.
 */
export const NDCG_THRESHOLD = 0.85;

function ndcgAt10(ranked: string[], relevant: Array<{ type: string; id: string; grade: number }>): number {
  const grades = new Map(relevant.map((r) => [`${r.type}/${r.id}`, r.grade]));
  const gain = (grade: number, index: number) => (2 ** grade - 1) / Math.log2(index + 2);
  const dcg = ranked.slice(0, 10).reduce((sum, key, index) => sum + gain(grades.get(key) ?? 0, index), 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, grade, index) => sum + gain(grade, index), 0);
  return ideal === 0 ? 0 : dcg / ideal;
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
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it(`reaches a mean nDCG@10 of at least ${NDCG_THRESHOLD} over ${judged.queries.length} queries`, () => {
    expect(judged.queries.length).toBeGreaterThanOrEqual(30);
    const scores = judged.queries.map((q) => ({ query: q.query, kind: q.kind, ndcg: ndcgAt10(core.search.search({ query: q.query, limit: 10 }).hits.map((h) => `${h.type}/${h.id}`), q.relevant) }));
    const mean = scores.reduce((sum, s) => sum + s.ndcg, 0) / scores.length;
    const weakest = [...scores].sort((a, b) => a.ndcg - b.ndcg).slice(0, 8);
    console.log(`mean nDCG@10 = ${mean.toFixed(3)}; weakest: ${weakest.map((s) => `${s.query} ${s.ndcg.toFixed(2)}`).join('; ')}`);
    expect(mean).toBeGreaterThanOrEqual(NDCG_THRESHOLD);
  });
});
