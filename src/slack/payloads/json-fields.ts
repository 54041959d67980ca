import type { VoteInput } from "../../feedback/feedback-log.js";
// Reading what a button click sends back: values this app wrote, inside a payload it did not.
// Shared by the feedback buttons and the passage choices (feedback-action.ts, choice-action.ts),
// which read the same fields the same way.

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[key]` when it is a non-empty string, else null. */
export function stringAt(object: unknown, key: string): string | null {
  if (!isRecord(object)) return null;
  const value = object[key];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The JSON object `text` holds, or null when it is not JSON or not an object. */
export function parseRecord(text: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return isRecord(data) ? data : null;
}

/** Who clicked which of this app's buttons, where: what every vote click is read from. */
export interface ButtonClick {
  /** The button's value, as this app wrote it (still to be decoded). */
  value: string;
  userId: string;
  /** From `channel`, else `container` (an ephemeral reply has no channel object). */
  channel: string;
  messageTs: string | null;
}

/**
 * The click on the first action `isOurs` accepts in a `block_actions` payload, or null when the
 * payload has none, or lacks the clicker or the channel.
 */
export function readButtonClick(
  body: unknown,
  isOurs: (action: Record<string, unknown>) => boolean,
): ButtonClick | null {
  if (!isRecord(body) || body.type !== "block_actions" || !Array.isArray(body.actions)) return null;
  const action = body.actions.find((a: unknown) => isRecord(a) && isOurs(a)) as
    | Record<string, unknown>
    | undefined;
  if (!action || typeof action.value !== "string") return null;
  const userId = stringAt(body.user, "id");
  const channel = stringAt(body.channel, "id") ?? stringAt(body.container, "channel_id");
  if (!userId || !channel) return null;
  return {
    value: action.value,
    userId,
    channel,
    messageTs: stringAt(body.message, "ts") ?? stringAt(body.container, "message_ts"),
  };
}

/** A click's vote for `FeedbackLog.record`: where and by whom from the click, what from its value. */
export function voteOfClick(
  click: ButtonClick,
  vote: Pick<VoteInput, "answerId" | "question" | "vote" | "passages">,
): VoteInput {
  return { channel: click.channel, messageTs: click.messageTs, userId: click.userId, ...vote };
}
