import { describe } from "vitest";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";
import { liveStoreContract } from "./live-store-contract.js";

describe("MemoryLiveStore", () => {
  let now = 0;
  const shared = new Map<string, MemoryLiveStore>();
  liveStoreContract({
    // One process: stores opened under one name are the same store, as replicas would share Redis.
    open: async (name) => {
      if (name === undefined) return new MemoryLiveStore(() => now);
      const store = shared.get(name) ?? new MemoryLiveStore(() => now);
      shared.set(name, store);
      return store;
    },
    elapse: async (ms) => {
      now += ms;
    },
  });
});
