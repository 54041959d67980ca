import { describe, expect, it } from "vitest";
import { rewriteAgainstVocabulary } from "../../src/query/rewrite-against-vocabulary.js";

const corpusWords = new Set(["airbase", "floodgate", "france", "turkey", "paris"]);
const knows = (word: string) => corpusWords.has(word);

describe("rewriteAgainstVocabulary", () => {
  it("joins two words when the articles write them as one", () => {
    expect(rewriteAgainstVocabulary("where is the air base", knows)).toBe("where is the airbase");
    expect(rewriteAgainstVocabulary("who opened the flood gate?", knows)).toBe(
      "who opened the floodgate?",
    );
    expect(rewriteAgainstVocabulary("who opened the gate", knows)).toBe("who opened the gate");
  });

  it("reads demonyms and capitals as their country, when the articles name the country", () => {
    expect(rewriteAgainstVocabulary("what did the french say", knows)).toBe(
      "what did the france say",
    );
    expect(rewriteAgainstVocabulary("what did ankara say", knows)).toBe("what did turkey say");
    // The articles know "paris": it is kept as it is.
    expect(rewriteAgainstVocabulary("talks in paris", knows)).toBe("talks in paris");
    // The articles do not name Germany: "german" stays.
    expect(rewriteAgainstVocabulary("the german view", knows)).toBe("the german view");
  });
});
