import type { VoteInput } from "../../feedback/feedback-log.js";
import { FEEDBACK_ACTION_ID, type FeedbackButtonValue } from "../../format/feedback-blocks.js";
import { parseRecord, readButtonClick, voteOfClick } from "./json-fields.js";

function decodeValue(text: string): FeedbackButtonValue | null {
  const data = parseRecord(text);
  if (data === null) return null;
  const { v, a, q, p } = data;
  if ((v !== "up" && v !== "down") || typeof a !== "string" || a === "") return null;
  if (typeof q !== "string" || !Array.isArray(p) || !p.every((x) => typeof x === "string")) {
    return null;
  }
  return { v, a, q, p };
}

/**
 * The vote in a `block_actions` payload from `feedbackBlock`'s buttons, ready for
 * `FeedbackLog.record`; null when the payload holds no such click or its value was tampered with.
 * The channel and message come from the payload (`channel`/`message`, else `container`), so an
 * ephemeral reply without a message ts still records.
 */
export function parseFeedbackAction(body: unknown): VoteInput | null {
  const click = readButtonClick(
    body,
    (a) => a.type === "feedback_buttons" && a.action_id === FEEDBACK_ACTION_ID,
  );
  const value = click && decodeValue(click.value);
  if (!click || !value) return null;
  return voteOfClick(click, {
    answerId: value.a,
    question: value.q,
    vote: value.v,
    passages: value.p,
  });
}
