// A small seeded PRNG for the sample corpus. The corpus must be byte-identical
// for a seed, so nothing here may touch Math.random or the clock.

/** 32-bit FNV-1a: turns a stream name into a number to mix into a seed. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The murmur3 finalizer: spreads nearby inputs (index 1, 2, 3 …) over all 32 bits. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for sample data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * An independent generator for one record of one stream. Every record gets
   * its own, so a record can be rebuilt alone (the corpus generator relies on
   * that to stay lazy) and changing one type's generator leaves the others'
   * output alone.
   */
  static derive(seed: number, stream: string, index: number): Random {
    return new Random(mix(mix(seed ^ hashString(stream)) + Math.imul(index, 0x9e3779b1)));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** Between min and max distinct items (fewer if the list is shorter), in the list's order. */
  pickSome<T>(items: readonly T[], min: number, max: number): T[] {
    const count = Math.min(items.length, this.int(min, max));
    const indices = items.map((_, i) => i);
    // Partial Fisher–Yates: only the first `count` places are shuffled.
    for (let i = 0; i < count; i++) {
      const j = this.int(i, indices.length - 1);
      [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
    }
    return indices.slice(0, count).sort((a, b) => a - b).map((i) => items[i] as T);
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('cannot pick from an empty set of weights');
    return last[0];
  }
}

/** The same generator as a bare function of floats in [0, 1): for tests that draw seeded cases. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
