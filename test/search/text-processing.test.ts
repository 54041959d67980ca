import { describe, expect, it } from "vitest";
import { fuzzyDistance, processTerm, queryTermsOf } from "../../src/search/text-processing.js";

describe("processTerm", () => {
  it("drops stop words, question words included", () => {
    for (const word of ["the", "who", "What", "why", "how", "al", "said"])
      expect(processTerm(word)).toBeNull();
  });

  it("stems so word forms meet", () => {
    expect(processTerm("granted")).toBe(processTerm("grant"));
    expect(processTerm("bases")).toBe(processTerm("base"));
  });

  it("maps spelling variants of names to one form", () => {
    const same = (a: string, b: string) => expect(processTerm(a)).toBe(processTerm(b));
    same("Khmeimim", "Hmeimim");
    same("Tartous", "Tartus");
    same("Polyanskiy", "Polyansky");
    same("Polanski", "Polyansky");
    same("Asad", "Assad");
  });

  it("folds case and diacritics", () => {
    expect(processTerm("DAMASCUS")).toBe(processTerm("damascus"));
    expect(processTerm("Alép")).toBe(processTerm("alep"));
  });
});

describe("queryTermsOf", () => {
  it("splits al-Assad so it meets Assad, and drops repeats", () => {
    expect(queryTermsOf("al-Assad and Assad")).toEqual(["assad"]);
  });

  it("is empty for a question made only of stop words", () => {
    expect(queryTermsOf("who what when where why")).toEqual([]);
  });

  it('reads "how long", "how many" as one question word, but keeps those words elsewhere', () => {
    expect(queryTermsOf("How long was the family in power")).toEqual(["famili", "power"]);
    expect(queryTermsOf("how  many troops")).toEqual(["troop"]);
    expect(queryTermsOf("a long war, and many troops")).toEqual(["long", "war", "mani", "troop"]);
  });
});

describe("fuzzyDistance", () => {
  it("is fuzzy only for longer words the index does not know", () => {
    expect(fuzzyDistance("grantd", false)).toBe(1);
    expect(fuzzyDistance("khmeymimm", false)).toBe(2);
    expect(fuzzyDistance("grant", true)).toBe(false);
    expect(fuzzyDistance("war", false)).toBe(false);
  });
});
