/**
 * A bounded map that forgets the least recently used entry first. `get` computes a missing value
 * with `compute` and remembers it. Map keeps insertion order, so re-inserting an entry on use makes
 * it the most recent, and the first key is always the least recent.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K, compute: (key: K) => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  /** The value remembered for `key`, if any, without making it the most recent. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }
}
