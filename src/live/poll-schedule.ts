// When the feeds are polled: every FEED_POLL_SECONDS, give or take a fifth (so replicas restarted
// together, and bots of several teams on one outlet, do not arrive at the same second), and a feed
// that keeps failing is asked less and less often instead of on every poll.

/** The most a poll's delay moves from FEED_POLL_SECONDS, either way. */
export const POLL_JITTER = 0.2;
/** Failures in a row after which a feed shows as failing (App Home, /health?details). */
export const FAILING_AFTER = 3;
/** The longest a failing feed waits between tries, in polls: a dead feed is still tried daily-ish. */
export const MAX_BACKOFF_POLLS = 32;

/**
 * Milliseconds until the next poll: `pollSeconds` scaled by a factor in [0.8, 1.2], drawn from
 * `random` (in [0, 1)).
 */
export function nextPollDelayMs(pollSeconds: number, random: () => number = Math.random): number {
  const factor = 1 - POLL_JITTER + 2 * POLL_JITTER * random();
  return Math.round(pollSeconds * 1000 * factor);
}

/**
 * How long after its last failed fetch a feed is tried again: the first failure waits for the next
 * poll as usual, each further one doubles the wait, up to MAX_BACKOFF_POLLS polls.
 */
export function feedBackoffMs(failuresInRow: number, pollSeconds: number): number {
  if (failuresInRow <= 1) return 0;
  const polls = Math.min(2 ** (failuresInRow - 1), MAX_BACKOFF_POLLS);
  return polls * pollSeconds * 1000;
}

/** What the schedule reads of a feed's state. */
export interface FeedAttempts {
  failuresInRow: number;
  /** Milliseconds since the epoch of the last fetch, or null before the first. */
  lastFetchAt: number | null;
}

/**
 * True when a feed is due in a poll at `now`: it never failed, or its backoff has passed. A
 * fifth of a poll is forgiven, so the jitter cannot push a due feed past its poll.
 */
export function feedDue(
  state: FeedAttempts | undefined,
  now: number,
  pollSeconds: number,
): boolean {
  if (state === undefined || state.lastFetchAt === null) return true;
  const wait = feedBackoffMs(state.failuresInRow, pollSeconds);
  if (wait === 0) return true;
  return now >= state.lastFetchAt + wait - POLL_JITTER * pollSeconds * 1000;
}
