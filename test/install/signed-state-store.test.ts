import { describe, expect, it } from "vitest";
import { SignedStateStore } from "../../src/install/signed-state-store.js";
import { MemoryStore } from "../../src/state/memory-store.js";

const secret = "state-secret-0123456789abcdef0123456789";
const store = (state = new MemoryStore()) => new SignedStateStore({ secret, state });
const t0 = new Date("2026-01-01T00:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("SignedStateStore", () => {
  it("accepts its own state once, within ten minutes", async () => {
    const s = store();
    const state = await s.generateStateParam({ scopes: [] }, t0);
    await expect(s.verifyStateParam(later(9 * 60_000), state)).resolves.toEqual({ scopes: [] });
    await expect(s.verifyStateParam(later(9 * 60_000), state)).rejects.toThrow(/already used/);
  });

  it("refuses a state once used at another replica sharing the store", async () => {
    const shared = new MemoryStore();
    const state = await store(shared).generateStateParam({ scopes: [] }, t0);
    await store(shared).verifyStateParam(t0, state);
    await expect(store(shared).verifyStateParam(t0, state)).rejects.toThrow(/already used/);
  });

  it("refuses an expired state, and one from the future", async () => {
    const s = store();
    const state = await s.generateStateParam({ scopes: [] }, t0);
    await expect(s.verifyStateParam(later(10 * 60_000 + 1), state)).rejects.toThrow(/expired/);
    await expect(s.verifyStateParam(later(-5 * 60_000), state)).rejects.toThrow(/expired/);
  });

  it("refuses a state signed with another secret, or altered, or malformed", async () => {
    const other = new SignedStateStore({ secret: `${secret}x`, state: new MemoryStore() });
    const forged = await other.generateStateParam({ scopes: [] }, t0);
    await expect(store().verifyStateParam(t0, forged)).rejects.toThrow(/not signed/);
    const mine = await store().generateStateParam({ scopes: [] }, t0);
    const altered = mine.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    await expect(store().verifyStateParam(t0, altered)).rejects.toThrow(/not signed|expired/);
    for (const bad of ["", "x", "1.2.3", `${mine}.extra`, "a".repeat(10_000)]) {
      await expect(store().verifyStateParam(t0, bad)).rejects.toThrow(/malformed/);
    }
  });
});
