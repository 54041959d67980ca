import type { AnswerRef } from "../feedback/answer-ref.js";
import type { VoteDirection } from "../feedback/vote.js";
import { cutAtGrapheme } from "../text/cut-text.js";
import type { ContextActionsBlock, FeedbackButton } from "./blocks.js";
import { BUTTON_VALUE_MAX } from "./slack-limits.js";

export const FEEDBACK_ACTION_ID = "answer_feedback";
export const FEEDBACK_BLOCK_ID_PREFIX = "feedback_";
export const FEEDBACK_POSITIVE_TEXT = "Helpful";
export const FEEDBACK_NEGATIVE_TEXT = "Not helpful";
export const FEEDBACK_POSITIVE_LABEL = "This answer was helpful";
export const FEEDBACK_NEGATIVE_LABEL = "This answer was not helpful";
/** The ephemeral thanks after a click. */
export const FEEDBACK_THANKS_TEXT = "Thanks for the feedback! It helps the answers get better.";

/** The button value: short keys, since Slack caps a value at 2000 characters. */
export interface FeedbackButtonValue {
  v: VoteDirection;
  a: string;
  q: string;
  p: string[];
}

function encodeValue(vote: VoteDirection, ref: AnswerRef): string {
  const value: FeedbackButtonValue = {
    v: vote,
    a: ref.answerId,
    q: ref.question,
    p: [...ref.passages],
  };
  let text = JSON.stringify(value);
  // Too long: drop the weakest passages first, then shorten the question.
  while (text.length > BUTTON_VALUE_MAX && value.p.length > 0) {
    value.p.pop();
    text = JSON.stringify(value);
  }
  while (text.length > BUTTON_VALUE_MAX && value.q.length > 0) {
    value.q = cutAtGrapheme(value.q, value.q.length - (text.length - BUTTON_VALUE_MAX) - 1);
    text = JSON.stringify(value);
  }
  return text;
}

function button(text: string, label: string, value: string): FeedbackButton {
  return { text: { type: "plain_text", text }, value, accessibility_label: label };
}

/**
 * The feedback buttons that end an answer. Each button's value carries everything a vote records
 * about the answer (id, question, passages shown), so the click handler needs no lookup and a vote
 * on an answer posted before a restart is still recorded in full.
 */
export function feedbackBlock(ref: AnswerRef): ContextActionsBlock {
  return {
    type: "context_actions",
    block_id: `${FEEDBACK_BLOCK_ID_PREFIX}${ref.answerId}`.slice(0, 255),
    elements: [
      {
        type: "feedback_buttons",
        action_id: FEEDBACK_ACTION_ID,
        positive_button: button(
          FEEDBACK_POSITIVE_TEXT,
          FEEDBACK_POSITIVE_LABEL,
          encodeValue("up", ref),
        ),
        negative_button: button(
          FEEDBACK_NEGATIVE_TEXT,
          FEEDBACK_NEGATIVE_LABEL,
          encodeValue("down", ref),
        ),
      },
    ],
  };
}
