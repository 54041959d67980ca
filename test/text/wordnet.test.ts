import { describe, expect, it } from "vitest";
import { wordnetSynonyms } from "../../src/text/wordnet.js";

describe("wordnetSynonyms", () => {
  it("finds words that share a sense", () => {
    expect(wordnetSynonyms("insurgent")).toContain("rebel");
    expect(wordnetSynonyms("oust")).toContain("expel");
  });

  it("is empty for a word WordNet lacks, and never lists the word itself", () => {
    expect(wordnetSynonyms("qzxvbn")).toEqual([]);
    expect(wordnetSynonyms("rebel")).not.toContain("rebel");
  });
});
