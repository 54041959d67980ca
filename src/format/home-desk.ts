import type { FeedState } from "../ingest/poll-types.js";
import type { Block } from "./blocks.js";
import { escapeMrkdwn, truncateOnWord } from "./mrkdwn.js";
import { SECTION_TEXT_MAX } from "./slack-limits.js";

export const HOME_DESK_TITLE = "*Keeping current*";
export const HOME_NEVER_CHANGED = "No article has been added since the bot started keeping track.";
export const HOME_NO_FEEDS = "No feeds are polled (no feeds file, or nothing polled yet).";
/** How many feeds the Home tab lists; the rest are counted (a section holds 3,000 characters). */
export const HOME_FEEDS_SHOWN = 15;

/** `2026-12-05 21:50 UTC`: one zone for every reader, since the Home tab is not per time zone. */
export function formatInstant(at: number | string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function feedLine(feed: FeedState): string {
  const name = escapeMrkdwn(feed.name ?? feed.url);
  const fetched =
    feed.lastFetchAt === null ? "not fetched yet" : `last fetch ${formatInstant(feed.lastFetchAt)}`;
  const added = `${feed.itemsAdded} ${feed.itemsAdded === 1 ? "article" : "articles"} added`;
  const parts = [fetched, added];
  if (feed.lastError !== null) {
    const failing = feed.failing ? `*failing* (${feed.consecutiveFailures} times in a row): ` : "";
    parts.push(`${failing}last error: ${escapeMrkdwn(truncateOnWord(feed.lastError, 200))}`);
  }
  return `• ${name}: ${parts.join(", ")}`;
}

/** What the Home tab shows of the feeds (the live desk's status, read from the shared state). */
export interface FeedsShown {
  /** When articles last landed (milliseconds since the epoch), or null. */
  corpusChangedAt: number | null;
  feeds: readonly FeedState[];
}

/** The Home tab's part on the feeds: when the articles last changed, and each feed's state. */
export function renderDeskBlocks(status: FeedsShown): Block[] {
  const changed =
    status.corpusChangedAt === null
      ? HOME_NEVER_CHANGED
      : `The articles last changed ${formatInstant(status.corpusChangedAt)}.`;
  const shown = status.feeds.slice(0, HOME_FEEDS_SHOWN);
  const more = status.feeds.length - shown.length;
  const feeds =
    status.feeds.length === 0
      ? [HOME_NO_FEEDS]
      : [...shown.map(feedLine), ...(more > 0 ? [`…and ${more} more feeds`] : [])];
  return [
    { type: "divider" },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncateOnWord([HOME_DESK_TITLE, changed, ...feeds].join("\n"), SECTION_TEXT_MAX),
      },
    },
  ];
}
