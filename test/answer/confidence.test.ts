import { describe, expect, it } from "vitest";
import { confidenceOf, REPLY_THRESHOLDS } from "../../src/answer/confidence.js";

describe("confidenceOf", () => {
  it("says none when no passage was found", () => {
    expect(confidenceOf(null)).toBe("none");
  });

  it("is confident only with much specific information over most of the question", () => {
    expect(confidenceOf({ information: 2.5, topical: 2, coverage: 0.8 })).toBe("confident");
    // Two rare words matched, but chat or unmatched words leave much of the question uncovered.
    expect(confidenceOf({ information: 2, topical: 2, coverage: 0.4 })).toBe("tentative");
    // All of a short question matched, but it says little: shown, not vouched for.
    expect(confidenceOf({ information: 0.5, topical: 0.5, coverage: 1 })).toBe("tentative");
    // All of a short question matched, with a rare word's worth of information: confident.
    expect(confidenceOf({ information: 1.2, topical: 0.6, coverage: 1 })).toBe("confident");
  });

  it("shows the closest passages as tentative when the question is on the story", () => {
    expect(confidenceOf({ information: 0.6, topical: 0.6, coverage: 0.55 })).toBe("tentative");
    expect(confidenceOf({ information: 1.2, topical: 0.8, coverage: 0.3 })).toBe("tentative");
    // A name of the story matched, in a question worded mostly otherwise ("are russian bases on
    // high alert"): still shown, as maybe answering it.
    expect(confidenceOf({ information: 0.95, topical: 0.75, coverage: 0.4 })).toBe("tentative");
    expect(confidenceOf({ information: 0.95, topical: 0.75, coverage: 0.2 })).toBe("none");
  });

  it("says none when only everyday words or names of who reports match", () => {
    // "who won the world cup": "world" matches, and is everyday English.
    expect(confidenceOf({ information: 0.9, topical: 0, coverage: 0.6 })).toBe("none");
    // "what's the weather in paris" reaches "Agence France-Presse" only.
    expect(confidenceOf({ information: 0.9, topical: 0, coverage: 0.7 })).toBe("none");
    expect(confidenceOf({ information: 0.1, topical: 0.1, coverage: 1 })).toBe("none");
  });

  it("does not answer 'how many' or 'when' with a passage that holds no number or date", () => {
    expect(confidenceOf({ information: 3, coverage: 1, holdsAnswerKind: false })).toBe("none");
    expect(confidenceOf({ information: 3, coverage: 1, holdsAnswerKind: true })).toBe("confident");
  });

  it("takes other thresholds", () => {
    const strict = {
      ...REPLY_THRESHOLDS,
      confidentInformation: 5,
      confidentFullInformation: 5,
      tentativeCoverage: 1.01,
    };
    expect(confidenceOf({ information: 2, topical: 2, coverage: 0.9 }, strict)).toBe("tentative");
    const stricter = {
      ...strict,
      tentativeInformation: 5,
      answerInformation: 5,
      answerCoverage: 1.01,
      relatedTopical: 5,
    };
    expect(confidenceOf({ information: 2, topical: 2, coverage: 0.9 }, stricter)).toBe("none");
  });
});
