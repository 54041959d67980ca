import { MAX_CLOCK_SKEW_SECONDS } from "./verify-signature.js";

/**
 * How long a signed request is remembered: its timestamp is accepted from 5 minutes before now to
 * 5 minutes after, so one request can be presented for up to 10 minutes of our clock; a minute more
 * covers clock differences between replicas.
 */
export const REPLAY_CLAIM_TTL_SECONDS = 2 * MAX_CLOCK_SKEW_SECONDS + 60;

/**
 * The claim key of one signed request. Slack signs every delivery anew, its retries included, so
 * two requests with one signature are one request sent twice: a capture replayed by someone else.
 * Claimed in the shared store, a replay is refused at every replica.
 */
export function replayClaimKey(signatureHex: string): string {
  return `request:${signatureHex}`;
}
