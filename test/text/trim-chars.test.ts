import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNonWordChar, oneOf, trimEdges, trimEndChars } from "../../src/text/trim-chars.js";

describe("trimEndChars", () => {
  it("drops the run of the given characters at the end only", () => {
    expect(trimEndChars("why?!.", "?!.")).toBe("why");
    expect(trimEndChars("?why", "?")).toBe("?why");
    expect(trimEndChars("why? ", "?")).toBe("why? ");
    expect(trimEndChars("???", "?")).toBe("");
    expect(trimEndChars("", "?")).toBe("");
  });
});

describe("trimEdges", () => {
  it("trims each end with its own test", () => {
    expect(trimEdges("“(Assad),”", oneOf("“(["), oneOf("”),."))).toBe("Assad");
    expect(trimEdges("((", oneOf("("), oneOf(")"))).toBe("");
    expect(oneOf("()")("")).toBe(false);
  });

  it("does what /^\\W+|\\W+$/g does (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "_", "1", "?", " ", "-", "é", "😀") }),
        (text) => {
          expect(trimEdges(text, isNonWordChar)).toBe(text.replace(/^\W+|\W+$/g, ""));
        },
      ),
    );
  });
});
