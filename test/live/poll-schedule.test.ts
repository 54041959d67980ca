import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FAILING_AFTER,
  feedBackoffMs,
  feedDue,
  MAX_BACKOFF_POLLS,
  nextPollDelayMs,
} from "../../src/live/poll-schedule.js";

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

describe("feed backoff", () => {
  it("does not hold back a feed after one failure, then doubles the wait up to a cap", () => {
    expect(feedBackoffMs(0, 900)).toBe(0);
    expect(feedBackoffMs(1, 900)).toBe(0);
    expect(feedBackoffMs(2, 900)).toBe(2 * 900_000);
    expect(feedBackoffMs(3, 900)).toBe(4 * 900_000);
    expect(feedBackoffMs(50, 900)).toBe(MAX_BACKOFF_POLLS * 900_000);
  });

  it("polls a new or healthy feed every time", () => {
    expect(feedDue(undefined, 0, 900)).toBe(true);
    expect(feedDue({ failuresInRow: 0, lastFetchAt: 1_000 }, 1_001, 900)).toBe(true);
  });

  it("skips a feed that failed three times in a row until its backoff has passed", () => {
    const failing = { failuresInRow: FAILING_AFTER, lastFetchAt: 0 };
    const wait = feedBackoffMs(FAILING_AFTER, 60);
    // A poll period after the failure (the usual next poll): not yet.
    expect(feedDue(failing, 60_000, 60)).toBe(false);
    expect(feedDue(failing, wait, 60)).toBe(true);
    // A poll that came a fifth early, by the jitter, still counts.
    expect(feedDue(failing, wait - 12_000, 60)).toBe(true);
    expect(feedDue(failing, wait - 13_000, 60)).toBe(false);
  });
});
