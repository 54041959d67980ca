/** Requests that change what the bot follows, rather than ask it something. */
export type DeskRequest =
  | { kind: "add"; url: string | null }
  | { kind: "follow" }
  | { kind: "unfollow" };

/** `add`, alone or with a link (bare, or Slack's `<url>` / `<url|label>`), in the raw text. */
const ADD = /^\s*add(?:\s+<?(https?:\/\/[^\s<>|]+)(?:>|\|[^>]*>)?)?\s*$/i;
const FOLLOW = /^(un)?follow[.!]?$/i;

/**
 * Reads `add <link>`, `follow` and `unfollow`; null for anything else (a question that starts with
 * "add" is still a question). The link is read from the raw text, before markup stripping turns
 * `<url|label>` into its label.
 */
export function readDeskRequest(raw: string | undefined, plain: string): DeskRequest | null {
  const follow = FOLLOW.exec(plain);
  if (follow) return follow[1] ? { kind: "unfollow" } : { kind: "follow" };
  const add = ADD.exec(raw ?? "");
  if (add) return { kind: "add", url: add[1] ?? null };
  return null;
}

/** True for the requests `readDeskRequest` reads. */
export function isDeskRequest(request: { kind: string }): request is DeskRequest {
  return request.kind === "add" || request.kind === "follow" || request.kind === "unfollow";
}
