import { describe, expect, it } from "vitest";
import { answerQuestion, chooseAnswerSentence } from "../../src/answer/answer-question.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex([
  ...splitIntoPassages(
    makeArticle({
      id: "a",
      body: [
        {
          kind: "paragraph",
          text: "Former president Assad has been granted asylum in Russia, the reports said. More followed.",
        },
        {
          kind: "paragraph",
          text: "President Vladimir Putin personally granted asylum to Assad, the Kremlin said Monday.",
        },
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS.",
        },
        {
          kind: "paragraph",
          text: "The future of the Khmeimim airbase and the Tartous naval facility is open.",
        },
        {
          kind: "paragraph",
          text: "On December 8, rebels entered Damascus and the army withdrew.",
        },
      ],
    }),
  ),
  ...splitIntoPassages(
    makeArticle({
      id: "b",
      outlet: null,
      url: null,
      body: [
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS news.",
        },
      ],
    }),
  ),
]);
const first = (q: string) => answerQuestion(index, q).items[0]?.passage.text ?? "";

describe("answerQuestion", () => {
  it("puts the passage with the expected kind of answer first", () => {
    const texts = answerQuestion(index, "who granted asylum").items.map((i) => i.passage.text);
    const agent = texts.findIndex((t) => t.startsWith("President Vladimir Putin"));
    const passive = texts.findIndex((t) => t.startsWith("Former president Assad"));
    expect(agent).toBeGreaterThanOrEqual(0);
    expect(passive === -1 || agent < passive).toBe(true);
    expect(first("why was asylum granted")).toMatch(/humanitarian/);
    expect(first("when did rebels enter damascus")).toMatch(/December 8/);
  });

  it("merges a fact two outlets carry into one result, also reported by the other", () => {
    const items = answerQuestion(index, "humanitarian grounds").items;
    expect(items).toHaveLength(1);
    expect(items[0]?.passage.articleId).toBe("a");
    expect(items[0]?.alsoReportedBy).toHaveLength(1);
  });

  it("finds the same passages for misspelled names and words", () => {
    const ids = (q: string) => answerQuestion(index, q).items.map((i) => i.passage.id);
    expect(ids("grantd asylum")).toEqual(ids("granted asylum"));
    expect(ids("asad asylum")).toEqual(ids("assad asylum"));
    expect(ids("Hmeimim")).toEqual(ids("Khmeimim"));
    expect(ids("humanitarain")).toEqual(ids("humanitarian"));
  });

  it("returns nothing below the confidence threshold", () => {
    expect(answerQuestion(index, "how do I bake banana bread").items).toEqual([]);
    expect(answerQuestion(index, "asylum pizza delivery menu").items).toEqual([]);
    expect(
      answerQuestion(index, "asylum pizza", { minCoverage: 0.01 }).items.length,
    ).toBeGreaterThan(0);
  });

  it("drops a partial match that holds no answer of the kind asked for", () => {
    // "naval" matches the Tartous passage, which holds no date: half a match, and no answer.
    const partial = (q: string, options = {}) =>
      answerQuestion(index, q, { minCoverage: 0.3, ...options }).items.map((i) => i.passage.text);
    expect(partial("naval recipes")).toEqual([expect.stringMatching(/Tartous naval/)]);
    expect(partial("when naval recipes")).toEqual([]);
    expect(partial("when naval recipes", { minCoverageWithoutEvidence: 0 })).toHaveLength(1);
    // A passage that holds a date stays, however little of the question it matches.
    expect(partial("when did rebels bake")).toEqual([expect.stringMatching(/December 8/)]);
    expect(partial("when did rebels bake", { evidence: () => 0 })).toEqual([]);
  });
});

describe("chooseAnswerSentence", () => {
  it("picks the sentence with the matched words and the expected kind of answer", () => {
    const passage = index.passages[0];
    if (!passage) throw new Error("fixture has no passage");
    expect(chooseAnswerSentence(index, passage, ["grant", "asylum"], "person")).toEqual({
      sentence: 0,
      evidence: 0.5,
    });
    expect(chooseAnswerSentence(index, passage, ["follow"], null).sentence).toBe(1);
  });
});
