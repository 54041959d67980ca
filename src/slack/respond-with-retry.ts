import type { RespondFn } from "@slack/bolt";

type RespondArguments = Parameters<RespondFn>[0];

/** Tries after a failed post to a response_url: Slack's own client retries 5xx and 429 likewise. */
export const RESPOND_RETRY_DELAYS_MS = [250, 1_000] as const;

function isRetryable(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === "number" && (status === 429 || status >= 500);
}

/**
 * Posts to a response_url, retrying a 5xx or 429 answer a couple of times. A 4xx (an expired or
 * used-up response_url) is final: trying again cannot help.
 */
export async function respondWithRetry(
  respond: RespondFn,
  message: RespondArguments,
  delays: readonly number[] = RESPOND_RETRY_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response: unknown = await respond(message);
      // Bolt hands back the Response unread. httpFetch has read it already; when the built-in
      // fetch carried it instead (httpFetch's fallback), reading it frees the connection at once
      // rather than when the body is garbage collected.
      if (response instanceof Response) await response.arrayBuffer();
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
