import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripEmphasis, stripSlackMarkup } from "../../src/query/slack-markup.js";
import {
  FREEZING_MESSAGES,
  hostileSlackText,
  millisecondsFor,
  PER_MESSAGE_MS,
  TIMING_RUNS,
} from "../support/hostile-text.js";

describe("stripEmphasis", () => {
  it("reduces bold, italic, strike and runs of them to their words", () => {
    expect(stripEmphasis("when does the *dam* open")).toBe("when does the dam open");
    expect(stripEmphasis("_really_ ~not~ **twice** *_both_*")).toBe("really not twice both");
    expect(stripEmphasis("(*see* this), *and this*.")).toBe("(see this), and this.");
    expect(stripEmphasis("*one*\n_two_")).toBe("one\ntwo");
  });

  it("leaves marks that do not wrap words as typed", () => {
    for (const text of ["snake_case_name", "2*3*4", "*", "***", "* spaced *", "*a\nb*", "a*b* c"]) {
      expect(stripEmphasis(text)).toBe(text);
    }
    expect(stripEmphasis("*unclosed and *closed*")).toBe("*unclosed and closed");
  });

  it("reads 40,000 marks then a letter in one pass, as it does a short run", () => {
    for (const mark of ["*", "_", "~"]) {
      const text = `${mark.repeat(40_000)}x`;
      expect(stripEmphasis(text)).toBe(text);
      expect(millisecondsFor(stripEmphasis, text)).toBeLessThan(PER_MESSAGE_MS);
    }
  });
});

describe("stripSlackMarkup on hostile text", () => {
  it("reads each message that froze the bot in under 100 ms", () => {
    for (const text of FREEZING_MESSAGES) {
      expect(millisecondsFor(stripSlackMarkup, text)).toBeLessThan(PER_MESSAGE_MS);
    }
    expect(stripSlackMarkup(`${"<@".repeat(20_000)}x`)).toBe(`${"<@".repeat(20_000)}x`);
  });

  it("reads any text up to 40,000 characters in under 100 ms (property)", () => {
    fc.assert(
      fc.property(hostileSlackText, (text) => {
        expect(millisecondsFor(stripSlackMarkup, text)).toBeLessThan(PER_MESSAGE_MS);
      }),
      TIMING_RUNS,
    );
  });
});
