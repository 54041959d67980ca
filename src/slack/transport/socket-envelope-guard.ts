import type { Logger } from "@slack/bolt";
import { describeError } from "../deps.js";
import { checkSlackBody, SlackBodyError } from "./parse-slack-body.js";

// Socket Mode, kept alive on bad input: the Socket Mode client (2.x) handles each WebSocket message
// in an async listener nobody awaits, and reads `payload.event.type` without a check, so one
// envelope with `payload: null` or `payload.event: null` rejects unheard and the process dies on the
// unhandled rejection. HTTP mode answers such a body 400; here it is acked (Slack would only send it
// again) and logged, and the bot keeps running.

/** The parts of @slack/socket-mode's client this relies on. */
interface EnvelopeClient {
  listeners: (event: string) => ((...args: unknown[]) => unknown)[];
  removeAllListeners: (event: string) => unknown;
  on: (event: string, listener: (...args: unknown[]) => unknown) => unknown;
  send: (envelopeId: string, body?: Record<string, unknown>) => Promise<void>;
}

/** Envelopes the client handles itself, with no payload. */
const CONTROL_TYPES = new Set(["hello", "disconnect"]);

/** Why an envelope is not what Slack sends, and its id if it has one to ack; null when it is fine. */
export function envelopeRefusal(
  text: string,
): { reason: string; envelopeId: string | null } | null {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return null; // the client logs and ignores what is not JSON
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope))
    return { reason: "the envelope is not an object", envelopeId: null };
  const { type, envelope_id: id, payload } = envelope as Record<string, unknown>;
  if (typeof type === "string" && CONTROL_TYPES.has(type)) return null;
  const envelopeId = typeof id === "string" && id !== "" ? id : null;
  if (typeof type !== "string") return { reason: "the envelope has no type", envelopeId };
  try {
    const body = checkSlackBody(payload);
    if (type === "events_api" && !("event" in body))
      return { reason: "events_api without an event", envelopeId };
  } catch (error) {
    if (!(error instanceof SlackBodyError)) throw error;
    return { reason: error.message, envelopeId };
  }
  return null;
}

/**
 * Puts a check in front of the client's message handling: a malformed envelope is acked and
 * logged as a warning instead of reaching the client, and whatever the client's handling throws is
 * logged instead of killing the process.
 */
export function guardEnvelopes(client: unknown, logger: () => Logger): void {
  const target = client as EnvelopeClient;
  if (typeof target.listeners !== "function" || typeof target.send !== "function")
    throw new Error("Socket Mode: this client version has no message handling to guard");
  const handlers = target.listeners("ws_message");
  target.removeAllListeners("ws_message");
  target.on("ws_message", async (data: unknown, isBinary: unknown) => {
    try {
      const text =
        typeof data === "string"
          ? data
          : isBinary
            ? null
            : new TextDecoder().decode(data as ArrayBuffer | Uint8Array);
      const refusal = text === null ? null : envelopeRefusal(text);
      if (refusal) {
        logger().warn(`Socket Mode: malformed envelope acked and dropped: ${refusal.reason}`);
        if (refusal.envelopeId !== null) await target.send(refusal.envelopeId);
        return;
      }
      for (const handle of handlers) await handle.call(target, data, isBinary);
    } catch (error) {
      logger().warn(`Socket Mode: an envelope could not be handled: ${describeError(error)}`);
    }
  });
}
