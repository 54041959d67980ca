import type { VoteInput } from "../feedback/feedback-log.js";
import { parseRecord, readButtonClick } from "./json-fields.js";
import { BUTTON_VALUE_MAX } from "./slack-limits.js";

// A tentative reply offers each passage it shows with a button, "This one answers it": a click
// tells which passage answered the question, recorded in the vote log as an up vote on that one
// passage (the answer's other passages left out), for that person only.

export const CHOOSE_PASSAGE_ACTION_ID = "choose_passage";
export const CHOOSE_PASSAGE_TEXT = "This one answers it";
/** The reply only the clicker sees. */
export const CHOICE_THANKS_TEXT =
  "Thanks! Noted which passage answers it: it helps the answers get better.";

/** The button's value: short keys, since Slack caps a value at 2000 characters. */
interface ChoiceValue {
  /** The answer's id. */
  a: string;
  /** The question. */
  q: string;
  /** The chosen passage: its article's url, or its id. */
  p: string;
}

/** The value of the button beside one passage of a tentative answer. */
export function encodeChoice(answerId: string, question: string, passage: string): string {
  const value: ChoiceValue = { a: answerId, q: question, p: passage };
  let text = JSON.stringify(value);
  if (text.length > BUTTON_VALUE_MAX) {
    value.q = value.q.slice(0, Math.max(0, value.q.length - (text.length - BUTTON_VALUE_MAX) - 8));
    text = JSON.stringify(value);
  }
  return text;
}

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
  return {
    channel: click.channel,
    messageTs: click.messageTs,
    answerId: value.a,
    question: value.q,
    vote: "up",
    passages: [value.p],
    userId: click.userId,
  };
}
