import type { LiveStore } from "../state/live-store.js";
import { type FeedState, readFeedStates, writeFeedState } from "./feed-state.js";
import { nextPollDelayMs } from "./poll-schedule.js";

/** What one poll of the feeds did. */
export interface FeedPollReport {
  /** Every feed's state after the poll. */
  feeds: FeedState[];
  /** Articles written to the corpus by this poll, all feeds together. */
  added: number;
}

/**
 * Polls the feeds once, from the states the last poll left (conditional GET, a failing feed's
 * backoff, the links already seen), stopping when `signal` aborts (the poll's deadline). The
 * ingest pipeline's poll, passed in.
 */
export type PollFeeds = (options: {
  previous: readonly FeedState[];
  signal: AbortSignal;
}) => Promise<FeedPollReport>;

export interface PollerLogger {
  debug?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface FeedPollerOptions {
  poll: PollFeeds;
  store: LiveStore;
  /** Whether this replica polls now (the lease, or always without Redis). */
  mayPoll: () => boolean;
  /** FEED_POLL_SECONDS. */
  pollSeconds: number;
  /** Told after a poll that added articles: the reload on every replica, the digests. */
  onAdded: (added: number) => void;
  logger: PollerLogger;
  nowMilliseconds?: () => number;
  random?: () => number;
  /** Milliseconds before the first poll; a short pause so the start is not slowed. */
  firstDelayMs?: number;
}

/** A poll's total deadline: three quarters of a poll period, from 30 s to 10 min. */
export function pollDeadlineMs(pollSeconds: number): number {
  return Math.min(600_000, Math.max(30_000, pollSeconds * 750));
}

/**
 * Polls the feeds every FEED_POLL_SECONDS, with jitter, while `mayPoll` says this replica is the
 * poller. The next poll is timed from the end of the last, so two never overlap; each has a total
 * deadline. Every feed's state goes to the live store after each poll, so every replica shows the
 * same, and the next poll, on whichever replica holds the lease then, starts from it.
 */
export class FeedPoller {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<FeedPollReport | null> | null = null;
  private stopped = false;
  private readonly controller = new AbortController();
  private readonly now: () => number;

  constructor(private readonly options: FeedPollerOptions) {
    this.now = options.nowMilliseconds ?? Date.now;
  }

  start(): void {
    this.schedule(this.options.firstDelayMs ?? 1_000);
  }

  /** Stops polling; a poll in flight is aborted and awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.controller.abort(new Error("the bot is stopping"));
    await this.running;
  }

  /**
   * Polls now when this replica may (the loop calls it; tests too). Null when it may not, or a poll
   * is already running.
   */
  async pollOnce(): Promise<FeedPollReport | null> {
    if (this.running !== null || !this.options.mayPoll()) return null;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.pollOnce();
      this.schedule(nextPollDelayMs(this.options.pollSeconds, this.options.random));
    }, delayMs);
    this.timer.unref?.();
  }

  private async run(): Promise<FeedPollReport | null> {
    const { store, pollSeconds, logger } = this.options;
    let states: FeedState[];
    try {
      states = await readFeedStates(store);
    } catch (error) {
      logger.warn(`Feed polling: skipped, the feed states cannot be read (${messageOf(error)})`);
      return null;
    }
    const started = this.now();
    const deadlineMs = pollDeadlineMs(pollSeconds);
    const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(deadlineMs)]);
    let report: FeedPollReport;
    try {
      report = await this.options.poll({ previous: states, signal });
    } catch (error) {
      logger.warn(
        `Feed polling: the poll stopped (${signal.aborted ? `past its ${deadlineMs} ms deadline or stopping` : messageOf(error)})`,
      );
      return null;
    }
    const at = this.now();
    await Promise.all(
      report.feeds.map((state) =>
        writeFeedState(store, state).catch((error: unknown) =>
          logger.warn(`Feed polling: state of ${state.url} not saved (${messageOf(error)})`),
        ),
      ),
    );
    const failed = report.feeds.filter((f) => f.failing).length;
    // A quiet poll is a debug line: at FEED_POLL_SECONDS it would fill the log with nothing.
    const line = `Feed polling: ${report.feeds.length} feeds polled in ${at - started} ms, ${report.added} articles added${failed > 0 ? `, ${failed} feeds failing` : ""}`;
    if (report.added > 0 || failed > 0) logger.info(line);
    else logger.debug?.(line);
    if (report.added > 0) this.options.onAdded(report.added);
    return report;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
