import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { answerRefOf, newAnswerId } from "../../src/feedback/answer-ref.js";

describe("answerRefOf", () => {
  it("names each passage by its url, or its id when it has none", () => {
    const passage = (id: string, url: string | null) => ({
      id,
      articleId: id.split("#")[0] as string,
      position: 0,
      section: null,
      text: "t",
      sentences: ["t"],
      title: null,
      outlet: null,
      url,
      published: null,
    });
    const answer: Answer = {
      question: "Who rebuilt the bridge?",
      confidence: "confident",
      items: [
        {
          passage: passage("a#0", "https://example.org/a"),
          score: 1,
          matchedTerms: [],
          answerSentence: 0,
          alsoReportedBy: [],
        },
        {
          passage: passage("b#2", null),
          score: 1,
          matchedTerms: [],
          answerSentence: 0,
          alsoReportedBy: [],
        },
      ],
    };
    expect(answerRefOf(answer, "id1")).toEqual({
      answerId: "id1",
      question: "Who rebuilt the bridge?",
      passages: ["https://example.org/a", "b#2"],
    });
    expect(newAnswerId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(newAnswerId()).not.toBe(newAnswerId());
  });
});
