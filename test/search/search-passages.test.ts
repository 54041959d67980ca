import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { findCandidates } from "../../src/search/search-passages.js";
import { queryTermsOf } from "../../src/text/terms.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex(
  splitIntoPassages(
    makeArticle({
      body: [
        {
          kind: "paragraph",
          text: "President Putin personally granted asylum to Assad, the Kremlin said.",
        },
        {
          kind: "paragraph",
          text: "The future of the Khmeimim airbase and the Tartous naval facility is open.",
        },
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS.",
        },
        {
          kind: "paragraph",
          text: "Rebels captured Aleppo, Hama and Homs before entering Damascus.",
        },
      ],
    }),
  ),
);
// The best candidate's text, as the search finds it before any reranking or abstention.
const candidates = (q: string) =>
  findCandidates(index, q).hits.map((hit) => index.passages[hit.id as number]?.text ?? "");
// What is shown: the answer's passages (none when the question is off-topic).
const shown = (q: string) => answerQuestion(index, q).items.map((item) => item.passage.text);

describe("search", () => {
  it("returns ranked passages with their source, score and matched terms", () => {
    const [first] = answerQuestion(index, "humanitarian grounds").items;
    expect(first).toMatchObject({
      passage: {
        title: "Kremlin Says Putin Decided",
        outlet: "Example News",
        url: "https://example.com/a",
        published: "2024-12-09",
      },
      matchedTerms: expect.arrayContaining(queryTermsOf("humanitarian grounds")),
    });
    expect(first?.score).toBeGreaterThan(0);
    expect(first?.passage.text).toMatch(/humanitarian/);
  });

  it("meets name variants and typos", () => {
    expect(candidates("Hmeimim")[0]).toMatch(/Khmeimim/);
    expect(candidates("tartus")[0]).toMatch(/Tartous/);
    expect(candidates("humanitarain grounds")[0]).toMatch(/humanitarian/);
    expect(candidates("Alepo")[0]).toMatch(/Aleppo/);
  });

  it("matches a prefix of an unknown word", () => {
    expect(candidates("humanit")[0]).toMatch(/humanitarian/);
  });

  it("returns nothing for off-topic questions and stop words alone", () => {
    expect(shown("how do I reset my password")).toEqual([]);
    expect(shown("banana bread recipe")).toEqual([]);
    expect(shown("who what when where why")).toEqual([]);
    expect(shown("")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(answerQuestion(index, "asylum", { limit: 1 }).items).toHaveLength(1);
  });
});
