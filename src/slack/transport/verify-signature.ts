import { createHmac, type Hmac, timingSafeEqual } from "node:crypto";

/** Slack signs requests at most this far from now, either way; older or newer ones are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** A header as Node hands it over: an array when the request repeated it. */
type HeaderValue = string | readonly string[] | undefined;

export interface SignatureHeaders {
  timestampHeader: HeaderValue;
  signatureHeader: HeaderValue;
  nowMilliseconds: number;
}

export interface SignedRequest extends SignatureHeaders {
  signingSecret: string;
  /** The body as it came over the wire: the HMAC is over these bytes, not over decoded text. */
  rawBody: Uint8Array | string;
}

/** Headers that passed the checks that need no body: what the body's HMAC is then compared with. */
export type HeaderCheck =
  | { ok: true; timestamp: string; signature: Buffer }
  | { ok: false; reason: string };

// Exactly what Slack sends: `v0=` and a SHA-256 in lowercase hex. Two headers reach here joined by
// ", " (Node joins repeated unknown headers), so they fail this too.
const SIGNATURE_FORMAT = /^v0=[0-9a-f]{64}$/;
// Unix seconds: a dozen digits last beyond the year 30000; more is not a timestamp.
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

/**
 * Checks what can be checked before the body is read: one timestamp header within the window
 * (a timestamp from the future is refused too, unlike Bolt's check: a request signed ahead of
 * time could otherwise be replayed later), and one signature header of the exact `v0` form.
 * A stranger who fails this is refused before they can send a byte of body.
 */
export function checkSignatureHeaders(request: SignatureHeaders): HeaderCheck {
  const { timestampHeader, signatureHeader } = request;
  if (typeof timestampHeader !== "string" || !TIMESTAMP_FORMAT.test(timestampHeader))
    return { ok: false, reason: "no valid timestamp" };
  const skew = Math.abs(Math.floor(request.nowMilliseconds / 1000) - Number(timestampHeader));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: `timestamp ${skew}s from now` };
  if (typeof signatureHeader !== "string" || !signatureHeader.startsWith("v0="))
    return { ok: false, reason: "no v0 signature" };
  if (!SIGNATURE_FORMAT.test(signatureHeader)) return { ok: false, reason: "malformed signature" };
  return {
    ok: true,
    timestamp: timestampHeader,
    signature: Buffer.from(signatureHeader.slice(3), "hex"),
  };
}

/** An HMAC that the body is streamed into as it arrives, so it needs no copy of its own. */
export function startSignatureHmac(signingSecret: string, timestamp: string): Hmac {
  return createHmac("sha256", signingSecret).update(`v0:${timestamp}:`);
}

/** Whether the streamed HMAC is the signature the headers gave, compared in constant time. */
export function signatureMatches(hmac: Hmac, signature: Buffer): boolean {
  const expected = hmac.digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

/** Checks Slack's `v0` request signature of a whole body: the headers, then the HMAC over its bytes. */
export function verifySlackSignature(request: SignedRequest): SignatureCheck {
  const headers = checkSignatureHeaders(request);
  if (!headers.ok) return headers;
  const hmac = startSignatureHmac(request.signingSecret, headers.timestamp).update(request.rawBody);
  return signatureMatches(hmac, headers.signature)
    ? { ok: true }
    : { ok: false, reason: "signature mismatch" };
}

/** Signs a request body as Slack does: for tests, benchmarks and load runs. */
export function signSlackRequest(
  signingSecret: string,
  timestamp: number,
  rawBody: Uint8Array | string,
): string {
  return `v0=${startSignatureHmac(signingSecret, String(timestamp)).update(rawBody).digest("hex")}`;
}
