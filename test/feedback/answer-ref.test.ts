import { describe, expect, it } from "vitest";
import { answerRefOf, newAnswerId } from "../../src/feedback/answer-ref.js";
import { answerOf, itemOf, passageOf } from "../support/answer-fixtures.js";

describe("answerRefOf", () => {
  it("names each passage by its url, or its id when it has none", () => {
    const passage = (id: string, url: string | null) =>
      passageOf(["t"], { id, articleId: id.split("#")[0] as string, url });
    const answer = answerOf("Who rebuilt the bridge?", [
      itemOf(passage("a#0", "https://example.org/a")),
      itemOf(passage("b#2", null)),
    ]);
    expect(answerRefOf(answer, "id1")).toEqual({
      answerId: "id1",
      question: "Who rebuilt the bridge?",
      passages: ["https://example.org/a", "b#2"],
    });
    expect(newAnswerId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(newAnswerId()).not.toBe(newAnswerId());
  });
});
