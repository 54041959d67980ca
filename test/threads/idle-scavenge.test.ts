import { getHeapSpaceStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { idleScavenger } from "../../src/threads/idle-scavenge.js";

const youngUsed = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_used_size ?? 0;

describe("idleScavenger", () => {
  it("empties the young generation once it is full enough, and leaves it alone before", () => {
    const scavenge = idleScavenger(0.25);
    // Short-lived garbage, as an answer leaves, until the young generation is well filled.
    let scavenged = false;
    let length = 0;
    for (let i = 0; i < 5_000_000 && !scavenged; i++) {
      length += { i, text: `garbage ${i}` }.text.length;
      if (i % 1_000 === 0) scavenged = scavenge();
    }
    expect(length).toBeGreaterThan(0);
    expect(scavenged).toBe(true);
    const after = youngUsed();
    // Just emptied: under the share, so the next call does nothing.
    expect(scavenge()).toBe(false);
    expect(youngUsed()).toBeLessThanOrEqual(after + 64 * 1024);
  });

  it("never scavenges with a share above what the young generation can hold", () => {
    const never = idleScavenger(2);
    for (let i = 0; i < 50_000; i++) expect(never()).toBe(false);
  });
});
