import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileStoryMatcher } from "../../src/ingest/story-match.js";

describe("compileStoryMatcher", () => {
  const matches = compileStoryMatcher(["strike", "Dockworkers", "air base"]);

  it("matches whole words in any case", () => {
    expect(matches("STRIKE at the port")).toBe(true);
    expect(matches("The dockworkers' union")).toBe(true);
    expect(matches("Strikers gathered")).toBe(false);
    expect(matches("a lucky-strike brand")).toBe(true);
  });

  it("matches a phrase only when its words follow one another", () => {
    expect(matches("the Air  Base was closed")).toBe(true);
    expect(matches("air traffic near the base")).toBe(false);
  });

  it("matches nothing with no words", () => {
    expect(compileStoryMatcher([])("strike")).toBe(false);
  });

  it("finds a listed word wherever it is put in any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(matches(`${before} strike ${after}`)).toBe(true);
      }),
    );
  });

  it("does not take a phrase's first word, however often repeated, for the phrase", () => {
    expect(matches("air ".repeat(50_000))).toBe(false);
    expect(matches(`${"air ".repeat(50_000)}base`)).toBe(true);
  });
});
