import { describe, expect, it } from "vitest";
import { coverageScorer } from "../../src/answer/evidence-scores.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { processTerm } from "../../src/text/terms.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex(
  splitIntoPassages(
    makeArticle({
      id: "flood",
      body: [
        { kind: "paragraph", text: "The Marlow levee broke on Tuesday night." },
        { kind: "paragraph", text: "Schools in the county stay closed." },
      ],
    }),
  ),
);
const term = (word: string) => processTerm(word) as string;

describe("coverageScorer", () => {
  const terms = [term("marlow"), term("levee")];

  it("gives a hit matching every question term all of the question", () => {
    expect(coverageScorer(index, terms)({ queryTerms: terms })).toBeCloseTo(1);
  });

  it("gives a hit matching one of two terms a share between nothing and all", () => {
    const share = coverageScorer(index, terms)({ queryTerms: [term("levee")] });
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
  });

  it("counts a synonym only beside one of the question's own words", () => {
    const dam = term("dam");
    const expansions = new Map([[dam, [term("levee")]]]);
    const scorer = coverageScorer(index, [term("marlow"), dam], new Map(), expansions);
    expect(scorer({ queryTerms: [term("levee")] })).toBe(0);
    expect(scorer({ queryTerms: [term("marlow"), term("levee")] })).toBeGreaterThan(
      scorer({ queryTerms: [term("marlow")] }),
    );
  });
});
