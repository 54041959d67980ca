import { type Digest, digestOf } from "../news/digest.js";
import type { NewsData } from "../news/news-data.js";
import type { LiveStore } from "../state/live-store.js";
import type { StateStore } from "../state/state-store.js";
import { CORPUS_CHANGED_AT, DESK } from "./corpus-changes.js";
import { type FollowRecord, followers } from "./follows.js";

/** The live-store group recording when each article first reached a poller: id → milliseconds. */
export const ARRIVALS = "arrivals";
/** The live-store group of each channel's last digest: channel → DigestMark. */
export const DIGESTS = "digests";
/** A digest claim outlives any replica's attempt at the batch (a post has a deadline of seconds). */
export const DIGEST_CLAIM_TTL_SECONDS = 24 * 60 * 60;
/**
 * An article another replica registered that this one's index does not hold yet is waited for
 * this long (a reload takes seconds); after it, it is taken as removed from the corpus.
 */
export const ARRIVAL_GRACE_MS = 60_000;
/** A round runs this often even with nothing seen to change (a follow, a lease just taken). */
export const FULL_ROUND_MS = 60_000;

/** Where a channel's digests stand: when the last went out, and the last arrival it covered. */
export interface DigestMark {
  lastSentAt: number;
  /** Arrival time (ms) of the newest article told; articles that arrived later are pending. */
  through: number;
}

/**
 * What the digests read of the index being served: which articles it holds, and what a batch of
 * them adds. The bot's index lives in its serving thread, so the digest is asked for.
 */
export interface ServedNews {
  /** True when the served index holds the article. */
  has(articleId: string): boolean;
  /** Every article id of the served index. */
  readonly articleIds: readonly string[];
  /** What the articles `batch` (ids) add to the story (`digestOf` over the served news). */
  digest(batch: ReadonlySet<string>): Promise<Digest>;
}

/** The served news of news data held in this thread (tests, and a desk without a serving thread). */
export function servedNewsOf(news: NewsData): ServedNews {
  return {
    has: (articleId) => news.articleById.has(articleId),
    articleIds: news.articles.map((article) => article.id),
    digest: async (batch) => digestOf(news, batch),
  };
}

export interface DeskLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface DigestDeskOptions {
  live: LiveStore;
  /** Where the claim per channel and batch is taken, so one replica posts each digest. */
  claims: StateStore;
  /** The news being served, or null while the index is not ready; a new value after a reload. */
  current: () => ServedNews | null;
  /** Posts one digest to one channel; rejects when the post failed. */
  post: (follow: FollowRecord, digest: Digest) => Promise<void>;
  /** DIGEST_MINUTES: the least time between two digests to one channel. */
  digestMinutes: number;
  logger: DeskLogger;
  nowMilliseconds?: () => number;
}

/**
 * Sends each following channel what is new: one digest per batch of articles, at most one per
 * channel per DIGEST_MINUTES. Runs on the replica that polls (the lease holder; the one process
 * without Redis), but any replica may: a claim per channel and batch start means each digest is
 * posted once.
 *
 * An article is new when it first reached a running poller (its arrival, kept in the live store,
 * the first writer wins); a channel is told of the articles that arrived after its last digest (or
 * after it followed). Articles known before the first arrival was ever recorded count as old.
 */
export class DigestDesk {
  private readonly now: () => number;
  private registered = new Set<string>();
  private lastNews: ServedNews | null = null;
  private nextRoundAt = 0;
  private running: Promise<number> | null = null;

  constructor(private readonly options: DigestDeskOptions) {
    this.now = options.nowMilliseconds ?? Date.now;
  }

  /**
   * Runs a round when something may have changed: a new index, a channel whose wait is over, or
   * the periodic full round. Cheap otherwise (no store call). Call it often on the poller.
   */
  tick(): Promise<number> {
    const news = this.options.current();
    if (news === this.lastNews && this.now() < this.nextRoundAt) return Promise.resolve(0);
    return this.round();
  }

  /** Forgets what was registered, so the next round registers the whole index (a new lease). */
  reset(): void {
    this.registered = new Set();
    this.lastNews = null;
    this.nextRoundAt = 0;
  }

  /** One round: registers arrivals, then posts every digest that is due. How many were posted. */
  round(): Promise<number> {
    this.running ??= this.runRound().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runRound(): Promise<number> {
    const { live, digestMinutes } = this.options;
    const news = this.options.current();
    if (news === null) return 0;
    const now = this.now();
    this.nextRoundAt = now + FULL_ROUND_MS;
    await this.register(news, now);
    this.lastNews = news;
    const [arrivals, follows, marks] = await Promise.all([
      live.records(ARRIVALS),
      followers(live),
      live.records(DIGESTS),
    ]);
    let posted = 0;
    for (const follow of follows) {
      const mark = parseMark(marks.get(follow.channelId)) ?? {
        lastSentAt: 0,
        through: follow.since,
      };
      const batch = pendingFor(arrivals, mark.through, news, now);
      if (batch === null || batch.ids.size === 0) continue;
      const dueAt = mark.lastSentAt + digestMinutes * 60_000;
      if (now < dueAt) {
        this.nextRoundAt = Math.min(this.nextRoundAt, dueAt);
        continue;
      }
      if (await this.send(follow, mark, batch, news, now)) posted += 1;
    }
    return posted;
  }

  /** Records the arrival of every article of the index not recorded yet (first writer wins). */
  private async register(news: ServedNews, now: number): Promise<void> {
    const { live } = this.options;
    const unseen = news.articleIds.filter((id) => !this.registered.has(id));
    if (unseen.length === 0) return;
    // The very first registration is the corpus the desk started with: nothing in it is news.
    const first = (await live.records(ARRIVALS)).size === 0;
    const at = first ? 0 : now;
    const added = await live.addMissingRecords(
      ARRIVALS,
      new Map(unseen.map((id) => [id, String(at)])),
    );
    for (const id of unseen) this.registered.add(id);
    if (added.length > 0 && !first) {
      await live.putRecord(DESK, CORPUS_CHANGED_AT, String(now));
      this.options.logger.info(`Digests: ${added.length} new articles arrived`);
    }
  }

  private async send(
    follow: FollowRecord,
    mark: DigestMark,
    batch: { ids: Set<string>; through: number },
    news: ServedNews,
    now: number,
  ): Promise<boolean> {
    const { claims, live, logger } = this.options;
    const key = `digest:${follow.channelId}:${mark.through}`;
    // Made before the claim: a digest the index could not make (a reload under way) was not
    // posted, so the next round tries the batch again.
    const digest = await news.digest(batch.ids);
    if (!(await claims.claim(key, DIGEST_CLAIM_TTL_SECONDS))) return false;
    let ok = true;
    try {
      await this.options.post(follow, digest);
      logger.info(
        `Digests: ${digest.articles.length} articles and ${digest.highlights.length} highlights posted to ${follow.channelId}`,
      );
    } catch (error) {
      // Not tried again: a post that timed out may have landed, and a refusal (the bot left the
      // channel) would be refused again. The next batch is tried as usual.
      ok = false;
      logger.warn(
        `Digests: the digest to ${follow.channelId} failed (${error instanceof Error ? error.message : error}); its articles are not posted again`,
      );
    }
    const next: DigestMark = { lastSentAt: ok ? now : mark.lastSentAt, through: batch.through };
    await live.putRecord(DIGESTS, follow.channelId, JSON.stringify(next));
    return ok;
  }
}

/**
 * The articles that arrived after `through` and are in the served index, and the newest arrival
 * among them; null when an article that arrived just now is not served yet (wait for the reload,
 * so it is not skipped).
 */
export function pendingFor(
  arrivals: ReadonlyMap<string, string>,
  through: number,
  news: Pick<ServedNews, "has">,
  now: number,
): { ids: Set<string>; through: number } | null {
  const ids = new Set<string>();
  let newest = through;
  for (const [id, value] of arrivals) {
    const at = Number(value);
    if (!(at > through)) continue;
    if (!news.has(id)) {
      if (now - at < ARRIVAL_GRACE_MS) return null;
      continue;
    }
    ids.add(id);
    newest = Math.max(newest, at);
  }
  return { ids, through: newest };
}

function parseMark(json: string | undefined): DigestMark | null {
  if (json === undefined) return null;
  try {
    const mark = JSON.parse(json) as DigestMark;
    return typeof mark.lastSentAt === "number" && typeof mark.through === "number" ? mark : null;
  } catch {
    return null;
  }
}
