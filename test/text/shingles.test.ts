import { describe, expect, it } from "vitest";
import { articleShinglesOf, overlap, shinglesOf } from "../../src/text/shingles.js";

describe("shinglesOf", () => {
  it("measures overlap on word 3-grams, folding case and punctuation", () => {
    const ids = new Map<string, number>();
    expect(
      overlap(shinglesOf("One two three four", ids), shinglesOf("one, TWO three four!", ids)),
    ).toBe(1);
    expect(overlap(shinglesOf("One two three", ids), shinglesOf("four five six", ids))).toBe(0);
    expect(overlap(shinglesOf("Asylum", ids), shinglesOf("asylum.", ids))).toBe(1);
  });
});

describe("articleShinglesOf", () => {
  const story =
    "The ferry left the harbour at dawn with two hundred passengers and reached the island by noon.";

  it("scores containment from 0 to 1", () => {
    const a = articleShinglesOf(story);
    expect(overlap(a, a)).toBe(1);
    expect(
      overlap(a, articleShinglesOf("something else entirely, nothing shared here at all")),
    ).toBe(0);
    expect(overlap(new Set(), a)).toBe(0);
  });

  it("counts a copy with an extra paragraph as containing the story", () => {
    const longer = `${story}\n\nA spokesman for the operator said the timetable would not change.`;
    expect(overlap(articleShinglesOf(story), articleShinglesOf(longer))).toBe(1);
  });

  it("keeps a text shorter than five words whole, and gives nothing for no words", () => {
    expect([...articleShinglesOf("Ferry left, early!")]).toEqual(["ferry left early"]);
    expect(articleShinglesOf(" … ").size).toBe(0);
  });
});
