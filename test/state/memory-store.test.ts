import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/state/memory-store.js";
import { storeContract } from "./store-contract.js";

describe("MemoryStore", () => {
  let now = 1_000_000;
  storeContract({
    open: async () => new MemoryStore(() => now),
    elapse: async (milliseconds) => {
      now += milliseconds;
    },
  });

  it("drops the oldest entries beyond its bound", async () => {
    const store = new MemoryStore(() => now, 3);
    for (const key of ["a", "b", "c", "d"]) expect(store.claimNow(key, 60)).toBe(true);
    expect(store.claimNow("a", 60)).toBe(true);
    expect(store.claimNow("d", 60)).toBe(false);
  });

  it("honours a TTL shorter than a second", async () => {
    const store = new MemoryStore(() => now);
    expect(await store.claim("k", 0.25)).toBe(true);
    now += 300;
    expect(await store.claim("k", 0.25)).toBe(true);
  });
});
