import { describe, expect, it } from "vitest";
import { TOO_LONG_TEXT } from "../../src/format/messages.js";
import { QUESTION_MAX_CHARS } from "../../src/query/question-length.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { FREEZING_MESSAGES, itReadsHostileTextFast } from "../support/hostile-text.js";

describe("routeRequest", () => {
  it("reads empty text, help and ? as help", () => {
    for (const text of ["", "  ", "help", "HELP", "?", undefined, "<@U123>"]) {
      expect(routeRequest(text)).toEqual({ kind: "help" });
    }
  });

  it("reads sources, timeline with and without words, and who with a name", () => {
    expect(routeRequest("sources")).toEqual({ kind: "sources" });
    expect(routeRequest("Timeline")).toEqual({ kind: "timeline", words: "" });
    expect(routeRequest("timeline dam breach")).toEqual({ kind: "timeline", words: "dam breach" });
    expect(routeRequest("who Marsh")).toEqual({ kind: "who", name: "Marsh" });
    expect(routeRequest("who lena marsh?")).toEqual({ kind: "who", name: "lena marsh" });
  });

  it("reads who with no name as a request for its usage, not a question", () => {
    for (const text of ["who", "Who", "WHO?", "who.", " who ", "<@U123> who"]) {
      expect(routeRequest(text)).toEqual({ kind: "who-usage" });
    }
  });

  it("keeps questions that start with who as questions", () => {
    expect(routeRequest("who granted asylum")).toEqual({
      kind: "question",
      question: "who granted asylum",
    });
    expect(routeRequest("who is the spokeswoman").kind).toBe("question");
    expect(routeRequest("when did the dam break").kind).toBe("question");
  });

  it("strips Slack markup before routing", () => {
    expect(routeRequest("<@U1> timeline <https://x.example|flood>")).toEqual({
      kind: "timeline",
      words: "flood",
    });
  });
});

describe("routeRequest and long messages", () => {
  it("refuses a message longer than QUESTION_MAX_CHARS once its markup is gone, saying how long", () => {
    const longest = "a".repeat(QUESTION_MAX_CHARS);
    expect(routeRequest(longest)).toEqual({ kind: "question", question: longest });
    expect(routeRequest(`${longest}?`)).toEqual({
      kind: "too-long",
      length: QUESTION_MAX_CHARS + 1,
    });
    expect(routeRequest(`who ${"?".repeat(40_000)}x`)).toEqual({
      kind: "too-long",
      length: 40_005,
    });
    // Markup does not count: 200 mentions around a question leave the question.
    expect(routeRequest(`${"<@U0123456789> ".repeat(200)}when did the dam break`)).toEqual({
      kind: "question",
      question: "when did the dam break",
    });
  });

  it("refuses each message that froze the bot", () => {
    // The five of issue 20; the others in FREEZING_MESSAGES are white space, short once collapsed.
    for (const text of FREEZING_MESSAGES.slice(0, 5)) {
      expect(routeRequest(text).kind).toBe("too-long");
    }
  });

  it("says what the limit is in its refusal", () => {
    expect(TOO_LONG_TEXT).toContain(QUESTION_MAX_CHARS.toLocaleString("en-US"));
    expect(TOO_LONG_TEXT).toBe(
      "That is too long for me to read as a question. Please ask it in a sentence or two, in under 2,000 characters.",
    );
  });
});

describe("routeRequest on hostile text", () => {
  it("drops closing punctuation from a name or timeline words, however long the run", () => {
    expect(routeRequest("who lena marsh?!?")).toEqual({ kind: "who", name: "lena marsh" });
    expect(routeRequest("timeline: dam breach...")).toEqual({
      kind: "timeline",
      words: "dam breach",
    });
    expect(routeRequest(`timeline ${"?".repeat(1_900)}x`)).toEqual({
      kind: "timeline",
      words: `${"?".repeat(1_900)}x`,
    });
    expect(routeRequest("who ???")).toEqual({ kind: "question", question: "who ???" });
  });

  it("reads past tenses after who as questions, in any case", () => {
    expect(routeRequest("who EVACUATED").kind).toBe("question");
    expect(routeRequest("who Lena").kind).toBe("who");
  });

  itReadsHostileTextFast("routes", routeRequest);
});
