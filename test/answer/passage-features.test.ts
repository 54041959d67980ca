import { describe, expect, it } from "vitest";
import { PassageFeatureCache } from "../../src/answer/passage-features.js";
import type { Passage } from "../../src/passages/passage.js";
import { overlap } from "../../src/text/shingles.js";
import { processTerm } from "../../src/text/terms.js";

function passage(text: string, sentences = [text]): Passage {
  return {
    id: `x#${text.length}`,
    articleId: "x",
    position: 0,
    section: null,
    text,
    sentences,
    title: null,
    outlet: null,
    url: null,
    published: null,
  };
}

describe("PassageFeatureCache", () => {
  it("gives each sentence's words and index terms, stop words as null", () => {
    const features = new PassageFeatureCache().get(
      passage("Putin granted asylum. It was his decision.", [
        "Putin granted asylum.",
        "It was his decision.",
      ]),
    );
    expect(features.sentences.map((s) => s.words)).toEqual([
      ["Putin", "granted", "asylum"],
      ["It", "was", "his", "decision"],
    ]);
    expect(features.sentences[0]?.terms).toEqual(["Putin", "granted", "asylum"].map(processTerm));
    expect(features.sentences[1]?.terms.slice(0, 3)).toEqual([null, null, null]);
  });

  it("numbers shingles alike across passages, so copies of one text overlap fully", () => {
    const cache = new PassageFeatureCache();
    const a = cache.shingles(passage("Assad arrived in Moscow with his family."));
    const b = cache.shingles(passage("Assad arrived in Moscow with his family!"));
    const c = cache.shingles(passage("The bases will be discussed with the new rulers."));
    expect(overlap(a, b)).toBe(1);
    expect(overlap(a, c)).toBe(0);
  });

  it("makes a passage's shingles for one comparison without remembering them", () => {
    const cache = new PassageFeatureCache();
    const once = passage("Assad arrived in Moscow with his family.");
    expect(cache.shinglesOnce(once)).not.toBe(cache.shinglesOnce(once));
    expect(cache.shinglesOnce(once)).toEqual(cache.shingles(once));
    expect(cache.shinglesOnce(once)).toBe(cache.shingles(once)); // remembered now, so reused
  });

  it("works out a passage once, and forgets the least recently used when full", () => {
    const cache = new PassageFeatureCache(2);
    const [one, two, three] = ["One fact here.", "Two facts here.", "Three facts here."].map((t) =>
      passage(t),
    ) as [Passage, Passage, Passage];
    const first = cache.get(one);
    const firstTwo = cache.get(two);
    expect(cache.get(one)).toBe(first); // remembered, and now the most recent
    cache.get(three); // evicts `two`
    expect(cache.get(one)).toBe(first);
    const twoAgain = cache.get(two); // worked out again
    expect(twoAgain).not.toBe(firstTwo);
    expect(twoAgain).toEqual(firstTwo);
  });
});
