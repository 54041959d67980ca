import type { LiveStore } from "../state/live-store.js";
import { corpusChangedAt } from "./corpus-changes.js";
import { type FeedState, readFeedStates } from "./feed-state.js";

/** What App Home and /health?details show of the live desk, the same on every replica. */
export interface DeskStatus {
  /** When articles last landed (milliseconds since the epoch), or null when none has since start. */
  corpusChangedAt: number | null;
  /** Every polled feed's state, in URL order. */
  feeds: FeedState[];
}

/** Reads the desk's status from the live store. */
export async function readDeskStatus(store: LiveStore): Promise<DeskStatus> {
  const [changedAt, feeds] = await Promise.all([corpusChangedAt(store), readFeedStates(store)]);
  return { corpusChangedAt: changedAt, feeds };
}
