import type { BotConfig } from "../config.js";
import { createPageFetcher } from "../ingest/fetch-page.js";
import { type IngestDeps, ingestUrl } from "../ingest/ingest-article.js";
import type { IngestLogger } from "../ingest/ingest-logger.js";
import { describeResult } from "../ingest/ingest-result.js";
import { pollFeedsOnce } from "../ingest/poll-feeds.js";
import type { AddUrl } from "./desk-commands.js";
import type { PollFeeds } from "./feed-poller.js";

/** The ingest pipeline as the live desk calls it: one fetcher per process, shared by both. */
export interface IngestLink {
  poll: PollFeeds;
  addUrl: AddUrl;
  close: () => Promise<void>;
}

/**
 * Wires the ingest pipeline (src/ingest) for the bot: the feeds poll, whose per-item results go to
 * the log (added at info, off-story and duplicates at debug, refusals as the pipeline warns), and
 * `/syria add`'s fetch with `added_by`.
 */
export function linkIngest(config: BotConfig, logger: IngestLogger): IngestLink {
  const fetcher = createPageFetcher(config.feeds, { logger });
  const deps: IngestDeps = {
    corpusDir: config.corpusDir,
    fetcher,
    maxArticleBytes: config.feeds.maxArticleBytes,
    logger,
  };
  return {
    poll: async ({ previous, signal }) => {
      const outcome = await pollFeedsOnce(config.feeds.feedsFile, {
        ...deps,
        feedPollSeconds: config.feeds.feedPollSeconds,
        previous,
        signal,
      });
      for (const { feedUrl, result } of outcome.items) {
        const line = `Feeds: ${feedUrl}: ${describeResult(result)}`;
        if (result.status === "added") logger.info(line);
        else logger.debug(line);
      }
      return { feeds: outcome.feeds, added: outcome.addedFiles.length };
    },
    addUrl: (url, addedBy) => ingestUrl(url, { kind: "link", addedBy }, deps),
    close: () => fetcher.close(),
  };
}
