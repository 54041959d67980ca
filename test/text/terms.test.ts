import { describe, expect, it } from "vitest";
import {
  fuzzyDistance,
  processTerm,
  queryTermsOf,
  termWeight,
  warmTerm,
} from "../../src/text/terms.js";

describe("processTerm", () => {
  it("drops stop words, question words included", () => {
    for (const word of ["the", "who", "What", "why", "how", "al", "said"])
      expect(processTerm(word)).toBeNull();
  });

  it("stems so word forms meet", () => {
    expect(processTerm("granted")).toBe(processTerm("grant"));
    expect(processTerm("bases")).toBe(processTerm("base"));
  });

  it("gives transliterations of one name one term, with no list of names", () => {
    const same = (a: string, b: string) => expect(processTerm(a)).toBe(processTerm(b));
    same("Kharkiv", "Harkiv");
    same("Tchaikovskiy", "Tchaikovsky");
    same("Rachmaninoff", "Rachmaninov");
    same("Mussolini", "Musolini");
    same("Soutine", "Sutine");
    // Stemming comes first, so a doubled consonant of English inflection still meets its word.
    same("planned", "plan");
  });

  it("indexes words that are names of object properties like any other", () => {
    expect(processTerm("constructor")).toBe("constructor");
    expect(processTerm("toString")).toBe(processTerm("tostring"));
  });

  it("folds case and diacritics", () => {
    expect(processTerm("DAMASCUS")).toBe(processTerm("damascus"));
    expect(processTerm("Alép")).toBe(processTerm("alep"));
  });
});

describe("queryTermsOf", () => {
  it("splits al-Assad so it meets Assad, and drops repeats", () => {
    expect(queryTermsOf("al-Assad and Assad")).toEqual([processTerm("Assad")]);
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

describe("termWeight", () => {
  it("weighs the asker's newsroom chat and light verbs less than words of the topic", () => {
    const weight = (word: string) => termWeight(processTerm(word) ?? "");
    expect(weight("caption")).toBeLessThan(weight("embassy"));
    expect(weight("verbatim")).toBeLessThan(weight("ceasefire"));
    expect(weight("give")).toBeLessThan(weight("ceasefire"));
    expect(weight("ceasefire")).toBe(1);
  });
});

describe("warmTerm", () => {
  it("works out a folded word's term ahead, once, and every spelling of it then gives that term", () => {
    const word = "zqxwarmedgranting";
    expect(warmTerm(word)).toBe(true);
    expect(warmTerm(word)).toBe(false);
    const term = processTerm(word);
    expect(processTerm("Zqxwarmedgranting")).toBe(term);
    expect(processTerm("ZQXWARMEDGRANTING")).toBe(term);
    expect(term).toMatch(/^zqxwarm/);
    // A stop word warmed stays no term.
    warmTerm("the");
    expect(processTerm("The")).toBeNull();
  });
});
