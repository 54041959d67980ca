/**
 * The words of a message as a person wrote them, from Slack's markup: mentions of users, channels
 * and groups removed, links shown as their label, and Slack's `&amp;`/`&lt;`/`&gt;` decoded. Pure
 * text handling, no Slack import: the CLI reads pasted Slack text through it too.
 */
export function stripSlackMarkup(text: string | undefined): string {
  return (text ?? "")
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/<([^>|]*)\|([^>]*)>/g, "$2")
    .replace(/<([^>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
