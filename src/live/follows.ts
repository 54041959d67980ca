import type { LiveStore } from "../state/live-store.js";

/** The live-store group follow records are kept in, one per channel. */
export const FOLLOWS = "follows";

/** A channel that gets digests: where, in which workspace (for its token), since when, by whom. */
export interface FollowRecord {
  channelId: string;
  /** The workspace: with several installed (OAuth), its token posts the digests. */
  teamId: string;
  /** Milliseconds since the epoch: articles that land after it are news to the channel. */
  since: number;
  /** The user who followed. */
  by: string;
}

/** Follows `record.channelId`; false when it already followed (the first record stays). */
export async function follow(store: LiveStore, record: FollowRecord): Promise<boolean> {
  const added = await store.addMissingRecords(
    FOLLOWS,
    new Map([[record.channelId, JSON.stringify(record)]]),
  );
  return added.length > 0;
}

/** Stops following; false when the channel did not follow. */
export function unfollow(store: LiveStore, channelId: string): Promise<boolean> {
  return store.deleteRecord(FOLLOWS, channelId);
}

/** Every following channel; a record that does not parse is skipped. */
export async function followers(store: LiveStore): Promise<FollowRecord[]> {
  const records: FollowRecord[] = [];
  for (const json of (await store.records(FOLLOWS)).values()) {
    try {
      records.push(JSON.parse(json) as FollowRecord);
    } catch {
      // Written by this code as JSON: a record that does not parse is another version's, skipped.
    }
  }
  return records;
}

/**
 * Stops every follow of workspace `teamId` (its app was uninstalled): no digest is attempted with
 * a token that is gone. Returns how many channels stopped.
 */
export async function unfollowWorkspace(store: LiveStore, teamId: string): Promise<number> {
  let removed = 0;
  for (const [channelId, json] of await store.records(FOLLOWS)) {
    let record: Partial<FollowRecord>;
    try {
      record = JSON.parse(json) as Partial<FollowRecord>;
    } catch {
      continue;
    }
    if (record.teamId === teamId && (await store.deleteRecord(FOLLOWS, channelId))) removed++;
  }
  return removed;
}
