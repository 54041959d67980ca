import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newAnswerId } from "../../../src/feedback/answer-ref.js";
import { FEEDBACK_ACTION_ID, feedbackBlock } from "../../../src/format/feedback-blocks.js";
import { BUTTON_VALUE_MAX } from "../../../src/format/slack-limits.js";
import { parseFeedbackAction } from "../../../src/slack/payloads/feedback-action.js";
import { hasLoneSurrogate } from "../../support/unicode.js";

const ref = {
  answerId: "ans-1",
  question: "When did the dam <burst>?",
  passages: ["https://example.org/flood", "river-report#3"],
};

/** A click as Slack sends it: block_actions with the clicked button's value. */
function clickPayload(value: string, overrides: Record<string, unknown> = {}) {
  return {
    type: "block_actions",
    user: { id: "U42", username: "ana", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    container: {
      type: "message",
      message_ts: "1700000000.000200",
      channel_id: "C9",
      is_ephemeral: false,
    },
    trigger_id: "123.456.abc",
    team: { id: "T1", domain: "example" },
    channel: { id: "C9", name: "floods" },
    message: { type: "message", ts: "1700000000.000200", text: "answer", blocks: [] },
    actions: [
      {
        type: "feedback_buttons",
        action_id: FEEDBACK_ACTION_ID,
        block_id: "feedback_ans-1",
        value,
        text: { type: "plain_text", text: "Helpful" },
        action_ts: "1700000001.000300",
      },
    ],
    ...overrides,
  };
}

describe("feedbackBlock", () => {
  it("is a context_actions block with one feedback_buttons element, as Slack documents it", () => {
    const block = feedbackBlock(ref);
    expect(block.type).toBe("context_actions");
    expect(block.elements).toHaveLength(1);
    const [element] = block.elements;
    expect(element).toMatchObject({
      type: "feedback_buttons",
      action_id: FEEDBACK_ACTION_ID,
      positive_button: { text: { type: "plain_text" }, accessibility_label: expect.any(String) },
      negative_button: { text: { type: "plain_text" }, accessibility_label: expect.any(String) },
    });
    for (const b of [element?.positive_button, element?.negative_button]) {
      expect(b?.accessibility_label.length).toBeLessThanOrEqual(75);
      expect(b?.text.text.length).toBeLessThanOrEqual(75);
    }
    expect(block.block_id?.length).toBeLessThanOrEqual(255);
  });

  it("round-trips: a click on either button gives the vote with the answer it was on", () => {
    const block = feedbackBlock(ref);
    const up = parseFeedbackAction(clickPayload(block.elements[0]?.positive_button.value ?? ""));
    expect(up).toEqual({
      channel: "C9",
      messageTs: "1700000000.000200",
      answerId: "ans-1",
      question: "When did the dam <burst>?",
      vote: "up",
      passages: ["https://example.org/flood", "river-report#3"],
      userId: "U42",
    });
    const down = parseFeedbackAction(clickPayload(block.elements[0]?.negative_button.value ?? ""));
    expect(down?.vote).toBe("down");
  });

  it("keeps each value within Slack's 2000 characters, dropping passages before the question", () => {
    const long = {
      answerId: newAnswerId(),
      question: "q".repeat(3000),
      passages: Array.from({ length: 20 }, (_, i) => `https://example.org/${"x".repeat(200)}/${i}`),
    };
    const element = feedbackBlock(long).elements[0];
    for (const value of [element?.positive_button.value, element?.negative_button.value]) {
      expect(value?.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
    }
    const parsed = parseFeedbackAction(clickPayload(element?.positive_button.value ?? ""));
    expect(parsed?.passages).toEqual([]);
    expect(parsed?.question.length).toBeGreaterThan(1500);
    const some = feedbackBlock({ ...long, question: "short?" }).elements[0];
    const kept = parseFeedbackAction(clickPayload(some?.negative_button.value ?? ""));
    expect(kept?.passages.length).toBeGreaterThan(0);
    expect(kept?.passages).toEqual(long.passages.slice(0, kept?.passages.length));
  });

  it("shortens a long question between emoji, never inside one", () => {
    for (const emoji of ["😀", "👩‍👩‍👧", "🇸🇾"]) {
      const element = feedbackBlock({ ...ref, question: emoji.repeat(1200) }).elements[0];
      const parsed = parseFeedbackAction(clickPayload(element?.positive_button.value ?? ""));
      const question = parsed?.question ?? "";
      expect(question.length).toBeGreaterThan(0);
      expect(hasLoneSurrogate(question)).toBe(false);
      expect(question.length % emoji.length).toBe(0);
      expect(question.startsWith(emoji)).toBe(true);
    }
  });

  it("takes channel and ts from the container when an ephemeral reply has no message", () => {
    const value = feedbackBlock(ref).elements[0]?.positive_button.value ?? "";
    const parsed = parseFeedbackAction(
      clickPayload(value, {
        channel: undefined,
        message: undefined,
        container: { type: "message", message_ts: "1.5", channel_id: "D7", is_ephemeral: true },
      }),
    );
    expect(parsed).toMatchObject({ channel: "D7", messageTs: "1.5" });
  });
});

describe("parseFeedbackAction", () => {
  it("ignores other actions, other payloads and tampered values", () => {
    const value = feedbackBlock(ref).elements[0]?.positive_button.value ?? "";
    const button = { type: "button", action_id: "share_answer", value, action_ts: "1" };
    expect(parseFeedbackAction(clickPayload(value, { actions: [button] }))).toBeNull();
    expect(parseFeedbackAction({ type: "view_submission" })).toBeNull();
    expect(parseFeedbackAction(null)).toBeNull();
    expect(parseFeedbackAction(clickPayload("not json"))).toBeNull();
    expect(parseFeedbackAction(clickPayload('{"v":"sideways","a":"x","q":"","p":[]}'))).toBeNull();
    expect(parseFeedbackAction(clickPayload(value, { user: {} }))).toBeNull();
  });
});

describe("feedbackBlock and parseFeedbackAction, for any answer", () => {
  it("keep values within the limit and give back the answer id, vote and a prefix of the passages", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 2500, unit: "grapheme" }),
        fc.array(fc.string({ minLength: 1, maxLength: 300 }), { maxLength: 30 }),
        (answerId, question, passages) => {
          const element = feedbackBlock({ answerId, question, passages }).elements[0];
          for (const [button, vote] of [
            [element?.positive_button, "up"],
            [element?.negative_button, "down"],
          ] as const) {
            expect(button?.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
            const parsed = parseFeedbackAction(clickPayload(button?.value ?? ""));
            expect(parsed?.answerId).toBe(answerId);
            expect(parsed?.vote).toBe(vote);
            expect(passages.slice(0, parsed?.passages.length)).toEqual(parsed?.passages);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
