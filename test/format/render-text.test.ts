import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "../../src/format/messages.js";
import { renderAnswerText } from "../../src/format/render-text.js";
import type { Passage } from "../../src/passages/passage.js";

const passage: Passage = {
  id: "a#0",
  articleId: "a",
  position: 0,
  section: null,
  text: "The dam opened on Monday.",
  sentences: ["The dam opened on Monday."],
  title: "Dam opens",
  outlet: "River News",
  url: null,
  published: null,
};

const item = { passage, score: 1, matchedTerms: ["dam"], answerSentence: 0, alsoReportedBy: [] };

describe("renderAnswerText", () => {
  it("says which kind of reply it is", () => {
    const confident: Answer = { question: "q", confidence: "confident", items: [item] };
    const tentative: Answer = { ...confident, confidence: "tentative" };
    expect(renderAnswerText(confident)).not.toContain(TENTATIVE_TEXT);
    expect(renderAnswerText(tentative).startsWith(TENTATIVE_TEXT)).toBe(true);
    const none: Answer = {
      question: "q",
      confidence: "none",
      items: [],
      suggestions: ["when did the dam open"],
    };
    expect(renderAnswerText(none)).toContain(NO_MATCH_TEXT);
    expect(renderAnswerText(none)).toContain(`${SUGGESTIONS_HEADING}\n  • when did the dam open`);
  });
});
