import { describe, expect, it } from "vitest";
import { nonNewsIntent } from "../../src/answer/question-intent.js";

const knowsNothing = () => false;

describe("nonNewsIntent", () => {
  it("finds requests that are plainly not news", () => {
    expect(nonNewsIntent("what's the weather in paris", knowsNothing)).toBe("weather");
    expect(nonNewsIntent("best recipe for banana bread", knowsNothing)).toBe("recipe");
    expect(nonNewsIntent("Translate this into Arabic", knowsNothing)).toBe("translate");
    expect(nonNewsIntent("cheap flights to vienna", knowsNothing)).toBe("flights");
    expect(nonNewsIntent("price of oil today", knowsNothing)).toBe("price");
    expect(nonNewsIntent("what time is it in damascus", knowsNothing)).toBe("what time is it");
    expect(nonNewsIntent("beach resorts near latakia", knowsNothing)).toBe("beach");
    expect(nonNewsIntent("who plays the president in the new movie", knowsNothing)).toBe("movie");
  });

  it("finds distances, costs, shopping, pastimes and pets asked about a place of the news", () => {
    expect(nonNewsIntent("how far is the capital from the coast", knowsNothing)).toBe("how far is");
    expect(nonNewsIntent("cost of living in the capital", knowsNothing)).toBe("cost of living");
    expect(nonNewsIntent("shop opening hours", knowsNothing)).toBe("opening hours");
    expect(nonNewsIntent("palace opening times", knowsNothing)).toBe("opening times");
    expect(nonNewsIntent("which currency do they use there", knowsNothing)).toBe("currency");
    expect(nonNewsIntent("funny memes about the minister", knowsNothing)).toBe("memes");
    expect(nonNewsIntent("names for a cat", knowsNothing)).toBe("cat");
  });

  it("leaves news questions alone", () => {
    expect(nonNewsIntent("who granted assad asylum", knowsNothing)).toBeNull();
    expect(nonNewsIntent("when did the offensive start", knowsNothing)).toBeNull();
  });

  it("leaves a word alone when the articles use it: then it is news", () => {
    const knowsPrices = (term: string) => term === "price";
    expect(nonNewsIntent("did oil prices rise", knowsPrices)).toBeNull();
  });
});
