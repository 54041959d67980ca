import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  MAX_CLOCK_SKEW_SECONDS,
  signSlackRequest,
  verifySlackSignature,
} from "../../../src/slack/transport/verify-signature.js";

// Slack's documented example (docs.slack.dev, "Verifying requests from Slack"): this secret,
// timestamp and body give this signature.
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = "1531420618";
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const NOW = Number(TIMESTAMP) * 1000;

const check = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) =>
  verifySlackSignature({
    signingSecret: SECRET,
    timestampHeader: TIMESTAMP,
    signatureHeader: SIGNATURE,
    rawBody: BODY,
    nowMilliseconds: NOW,
    ...overrides,
  });

describe("verifySlackSignature", () => {
  it("accepts Slack's documented example", () => {
    expect(check()).toEqual({ ok: true });
  });

  it("refuses a changed body, another secret, or a changed signature", () => {
    expect(check({ rawBody: `${BODY}&x=1` })).toEqual({ ok: false, reason: "signature mismatch" });
    expect(check({ signingSecret: "other" })).toEqual({ ok: false, reason: "signature mismatch" });
    expect(check({ signatureHeader: `${SIGNATURE.slice(0, -1)}0` })).toMatchObject({ ok: false });
    expect(check({ signatureHeader: "v0=abc" })).toEqual({
      ok: false,
      reason: "malformed signature",
    });
  });

  it("accepts exactly v0= and 64 lowercase hex digits, in one header (issue 20, finding 11)", () => {
    const malformed = { ok: false, reason: "malformed signature" };
    expect(check({ signatureHeader: `${SIGNATURE}zz` })).toEqual(malformed);
    expect(check({ signatureHeader: `${SIGNATURE}a` })).toEqual(malformed);
    expect(check({ signatureHeader: SIGNATURE.toUpperCase().replace("V0=", "v0=") })).toEqual(
      malformed,
    );
    expect(check({ signatureHeader: ` ${SIGNATURE}` })).toMatchObject({ ok: false });
    // Two headers, the good one first: Node hands them over joined, or as an array.
    expect(check({ signatureHeader: `${SIGNATURE}, v0=${"0".repeat(64)}` })).toEqual(malformed);
    expect(check({ signatureHeader: [SIGNATURE, `v0=${"0".repeat(64)}`] })).toMatchObject({
      ok: false,
    });
    expect(check({ timestampHeader: [TIMESTAMP, TIMESTAMP] })).toMatchObject({ ok: false });
  });

  it("computes the HMAC over the raw bytes, not over their decoded text", () => {
    // 0xff and 0xfe both decode to U+FFFD: signed over decoded text, one would pass for the other.
    const signed = Buffer.from([0x7b, 0xff, 0x7d]);
    const sent = Buffer.from([0x7b, 0xfe, 0x7d]);
    const signature = signSlackRequest(SECRET, Number(TIMESTAMP), signed);
    expect(check({ signatureHeader: signature, rawBody: signed })).toEqual({ ok: true });
    expect(check({ signatureHeader: signature, rawBody: sent })).toEqual({
      ok: false,
      reason: "signature mismatch",
    });
  });

  it("refuses a missing or malformed timestamp or signature", () => {
    expect(check({ timestampHeader: undefined })).toEqual({
      ok: false,
      reason: "no valid timestamp",
    });
    expect(check({ timestampHeader: "12ab" })).toEqual({ ok: false, reason: "no valid timestamp" });
    expect(check({ signatureHeader: undefined })).toEqual({ ok: false, reason: "no v0 signature" });
    expect(check({ signatureHeader: SIGNATURE.replace("v0=", "v1=") })).toEqual({
      ok: false,
      reason: "no v0 signature",
    });
  });

  it("refuses a timestamp too far in the past or in the future, and takes one at the edge", () => {
    const edge = MAX_CLOCK_SKEW_SECONDS * 1000;
    expect(check({ nowMilliseconds: NOW + edge })).toEqual({ ok: true });
    expect(check({ nowMilliseconds: NOW - edge })).toEqual({ ok: true });
    expect(check({ nowMilliseconds: NOW + edge + 1000 })).toMatchObject({ ok: false });
    expect(check({ nowMilliseconds: NOW - edge - 1000 })).toEqual({
      ok: false,
      reason: `timestamp ${MAX_CLOCK_SKEW_SECONDS + 1}s from now`,
    });
  });
});

describe("signSlackRequest", () => {
  it("signs as Slack does: v0, the timestamp and the body, HMAC-SHA256 in hex", () => {
    expect(signSlackRequest(SECRET, Number(TIMESTAMP), BODY)).toBe(SIGNATURE);
    const expected = createHmac("sha256", "s").update("v0:1:b").digest("hex");
    expect(signSlackRequest("s", 1, "b")).toBe(`v0=${expected}`);
  });
});
