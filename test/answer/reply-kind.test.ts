import { describe, expect, it } from "vitest";
import { REPLY_THRESHOLDS, replyKind } from "../../src/answer/reply-kind.js";

describe("replyKind", () => {
  it("says none when no passage was found", () => {
    expect(replyKind(null)).toBe("none");
  });

  it("answers when the passage matches enough of what is specific in the question", () => {
    // Two rare words matched, though chat around them leaves the coverage low.
    expect(replyKind({ information: 2, coverage: 0.4 })).toBe("tentative");
    expect(replyKind({ information: 2, coverage: 0.6 })).toBe("confident");
  });

  it("answers a short question whose words the passage all matches, even common ones", () => {
    expect(replyKind({ information: 0.3, coverage: 1 })).toBe("confident");
  });

  it("says none when only words found everywhere in the articles match", () => {
    expect(replyKind({ information: 0.3, coverage: 0.5 })).toBe("none");
    expect(replyKind({ information: 0.1, coverage: 1 })).toBe("none");
  });

  it("does not answer 'how many' or 'when' with a passage that holds no number or date", () => {
    expect(replyKind({ information: 3, coverage: 1, holdsAnswerKind: false })).toBe("none");
    expect(replyKind({ information: 3, coverage: 1, holdsAnswerKind: true })).toBe("confident");
  });

  it("takes other thresholds", () => {
    const strict = { ...REPLY_THRESHOLDS, answerInformation: 5, answerCoverage: 1.01 };
    expect(replyKind({ information: 2, coverage: 0.9 }, strict)).toBe("none");
  });
});
