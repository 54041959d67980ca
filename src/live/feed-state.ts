import type { FeedState } from "../ingest/poll-types.js";
import type { LiveStore } from "../state/live-store.js";

export type { FeedState } from "../ingest/poll-types.js";

/** The live-store group feed states are kept in, one record per feed URL. */
export const FEED_STATES = "feeds";

/**
 * Every feed's state in the live store, in URL order: what the last poll (on any replica) left,
 * passed back to the next poll (conditional GET, backoff, links seen) and shown on App Home. A
 * record that does not parse is skipped.
 */
export async function readFeedStates(store: LiveStore): Promise<FeedState[]> {
  const states: FeedState[] = [];
  for (const json of (await store.records(FEED_STATES)).values()) {
    try {
      states.push(JSON.parse(json) as FeedState);
    } catch {
      // Written by this code as JSON: a record that does not parse is another version's, skipped.
    }
  }
  return states.sort((a, b) => a.url.localeCompare(b.url));
}

export async function writeFeedState(store: LiveStore, state: FeedState): Promise<void> {
  await store.putRecord(FEED_STATES, state.url, JSON.stringify(state));
}
