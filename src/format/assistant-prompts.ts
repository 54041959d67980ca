import { trimEndChars } from "../text/trim-chars.js";
import { truncateOnWord } from "./mrkdwn.js";

/** One suggested prompt, as `assistant.threads.setSuggestedPrompts` takes it. */
export interface AssistantPrompt {
  /** What the prompt's button shows. */
  title: string;
  /** What is sent as the person's message when they pick it. */
  message: string;
}

/** Slack shows at most four suggested prompts. */
export const SUGGESTED_PROMPTS_MAX = 4;
/** A prompt's title is cut to this: it is a button label, the message holds the whole question. */
export const PROMPT_TITLE_MAX = 60;
/** The heading over the prompts (`title` of setSuggestedPrompts). */
export const SUGGESTED_PROMPTS_TITLE = "Questions the articles answer";
/** The status shown while the bot answers (`assistant.threads.setStatus`), after the bot's name. */
export const THINKING_STATUS = "is reading the articles…";
/** Rotated while the bot answers (`loading_messages`, at most 10). */
export const LOADING_MESSAGES = [
  "Searching the articles…",
  "Reading the passages that match…",
  "Checking which outlets report it…",
] as const;

const WHITESPACE_RUN = /\s+/g;

/**
 * Suggested prompts from example questions (chosen from the corpus by the caller, best first):
 * at most four, no question twice, each the whole question as message and a short title.
 */
export function suggestedPrompts(examples: readonly string[]): AssistantPrompt[] {
  const seen = new Set<string>();
  const prompts: AssistantPrompt[] = [];
  for (const example of examples) {
    const message = example.replace(WHITESPACE_RUN, " ").trim();
    // White space is single spaces by now: the key is the question without its closing marks.
    const key = trimEndChars(message.toLowerCase(), "?!. ");
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    const question = "?!.".includes(message.at(-1) ?? "") ? message : `${message}?`;
    const title = question.charAt(0).toUpperCase() + question.slice(1);
    prompts.push({ title: truncateOnWord(title, PROMPT_TITLE_MAX), message });
    if (prompts.length === SUGGESTED_PROMPTS_MAX) break;
  }
  return prompts;
}
