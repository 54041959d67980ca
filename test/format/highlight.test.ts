import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightTerms } from "../../src/format/highlight.js";
import { processTerm } from "../../src/text/terms.js";

const emphasised = (text: string, terms: string[]) =>
  highlightTerms(text, terms)
    .filter((s) => s.emphasis)
    .map((s) => s.text);

describe("highlightTerms", () => {
  it("emphasises every form of a matched word, by its index term", () => {
    const flood = processTerm("flood") as string;
    expect(emphasised("Floods came; the flooded valley kept flooding.", [flood])).toEqual([
      "Floods",
      "flooded",
      "flooding",
    ]);
  });

  it("folds accents and case like the index", () => {
    const term = processTerm("evacuated") as string;
    expect(emphasised("ÉVACUATED residents", [term])).toEqual(["ÉVACUATED"]);
  });

  it("never emphasises a stop word, and nothing when no term is given", () => {
    expect(emphasised("the dam and the river", ["the"])).toEqual([]);
    expect(highlightTerms("the dam", [])).toEqual([{ text: "the dam", emphasis: false }]);
  });

  it("joins adjacent matched words into one phrase", () => {
    const terms = ["dam", processTerm("breach") as string];
    expect(emphasised("a dam breach upstream", terms)).toEqual(["dam breach"]);
  });

  it("gives back the input exactly when its runs are joined (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ maxLength: 8 })),
        (text, words) => {
          const terms = words.flatMap((w) => processTerm(w) ?? []);
          expect(
            highlightTerms(text, terms)
              .map((s) => s.text)
              .join(""),
          ).toBe(text);
        },
      ),
    );
  });
});
