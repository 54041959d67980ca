import { createHmac } from "node:crypto";
import { FeedbackError } from "./feedback-error.js";

/**
 * The voter's user id as the log keeps it: HMAC-SHA256 with a secret, hex. A plain hash of a
 * Slack user id could be reversed by hashing every id of a workspace; without the secret it cannot.
 * The same id and secret always give the same value, which is what de-duplication needs.
 */
export function hashVoter(userId: string, secret: string): string {
  if (secret.length === 0) throw new FeedbackError("hashing a voter needs a non-empty secret");
  if (userId.length === 0) throw new FeedbackError("a vote needs the voter's user id");
  return createHmac("sha256", secret).update(userId).digest("hex");
}
