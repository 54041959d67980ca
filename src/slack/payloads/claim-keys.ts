import { createHash } from "node:crypto";

// The keys under which the bot claims work, so that work arriving twice, at any replica, is done
// once. Each is built from what stays the same between the two arrivals, never from what Slack
// makes new each time (`trigger_id`, `action_ts`, `response_url`, the retry headers).

/**
 * How long an event claim stands. Slack retries an event it thinks failed at once, after 1 minute
 * and after 5 minutes; an hour covers that window with room for late deliveries and clock skew,
 * at a cost of about a hundred bytes per event.
 */
export const EVENT_CLAIM_TTL_SECONDS = 60 * 60;

/**
 * How long a share claim stands: as long as a `response_url` works (30 minutes), since after that
 * a second click could not post anyway. A failed share releases its claim so the user can retry.
 */
export const SHARE_CLAIM_TTL_SECONDS = 30 * 60;

/** What identifies one click of a button on one message, whatever Slack adds to each delivery. */
export interface ShareClick {
  /** The channel of the message that holds the button (`container.channel_id`). */
  channel: string;
  /** That message's ts (`container.message_ts`); ephemeral messages have one too. */
  messageTs: string;
  user: string;
  actionId: string;
  /** The button's value: two buttons on one message differ by it. */
  value: string;
}

/**
 * The claim key of a button click: a double click (two deliveries of the same user pressing the
 * same button of the same message) gets the same key, so only one of them posts.
 */
export function shareClaimKey(click: ShareClick): string {
  const { channel, messageTs, user, actionId, value } = click;
  return `share:${channel}:${messageTs}:${user}:${actionId}:${digest(value)}`;
}

/**
 * The `ShareClick` of a `block_actions` body, or null when it lacks a part (then the caller does
 * the work unclaimed rather than refusing it).
 */
export function shareClickOf(body: unknown, actionIndex = 0): ShareClick | null {
  const b = body as {
    user?: { id?: unknown };
    channel?: { id?: unknown };
    container?: { channel_id?: unknown; message_ts?: unknown };
    message?: { ts?: unknown };
    actions?: { action_id?: unknown; value?: unknown }[];
  } | null;
  const action = b?.actions?.[actionIndex];
  const channel = text(b?.container?.channel_id) ?? text(b?.channel?.id);
  const messageTs = text(b?.container?.message_ts) ?? text(b?.message?.ts);
  const user = text(b?.user?.id);
  const actionId = text(action?.action_id);
  const value = typeof action?.value === "string" ? action.value : "";
  if (!channel || !messageTs || !user || !actionId) return null;
  return { channel, messageTs, user, actionId, value };
}

/**
 * The claim key of an Events API delivery: its `event_id`, which Slack keeps across retries;
 * without one, the key of the message it carries. Null when there is neither.
 */
export function eventClaimKey(body: unknown): string | null {
  const b = body as { event_id?: unknown; event?: unknown } | null;
  const eventId = text(b?.event_id);
  if (eventId) return `event:${eventId}`;
  return messageClaimKey(b?.event);
}

/**
 * The claim key of a message, whatever event carries it: its channel and ts, which name one
 * message in Slack, else its `client_msg_id`. The same message can arrive as two events with two
 * event ids (an `app_mention` and a `message`, or a delivery and its retry through another route);
 * claimed by this key it is answered once.
 */
export function messageClaimKey(event: unknown): string | null {
  const e = event as { client_msg_id?: unknown; channel?: unknown; ts?: unknown } | null;
  const channel = text(e?.channel);
  const ts = text(e?.ts);
  if (channel && ts) return `message:${channel}:${ts}`;
  const clientMessageId = text(e?.client_msg_id);
  return clientMessageId ? `message:${clientMessageId}` : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A short stable digest, so a long button value does not make a long key. */
function digest(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 22);
}
