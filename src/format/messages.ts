// Every text the bot says of its own, in one place so tests can hold them to their wording.

/** Questions the corpus answers: shown in help and after a miss, so people see what works. */
export const EXAMPLE_QUESTIONS = [
  "who granted Assad asylum",
  "why did Russia give Assad asylum",
  "what happens to the Russian bases in Syria",
] as const;

export const NO_MATCH_TEXT =
  "Nothing in the articles matches that question. Try asking about who granted the asylum, why, or what happens to Russia's bases in Syria.";

export const HELP_INTRO =
  "I answer questions about Russia granting Bashar al-Assad asylum in December 2024, by quoting news articles with their sources.";

export const ERROR_TEXT =
  "Sorry, something went wrong while answering. Please try again in a moment.";

export const BUSY_TEXT =
  "Sorry, I am answering a lot of questions right now. Please ask again in a minute.";

/** The ack of a slash command the app does not define (an old manifest, a renamed command). */
export const NOT_SUPPORTED_TEXT = "Sorry, this app does not support that command.";
