// Slack's limits on a message (https://docs.slack.dev/reference/block-kit/blocks): a section's
// text at most 3000 characters, a context element's 2000 (kept lower here), at most 50 blocks,
// a button value at most 2000, and a message's `text` best under 4000.
export const SECTION_TEXT_MAX = 3000;
export const CONTEXT_TEXT_MAX = 1500;
export const MAX_BLOCKS = 50;
export const BUTTON_VALUE_MAX = 2000;
export const FALLBACK_TEXT_MAX = 3000;
/** A quoted passage is cut to this, leaving room in its section for markup. */
export const PASSAGE_TEXT_MAX = 2400;
/** The question as a reply repeats it. */
export const QUESTION_ECHO_MAX = 200;
