// When a failed call to Slack may be tried again. A post (chat.postMessage, a response_url) is not
// idempotent: once the request may have reached Slack, trying again can post the answer twice, so
// only what surely never left (connection refused, DNS failure, connect timeout) or what Slack
// asks to have retried (429 with Retry-After) is retried, a bounded number of times.

/** How one try of a call ended. */
export type CallOutcome =
  /** The request was never written: nothing can have landed. */
  | { kind: "not-sent" }
  /** It was written, or may have been, and no answer came: it may have landed. */
  | { kind: "maybe-sent" }
  /** Slack answered with this status (and Retry-After, in seconds, if it gave one). */
  | { kind: "answered"; status: number; retryAfterSeconds: number | null };

export interface RetryPolicy {
  /** Retries after the first try, at most. */
  maxRetries: number;
  /** Waits before retrying a call that was not sent, by retry. */
  notSentDelaysMs: readonly number[];
  /** A Retry-After longer than this is not waited for: a reply that late is worse than an apology. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  notSentDelaysMs: [200, 1_000],
  maxRetryAfterMs: 5_000,
};

/**
 * Milliseconds to wait before retrying, or null to give up. `retriesDone` counts retries already
 * made; `idempotent` calls (auth.test, apps.connections.open) may also be retried after a timeout
 * or a 5xx, since doing them twice does no harm.
 */
export function retryDelay(
  outcome: CallOutcome,
  retriesDone: number,
  idempotent: boolean,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  if (retriesDone >= policy.maxRetries) return null;
  const backoff = policy.notSentDelaysMs[retriesDone] ?? policy.notSentDelaysMs.at(-1) ?? 0;
  switch (outcome.kind) {
    case "not-sent":
      return backoff;
    case "maybe-sent":
      return idempotent ? backoff : null;
    case "answered": {
      if (outcome.status === 429) {
        if (outcome.retryAfterSeconds === null) return null;
        const wait = outcome.retryAfterSeconds * 1_000;
        return wait <= policy.maxRetryAfterMs ? wait : null;
      }
      return idempotent && outcome.status >= 500 ? backoff : null;
    }
  }
}

/** Web API methods that read or connect, safe to do twice. */
const IDEMPOTENT_METHODS = new Set([
  "auth.test",
  "apps.connections.open",
  "users.info",
  "conversations.info",
  "bots.info",
  "team.info",
]);

/** Whether a call to this URL may be repeated without harm: a response_url never may. */
export function isIdempotentCall(url: URL): boolean {
  const method = url.pathname.split("/").at(-1) ?? "";
  return url.pathname.includes("/api/") && IDEMPOTENT_METHODS.has(method);
}

/** Reads Retry-After as whole seconds, as Slack sends it; null when absent or not a number. */
export function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}
