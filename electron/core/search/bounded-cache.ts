// A cache of what a query derived from the index (a rare term's postings, a
// prefix's terms summed, a phrase's scores, the PDF pages an expression
// matches), dropped whole when the corpus changes and bounded by the entries'
// total size, oldest use first out: the same words come back as a user pages,
// filters and refines, and each is a read of FTS5 that costs milliseconds.
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private used = 0;

  constructor(
    /** The most the entries may add up to, in the units `sizeOf` counts. */
    private readonly capacity: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value for `key`, computed now when it is not held (and held when it fits). */
  get(key: string, compute: () => V): V {
    const known = this.entries.get(key);
    if (known) {
      // Most recently used last, so the first entries are the ones to drop.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value;
    }
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** Holds `value` under `key` (in place of what was there), when it fits. */
  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.used -= previous.size;
    }
    const size = this.sizeOf(value);
    if (size > this.capacity) return;
    for (const [oldKey, old] of this.entries) {
      if (this.used + size <= this.capacity) break;
      this.entries.delete(oldKey);
      this.used -= old.size;
    }
    this.entries.set(key, { value, size });
    this.used += size;
  }

  /** The value held for `key`, if any (not computed). */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
