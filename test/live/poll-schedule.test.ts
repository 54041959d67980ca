import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPollDelayMs } from "../../src/live/poll-schedule.js";

describe("nextPollDelayMs", () => {
  it("stays within ±20% of the poll period, whatever the random draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (seconds, draw) => {
          const delay = nextPollDelayMs(seconds, () => draw);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(seconds * 800));
          expect(delay).toBeLessThanOrEqual(Math.ceil(seconds * 1200));
        },
      ),
    );
  });

  it("reaches both ends of the range and the middle", () => {
    expect(nextPollDelayMs(900, () => 0)).toBe(720_000);
    expect(nextPollDelayMs(900, () => 0.5)).toBe(900_000);
    expect(nextPollDelayMs(900, () => 0.999_999)).toBeCloseTo(1_080_000, -1);
  });
});
