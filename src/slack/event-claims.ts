import { createHash } from "node:crypto";
import type { Logger } from "@slack/bolt";
import { EVENT_CLAIM_TTL_SECONDS, type StateStore } from "../state/state-store.js";
import { describeError } from "./deps.js";

/** How long a share stands claimed: far longer than a double click, shorter than a day's work. */
export const SHARE_CLAIM_TTL_SECONDS = 10 * 60;

/** The claim key of one Events API delivery: Slack keeps `event_id` across its retries. */
export function eventClaimKey(eventId: string): string {
  return `event:${eventId}`;
}

/**
 * The claim key of one message, by channel and ts: Slack delivers an edit that adds a mention,
 * and a message both as `app_mention` and `message`, under new event ids but the same ts.
 */
export function messageClaimKey(channel: string, ts: string): string {
  return `message:${channel}:${ts}`;
}

/** What stays the same when one "Share" button is clicked twice. */
export interface ShareClick {
  userId: string;
  channelId: string;
  messageTs: string;
  actionId: string;
  value: string;
}

/**
 * The claim key of one share: the same for two clicks of one button (trigger_id, action_ts and
 * response_url differ between them, so they are left out), hashed to keep long questions short.
 */
export function shareClaimKey(click: ShareClick): string {
  const parts = [click.userId, click.channelId, click.messageTs, click.actionId, click.value];
  return `share:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;
}

/**
 * Claims `key` in the store. When the store fails, answers true (answer twice rather than never)
 * and logs why.
 */
export async function claimOnce(
  state: StateStore,
  key: string,
  logger: Logger,
  ttlSeconds = EVENT_CLAIM_TTL_SECONDS,
): Promise<boolean> {
  try {
    return await state.claim(key, ttlSeconds);
  } catch (error) {
    logger.warn(`Claim of ${key.split(":")[0]} failed, answering anyway: ${describeError(error)}`);
    return true;
  }
}
