import type { StateStore } from "./state-store.js";
import { StateStoreError } from "./state-store-error.js";

/**
 * The in-process store: a Map with an expiry per key, bounded in size (oldest entries go first), so
 * a long-running bot does not grow without end. The clock is passed in so tests control time.
 */
export class MemoryStore implements StateStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly nowMilliseconds: () => number = Date.now,
    private readonly maxEntries = 100_000,
  ) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.claimNow(key, ttlSeconds);
  }

  /** The synchronous form of `claim`, for callers that cannot wait (and for the Redis fallback). */
  claimNow(key: string, ttlSeconds: number): boolean {
    if (this.live(key) !== undefined) return false;
    this.put(key, "1", ttlSeconds);
    return true;
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async get(key: string): Promise<string | null> {
    return this.live(key) ?? null;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  async deleteScope(prefix: string): Promise<number> {
    if (prefix === "") throw new StateStoreError("deleting a scope needs a non-empty key prefix");
    let deleted = 0;
    for (const key of [...this.entries.keys()]) {
      if (!key.startsWith(prefix)) continue;
      // An expired entry was already gone for every reader: not counted.
      if (this.live(key) !== undefined) deleted++;
      this.entries.delete(key);
    }
    return deleted;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private live(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.nowMilliseconds()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  private put(key: string, value: string, ttlSeconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.nowMilliseconds() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
