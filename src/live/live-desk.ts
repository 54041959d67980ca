import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Digest } from "../news/digest.js";
import type { LiveStore } from "../state/live-store.js";
import { openLiveStore } from "../state/open-live-store.js";
import type { StateStore } from "../state/state-store.js";
import { announceCorpusChange, listenForCorpusChanges } from "./corpus-changes.js";
import { type AddUrl, DeskCommands } from "./desk-commands.js";
import { type DeskStatus, readDeskStatus } from "./desk-status.js";
import { DigestDesk, type ServedNews } from "./digest-desk.js";
import { FeedPoller, type PollFeeds } from "./feed-poller.js";
import type { FollowRecord } from "./follows.js";
import { PollLease } from "./poll-lease.js";

/** How often the poller's replica looks for new articles to send digests of. Cheap when none. */
export const DESK_TICK_MS = 2_000;

export interface LiveLogger {
  debug?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface LiveOptions {
  /** REDIS_URL: with it, replicas share the desk and one polls; without, this process does all. */
  redisUrl: string | null;
  keyPrefix?: string;
  redisTimeoutMs: number;
  /** The state store: digest claims. */
  claims: StateStore;
  /** FEED_POLL_SECONDS. */
  pollSeconds: number;
  /** POLL_LEASE_SECONDS. */
  leaseSeconds: number;
  /** DIGEST_MINUTES. */
  digestMinutes: number;
  /** EDITORS; null when unset. */
  editors: readonly string[] | null;
  /** The feeds poll (the ingest pipeline); null when there are no feeds to poll. */
  poll: PollFeeds | null;
  /** `/syria add`'s fetch (the ingest pipeline); null refuses adding. */
  addUrl: AddUrl | null;
  /** Reloads this replica's index (`why` goes into the log). */
  reload: (why: string) => void;
  /** The news served now, or null while the index is not ready. */
  current: () => ServedNews | null;
  /** Posts a digest to a channel (the Slack adapter's). */
  post: (follow: FollowRecord, digest: Digest) => Promise<void>;
  logger: LiveLogger;
  nowMilliseconds?: () => number;
}

/** The live desk: what the Slack adapter and /health read, and how to start and stop it. */
export interface LiveDesk {
  commands: DeskCommands;
  status: () => Promise<DeskStatus>;
  /** True while this replica polls (holds the lease; always without Redis). */
  polling: () => boolean;
  store: LiveStore;
  /** Hears other replicas' changes, takes part in the lease, polls and sends digests. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Builds what keeps the corpus current and tells channels (nothing runs until `start`): with Redis, one replica (the lease
 * holder) polls the feeds and sends the digests while every replica reloads when any announces a
 * change; without Redis, this process does all of it. Changes announced here (a poll that added,
 * `/syria add`) reach every replica through the live store's channel, with no RELOAD setting.
 */
export function createLiveDesk(options: LiveOptions): LiveDesk {
  const { logger } = options;
  const now = options.nowMilliseconds ?? Date.now;
  const store = openLiveStore({
    redisUrl: options.redisUrl,
    commandTimeoutMs: options.redisTimeoutMs,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
    nowMilliseconds: now,
  });
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = options.redisUrl
    ? new PollLease({
        store,
        holder,
        ttlMs: options.leaseSeconds * 1000,
        logger,
        nowMilliseconds: now,
      })
    : null;
  const polling = () => lease === null || lease.held;
  const announce = (why: string) => announceCorpusChange(store, `${why} (${holder})`, now());
  const poller =
    options.poll === null
      ? null
      : new FeedPoller({
          poll: options.poll,
          store,
          mayPoll: polling,
          pollSeconds: options.pollSeconds,
          onAdded: (added) =>
            void announce(`${added} articles from the feeds`).catch((error: unknown) =>
              logger.warn(
                `Feed polling: the replicas were not told (${error instanceof Error ? error.message : error})`,
              ),
            ),
          logger,
          nowMilliseconds: now,
        });
  const desk = new DigestDesk({
    live: store,
    claims: options.claims,
    current: options.current,
    post: options.post,
    digestMinutes: options.digestMinutes,
    logger,
    nowMilliseconds: now,
  });
  const commands = new DeskCommands({
    live: store,
    editors: options.editors,
    addUrl: options.addUrl,
    onAdded: announce,
    digestMinutes: options.digestMinutes,
    logger,
    nowMilliseconds: now,
  });
  let ticker: ReturnType<typeof setInterval> | undefined;
  let wasPolling = false;
  const tick = () => {
    const on = polling();
    // A replica that just took the lease registers what its index holds before sending anything.
    if (on && !wasPolling) desk.reset();
    wasPolling = on;
    if (!on) return;
    desk
      .tick()
      .catch((error: unknown) =>
        logger.warn(`Digests: round failed (${error instanceof Error ? error.message : error})`),
      );
  };
  return {
    commands,
    status: () => readDeskStatus(store),
    polling,
    store,
    start: async () => {
      const heard = (why: string) => {
        logger.info(`Live desk: articles changed (${why}); reloading`);
        options.reload(why);
      };
      // Not awaited: with Redis away the subscription waits for it (and is made again on every
      // reconnect), and the bot must serve meanwhile.
      listenForCorpusChanges(store, heard).catch((error: unknown) =>
        logger.warn(
          `Live desk: cannot hear other replicas' changes (${error instanceof Error ? error.message : error}); SIGHUP still reloads`,
        ),
      );
      lease?.start();
      poller?.start();
      ticker = setInterval(tick, DESK_TICK_MS);
      ticker.unref();
    },
    stop: async () => {
      clearInterval(ticker);
      await poller?.stop();
      await lease?.stop();
      await store.close();
    },
  };
}
