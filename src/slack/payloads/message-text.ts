import { richTextWords } from "./rich-text.js";

/**
 * What a message says, in Slack's `text` markup: its `text`, or the words of its rich-text blocks
 * when the text is empty or blank, so a question sent only as blocks is still read.
 */
export function messageText(message: { text?: unknown; blocks?: unknown }): string {
  const text = typeof message.text === "string" ? message.text : "";
  return text.trim() !== "" ? text : richTextWords(message.blocks);
}
