import { describe, expect, it } from "vitest";
import { PollLease } from "../../src/live/poll-lease.js";
import type { LiveStore } from "../../src/state/live-store.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";
import { StateStoreError } from "../../src/state/state-store-error.js";

function logger() {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
}

describe("PollLease", () => {
  it("lets one of two replicas poll, and the other take over once the holder stops renewing", async () => {
    let now = 0;
    const store = new MemoryLiveStore(() => now);
    const clock = () => now;
    const a = new PollLease({
      store,
      holder: "a",
      ttlMs: 60_000,
      logger: logger(),
      nowMilliseconds: clock,
    });
    const b = new PollLease({
      store,
      holder: "b",
      ttlMs: 60_000,
      logger: logger(),
      nowMilliseconds: clock,
    });
    expect(await a.tryHold()).toBe(true);
    expect(await b.tryHold()).toBe(false);
    expect([a.held, b.held]).toEqual([true, false]);
    // a renews every third of the lease; b keeps asking.
    for (let i = 0; i < 6; i++) {
      now += 20_000;
      await a.tryHold();
      expect(await b.tryHold()).toBe(false);
    }
    // a dies: it stops renewing. b takes over within a lease period and a third of its own tries.
    const died = now;
    while (!(await b.tryHold())) now += 20_000;
    expect(now - died).toBeLessThanOrEqual(60_000 + 20_000);
    expect(now - died).toBeLessThanOrEqual(2 * 60_000);
    // a's own clock says its lease has run out too: never two pollers by a's clock.
    expect(a.held).toBe(false);
    expect(b.held).toBe(true);
  });

  it("hands the lease over at once on a clean stop", async () => {
    const store = new MemoryLiveStore();
    const a = new PollLease({ store, holder: "a", ttlMs: 60_000, logger: logger() });
    const b = new PollLease({ store, holder: "b", ttlMs: 60_000, logger: logger() });
    expect(await a.tryHold()).toBe(true);
    await a.stop();
    expect(a.held).toBe(false);
    expect(await b.tryHold()).toBe(true);
  });

  it("stops polling, with a warning, when the lease cannot be renewed (Redis lost)", async () => {
    const store = new MemoryLiveStore();
    let lost = false;
    const flaky: LiveStore = Object.assign(Object.create(store) as LiveStore, {
      holdLease: (name: string, holder: string, ttlMs: number) =>
        lost
          ? Promise.reject(new StateStoreError("Redis lease failed: connection closed"))
          : store.holdLease(name, holder, ttlMs),
    });
    const log = logger();
    const lease = new PollLease({ store: flaky, holder: "a", ttlMs: 60_000, logger: log });
    expect(await lease.tryHold()).toBe(true);
    lost = true;
    expect(await lease.tryHold()).toBe(false);
    expect(lease.held).toBe(false);
    expect(log.lines.join("\n")).toMatch(/cannot renew the lease .*connection closed/);
  });
});
