import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { IndexCaches } from "../../src/answer/index-caches.js";
import { suggestQuestions, suggestQuestionsFor } from "../../src/answer/suggest-questions.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { queryTermsOf } from "../../src/text/terms.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex(
  splitIntoPassages(
    makeArticle({
      id: "storm",
      body: [
        {
          kind: "paragraph",
          text: "Mayor Elena Brandt said the shelters would stay open all week.",
        },
        { kind: "paragraph", text: "On March 3 the river broke its banks at Ostrava." },
        {
          kind: "paragraph",
          text: "The flood warning was lifted, Karel Novak told reporters.",
        },
      ],
    }),
  ),
);
const caches = new IndexCaches(index);
const answer = (i: typeof index, q: string) => answerQuestion(i, q, { suggest: false, caches });

describe("suggestQuestions", () => {
  it("generates questions from the articles that the bot answers confidently", () => {
    const questions = suggestQuestions(index, caches, 3, answer);
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions).toContain("what did Elena Brandt say");
    for (const q of questions) expect(answer(index, q).confidence).toBe("confident");
  });

  it("is deterministic and answers from memory the second time", () => {
    const first = suggestQuestions(index, caches, 2, answer);
    expect(suggestQuestions(index, caches, 2, answer)).toBe(first);
    expect(first).toEqual(suggestQuestions(index, caches, 3, answer).slice(0, 2));
    // Another index's caches start empty: the same questions, found again, not remembered.
    const elsewhere = new IndexCaches(index);
    const again = suggestQuestions(index, elsewhere, 2, answer);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it("comes with a reply that says the articles don't say", () => {
    const none = answerQuestion(index, "best pizza in town");
    expect(none.confidence).toBe("none");
    expect(none.suggestions?.length).toBeGreaterThan(0);
  });

  it("after a miss, puts first the suggestions whose answer shares the question's words", () => {
    const usual = suggestQuestions(index, caches, 3, answer);
    expect(usual[0]).not.toBe("what did Karel Novak say");
    const terms = queryTermsOf("was the flood warning for the whole valley lifted early");
    const related = suggestQuestionsFor(index, caches, terms, 3, answer);
    expect(related[0]).toBe("what did Karel Novak say");
    expect([...related].sort()).toEqual([...usual].sort());
  });

  it("after a miss with nothing in common, keeps the usual order", () => {
    const terms = queryTermsOf("best pizza in town");
    expect(suggestQuestionsFor(index, caches, terms, 3, answer)).toEqual(
      suggestQuestions(index, caches, 3, answer),
    );
  });
});
