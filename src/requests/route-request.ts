import { stripSlackMarkup } from "../query/slack-markup.js";
import { type DeskRequest, readDeskRequest } from "./desk-request.js";

/** What someone asks the bot for, read from what they typed. */
export type Request =
  | { kind: "help" }
  | { kind: "sources" }
  | { kind: "timeline"; words: string }
  | { kind: "who"; name: string }
  | { kind: "question"; question: string }
  | DeskRequest;

/** Words that, after "who", make a question rather than a name: "who granted", "who is". */
const QUESTION_AFTER_WHO =
  /^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|else|the|a|an|said|says|gave|gives|made|makes|took|takes|told|won|let|led|leads|runs|ran|got|gets|\S+ed)$/i;

/**
 * Reads a message as a request: `help` (or nothing, or `?`), `sources`, `timeline [words]`,
 * `who <name>`, `add <link>`, `follow`, `unfollow`; anything else is a question. Slack markup is
 * stripped first, so a mention or a pasted link reads the same in the CLI and in Slack. Pure: no
 * index, no Slack.
 */
export function routeRequest(text: string | undefined): Request {
  const plain = stripSlackMarkup(text);
  const lower = plain.toLowerCase();
  const desk = readDeskRequest(text, plain);
  if (desk) return desk;
  if (/^(?:help|\?|usage)?[.!?]?$/.test(lower)) return { kind: "help" };
  if (/^sources?[.!?]?$/.test(lower)) return { kind: "sources" };
  const timeline = /^timeline\b[\s:]*(.*)$/i.exec(plain);
  if (timeline)
    return { kind: "timeline", words: (timeline[1] ?? "").replace(/[?.!]+$/, "").trim() };
  const who = /^who\s+(.+?)[?.!]*$/i.exec(plain);
  const name = who?.[1]?.trim();
  if (name) {
    const words = name.split(/\s+/);
    if (words.length <= 3 && !QUESTION_AFTER_WHO.test(words[0] as string)) {
      return { kind: "who", name };
    }
  }
  return { kind: "question", question: plain };
}
