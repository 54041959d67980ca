/** Why a fetch was refused or failed; the message names the URL and says why in a few words. */
export type FetchErrorCode =
  | "FETCH_BAD_URL"
  | "FETCH_BLOCKED_ADDRESS"
  | "FETCH_ROBOTS"
  | "FETCH_BACKING_OFF"
  | "FETCH_STATUS"
  | "FETCH_SERVER_ERROR"
  | "FETCH_TOO_MANY_REDIRECTS"
  | "FETCH_CONTENT_TYPE"
  | "FETCH_TOO_LARGE"
  | "FETCH_TIMEOUT"
  | "FETCH_TLS"
  | "FETCH_NETWORK";

const TRANSIENT = new Set<FetchErrorCode>([
  "FETCH_BACKING_OFF",
  "FETCH_SERVER_ERROR",
  "FETCH_TIMEOUT",
  "FETCH_NETWORK",
]);

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  /** The URL that was asked for (not a redirect's target). */
  readonly url: string;
  /** The reason alone, without the component or the URL: what a log line or a reply shows. */
  readonly reason: string;
  /** For 429 and 503: when the origin may be asked again (ms since the epoch), if it said. */
  readonly retryAt: number | null;
  /** A later try may succeed (a timeout, a 5xx, a 429): the page is asked for again next poll. */
  readonly transient: boolean;

  constructor(code: FetchErrorCode, url: string, reason: string, retryAt: number | null = null) {
    super(`Fetch: ${url}: ${reason}`);
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    this.reason = reason;
    this.retryAt = retryAt;
    this.transient = TRANSIENT.has(code);
  }
}
