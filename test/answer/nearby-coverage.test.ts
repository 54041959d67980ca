import { describe, expect, it } from "vitest";
import { nearbyCoverage } from "../../src/answer/nearby-coverage.js";
import { PassageFeatureCache } from "../../src/answer/passage-features.js";
import type { Passage } from "../../src/passages/passage.js";
import { processTerm } from "../../src/search/text-processing.js";

function passage(sentences: string[]): Passage {
  return {
    id: "p#0",
    articleId: "p",
    position: 0,
    section: null,
    text: sentences.join(" "),
    sentences,
    outlet: null,
    title: null,
    url: null,
    published: null,
  };
}

const sentencesOf = (sentences: string[]) =>
  new PassageFeatureCache().get(passage(sentences)).sentences;
const [levee, broke, marlow] = ["levee", "broke", "Marlow"].map(processTerm) as [
  string,
  string,
  string,
];
// Each question term weighs the same: coverage is the share of them matched.
const share = ({ queryTerms }: { queryTerms: string[] }) => queryTerms.length / 3;
const all = { terms: [levee, broke, marlow], queryTerms: [levee, broke, marlow] };

describe("nearbyCoverage", () => {
  it("counts the question's words found together in one sentence in full", () => {
    const sentences = sentencesOf([
      "The levee at Marlow broke on Tuesday night.",
      "Schools stay closed.",
    ]);
    expect(nearbyCoverage(sentences, all, share)).toBe(1);
  });

  it("counts words in two adjacent sentences together: an actor named in one, the act in the next", () => {
    const sentences = sentencesOf([
      "Engineers had warned about the old levee at Marlow for years.",
      "On Tuesday night it broke.",
    ]);
    expect(nearbyCoverage(sentences, all, share)).toBe(1);
  });

  it("counts only the best stretch of words scattered over distant sentences", () => {
    const sentences = sentencesOf([
      "The levee was inspected last spring.",
      "Ticket prices for the fair went up.",
      "Marlow won the regional chess final.",
      "The season ends in May.",
      "A water pipe broke in the stadium.",
    ]);
    expect(nearbyCoverage(sentences, all, share)).toBeCloseTo(1 / 3);
  });

  it("finds a misspelled word's correction where the neighbour it was matched through is", () => {
    const sentences = sentencesOf(["Nothing here.", "Then the levee at Marlow broke."]);
    const misspelled = { terms: [levee, broke, marlow], queryTerms: ["leve", broke, marlow] };
    const weighOwn = ({ queryTerms }: { queryTerms: string[] }) =>
      queryTerms.filter((t) => misspelled.queryTerms.includes(t)).length / 3;
    expect(nearbyCoverage(sentences, misspelled, weighOwn)).toBe(1);
  });
});
