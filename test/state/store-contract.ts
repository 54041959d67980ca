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

  it("deletes every key of a scope and nothing outside it", async () => {
    const store = await open();
    await store.set("ws:T1.e1:thread:C1:1.0", "a", 60);
    expect(await store.claim("ws:T1.e1:event:Ev1", 60)).toBe(true);
    await store.set("ws:T1.e1:answer:x", "b", 60);
    await store.set("ws:T12.e1:thread:C1:1.0", "other team", 60);
    await store.set("ws:T2.e2:thread:C1:1.0", "other workspace", 60);
    await store.set("feedback:voter-key", "global", 60);
    expect(await store.deleteScope("ws:T1.")).toBe(3);
    expect(await store.get("ws:T1.e1:thread:C1:1.0")).toBeNull();
    expect(await store.get("ws:T1.e1:answer:x")).toBeNull();
    expect(await store.claim("ws:T1.e1:event:Ev1", 60)).toBe(true);
    expect(await store.get("ws:T12.e1:thread:C1:1.0")).toBe("other team");
    expect(await store.get("ws:T2.e2:thread:C1:1.0")).toBe("other workspace");
    expect(await store.get("feedback:voter-key")).toBe("global");
    expect(await store.deleteScope("ws:T9.")).toBe(0);
    await store.close();
  });

  it("takes a scope's prefix literally, glob characters included, and refuses the empty one", async () => {
    const store = await open();
    await store.set("ws:a*:k", "starred", 60);
    await store.set("ws:ab:k", "plain", 60);
    expect(await store.deleteScope("ws:a*")).toBe(1);
    expect(await store.get("ws:ab:k")).toBe("plain");
    await expect(store.deleteScope("")).rejects.toThrow(/non-empty/);
    expect(await store.get("ws:ab:k")).toBe("plain");
    await store.close();
  });
}
