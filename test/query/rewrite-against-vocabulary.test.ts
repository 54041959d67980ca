import { describe, expect, it } from "vitest";
import { rewriteAgainstVocabulary } from "../../src/query/rewrite-against-vocabulary.js";
import { millisecondsFor, PER_MESSAGE_MS } from "../support/hostile-text.js";

const corpusWords = new Set(["airbase", "floodgate", "france", "turkey", "paris", "unto", "onto"]);
const knows = (word: string) => corpusWords.has(word);

describe("rewriteAgainstVocabulary", () => {
  it("joins two words when the articles write them as one", () => {
    expect(rewriteAgainstVocabulary("where is the air base", knows)).toBe("where is the airbase");
  });

  it("does not join a word to a stop word, whatever the corpus holds", () => {
    expect(rewriteAgainstVocabulary("what does moscow want the un to do", knows)).toBe(
      "what does moscow want the un to do",
    );
    expect(rewriteAgainstVocabulary("who held on to power", knows)).toBe("who held on to power");
    expect(rewriteAgainstVocabulary("who opened the flood gate?", knows)).toBe(
      "who opened the floodgate?",
    );
    expect(rewriteAgainstVocabulary("who opened the gate", knows)).toBe("who opened the gate");
  });

  it("spells out chat abbreviations, gender-neutral titles and other spellings the articles use", () => {
    const words = new Set(["government", "spokeswoman", "defense", "organized", "labor"]);
    const known = (word: string) => words.has(word);
    expect(rewriteAgainstVocabulary("what did the govt say", known)).toBe(
      "what did the government say",
    );
    expect(rewriteAgainstVocabulary("the ministry spokesperson", known)).toBe(
      "the ministry spokeswoman",
    );
    expect(rewriteAgainstVocabulary("defence talks", known)).toBe("defense talks");
    expect(rewriteAgainstVocabulary("who organised it", known)).toBe("who organized it");
    expect(rewriteAgainstVocabulary("labour unions", known)).toBe("labor unions");
    // Unknown either way: left as typed.
    expect(rewriteAgainstVocabulary("honour guard", known)).toBe("honour guard");
  });

  it("reads ex- as former", () => {
    expect(rewriteAgainstVocabulary("the ex-president", knows)).toBe("the former president");
    expect(rewriteAgainstVocabulary("ex mayor", knows)).toBe("former mayor");
    expect(rewriteAgainstVocabulary("the texan", knows)).toBe("the texan");
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

describe("rewriteAgainstVocabulary on hostile text", () => {
  it("trims punctuation off a 40,000-character word in under 100 ms", () => {
    for (const word of [
      `a${"#".repeat(40_000)}x`,
      `${"#".repeat(40_000)}x`,
      `x${"?".repeat(40_000)}`,
    ]) {
      const question = `the ${word} air base`;
      expect(millisecondsFor((q) => rewriteAgainstVocabulary(q, knows), question)).toBeLessThan(
        PER_MESSAGE_MS,
      );
    }
    expect(rewriteAgainstVocabulary("air base?! (paris)", knows)).toBe("airbase?! (paris)");
  });
});
