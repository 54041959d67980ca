import { describe, expect, it } from "vitest";
import {
  type CallOutcome,
  DEFAULT_RETRY_POLICY,
  isIdempotentCall,
  parseRetryAfter,
  retryDelay,
} from "../../../src/slack/transport/retry-policy.js";

const notSent: CallOutcome = { kind: "not-sent" };
const maybeSent: CallOutcome = { kind: "maybe-sent" };
const answered = (status: number, retryAfterSeconds: number | null = null): CallOutcome => ({
  kind: "answered",
  status,
  retryAfterSeconds,
});

describe("retryDelay", () => {
  it("retries what surely did not land, with backoff, a bounded number of times", () => {
    expect(retryDelay(notSent, 0, false)).toBe(DEFAULT_RETRY_POLICY.notSentDelaysMs[0]);
    expect(retryDelay(notSent, 1, false)).toBe(DEFAULT_RETRY_POLICY.notSentDelaysMs[1]);
    expect(retryDelay(notSent, DEFAULT_RETRY_POLICY.maxRetries, false)).toBeNull();
  });

  it("never retries a post that may have arrived: a timeout, a reset, a 5xx", () => {
    expect(retryDelay(maybeSent, 0, false)).toBeNull();
    expect(retryDelay(answered(500), 0, false)).toBeNull();
    expect(retryDelay(answered(503), 0, false)).toBeNull();
  });

  it("retries an idempotent call after a timeout or a 5xx", () => {
    expect(retryDelay(maybeSent, 0, true)).toBe(DEFAULT_RETRY_POLICY.notSentDelaysMs[0]);
    expect(retryDelay(answered(502), 1, true)).toBe(DEFAULT_RETRY_POLICY.notSentDelaysMs[1]);
  });

  it("waits out a 429's Retry-After when short, and gives up when long or absent", () => {
    expect(retryDelay(answered(429, 2), 0, false)).toBe(2_000);
    expect(retryDelay(answered(429, 60), 0, false)).toBeNull();
    expect(retryDelay(answered(429, null), 0, false)).toBeNull();
  });

  it("never retries a 4xx other than 429", () => {
    for (const status of [400, 403, 404, 410]) {
      expect(retryDelay(answered(status), 0, true)).toBeNull();
    }
  });
});

describe("isIdempotentCall", () => {
  it("knows reads and connects from posts and response_urls", () => {
    expect(isIdempotentCall(new URL("https://slack.com/api/auth.test"))).toBe(true);
    expect(isIdempotentCall(new URL("https://slack.com/api/apps.connections.open"))).toBe(true);
    expect(isIdempotentCall(new URL("https://slack.com/api/chat.postMessage"))).toBe(false);
    expect(isIdempotentCall(new URL("https://hooks.slack.com/commands/T1/1/abc"))).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  it("reads whole seconds, and nothing else", () => {
    expect(parseRetryAfter("3")).toBe(3);
    expect(parseRetryAfter(" 10 ")).toBe(10);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).toBeNull();
  });
});
