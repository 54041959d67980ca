import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { stripSlackMarkup } from "../../src/query/slack-markup.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import type { QualityReport } from "./metrics.js";
import { evaluateCorpus, PROJECT_QUESTIONS, readQuestionSet, SHARED_EVAL_DIR } from "./run-eval.js";

// The floors are the figures docs/quality.md reports: answer quality may rise, never fall.
interface Floor {
  top1: number;
  hitAt3: number;
  offTopicAnswered: number;
  unanswerableAnswered: number;
  unanswerableConfident: number;
}

function holds(report: QualityReport, floor: Floor): void {
  expect(report.top1).toBeGreaterThanOrEqual(floor.top1);
  expect(report.hitAt3).toBeGreaterThanOrEqual(floor.hitAt3);
  expect(report.offTopicAnswered).toBeLessThanOrEqual(floor.offTopicAnswered);
  expect(report.unanswerableAnswered).toBeLessThanOrEqual(floor.unanswerableAnswered);
  expect(report.unanswerableConfident).toBeLessThanOrEqual(floor.unanswerableConfident);
}

const SHARED_QUESTIONS = join(SHARED_EVAL_DIR, "questions.json");
const REALISTIC = join(SHARED_EVAL_DIR, "questions-realistic.json");
const REALISTIC_UNANSWERABLE = join(SHARED_EVAL_DIR, "unanswerable-realistic.json");
/** ../shared/eval/README.md: the last ten of unanswerable-realistic.json are off-topic. */
const OFF_TOPIC_IN_REALISTIC = 10;
const hasShared = existsSync(REALISTIC) && existsSync(REALISTIC_UNANSWERABLE);

// ../shared/eval is beside the checkout, not in it: outside CI its absence skips the tests that
// need it, saying so; under CI (CI=true, as every CI service sets) it fails, so a CI run cannot
// pass while the held-out figures go unchecked.
const MISSING_SHARED = [SHARED_QUESTIONS, REALISTIC, REALISTIC_UNANSWERABLE].filter(
  (file) => !existsSync(file),
);
const IN_CI = process.env.CI !== undefined && !["", "0", "false"].includes(process.env.CI);
if (MISSING_SHARED.length > 0 && !IN_CI) {
  console.warn(
    `Eval: skipping the tests on ../shared/eval: missing ${MISSING_SHARED.join(", ")} (under CI=true this fails)`,
  );
}

describe.runIf(IN_CI)("the held-out eval sets under CI", () => {
  it("are present: ../shared/eval is checked out beside the repository", () => {
    expect(MISSING_SHARED, `missing under CI: ${MISSING_SHARED.join(", ")}`).toEqual([]);
  });
});

describe("answer quality, tuning split", () => {
  it("holds the project's own chat-style set at its measured figures", async () => {
    const set = await readQuestionSet(PROJECT_QUESTIONS);
    expect(set.answerable.length).toBeGreaterThanOrEqual(90);
    const { pipeline } = await evaluateCorpus("corpus", set);
    holds(pipeline, {
      top1: 0.75,
      hitAt3: 0.837,
      offTopicAnswered: 0,
      unanswerableAnswered: 15,
      unanswerableConfident: 0,
    });
  }, 60_000);

  it.skipIf(!existsSync(SHARED_QUESTIONS))(
    "holds ../shared/eval/questions.json at its measured figures",
    async () => {
      const { pipeline } = await evaluateCorpus("corpus", await readQuestionSet(SHARED_QUESTIONS));
      holds(pipeline, {
        top1: 0.95,
        hitAt3: 1,
        offTopicAnswered: 0,
        unanswerableAnswered: 0,
        unanswerableConfident: 0,
      });
    },
    60_000,
  );

  it("answers 'who granted asylum' first with the Kremlin's word that it was Putin's decision", async () => {
    const index = await buildIndexFromCorpus("corpus");
    const [first] = answerQuestion(index, "who granted asylum").items;
    expect(first?.passage.text).toMatch(/Putin/);
    expect(first?.passage.text).toMatch(/Kremlin/);
    expect(first?.passage.text).toMatch(/grant(ed)? asylum/);
  });
});

describe.skipIf(!hasShared)("answer quality, test split (never tuned on)", () => {
  it("holds the realistic sets at their measured figures", async () => {
    const set = await readQuestionSet(REALISTIC, REALISTIC_UNANSWERABLE);
    const { pipeline } = await evaluateCorpus("corpus", set);
    holds(pipeline, {
      top1: 0.5,
      hitAt3: 0.68,
      offTopicAnswered: 0,
      unanswerableAnswered: 10,
      unanswerableConfident: 1,
    });
  }, 60_000);

  it("answers none of its off-topic messages (the file's last ten, by its README)", async () => {
    const messages = (await readQuestionSet(REALISTIC, REALISTIC_UNANSWERABLE)).unanswerable ?? [];
    const offTopic = messages.slice(-OFF_TOPIC_IN_REALISTIC);
    expect(offTopic).toHaveLength(OFF_TOPIC_IN_REALISTIC);
    const index = await buildIndexFromCorpus("corpus");
    const answered = offTopic.filter(
      (q) => answerQuestion(index, stripSlackMarkup(q)).confidence !== "none",
    );
    expect(answered).toEqual([]);
  }, 60_000);
});
