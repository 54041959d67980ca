import { normaliseUrl } from "../corpus/add-article.js";
import { openCorpusView } from "./corpus-view.js";
import { type FeedEntry, readFeedsFile } from "./feeds-file.js";
import { FetchError } from "./fetch-error.js";
import { type IngestDeps, ingestUrl } from "./ingest-article.js";
import { SILENT_LOGGER } from "./ingest-logger.js";
import type { IngestResult } from "./ingest-result.js";
import type { FeedState, ItemResult, PollOutcome } from "./poll-types.js";
import { FeedParseError, MAX_FEED_ITEMS, readFeed } from "./read-feed.js";
import { compileStoryMatcher } from "./story-match.js";

export type { FeedState, ItemResult, PollOutcome } from "./poll-types.js";

/** A feed is failing after this many failed polls in a row: then retried with backoff, not every poll. */
export const FAILING_AFTER = 3;
/** The longest a failing feed waits between tries. */
const MAX_BACKOFF_MS = 24 * 3600 * 1000;
/** Item links remembered per feed: more than a feed's 500 items, so a whole feed is never refetched. */
const MAX_SEEN = 1000;

export interface PollDeps extends IngestDeps {
  /** FEED_POLL_SECONDS: the base of a failing feed's backoff. */
  feedPollSeconds: number;
  /** The states the last poll returned (kept by the caller); feeds not in it start fresh. */
  previous?: readonly FeedState[];
}

export function freshFeedState(feed: Pick<FeedEntry, "url" | "name">): FeedState {
  return {
    url: feed.url,
    name: feed.name,
    lastFetchAt: null,
    lastSuccessAt: null,
    itemsAdded: 0,
    lastError: null,
    consecutiveFailures: 0,
    failing: false,
    nextAttemptAt: null,
    etag: null,
    lastModified: null,
    seen: [],
  };
}

/** When a failed feed may be tried again: the site's Retry-After, or a backoff once it is failing. */
function nextAttempt(
  failures: number,
  pollMs: number,
  now: number,
  retryAt: number | null,
): string | null {
  const backoff =
    failures >= FAILING_AFTER
      ? Math.min(pollMs * 2 ** (failures - FAILING_AFTER + 1), MAX_BACKOFF_MS)
      : 0;
  const at = Math.max(now + backoff, retryAt ?? 0);
  return at > now ? new Date(at).toISOString() : null;
}

/** Reads one feed and ingests its on-story items; returns the feed's new state and each item's result. */
async function pollFeed(
  feed: FeedEntry,
  before: FeedState,
  deps: PollDeps,
  now: number,
): Promise<{ state: FeedState; items: ItemResult[]; added: string[] }> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const items: ItemResult[] = [];
  const added: string[] = [];
  const at = new Date(now).toISOString();
  const state: FeedState = { ...before, name: feed.name, lastFetchAt: at, seen: [...before.seen] };
  const item = (result: IngestResult) =>
    items.push({ feedUrl: feed.url, feedName: feed.name, result });

  const fail = (reason: string, retryAt: number | null) => {
    const failures = before.consecutiveFailures + 1;
    logger.warn(
      `Feeds: ${feed.url}: ${reason} (${failures} failure${failures === 1 ? "" : "s"} in a row)`,
    );
    item({ status: "refused", url: feed.url, reason });
    return {
      state: {
        ...state,
        lastError: reason,
        consecutiveFailures: failures,
        failing: failures >= FAILING_AFTER,
        nextAttemptAt: nextAttempt(failures, deps.feedPollSeconds * 1000, now, retryAt),
      },
      items,
      added,
    };
  };

  let page: Awaited<ReturnType<IngestDeps["fetcher"]["fetch"]>>;
  try {
    page = await deps.fetcher.fetch(feed.url, {
      purpose: "feed",
      etag: before.etag,
      lastModified: before.lastModified,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  } catch (error) {
    if (error instanceof FetchError) return fail(error.reason, error.retryAt);
    throw error;
  }
  const succeeded = {
    lastSuccessAt: at,
    lastError: null,
    consecutiveFailures: 0,
    failing: false,
    nextAttemptAt: null,
  };
  if (page.notModified) {
    logger.debug(`Feeds: ${feed.url}: not modified since the last poll`);
    return { state: { ...state, ...succeeded }, items, added };
  }
  let read: ReturnType<typeof readFeed>;
  try {
    read = readFeed(page.text, page.mediaType);
  } catch (error) {
    if (error instanceof FeedParseError) return fail(error.reason, null);
    throw error;
  }
  if (read.totalItems > read.items.length) {
    logger.info(
      `Feeds: ${feed.url}: ${read.totalItems} items; only the first ${MAX_FEED_ITEMS} are read`,
    );
  }

  const matches = compileStoryMatcher(feed.match);
  const seen = new Map(state.seen.map((entry) => [entry.link, entry.file]));
  const corpusUrls = new Map<string, string>();
  for (const article of deps.corpus?.articles ?? []) {
    if (article.url !== null) corpusUrls.set(normaliseUrl(article.url), article.file);
  }
  let offStory = 0;
  for (const entry of read.items) {
    if (deps.signal?.aborted) break;
    if (entry.link === null) {
      const label = entry.title === null ? "an item" : `the item "${entry.title}"`;
      item({ status: "refused", url: feed.url, reason: `${label} has no link` });
      logger.warn(`Feeds: ${feed.url}: ${label} has no link`);
      continue;
    }
    if (!matches(`${entry.title ?? ""}\n${entry.text ?? ""}`)) {
      offStory++;
      logger.debug(`Feeds: ${feed.url}: off-story: ${entry.title ?? entry.link}`);
      item({ status: "off-story", url: entry.link, title: entry.title });
      continue;
    }
    const key = normaliseUrl(entry.link);
    const known = corpusUrls.get(key);
    if (known !== undefined) {
      item({ status: "duplicate", url: entry.link, file: known, reason: "url" });
      continue;
    }
    const seenFile = seen.get(key);
    if (seenFile !== undefined) {
      if (seenFile !== null) {
        item({ status: "duplicate", url: entry.link, file: seenFile, reason: "url" });
      } else {
        logger.debug(`Feeds: ${feed.url}: ${entry.link} was refused before; not fetched again`);
      }
      continue;
    }
    const result = await ingestUrl(
      entry.link,
      { kind: "feed", feedUrl: feed.url, feedName: feed.name },
      deps,
    );
    item(result);
    if (result.status === "added") {
      added.push(result.file);
      corpusUrls.set(key, result.file);
    }
    // A page refused for good (robots.txt, no article, too big) is not fetched again next poll.
    if (result.status === "added" || result.status === "duplicate") seen.set(key, result.file);
    else if (result.status === "refused" && result.transient !== true) seen.set(key, null);
  }
  if (offStory > 0) logger.debug(`Feeds: ${feed.url}: ${offStory} off-story items`);
  return {
    state: {
      ...state,
      ...succeeded,
      etag: page.etag,
      lastModified: page.lastModified,
      itemsAdded: before.itemsAdded + added.length,
      seen: [...seen].slice(-MAX_SEEN).map(([link, file]) => ({ link, file })),
    },
    items,
    added,
  };
}

/**
 * Polls every feed of FEEDS_FILE once: fetches each (a failing one only once its backoff is over),
 * keeps the items that match the story, ingests them, and returns each item's result and every
 * feed's state. Never throws for a bad feed or page; stops between items when `deps.signal` aborts.
 */
export async function pollFeedsOnce(feedsFile: string, deps: PollDeps): Promise<PollOutcome> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const now = deps.now ?? Date.now;
  const { list, problems } = await readFeedsFile(feedsFile);
  for (const problem of problems) logger.warn(`Feeds: ${problem}`);
  if (list === null) {
    return {
      feedsFile,
      fileFound: problems.length > 0,
      problems,
      items: [],
      feeds: [],
      addedFiles: [],
    };
  }
  const previous = new Map((deps.previous ?? []).map((state) => [state.url, state]));
  const corpus =
    deps.corpus ??
    (await openCorpusView(deps.corpusDir, {
      maxArticleBytes: deps.maxArticleBytes,
      nowMilliseconds: now(),
    }));
  const withCorpus: PollDeps = { ...deps, corpus };
  const items: ItemResult[] = [];
  const feeds: FeedState[] = [];
  const addedFiles: string[] = [];
  for (const feed of list.feeds) {
    const before = previous.get(feed.url) ?? freshFeedState(feed);
    const started = now();
    if (
      deps.signal?.aborted ||
      (before.nextAttemptAt !== null && Date.parse(before.nextAttemptAt) > started)
    ) {
      if (!deps.signal?.aborted)
        logger.debug(`Feeds: ${feed.url}: waiting until ${before.nextAttemptAt}`);
      feeds.push({ ...before, name: feed.name });
      continue;
    }
    const polled = await pollFeed(feed, before, withCorpus, started);
    items.push(...polled.items);
    feeds.push(polled.state);
    addedFiles.push(...polled.added);
  }
  return { feedsFile, fileFound: true, problems, items, feeds, addedFiles };
}
