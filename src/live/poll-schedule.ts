// When the feeds are polled: every FEED_POLL_SECONDS, give or take a fifth, so replicas restarted
// together, and bots of several teams reading one outlet, do not arrive at the same second. (A
// failing feed's backoff is in its state: src/ingest/poll-feeds.ts.)

/** The most a poll's delay moves from FEED_POLL_SECONDS, either way. */
export const POLL_JITTER = 0.2;

/**
 * Milliseconds until the next poll: `pollSeconds` scaled by a factor in [0.8, 1.2], drawn from
 * `random` (in [0, 1)).
 */
export function nextPollDelayMs(pollSeconds: number, random: () => number = Math.random): number {
  const factor = 1 - POLL_JITTER + 2 * POLL_JITTER * random();
  return Math.round(pollSeconds * 1000 * factor);
}
