import { stripSlackMarkup } from "../query/slack-markup.js";

/** The question in a Slack message's text, as a person wrote it (see `stripSlackMarkup`). */
export function questionFromSlackText(text: string | undefined): string {
  return stripSlackMarkup(text);
}

/** True when the text asks for usage rather than asking a question. */
export function isHelpRequest(question: string): boolean {
  return question === "" || /^(help|\?|usage)$/i.test(question);
}
