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

  it("leaves news questions alone", () => {
    expect(nonNewsIntent("who granted assad asylum", knowsNothing)).toBeNull();
    expect(nonNewsIntent("when did the offensive start", knowsNothing)).toBeNull();
  });

  it("leaves a word alone when the articles use it: then it is news", () => {
    const knowsPrices = (term: string) => term === "price";
    expect(nonNewsIntent("did oil prices rise", knowsPrices)).toBeNull();
  });
});
