import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { cachedAnswers } from "../../src/answer/answer-cache.js";

function counting() {
  const asked: string[] = [];
  const answer = (question: string): Answer => {
    asked.push(question);
    return { question, confidence: "none", items: [] };
  };
  return { asked, answer };
}

describe("cachedAnswers", () => {
  it("answers a repeated question from memory, with the same answer", () => {
    const { asked, answer } = counting();
    const cached = cachedAnswers(answer);
    const first = cached("who granted asylum");
    expect(cached("who granted asylum")).toBe(first);
    expect(asked).toEqual(["who granted asylum"]);
  });

  it("keys on the exact text", () => {
    const { asked, answer } = counting();
    const cached = cachedAnswers(answer);
    cached("who granted asylum");
    cached("Who granted asylum");
    expect(asked).toHaveLength(2);
  });

  it("forgets the least recently asked question once full", () => {
    const { asked, answer } = counting();
    const cached = cachedAnswers(answer, 2);
    cached("a");
    cached("b");
    cached("a"); // "b" is now the least recent
    cached("c");
    cached("a");
    cached("b");
    expect(asked).toEqual(["a", "b", "c", "b"]);
  });
});
