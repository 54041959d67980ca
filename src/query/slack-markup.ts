/**
 * The words of a message as a person wrote them, from Slack's markup: mentions of users, channels
 * and groups removed, links shown as their label, emoji shortcodes (`:pray:`) dropped, `*bold*`,
 * `_italic_`, `~strike~` and `` `code` `` reduced to their words, and Slack's `&amp;`/`&lt;`/`&gt;`
 * decoded. Pure text handling, no Slack import: the CLI reads pasted Slack text through it too.
 */
export function stripSlackMarkup(text: string | undefined): string {
  return (text ?? "")
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/<([^>|]*)\|([^>]*)>/g, "$2")
    .replace(/<([^>]*)>/g, "$1")
    .replace(/```([\s\S]*?)```/g, " $1 ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/:[a-z0-9_+'-]+:/gi, " ")
    .replace(/(^|[\s(])[*_~]+(?=\S)([^*_~\n]*\S)[*_~]+(?=$|[\s).,!?:;])/g, "$1$2")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
