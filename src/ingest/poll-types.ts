import type { IngestResult } from "./ingest-result.js";

/**
 * What the bot knows of one feed between polls. The poller keeps it (in the state store, so every
 * replica shows the same) and passes it back on the next poll: it carries the validators for a
 * conditional GET and the failure count that spaces out retries of a failing feed.
 */
export interface FeedState {
  url: string;
  name: string | null;
  /** ISO 8601 times of the last attempt and of the last one that read the feed. */
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  /** Articles this feed has added, over every poll. */
  itemsAdded: number;
  /** The last failure's reason; null after a success. */
  lastError: string | null;
  consecutiveFailures: number;
  /** Three failures in a row or more: shown as failing, retried with backoff rather than every poll. */
  failing: boolean;
  /** A failing feed is not fetched before this ISO 8601 time. */
  nextAttemptAt: string | null;
  etag: string | null;
  lastModified: string | null;
  /**
   * Item links already handled (normalised, newest last, bounded), with the corpus file they are in
   * (null for a page refused for good): not fetched again.
   */
  seen: SeenItem[];
}

export interface SeenItem {
  link: string;
  file: string | null;
}

/** One item of one feed, and what became of it. A feed that could not be read is one item with no link. */
export interface ItemResult {
  feedUrl: string;
  feedName: string | null;
  result: IngestResult;
}

export interface PollOutcome {
  feedsFile: string;
  /** false when FEEDS_FILE does not exist: nothing is polled. */
  fileFound: boolean;
  /** The feeds file's problems, `FILE:LINE: message`; the good feeds are polled anyway. */
  problems: string[];
  items: ItemResult[];
  /** Every feed of the file, after this poll. */
  feeds: FeedState[];
  /** Files written in this poll: the caller reloads when there is any. */
  addedFiles: string[];
}
