// What the bot says of its own around an answer (no match, tentative, too long, error, busy,
// unsupported), as named constants so tests hold them to their wording. A view's own words sit
// with its renderer: help-text.ts, news-text.ts, desk-text.ts, home-desk.ts, feedback-blocks.ts,
// passage-choice.ts.

import { QUESTION_MAX_CHARS } from "../query/question-length.js";

/** A reply of kind "none": the articles do not answer; questions they do answer follow. */
export const NO_MATCH_TEXT = "The articles don't say. I only quote what they report.";

/** Heads the questions a "none" reply or the help suggests (generated from the articles). */
export const SUGGESTIONS_HEADING = "Questions the articles do answer:";

/** Heads a reply of kind "tentative": the closest passages, which may not answer the question. */
export const TENTATIVE_TEXT =
  "I'm not sure this answers it, but these are the closest passages in the articles.";

export { HELP_INTRO } from "./help-text.js";

/** The reply to a message too long to read as a question (`QUESTION_MAX_CHARS`). */
export const TOO_LONG_TEXT = `That is too long for me to read as a question. Please ask it in a sentence or two, in under ${QUESTION_MAX_CHARS.toLocaleString("en-US")} characters.`;

export const ERROR_TEXT =
  "Sorry, something went wrong while answering. Please try again in a moment.";

export const BUSY_TEXT =
  "Sorry, I am answering a lot of questions right now. Please ask again in a minute.";

/** The ack of a slash command the app does not define (an old manifest, a renamed command). */
export const NOT_SUPPORTED_TEXT = "Sorry, this app does not support that command.";
