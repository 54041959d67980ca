import { describe, expect, it } from "vitest";
import { createOriginGate } from "../../src/ingest/origin-gate.js";

/** A clock that moves only when the gate sleeps, and a log of what ran when. */
function fakeClock() {
  let now = 1_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("createOriginGate", () => {
  it("runs one task per origin at a time, the least interval apart", async () => {
    const clock = fakeClock();
    const gate = createOriginGate(2_000, clock.now, clock.sleep);
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`${name}@${clock.now()}`);
      await Promise.resolve();
      running--;
    };
    await Promise.all([
      gate.run("https://a.example", task("a1")),
      gate.run("https://a.example", task("a2")),
    ]);
    expect(log).toEqual(["a1@1000", "a2@3000"]);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it("keeps origins apart: another origin does not wait", async () => {
    const clock = fakeClock();
    const gate = createOriginGate(2_000, clock.now, clock.sleep);
    await gate.run("https://a.example", async () => {});
    await gate.run("https://b.example", async () => {});
    expect(clock.sleeps).toEqual([]);
  });

  it("goes on after a failed task", async () => {
    const clock = fakeClock();
    const gate = createOriginGate(0, clock.now, clock.sleep);
    await expect(gate.run("o", async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    await expect(gate.run("o", async () => "next")).resolves.toBe("next");
  });

  it("remembers a backoff until its time has passed", () => {
    const clock = fakeClock();
    const gate = createOriginGate(0, clock.now, clock.sleep);
    gate.backOff("o", 5_000);
    expect(gate.blockedUntil("o")).toBe(5_000);
    clock.advance(4_000);
    expect(gate.blockedUntil("o")).toBeNull();
  });
});
