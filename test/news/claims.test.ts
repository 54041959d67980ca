import { describe, expect, it } from "vitest";
import { claimSimilarity, claimText, SAME_CLAIM, stemWeights } from "../../src/news/claims.js";
import { newsOf, sentenceStarting } from "./news-fixture.js";

const SENTENCES = [
  "The governor personally ordered the evacuation of the valley, officials said.",
  "The decision to order the evacuation of the valley was made by the governor.",
  "Rain is expected to continue through the weekend across the region.",
  "“The water will not reach the town centre,” the mayor said on Friday.",
  "The mayor told reporters: “The water will not reach the town centre.”",
  "Schools in the town will stay closed until further notice.",
];

describe("claims", () => {
  const texts = SENTENCES.map(claimText);
  const weights = stemWeights(texts);
  const similarity = (a: number, b: number) =>
    claimSimilarity(texts[a] as never, texts[b] as never, weights);

  it("joins the same fact told in other words", () => {
    expect(similarity(0, 1)).toBeGreaterThanOrEqual(SAME_CLAIM);
  });

  it("joins the same quote", () => {
    expect(similarity(3, 4)).toBeGreaterThanOrEqual(SAME_CLAIM);
  });

  it("keeps different facts apart", () => {
    expect(similarity(0, 2)).toBeLessThan(SAME_CLAIM);
    expect(similarity(3, 5)).toBeLessThan(SAME_CLAIM);
  });

  it("marks a claim with the other articles that carry it, and one article's claim alone", () => {
    const data = newsOf([
      { id: "a", paragraphs: [SENTENCES[0] as string, SENTENCES[5] as string] },
      { id: "b", paragraphs: [SENTENCES[1] as string, SENTENCES[2] as string] },
      { id: "c", paragraphs: [SENTENCES[0] as string] },
    ]);
    expect(sentenceStarting(data, "The decision").reportedBy).toEqual(["a", "c"]);
    expect(sentenceStarting(data, "Schools").reportedBy).toEqual([]);
  });
});
