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

  it("marks what the three patterns alone mark: the scan that skips texts without holes misses none", () => {
    // The patterns as markGaps applies them, on every text.
    const unguarded = (text: string) =>
      text
        .replace(/(?<=[\p{L}\d]) (?=[,.;:!?](?:\s|$))/gu, ` ${GAP_MARK}`)
        .replace(
          /\b(?:the|an?) (?=(?:and|or|but|the|an?)\b)|\bbetween (?=(?:and|or)\b)/gi,
          (m) => `${m}${GAP_MARK} `,
        )
        .replace(/([!?.]) (?=(?:and|or)\b)/g, `$1 ${GAP_MARK} `);
    const piece = fc.constantFrom(
      ...["the", "The", "a", "An", "and", "OR", "but", "between", "Between", "word", "é", "7"],
      ...[",", ".", "!", "?", ";", ":", " ", " ", " ", "\n", "band", "oral"],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join("");
        expect(markGaps(text)).toBe(unguarded(text));
      }),
      { numRuns: 3000 },
    );
  });
});
