import { describe, expect, it } from "vitest";
import { buildTimeline } from "../../src/news/timeline.js";
import { newsOf } from "./news-fixture.js";

// The timeline's de-duplication compared every dated sentence with every kept one: with thousands
// of distinct dated events that is millions of claim comparisons a request (5.5–5.9 s a `timeline`
// at 12,800 passages). It now reads each sentence's claim neighbours, found with the index. The
// bound is generous (far above what the linear reading takes, far below the quadratic one).
const GENEROUS_MS = 2_000;
const EVENTS = 6_000;

/** A made-up word per event and slot, so no two events share a claim. */
const word = (i: number, slot: string) => `${slot}${i.toString(36)}`;

describe("timeline at scale", () => {
  const paragraphs = Array.from({ length: EVENTS / 3 }, (_, p) =>
    [0, 1, 2]
      .map((k) => {
        const i = p * 3 + k;
        return `On December ${1 + (i % 28)}, ${word(i, "qx")} ${word(i, "zv")} ${word(i, "kw")} happened.`;
      })
      .join(" "),
  );
  const data = newsOf([
    { id: "a", published: "2024-12-30", paragraphs },
    // The same events told again by another article: shown once.
    { id: "b", published: "2024-12-30", paragraphs: paragraphs.slice(0, 10) },
  ]);

  it("keeps every distinct dated event once, in well under a second's worth", () => {
    const started = performance.now();
    const events = buildTimeline(data);
    const ms = performance.now() - started;
    // Each event once, though article b repeats some (a few made-up words meet under stemming).
    expect(new Set(events.map((e) => e.text)).size).toBe(events.length);
    expect(events.length).toBeGreaterThan(EVENTS * 0.99);
    expect(events.length).toBeLessThanOrEqual(EVENTS);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it("filters by words without reading every event's text again", () => {
    const events = buildTimeline(data, word(42, "zv"));
    expect(events.map((e) => e.text)).toEqual([
      `On December ${1 + (42 % 28)}, ${word(42, "qx")} ${word(42, "zv")} ${word(42, "kw")} happened.`,
    ]);
  });
});
