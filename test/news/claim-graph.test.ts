import { describe, expect, it } from "vitest";
import { sameClaimGraph } from "../../src/news/claim-graph.js";
import { claimSimilarity, claimText, SAME_CLAIM, stemWeights } from "../../src/news/claims.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";

describe("sameClaimGraph", () => {
  it("finds exactly the pairs that comparing every pair finds, on the project's articles", async () => {
    const { passages } = await buildIndexFromCorpus("corpus");
    const sentences = passages.flatMap((p) => p.sentences);
    const texts = [...new Set(sentences)];
    const claims = texts.map(claimText);
    const weights = stemWeights(sentences.map(claimText));
    const graph = sameClaimGraph(claims, weights);
    let pairs = 0;
    claims.forEach((a, i) => {
      const expected = claims.flatMap((b, j) =>
        claimSimilarity(a, b, weights) >= SAME_CLAIM ? [j] : [],
      );
      pairs += expected.length - 1;
      expect({ text: texts[i], same: graph[i] }).toEqual({ text: texts[i], same: expected });
    });
    // The articles report the same claims in other words: the reference finds some.
    expect(pairs).toBeGreaterThan(10);
  }, 60_000);

  it("gives a text of fewer than three content words no claim, not even its own", () => {
    const claims = ["Rain fell.", "Rain fell."].map(claimText);
    expect(sameClaimGraph(claims, stemWeights(claims))).toEqual([[], []]);
  });
});
