import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type InstallURLOptions,
  InvalidStateError,
  type StateStore as OAuthStateStore,
} from "@slack/oauth";
import type { StateStore } from "../state/state-store.js";

/** How long an install link works: time to read Slack's consent screen, not to keep a link around. */
export const STATE_TTL_SECONDS = 10 * 60;

/** `<issued-at ms>.<nonce>.<hmac>`: digits and base64url only, so parsing is one linear match. */
const STATE = /^(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface SignedStateStoreOptions {
  /** SLACK_STATE_SECRET. */
  secret: string;
  /** The shared state store: a state used once at any replica cannot be used again at another. */
  state: StateStore;
  ttlSeconds?: number;
}

/**
 * The OAuth `state` parameter: signed (HMAC-SHA256 with SLACK_STATE_SECRET), short-lived and
 * single-use. @slack/oauth's own store signs and times states but lets one be replayed; here the
 * nonce is claimed in the shared store when the state is checked, so a second use fails wherever
 * it lands. Install options are not carried in the state: they are the same for every install.
 */
export class SignedStateStore implements OAuthStateStore {
  private readonly ttlSeconds: number;

  constructor(private readonly options: SignedStateStoreOptions) {
    this.ttlSeconds = options.ttlSeconds ?? STATE_TTL_SECONDS;
  }

  async generateStateParam(_installOptions: InstallURLOptions, now: Date): Promise<string> {
    const payload = `${String(now.getTime()).padStart(13, "0")}.${randomBytes(16).toString("base64url")}`;
    return `${payload}.${this.sign(payload)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const match = STATE.exec(state);
    if (match === null) throw new InvalidStateError("The state is malformed");
    const [, issued, nonce, signature] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.sign(`${issued}.${nonce}`));
    if (!timingSafeEqual(Buffer.from(signature), expected)) {
      throw new InvalidStateError("The state was not signed by this app");
    }
    const ageMs = now.getTime() - Number(issued);
    if (ageMs < -60_000 || ageMs > this.ttlSeconds * 1000) {
      throw new InvalidStateError("The state has expired");
    }
    if (!(await this.options.state.claim(`oauth-state:${nonce}`, this.ttlSeconds))) {
      throw new InvalidStateError("The state was already used");
    }
    return { scopes: [] };
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.options.secret).update(payload).digest("base64url");
  }
}
