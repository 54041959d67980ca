import { QUESTION_MAX_CHARS } from "../query/question-length.js";
import { stripSlackMarkup } from "../query/slack-markup.js";
import { trimEndChars } from "../text/trim-chars.js";
import { type DeskRequest, readDeskRequest } from "./desk-request.js";

/** What someone asks the bot for, read from what they typed. */
export type Request =
  | { kind: "help" }
  | { kind: "sources" }
  | { kind: "timeline"; words: string }
  | { kind: "who"; name: string }
  /** `who` and no name: its usage, not a question about "who". */
  | { kind: "who-usage" }
  | { kind: "question"; question: string }
  /** Longer than `QUESTION_MAX_CHARS`: refused, not read. */
  | { kind: "too-long"; length: number }
  | DeskRequest;

// Every pattern is anchored at the start and ends in at most one unbounded run with nothing
// after it to fail on, so none backtracks: the text can be anything anyone sends.
const HELP = /^(?:help|\?|usage)?[.!?]?$/;
const SOURCES = /^sources?[.!?]?$/;
const TIMELINE = /^timeline\b[\s:]*/i;
const WHO = /^who\s+/i;
const WHO_ALONE = /^who[.!?]?$/;
const WORD_SEPARATOR = /\s+/;
/** What ends a request and is not part of it: "who lena marsh?", "timeline dam breach!". */
const CLOSING_PUNCTUATION = "?.!";

/** Words that, after "who", make a question rather than a name: "who granted", "who is". */
const QUESTION_AFTER_WHO: ReadonlySet<string> = new Set(
  "is are was were did does do has have had will would can could should else the a an said says gave gives made makes took takes told won let led leads runs ran got gets".split(
    " ",
  ),
);

/** A verb after "who" ("who granted …", any past tense), or a word of `QUESTION_AFTER_WHO`. */
function startsAQuestion(word: string): boolean {
  const folded = word.toLowerCase();
  return QUESTION_AFTER_WHO.has(folded) || (folded.length > 2 && folded.endsWith("ed"));
}

/**
 * Reads a message as a request: `help` (or nothing, or `?`), `sources`, `timeline [words]`,
 * `who <name>` (`who` alone: its usage), `add <link>`, `follow`, `unfollow`; anything else is a question. Slack markup is
 * stripped first, so a mention or a pasted link reads the same in the CLI and in Slack; what is left
 * past `QUESTION_MAX_CHARS` is refused unread. Pure: no index, no Slack. Linear in the text's length.
 */
export function routeRequest(text: string | undefined): Request {
  const plain = stripSlackMarkup(text);
  if (plain.length > QUESTION_MAX_CHARS) return { kind: "too-long", length: plain.length };
  const lower = plain.toLowerCase();
  const desk = readDeskRequest(text, plain);
  if (desk) return desk;
  if (HELP.test(lower)) return { kind: "help" };
  if (SOURCES.test(lower)) return { kind: "sources" };
  if (WHO_ALONE.test(lower)) return { kind: "who-usage" };
  const timeline = TIMELINE.exec(plain);
  if (timeline) {
    const words = trimEndChars(plain.slice(timeline[0].length), CLOSING_PUNCTUATION).trim();
    return { kind: "timeline", words };
  }
  const who = WHO.exec(plain);
  const name = who ? trimEndChars(plain.slice(who[0].length), CLOSING_PUNCTUATION).trim() : "";
  if (name) {
    const words = name.split(WORD_SEPARATOR);
    if (words.length <= 3 && !startsAQuestion(words[0] as string)) {
      return { kind: "who", name };
    }
  }
  return { kind: "question", question: plain };
}
