import { expect, it } from "vitest";
import type { StateStore } from "../../src/state/state-store.js";

export interface ContractSubject {
  /** A fresh store over empty state (a new key prefix, or a new process store). */
  open: () => Promise<StateStore>;
  /** Lets `milliseconds` pass for the store: advances an injected clock, or waits. */
  elapse: (milliseconds: number) => Promise<void>;
}

/**
 * What every StateStore does, whatever keeps the state: the same cases run against the in-process
 * store, Redis, and Redis behind the fallback.
 */
export function storeContract(subject: ContractSubject): void {
  const { open, elapse } = subject;

  it("grants a claim once while it stands", async () => {
    const store = await open();
    expect(await store.claim("event:Ev1", 60)).toBe(true);
    expect(await store.claim("event:Ev1", 60)).toBe(false);
    expect(await store.claim("event:Ev1", 60)).toBe(false);
    await store.close();
  });

  it("keeps claims of different keys apart", async () => {
    const store = await open();
    expect(await store.claim("event:A", 60)).toBe(true);
    expect(await store.claim("event:B", 60)).toBe(true);
    expect(await store.claim("share:A", 60)).toBe(true);
    await store.close();
  });

  it("grants a claim again once it expired", async () => {
    const store = await open();
    expect(await store.claim("event:short", 1)).toBe(true);
    await elapse(500);
    expect(await store.claim("event:short", 1)).toBe(false);
    await elapse(1_200);
    expect(await store.claim("event:short", 1)).toBe(true);
    await store.close();
  });

  it("grants a released claim again", async () => {
    const store = await open();
    expect(await store.claim("share:x", 60)).toBe(true);
    await store.release("share:x");
    expect(await store.claim("share:x", 60)).toBe(true);
    await store.release("share:never-claimed");
    await store.close();
  });

  it("grants exactly one of many concurrent claims of one key", async () => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.claim("event:burst", 60)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.close();
  });

  it("answers null for a value never set", async () => {
    const store = await open();
    expect(await store.get("thread:none")).toBeNull();
    await store.close();
  });

  it("returns what was set, the last value winning, text kept exactly", async () => {
    const store = await open();
    const value = JSON.stringify({ question: "Où est la flotte ? 艦隊", passages: [1, 2] });
    await store.set("thread:C1:1.0", "first", 60);
    await store.set("thread:C1:1.0", value, 60);
    expect(await store.get("thread:C1:1.0")).toBe(value);
    await store.set("answer:empty", "", 60);
    expect(await store.get("answer:empty")).toBe("");
    await store.close();
  });

  it("forgets a value once it expired", async () => {
    const store = await open();
    await store.set("answer:short", "v", 1);
    await elapse(500);
    expect(await store.get("answer:short")).toBe("v");
    await elapse(1_200);
    expect(await store.get("answer:short")).toBeNull();
    await store.close();
  });

  it("keeps claims and values of one key apart from other keys", async () => {
    const store = await open();
    await store.set("thread:k", "v", 60);
    expect(await store.claim("event:k", 60)).toBe(true);
    expect(await store.get("thread:k")).toBe("v");
    await store.close();
  });
}
