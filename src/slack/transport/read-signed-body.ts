import type { Hmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { signatureMatches } from "./verify-signature.js";

/**
 * Bytes held for bodies whose signature is not checked yet, shared by every request: each
 * request may hold its first `allowancePerRequest` bytes freely (the connection cap bounds their
 * sum), and only beyond that draws on `sharedBytes`. So a stranger with well-formed headers and a
 * forged signature cannot make the bot hold more than `cap × allowance + shared` bytes, however
 * many large bodies they send, while Slack's requests (a few kilobytes) never wait on the budget.
 */
export class UnverifiedBudget {
  private used = 0;
  /** The most `used` has been, for load runs and tests. */
  peak = 0;

  constructor(
    readonly allowancePerRequest: number,
    readonly sharedBytes: number,
  ) {}

  /** Takes `bytes` of the shared budget; false (nothing taken) when it has not that many left. */
  take(bytes: number): boolean {
    if (this.used + bytes > this.sharedBytes) return false;
    this.used += bytes;
    this.peak = Math.max(this.peak, this.used);
    return true;
  }

  give(bytes: number): void {
    this.used -= bytes;
  }
}

export type SignedBody =
  | { kind: "verified"; rawBody: Buffer }
  | { kind: "mismatch" }
  /** Over the limit of one request. */
  | { kind: "too-large" }
  /** Over the shared budget of unverified bytes: the server is busy, not the body wrong. */
  | { kind: "over-budget" }
  /** The client went away or sent something Node could not read. */
  | { kind: "unreadable" };

export interface ReadSignedBodyOptions {
  /** One request's body may not be longer. */
  limit: number;
  budget: UnverifiedBudget;
  /** Started with the timestamp; every chunk goes through it as it arrives. */
  hmac: Hmac;
  /** The signature the headers gave. */
  signature: Buffer;
}

/**
 * Reads a request's body into the HMAC as it arrives, holding it within `limit` and the shared
 * budget, and says whether the signature checked out. On any refusal it stops reading at once;
 * the caller answers and closes the connection.
 */
export function readSignedBody(
  req: IncomingMessage,
  options: ReadSignedBodyOptions,
): Promise<SignedBody> {
  const { limit, budget, hmac, signature } = options;
  const chunks: Buffer[] = [];
  let length = 0;
  let drawn = 0;
  return new Promise((resolve) => {
    const finish = (result: SignedBody) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      budget.give(drawn);
      drawn = 0;
      if (result.kind !== "verified") req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) return finish({ kind: "too-large" });
      const beyondAllowance = Math.max(0, length - budget.allowancePerRequest) - drawn;
      if (beyondAllowance > 0) {
        if (!budget.take(beyondAllowance)) return finish({ kind: "over-budget" });
        drawn += beyondAllowance;
      }
      hmac.update(chunk);
      chunks.push(chunk);
    };
    const onEnd = () =>
      finish(
        signatureMatches(hmac, signature)
          ? { kind: "verified", rawBody: Buffer.concat(chunks, length) }
          : { kind: "mismatch" },
      );
    const onError = () => finish({ kind: "unreadable" });
    const onClose = () => finish({ kind: "unreadable" });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
