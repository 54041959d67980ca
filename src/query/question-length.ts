/**
 * The longest question the bot reads, in UTF-16 units of its text once Slack's markup is gone
 * (an emoji counts two). A question is a sentence or two; a message past this is a pasted
 * article or an attack, and reading it word by word would hold the one thread that answers
 * everybody (the time to answer grows with the number of distinct words). Slack allows 40,000.
 */
export const QUESTION_MAX_CHARS = 2_000;
