import { readdirSync, readFileSync } from "node:fs";
import { signSlackRequest } from "../../src/slack/transport/verify-signature.js";

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
    team_id: "T0TEAM1",
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
    team_id: "T0TEAM1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0TEAM1", user_id: "UBOT", is_bot: true }],
    event,
  };
}

/** A request recorded from Slack's SDK fixtures, under test/fixtures/slack/ (see docs/slack-payloads.md). */
export interface SlackFixture {
  /** Where the shape comes from: repository and path. */
  source: string;
  /** How Slack sends it: JSON, a form (slash commands), or a form with one `payload` field. */
  encoding: "json" | "form" | "payload-form";
  // biome-ignore lint/suspicious/noExplicitAny: fixtures are Slack's untyped JSON, changed by tests
  body: any;
}

const FIXTURES = new URL("../fixtures/slack/", import.meta.url);

/** Reads a fixture by name (the file name without `.json`), a fresh copy each time. */
export function loadSlackFixture(name: string): SlackFixture {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), "utf8")) as SlackFixture;
}

/** The names of every fixture under test/fixtures/slack/. */
export function slackFixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""))
    .sort();
}

/**
 * The fixture's body as Slack would send it, with `$NAME` placeholders (`$EVENT_ID`,
 * `$RESPONSE_URL`, `$SHARE_ACTION_ID`) replaced from `vars`.
 */
export function encodeSlackFixture(
  fixture: SlackFixture,
  vars: Record<string, string>,
): { body: string; contentType: string } {
  const filled = JSON.parse(
    JSON.stringify(fixture.body).replace(/"\$([A-Z_]+)"/g, (whole, name: string) =>
      vars[name] === undefined ? whole : JSON.stringify(vars[name]),
    ),
  );
  if (fixture.encoding === "json") {
    return { body: JSON.stringify(filled), contentType: "application/json" };
  }
  const fields =
    fixture.encoding === "form"
      ? (filled as Record<string, string>)
      : { payload: JSON.stringify(filled) };
  return { body: new URLSearchParams(fields).toString(), contentType: FORM };
}
