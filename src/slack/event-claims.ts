import type { Logger } from "@slack/bolt";
import type { StateStore } from "../state/state-store.js";
import { describeError } from "./deps.js";
import { EVENT_CLAIM_TTL_SECONDS, messageClaimKey } from "./payloads/claim-keys.js";

/**
 * Claims `key` in the store (keys: src/slack/payloads/claim-keys.ts). When the store fails, answers true
 * (answer twice rather than never) and logs why.
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

/**
 * Claims one message (its channel and ts) so it is answered once, whichever event brings it: a
 * mention and the same message's `message` event, a retry, an edit. True when this is the first
 * claim, or when the message has no key to claim it by.
 */
export async function claimMessage(
  state: StateStore,
  message: unknown,
  logger: Logger,
): Promise<boolean> {
  const key = messageClaimKey(message);
  return key === null || (await claimOnce(state, key, logger));
}
