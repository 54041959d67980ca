// What the bot says to `add`, `follow` and `unfollow`: named here so tests hold them to their words.

import type { ArticleSource } from "../corpus/article-source.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { formatDate } from "./source-label.js";

/** To someone not named in EDITORS. */
export const NOT_AN_EDITOR_TEXT =
  "Only editors may add articles: ask whoever runs the bot to add your Slack user id to the EDITORS setting.";
/** To everyone, while EDITORS names nobody. */
export const EDITORS_UNSET_TEXT =
  "Adding articles from Slack is off: the EDITORS setting names nobody. Whoever runs the bot can set EDITORS to the Slack user ids allowed to add.";
/** Adding is not wired in this process (no ingest pipeline). */
export const ADD_UNAVAILABLE_TEXT = "Adding articles is not available on this bot.";

/** `add` without a link. */
export function addUsageText(commandName: string): string {
  return `Give the article's link: \`${commandName} add https://…\``;
}

/** Shown at once while the page is fetched. */
export function addingText(url: string): string {
  return `Fetching ${escapeMrkdwn(url)} …`;
}

/** What was added: title, outlet, date. */
export function addedText(added: Omit<ArticleSource, "url"> & { file: string }): string {
  const title = added.title === null ? "an untitled article" : `*${escapeMrkdwn(added.title)}*`;
  const outlet = added.outlet === null ? "outlet not given" : escapeMrkdwn(added.outlet);
  return `Added ${title} (${outlet}, ${formatDate(added.published)}) as \`${escapeMrkdwn(added.file)}\`. I answer from it within seconds.`;
}

export function duplicateText(file: string): string {
  return `Not added: the articles already have it, as \`${escapeMrkdwn(file)}\`.`;
}

export function offStoryText(title: string | null): string {
  return `Not added: ${title === null ? "the page" : `*${escapeMrkdwn(title)}*`} does not match the story's words (the feeds file's \`match\` list).`;
}

export function refusedText(reason: string): string {
  return `Not added: ${escapeMrkdwn(reason)}.`;
}

export function followedText(commandName: string, digestMinutes: number): string {
  return `This channel now follows the story: when new articles land, I post what they add here, at most once every ${digestMinutes} minutes (invite me to the channel if I am not in it). \`${commandName} unfollow\` stops it.`;
}

export function alreadyFollowingText(commandName: string): string {
  return `This channel already follows the story. \`${commandName} unfollow\` stops it.`;
}

export const UNFOLLOWED_TEXT = "This channel no longer follows the story: no more digests here.";

export function notFollowingText(commandName: string): string {
  return `This channel does not follow the story. \`${commandName} follow\` starts it.`;
}

/** The shared state cannot be reached right now. */
export const DESK_UNAVAILABLE_TEXT =
  "Sorry, I cannot change that right now (the shared state does not answer). Please try again in a minute.";

/** `add`, `follow` or `unfollow` in the terminal. */
export const TERMINAL_DESK_TEXT =
  "Following the story and adding articles by link work in Slack, with the slash command. In a terminal, `npm run corpus:fetch -- URL` adds an article.";

/**
 * `add`, `follow` or `unfollow` where they do not work: a mention or a direct message (named by
 * the slash command) or the terminal (named by its npm script).
 */
export function slashOnlyText(commandName: string): string {
  if (!commandName.startsWith("/")) return TERMINAL_DESK_TEXT;
  return `Adding articles and following the story work with the slash command: \`${commandName} add <link>\`, \`${commandName} follow\`, \`${commandName} unfollow\`.`;
}
