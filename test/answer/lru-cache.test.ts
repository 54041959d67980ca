import { describe, expect, it } from "vitest";
import { LruCache } from "../../src/answer/lru-cache.js";

describe("LruCache", () => {
  it("computes a value once, and forgets the least recently used first", () => {
    const computed: string[] = [];
    const cache = new LruCache<string, string>(2);
    const get = (key: string) =>
      cache.get(key, (k) => {
        computed.push(k);
        return k.toUpperCase();
      });
    expect(get("a")).toBe("A");
    get("b");
    expect(get("a")).toBe("A"); // remembered; "b" is now the least recent
    get("c"); // evicts "b"
    get("a");
    get("b");
    expect(computed).toEqual(["a", "b", "c", "b"]);
  });

  it("remembers falsy values too", () => {
    let calls = 0;
    const cache = new LruCache<string, number>(2);
    cache.get("zero", () => {
      calls++;
      return 0;
    });
    expect(cache.get("zero", () => 1)).toBe(0);
    expect(calls).toBe(1);
  });

  it("peeks at a value without computing it or making it the most recent", () => {
    const cache = new LruCache<string, string>(2);
    cache.get("a", () => "A");
    cache.get("b", () => "B");
    expect(cache.peek("a")).toBe("A");
    expect(cache.peek("c")).toBeUndefined();
    cache.get("c", () => "C"); // "a" is still the least recent: evicted
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("b")).toBe("B");
  });
});
