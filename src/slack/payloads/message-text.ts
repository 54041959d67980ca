import { stripSlackMarkup } from "../../query/slack-markup.js";
import { richTextWords } from "./rich-text.js";

/** The question in a Slack message's text, as a person wrote it (see `stripSlackMarkup`). */
export function questionFromSlackText(text: string | undefined): string {
  return stripSlackMarkup(text);
}

/**
 * What a message says, in Slack's `text` markup: its `text`, or the words of its rich-text blocks
 * when the text is empty or blank, so a question sent only as blocks is still read.
 */
export function messageText(message: { text?: unknown; blocks?: unknown }): string {
  const text = typeof message.text === "string" ? message.text : "";
  return text.trim() !== "" ? text : richTextWords(message.blocks);
}

/** True when the text asks for usage rather than asking a question. */
export function isHelpRequest(question: string): boolean {
  return question === "" || /^(help|\?|usage)$/i.test(question);
}
