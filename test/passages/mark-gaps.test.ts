import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GAP_MARK, markGaps } from "../../src/passages/mark-gaps.js";

describe("markGaps", () => {
  it("shows a scraper's holes as […]", () => {
    expect(markGaps("granted them asylum in , saying that")).toBe(
      "granted them asylum in […], saying that",
    );
    expect(markGaps("the difference between and the .")).toBe(
      "the difference between […] and the […].",
    );
    expect(markGaps("Breaking! and his family left.")).toBe("Breaking! […] and his family left.");
  });

  it("leaves whole sentences alone", () => {
    for (const text of [
      "Rain fell in the valley, and the river rose.",
      "Talks between the two sides resumed.",
      "“It is over,” she said. And then she left.",
    ]) {
      expect(markGaps(text)).toBe(text);
    }
  });

  it("changes nothing but the marks: taking them out gives the text back", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const marked = markGaps(text);
        // Before punctuation the mark takes the place of the stray space; elsewhere it is added.
        expect(marked.split(`${GAP_MARK} `).join("").split(` ${GAP_MARK}`).join(" ")).toBe(text);
      }),
    );
  });
});
