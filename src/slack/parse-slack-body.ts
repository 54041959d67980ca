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
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new SlackBodyError("body is not an object");
  const record = body as Record<string, unknown>;
  if ("event" in record) {
    const { event } = record;
    if (typeof event !== "object" || event === null || Array.isArray(event))
      throw new SlackBodyError("event is not an object");
  }
  if (record.type === "event_callback" && !("event" in record))
    throw new SlackBodyError("event_callback without an event");
  return record;
}
