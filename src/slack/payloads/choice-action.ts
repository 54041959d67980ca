import type { VoteInput } from "../../feedback/feedback-log.js";
import { CHOOSE_PASSAGE_ACTION_ID, type ChoiceValue } from "../../format/passage-choice.js";
import { parseRecord, readButtonClick, voteOfClick } from "./json-fields.js";

function decodeChoice(text: string): ChoiceValue | null {
  const data = parseRecord(text);
  if (data === null) return null;
  const { a, q, p } = data;
  if (typeof a !== "string" || a === "" || typeof q !== "string") return null;
  if (typeof p !== "string" || p === "") return null;
  return { a, q, p };
}

/**
 * The choice in a `block_actions` payload from a "This one answers it" button, as a vote for
 * `FeedbackLog.record`; null when the payload holds no such click or its value is not one this
 * app wrote.
 */
export function parseChoiceAction(body: unknown): VoteInput | null {
  const click = readButtonClick(body, (a) => a.action_id === CHOOSE_PASSAGE_ACTION_ID);
  const value = click && decodeChoice(click.value);
  if (!click || !value) return null;
  return voteOfClick(click, {
    answerId: value.a,
    question: value.q,
    vote: "up",
    passages: [value.p],
  });
}
