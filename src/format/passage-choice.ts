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
export interface ChoiceValue {
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
