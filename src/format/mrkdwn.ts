import { cutAtGrapheme } from "../text/cut-text.js";

// Slack mrkdwn treats &, < and > as control characters: `<!channel>` pings a channel, `<@U1>` a
// person, `<http://x|y>` makes a link. Escaping them in every text that comes from a user or the
// corpus makes such text show as typed, and ping or link nothing.

/** Escapes `&`, `<` and `>` for mrkdwn and plain-text fields alike. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Removes the characters mrkdwn uses for emphasis, so quoted text cannot restyle a reply. */
export function stripEmphasisMarks(text: string): string {
  return text.replace(/[*_~`]/g, "");
}

/**
 * A link in mrkdwn, `<url|label>`. Characters that would end the url part early (`|`, `<`, `>`, and
 * white space) are percent-encoded, and the label is escaped.
 */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

/**
 * Shortens text to at most `max` characters, cutting at a word boundary and adding "…". A word
 * too long to keep whole is cut between graphemes, never inside an emoji, a flag or a surrogate pair.
 */
export function truncateOnWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutAtGrapheme(text, max - 1);
  const space = cut.lastIndexOf(" ");
  const base = space >= max * 0.5 ? cut.slice(0, space) : cut;
  // Never leave half an escape sequence such as "&am" behind.
  return `${base.replace(/&[a-z]{0,4}$/, "").trimEnd()}…`;
}
