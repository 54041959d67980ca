import type { LiveStore } from "../state/live-store.js";
import { FAILING_AFTER } from "./poll-schedule.js";

/** The live-store group feed states are kept in, one record per feed URL. */
export const FEED_STATES = "feeds";

/** One feed as every replica shows it (App Home, /health?details), kept in the live store. */
export interface FeedState {
  url: string;
  name: string | null;
  /** Milliseconds since the epoch of the last fetch, failed or not; null before the first. */
  lastFetchAt: number | null;
  /** Articles the last fetch added. */
  lastAdded: number;
  /** Articles added since the state was first kept. */
  itemsAdded: number;
  /** Why the last fetch failed, or null when it did not. */
  lastError: string | null;
  failuresInRow: number;
}

/** What one poll did with one feed. */
export interface FeedOutcome {
  url: string;
  name: string | null;
  /** Articles this fetch added. */
  added: number;
  /** Why the fetch failed, or null when it did not. */
  error: string | null;
}

/** True when the feed shows as failing: FAILING_AFTER failures in a row. */
export function isFailing(state: FeedState): boolean {
  return state.failuresInRow >= FAILING_AFTER;
}

/** The state after one more fetch at `at`. */
export function nextFeedState(
  previous: FeedState | undefined,
  outcome: FeedOutcome,
  at: number,
): FeedState {
  return {
    url: outcome.url,
    name: outcome.name ?? previous?.name ?? null,
    lastFetchAt: at,
    lastAdded: outcome.added,
    itemsAdded: (previous?.itemsAdded ?? 0) + outcome.added,
    lastError: outcome.error,
    failuresInRow: outcome.error === null ? 0 : (previous?.failuresInRow ?? 0) + 1,
  };
}

/** Every feed's state in the live store, by URL; a record that does not parse is skipped. */
export async function readFeedStates(store: LiveStore): Promise<Map<string, FeedState>> {
  const states = new Map<string, FeedState>();
  for (const [url, json] of await store.records(FEED_STATES)) {
    try {
      states.set(url, JSON.parse(json) as FeedState);
    } catch {
      // Written by this code as JSON: a record that does not parse is another version's, skipped.
    }
  }
  return states;
}

export async function writeFeedState(store: LiveStore, state: FeedState): Promise<void> {
  await store.putRecord(FEED_STATES, state.url, JSON.stringify(state));
}
