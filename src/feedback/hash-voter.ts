import { createHmac } from "node:crypto";
import { FeedbackError } from "./feedback-error.js";

/**
 * A Slack id as the log keeps it: HMAC-SHA256 with a secret key, hex. A plain hash of a Slack id
 * could be reversed by hashing every id of a workspace; without the key it cannot. The same id and
 * key always give the same value, which is what de-duplication and counting per channel need.
 */
export function hashId(id: string, secret: string): string {
  if (secret.length === 0) throw new FeedbackError("hashing an id needs a non-empty secret");
  return createHmac("sha256", secret).update(id).digest("hex");
}

/** The voter's user id as the log keeps it (`hashId`). */
export function hashVoter(userId: string, secret: string): string {
  if (userId.length === 0) throw new FeedbackError("a vote needs the voter's user id");
  return hashId(userId, secret);
}

/**
 * The answer's channel id as the log keeps it (`hashId`): a DM's channel belongs to one person, so
 * its id in clear would say who voted.
 */
export function hashChannel(channelId: string, secret: string): string {
  if (channelId.length === 0) throw new FeedbackError("a vote needs the answer's channel id");
  return hashId(channelId, secret);
}

/**
 * The workspace's team (or org) id as the log keeps it (`hashId`). A workspace id is not personal
 * data, but it is hashed like the others so the log holds no Slack id in clear: a copied log does
 * not list which workspaces use the bot, and one rule covers every id in it.
 */
export function hashWorkspace(workspaceId: string, secret: string): string {
  if (workspaceId.length === 0) throw new FeedbackError("a workspace id cannot be empty");
  return hashId(workspaceId, secret);
}
