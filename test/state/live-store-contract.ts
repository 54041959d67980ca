import { expect, it } from "vitest";
import type { LiveStore } from "../../src/state/live-store.js";

export interface LiveContractSubject {
  /** A fresh store over empty state; two calls with the same `shared` see the same state. */
  open: (shared?: string) => Promise<LiveStore>;
  /** Lets `milliseconds` pass for the store: advances an injected clock, or waits. */
  elapse: (milliseconds: number) => Promise<void>;
}

/** What every LiveStore does, in process or in Redis. */
export function liveStoreContract({ open, elapse }: LiveContractSubject): void {
  it("gives the lease to one holder, renews it for that holder only, and frees it on release", async () => {
    const store = await open();
    expect(await store.holdLease("poll", "a", 60_000)).toBe(true);
    expect(await store.holdLease("poll", "b", 60_000)).toBe(false);
    expect(await store.holdLease("poll", "a", 60_000)).toBe(true);
    await store.releaseLease("poll", "b");
    expect(await store.holdLease("poll", "b", 60_000)).toBe(false);
    await store.releaseLease("poll", "a");
    expect(await store.holdLease("poll", "b", 60_000)).toBe(true);
    await store.close();
  });

  it("lets another holder take the lease once it expired unrenewed", async () => {
    const store = await open();
    expect(await store.holdLease("poll", "a", 300)).toBe(true);
    await elapse(150);
    expect(await store.holdLease("poll", "a", 300)).toBe(true);
    await elapse(200);
    expect(await store.holdLease("poll", "b", 300)).toBe(false);
    await elapse(250);
    expect(await store.holdLease("poll", "b", 300)).toBe(true);
    expect(await store.holdLease("poll", "a", 300)).toBe(false);
    await store.close();
  });

  it("stores, lists and deletes records by group", async () => {
    const store = await open();
    await store.putRecord("follows", "C1", "one");
    await store.putRecord("follows", "C2", "two");
    await store.putRecord("follows", "C1", "one again");
    await store.putRecord("feeds", "u", "x");
    expect(await store.records("follows")).toEqual(
      new Map([
        ["C1", "one again"],
        ["C2", "two"],
      ]),
    );
    expect(await store.deleteRecord("follows", "C1")).toBe(true);
    expect(await store.deleteRecord("follows", "C1")).toBe(false);
    expect([...(await store.records("follows")).keys()]).toEqual(["C2"]);
    expect(await store.records("none")).toEqual(new Map());
    await store.close();
  });

  it("adds only the records a group lacks, and says which", async () => {
    const store = await open();
    expect(await store.addMissingRecords("arrivals", new Map([["a", "1"]]))).toEqual(["a"]);
    const added = await store.addMissingRecords(
      "arrivals",
      new Map([
        ["a", "2"],
        ["b", "2"],
      ]),
    );
    expect(added).toEqual(["b"]);
    expect((await store.records("arrivals")).get("a")).toBe("1");
    expect(await store.addMissingRecords("arrivals", new Map())).toEqual([]);
    await store.close();
  });

  it("delivers a published message to every subscriber, the publisher's own too", async () => {
    const a = await open("bus");
    const b = await open("bus");
    const heard: string[] = [];
    await a.subscribe("changed", (m) => heard.push(`a:${m}`));
    await b.subscribe("changed", (m) => heard.push(`b:${m}`));
    await b.subscribe("other", (m) => heard.push(`other:${m}`));
    await a.publish("changed", "1 article");
    const deadline = Date.now() + 5_000;
    while (heard.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(heard.sort()).toEqual(["a:1 article", "b:1 article"]);
    await a.close();
    await b.close();
  });
}
