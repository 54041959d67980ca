import { describe, expect, it } from "vitest";
import { inSlices } from "../../src/threads/in-slices.js";

describe("inSlices", () => {
  it("does every item, counting those it did, and lets the event loop run between slices", async () => {
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const busy = (until: number) => {
      while (performance.now() < until);
    };
    const done = await inSlices(
      Array.from({ length: 40 }, (_, i) => i),
      (i) => {
        busy(performance.now() + 1);
        return i % 2 === 0;
      },
      4,
    );
    clearInterval(ticking);
    expect(done).toBe(20);
    // 40 ms of work in 4 ms slices: the loop turned between them.
    expect(turns).toBeGreaterThan(2);
  });

  it("stops at the item that says stop, and rejects with what an item throws", async () => {
    const seen: number[] = [];
    const done = await inSlices([1, 2, 3, 4], (i) => {
      seen.push(i);
      return i === 3 ? "stop" : true;
    });
    expect({ done, seen }).toEqual({ done: 2, seen: [1, 2, 3] });
    await expect(
      inSlices([1, 2], () => {
        throw new Error("broken item");
      }),
    ).rejects.toThrow("broken item");
  });
});
