import { describe, expect, it } from "vitest";
import { routeRequest } from "../../src/requests/route-request.js";

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
