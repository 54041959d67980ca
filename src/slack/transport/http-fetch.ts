import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import {
  type CallOutcome,
  DEFAULT_RETRY_POLICY,
  isIdempotentCall,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
} from "./retry-policy.js";

// Every reply goes out through fetch: Bolt's `respond` posts to the response_url with it, and the
// Web API client calls Slack with it. Node 20's built-in fetch costs about a millisecond of CPU a
// call (web streams, its own connection pool), more than finding and rendering the answer. This
// fetch does the same POSTs over node:http with kept-alive connections, for a fraction of that.
// It handles what Slack's clients send: a string, URLSearchParams or bytes body, plain headers,
// an abort signal. Anything else, and redirects, go to the built-in fetch.

/**
 * With a timeout set, Node's agent closes an idle connection a second before the server's
 * `Keep-Alive: timeout=N` says the server will; without one it keeps it until the server closes
 * it, and a post sent just as the server does is reset, unanswered, with no way to know whether it
 * landed (so it is not sent again). The timeout itself only ends connections idle this long when
 * the server gives no hint: every call has its own, shorter deadline.
 */
const IDLE_SOCKET_TIMEOUT_MS = 60_000;

const agents = {
  "http:": new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_TIMEOUT_MS }),
  "https:": new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_TIMEOUT_MS }),
};

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = Parameters<typeof fetch>[1];

function bodyBytes(body: unknown): string | Uint8Array | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  return undefined; // FormData, streams, blobs: not handled here
}

function plainHeaders(headers: unknown): Record<string, string> | undefined {
  if (headers === undefined) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return undefined;
  return headers as Record<string, string>;
}

function contentTypeFor(body: unknown): Record<string, string> {
  if (body instanceof URLSearchParams)
    return { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" };
  if (typeof body === "string") return { "content-type": "text/plain;charset=UTF-8" };
  return {};
}

function toResponse(incoming: IncomingMessage, chunks: Buffer[]): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = incoming.statusCode ?? 500;
  // Response refuses a body for the "null body" statuses.
  const body = [101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
  return new Response(body, { status, statusText: incoming.statusMessage ?? "", headers });
}

/** Errors of calls whose request was surely never written: no connection was ever made. */
const notSent = new WeakSet<object>();

/** Whether a call that failed with `error` surely never reached the server (safe to retry). */
export function wasSurelyNotSent(error: unknown): boolean {
  return typeof error === "object" && error !== null && notSent.has(error);
}

/** Errors of calls that may have reached Slack (a timeout or a reset after the request was written). */
const maybeSent = new WeakSet<object>();

/**
 * Whether a reply that failed with `error` may have been posted all the same: a call through
 * createSlackFetch that timed out or was cut after its request was written, or one Slack answered
 * with a 5xx. Looks through the Web API client's wrapping (`original`, `cause`). Then nothing more
 * is posted for that question: an apology under an answer that did land reads as a contradiction.
 */
export function mayHaveLanded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (maybeSent.has(current)) return true;
    const { code, statusCode, original, cause } = current as {
      code?: unknown;
      statusCode?: unknown;
      original?: unknown;
      cause?: unknown;
    };
    if (code === "slack_webapi_http_error" && typeof statusCode === "number" && statusCode >= 500)
      return true;
    current = original ?? cause;
  }
  return false;
}

/** No connection within the connect timeout: the request was never written. */
export class ConnectTimeoutError extends Error {
  readonly code = "ECONNECTTIMEOUT";
  constructor(url: URL, ms: number) {
    super(`httpFetch: no connection to ${url.host} within ${ms} ms`);
    this.name = "ConnectTimeoutError";
  }
}

export interface HttpFetchOptions {
  /** Give up if no connection is made within this; the request is then surely unsent. */
  connectTimeoutMs?: number;
}

/** A fetch for Slack's clients: node:http with kept-alive connections, else the built-in fetch. */
export function httpFetch(
  input: FetchInput,
  init: FetchInit = {},
  options: HttpFetchOptions = {},
): Promise<Response> {
  const url = typeof input === "string" ? new URL(input) : input instanceof URL ? input : null;
  const body = bodyBytes(init.body);
  const headers = plainHeaders(init.headers);
  const agent = url ? agents[url.protocol as keyof typeof agents] : undefined;
  if (!url || !agent || body === undefined || headers === undefined) return fetch(input, init);

  const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const request = send(url, {
      method: init.method ?? "GET",
      agent,
      headers: {
        ...(hasContentType ? {} : contentTypeFor(init.body)),
        ...headers,
        ...(body === null ? {} : { "content-length": String(Buffer.byteLength(body)) }),
      },
    });
    // Whether a connection was ever made: until then, nothing of the request can have left.
    let connected = false;
    let connectTimer: NodeJS.Timeout | undefined;
    request.on("socket", (socket) => {
      if (!socket.connecting) {
        connected = true;
        return;
      }
      socket.once("connect", () => {
        connected = true;
        clearTimeout(connectTimer);
      });
      if (options.connectTimeoutMs !== undefined) {
        const ms = options.connectTimeoutMs;
        connectTimer = setTimeout(() => request.destroy(new ConnectTimeoutError(url, ms)), ms);
      }
    });
    const onAbort = () => request.destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => {
      clearTimeout(connectTimer);
      signal?.removeEventListener("abort", onAbort);
      if (!connected) notSent.add(error);
      reject(error);
    });
    request.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = incoming.statusCode ?? 500;
        const redirected = status >= 300 && status < 400 && incoming.headers.location;
        if (redirected && init.redirect === "error")
          reject(new TypeError(`fetch failed: redirected from ${url.origin}${url.pathname}`));
        // Rare for Slack: let the built-in fetch follow it, with its rules for methods and bodies.
        else if (redirected && init.redirect !== "manual") resolve(fetch(input, init));
        else resolve(toResponse(incoming, chunks));
      });
    });
    request.end(body ?? undefined);
  });
}

export interface SlackFetchOptions {
  /** Deadline of one try, from connect to last byte. */
  timeoutMs: number;
  /** Deadline for the connection alone; a try that cannot connect is surely unsent. */
  connectTimeoutMs?: number;
  policy?: RetryPolicy;
  /** Told of each retry, for the log. */
  onRetry?: (url: URL, outcome: CallOutcome, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

function outcomeOf(response: Response | null, error: unknown): CallOutcome {
  if (response !== null)
    return {
      kind: "answered",
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
    };
  return wasSurelyNotSent(error) ? { kind: "not-sent" } : { kind: "maybe-sent" };
}

/**
 * The fetch every call to Slack goes through (Web API and response_url): each try has a deadline,
 * and a failed try is retried only as the retry policy says, so a slow Slack never gets a second
 * copy of a post. The Web API client's own retries are off (it would retry timeouts).
 */
export function createSlackFetch(options: SlackFetchOptions): typeof fetch {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(3_000, options.timeoutMs);
  const slackFetch = async (input: FetchInput, init: FetchInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const idempotent = isIdempotentCall(url);
    for (let retries = 0; ; retries++) {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
      let response: Response | null = null;
      let failure: unknown;
      try {
        response = await httpFetch(input, { ...init, signal }, { connectTimeoutMs });
      } catch (error) {
        failure = error;
      }
      const outcome = outcomeOf(response, failure);
      const ok = response !== null && response.status < 400;
      const delay =
        ok || init.signal?.aborted ? null : retryDelay(outcome, retries, idempotent, policy);
      if (delay === null) {
        if (response !== null) return response;
        if (outcome.kind === "maybe-sent" && typeof failure === "object" && failure !== null)
          maybeSent.add(failure);
        throw failure;
      }
      options.onRetry?.(url, outcome, delay);
      await response?.arrayBuffer();
      await sleep(delay);
    }
  };
  return slackFetch as typeof fetch;
}
