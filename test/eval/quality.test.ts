import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { buildIndexFromCorpus } from "../../src/search/prebuilt-index.js";
import { evaluateCorpus, PROJECT_QUESTIONS, readQuestionSet } from "./run-eval.js";

// The floors are the figures the README reports: answer quality may rise, never fall.
const FLOOR = {
  top1: 0.957,
  hitAt3: 1,
  mrr: 0.978,
  offTopicAnswered: 0,
  unanswerableAnswered: 3,
};

describe("answer quality on the project's question set", () => {
  it("stays at or above the README's figures, and beats MiniSearch's defaults", async () => {
    const set = await readQuestionSet(PROJECT_QUESTIONS);
    expect(set.answerable.length).toBeGreaterThanOrEqual(40);
    const { pipeline, plain } = await evaluateCorpus("corpus", set);
    expect(pipeline.top1).toBeGreaterThanOrEqual(FLOOR.top1);
    expect(pipeline.hitAt3).toBeGreaterThanOrEqual(FLOOR.hitAt3);
    expect(pipeline.mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
    expect(pipeline.offTopicAnswered).toBeLessThanOrEqual(FLOOR.offTopicAnswered);
    expect(pipeline.unanswerableAnswered).toBeLessThanOrEqual(FLOOR.unanswerableAnswered);
    expect(pipeline.mrr).toBeGreaterThan(plain.mrr);
  });

  it("answers 'who granted asylum' first with the Kremlin's word that it was Putin's decision", async () => {
    const index = await buildIndexFromCorpus("corpus");
    const [first] = answerQuestion(index, "who granted asylum").items;
    expect(first?.passage.text).toMatch(/Putin/);
    expect(first?.passage.text).toMatch(/Kremlin/);
    expect(first?.passage.text).toMatch(/grant(ed)? asylum/);
  });
});
