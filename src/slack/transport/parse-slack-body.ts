import { parse as parseQueryString } from "node:querystring";

/** A request body that is not what Slack sends: the receiver answers 400. */
export class SlackBodyError extends Error {
  constructor(reason: string) {
    super(`Slack request: ${reason}`);
    this.name = "SlackBodyError";
  }
}

/**
 * Parses a signed request body as Slack sends it: a form (slash commands; interactions carry
 * JSON in `payload`) or JSON (events). The media type is compared without its parameters, so
 * `application/x-www-form-urlencoded; charset=utf-8` is a form too (Bolt's own check is exact).
 * Anything but a JSON object, or an event that is not one, is refused: bad input is a 4xx.
 */
export function parseSlackBody(
  contentType: string | undefined,
  rawBody: string,
): Record<string, unknown> {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  let body: unknown;
  try {
    if (mediaType === "application/x-www-form-urlencoded") {
      const form = parseQueryString(rawBody);
      body = typeof form.payload === "string" ? JSON.parse(form.payload) : { ...form };
    } else {
      body = JSON.parse(rawBody);
    }
  } catch {
    throw new SlackBodyError("body is neither JSON nor a form");
  }
  return checkSlackBody(body);
}

/**
 * Checks a parsed body (over HTTP, or a Socket Mode envelope's payload) is what Slack sends, as far
 * as Bolt reads it before any listener runs; returns it as a record. Throws `SlackBodyError` naming
 * what is wrong.
 */
export function checkSlackBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw new SlackBodyError("body is not an object");
  const record = body;
  if ("event" in record) {
    const { event } = record;
    if (!isObject(event)) throw new SlackBodyError("event is not an object");
    checkEventParts(event);
  } else if (record.command !== undefined) {
    checkCommand(record);
  } else if (isInteraction(record)) {
    checkInteraction(record);
  }
  if (record.type === "event_callback" && !("event" in record))
    throw new SlackBodyError("event_callback without an event");
  return record;
}

// What follows mirrors what Bolt reads from a body before any listener runs (helpers.js
// getTypeAndConversation, App.js buildSource): a signed body lacking one of these parts would throw
// inside Bolt, a 500 and a "not acknowledged" error 3 s later, instead of the 400 bad input gets.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An event's parts Bolt looks into: each, when present, must be what Slack sends. */
function checkEventParts(event: Record<string, unknown>): void {
  if ("channel" in event && typeof event.channel !== "string" && !isObject(event.channel))
    throw new SlackBodyError("event channel is neither an id nor an object");
  if (
    "user" in event &&
    event.user !== undefined &&
    typeof event.user !== "string" &&
    !isObject(event.user)
  )
    throw new SlackBodyError("event user is neither an id nor an object");
  if ("item" in event && !isObject(event.item))
    throw new SlackBodyError("event item is not an object");
  if ("subteam" in event && !isObject(event.subteam))
    throw new SlackBodyError("event subteam is not an object");
}

/** A slash command is answered at its response_url: without one it cannot be answered at all. */
function checkCommand(command: Record<string, unknown>): void {
  if (typeof command.command !== "string") throw new SlackBodyError("command is not text");
  if (typeof command.response_url !== "string")
    throw new SlackBodyError("command without a response_url");
}

/** The bodies Bolt routes as actions, options, shortcuts or views. */
function isInteraction(body: Record<string, unknown>): boolean {
  return (
    body.name !== undefined ||
    body.actions !== undefined ||
    INTERACTION_TYPES.has(body.type as string)
  );
}

const TYPE_NAME = /^[a-z_]{1,40}$/;

const INTERACTION_TYPES = new Set([
  "block_suggestion",
  "dialog_submission",
  "shortcut",
  "message_action",
  "view_submission",
  "view_closed",
]);

function checkInteraction(body: Record<string, unknown>): void {
  if (!isObject(body.user)) throw new SlackBodyError(`${describe(body)} without a user`);
  if (body.channel !== undefined && !isObject(body.channel))
    throw new SlackBodyError(`${describe(body)} channel is not an object`);
  if (body.actions !== undefined && !Array.isArray(body.actions))
    throw new SlackBodyError(`${describe(body)} actions are not a list`);
  if ((body.type === "view_submission" || body.type === "view_closed") && !isObject(body.view))
    throw new SlackBodyError(`${body.type} without a view`);
}

/** The body's type for a message, when it is a short word; else "interaction". */
function describe(body: Record<string, unknown>): string {
  const { type } = body;
  return typeof type === "string" && TYPE_NAME.test(type) ? type : "interaction";
}
