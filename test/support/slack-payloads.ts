import { signSlackRequest } from "../../src/slack/verify-signature.js";

// Requests as Slack sends them, for the end-to-end tests, the bench and the load test.

/** Headers Slack sends with a body: its content type, a timestamp, and the signature over both. */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signSlackRequest(secret, timestamp, body),
  };
}

export const FORM = "application/x-www-form-urlencoded";

/** A `/syria` slash command's form body; `fields` add to or replace the usual ones. */
export function slashCommandForm(
  text: string,
  responseUrl: string,
  fields: Record<string, string> = {},
): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    command: "/syria",
    text,
    response_url: responseUrl,
    trigger_id: "trigger",
    api_app_id: "A1",
    ...fields,
  }).toString();
}

/** An Events API body as Slack sends it, over HTTP or inside a Socket Mode envelope. */
export function eventCallback(event: Record<string, unknown>, eventId: string) {
  return {
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  };
}
