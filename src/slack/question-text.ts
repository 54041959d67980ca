/**
 * The question in a Slack message's text, as a person wrote it: mentions of users, channels and
 * groups removed, links shown as their label, and Slack's `&amp;`/`&lt;`/`&gt;` decoded.
 */
export function questionFromSlackText(text: string | undefined): string {
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

/** True when the text asks for usage rather than asking a question. */
export function isHelpRequest(question: string): boolean {
  return question === "" || /^(help|\?|usage)$/i.test(question);
}
