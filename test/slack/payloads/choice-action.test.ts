import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import {
  CHOOSE_PASSAGE_ACTION_ID,
  CHOOSE_PASSAGE_TEXT,
  encodeChoice,
} from "../../../src/format/passage-choice.js";
import { renderAnswerMessage } from "../../../src/format/render-answer-blocks.js";
import { BUTTON_VALUE_MAX } from "../../../src/format/slack-limits.js";
import { parseChoiceAction } from "../../../src/slack/payloads/choice-action.js";
import { answerOf, itemOf, passageOf } from "../../support/answer-fixtures.js";

function answer(confidence: Answer["confidence"]): Answer {
  return answerOf(
    "did the ferry sink",
    [
      itemOf(passageOf(["The ferry ran aground."], { url: "https://example.com/a" })),
      itemOf(passageOf(["Passengers were safe."], { url: null })),
    ],
    confidence,
  );
}

const accessoriesOf = (a: Answer, choiceFor?: string) =>
  renderAnswerMessage(a, choiceFor ? { choiceFor } : {}).blocks.flatMap((b) =>
    b.type === "section" && b.accessory ? [b.accessory] : [],
  );

function click(value: string, user = "U1") {
  return {
    type: "block_actions",
    user: { id: user },
    channel: { id: "C1" },
    message: { ts: "1.2" },
    actions: [{ type: "button", action_id: CHOOSE_PASSAGE_ACTION_ID, value }],
  };
}

describe("the passage choice buttons", () => {
  it("sit beside each passage of a tentative answer, naming the answer and that passage", () => {
    const tentative = answer("tentative");
    const buttons = accessoriesOf(tentative, "answer-1");
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      expect(button.action_id).toBe(CHOOSE_PASSAGE_ACTION_ID);
      expect(button.text.text).toBe(CHOOSE_PASSAGE_TEXT);
    }
    const [first, second] = buttons.map((b) => parseChoiceAction(click(b.value)));
    expect(first).toMatchObject({
      answerId: "answer-1",
      question: "did the ferry sink",
      vote: "up",
      passages: ["https://example.com/a"],
      channel: "C1",
      messageTs: "1.2",
      userId: "U1",
    });
    // A passage without a url is named by its id.
    expect(second?.passages).toEqual([tentative.items[1]?.passage.id]);
  });

  it("are not offered for a confident answer, nor without an answer id", () => {
    expect(accessoriesOf(answer("confident"), "answer-1")).toEqual([]);
    expect(accessoriesOf(answer("tentative"))).toEqual([]);
  });

  it("keep a long question's value within Slack's limit", () => {
    const value = encodeChoice("a1", "why ".repeat(1000), "https://example.com/a");
    expect(value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
    expect(parseChoiceAction(click(value))?.passages).toEqual(["https://example.com/a"]);
  });

  it("read no choice from a value this app did not write, or another action", () => {
    expect(parseChoiceAction(click("{not json"))).toBeNull();
    expect(parseChoiceAction(click(JSON.stringify({ a: "", q: "x", p: "y" })))).toBeNull();
    expect(parseChoiceAction({ ...click("{}"), type: "view_submission" })).toBeNull();
    const other = click(encodeChoice("a1", "q", "p"));
    other.actions[0] = { ...other.actions[0], action_id: "share_answer" } as never;
    expect(parseChoiceAction(other)).toBeNull();
  });
});
