import { describe, expect, it } from 'vitest';
import { compactFrequencies, parseHits, patchPostings, readVarint, termsWithPrefix, type Postings } from '../../electron/core/search/term-postings';

/** A tiny seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function postingsOf(entries: Array<[number, number]>): Postings {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  return { rowids: Int32Array.from(sorted, ([rowid]) => rowid), frequencies: compactFrequencies(Float32Array.from(sorted, ([, frequency]) => frequency)) };
}

/** Postings as plain pairs, whatever array types hold them. */
const pairs = (postings: Postings) => Array.from(postings.rowids, (rowid, i) => [rowid, postings.frequencies[i]]);

describe('term postings', () => {
  it('patches postings exactly as removing the changed rows and adding their new entries would', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const universe = 1 + Math.floor(next() * 200);
      const old = new Map<number, number>();
      for (let rowid = 1; rowid <= universe; rowid += 1) if (next() < 0.5) old.set(rowid, 1 + Math.floor(next() * 30));
      const changed = [...new Set(Array.from({ length: Math.floor(next() * 20) }, () => 1 + Math.floor(next() * (universe + 10))))].sort((a, b) => a - b);
      const replacement = new Map<number, number>();
      for (const rowid of changed) if (next() < 0.6) replacement.set(rowid, 1 + Math.floor(next() * 30));
      const expected = new Map(old);
      for (const rowid of changed) expected.delete(rowid);
      for (const [rowid, frequency] of replacement) expected.set(rowid, frequency);
      // Some seeds edit counts in place, some grow or shrink the list, some need wider counts than 16 bits.
      const wide = next() < 0.1;
      if (wide) {
        for (const rowid of replacement.keys()) {
          replacement.set(rowid, 70_000 + rowid + 0.5);
          expected.set(rowid, 70_000 + rowid + 0.5);
        }
      }
      const patched = patchPostings(postingsOf([...old]), Int32Array.from(changed), postingsOf([...replacement]));
      expect(pairs(patched), `seed ${seed}`).toEqual(pairs(postingsOf([...expected])));
      expect(patched.rowids).toEqual(postingsOf([...expected]).rowids);
    }
  });

  it('parses fts5vocab hits into column-weighted counts per row', () => {
    const weights = { [116]: 10, [115]: 4, [98]: 1 }; // t(itle), s(ummary), b(ody)
    expect(pairs(parseHits('3t,3b,3b,7s,12b', weights))).toEqual([[3, 12], [7, 4], [12, 1]]);
    expect(parseHits('3t,3b', weights).frequencies).toBeInstanceOf(Uint16Array);
    expect(parseHits(null, weights).rowids).toHaveLength(0);
    // Out of order input (never seen from FTS5, but handled): merged and sorted.
    expect(pairs(parseHits('9b,2t,9b', weights))).toEqual([[2, 10], [9, 2]]);
    // Fractional weights keep 32-bit floats.
    expect(parseHits('1t,1b', { [116]: 2.5, [98]: 1 }).frequencies).toBeInstanceOf(Float32Array);
  });

  it('reads SQLite varints of every length', () => {
    expect(readVarint(Uint8Array.of(0x05), 0)).toEqual([5, 1]);
    expect(readVarint(Uint8Array.of(0x81, 0x00), 0)).toEqual([128, 2]);
    expect(readVarint(Uint8Array.of(0xff, 0x7f), 0)).toEqual([16383, 2]);
    expect(readVarint(Uint8Array.of(0x00, 0x82, 0x80, 0x01), 1)).toEqual([32769, 4]);
  });

  it('finds the terms with a prefix in a sorted vocabulary', () => {
    const terms = ['integr', 'integracion', 'integration', 'integrationskurse', 'intern', 'into'];
    expect(termsWithPrefix(terms, 'integr')).toEqual(['integr', 'integracion', 'integration', 'integrationskurse']);
    expect(termsWithPrefix(terms, 'inte')).toHaveLength(5);
    expect(termsWithPrefix(terms, 'zz')).toEqual([]);
    expect(termsWithPrefix([], 'a')).toEqual([]);
  });
});
