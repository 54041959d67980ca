import type { RespondFn } from "@slack/bolt";

type RespondArguments = Parameters<RespondFn>[0];

/**
 * Posts to a response_url once. The retries that are safe happen below, in the fetch every Slack
 * call goes through (createSlackFetch: only a post that surely never left, or a 429 with a short
 * Retry-After). A 5xx or a timeout is final: Slack may have posted already, and a second try
 * could show the answer twice.
 */
export async function respondOnce(respond: RespondFn, message: RespondArguments): Promise<void> {
  const response: unknown = await respond(message);
  // Bolt hands back the Response unread. httpFetch has read it already; when the built-in
  // fetch carried it instead (httpFetch's fallback), reading it frees the connection at once
  // rather than when the body is garbage collected.
  if (response instanceof Response) await response.arrayBuffer();
}
