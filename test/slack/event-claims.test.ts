import { describe, expect, it } from "vitest";
import { claimOnce } from "../../src/slack/event-claims.js";
import {
  EVENT_CLAIM_TTL_SECONDS,
  SHARE_CLAIM_TTL_SECONDS,
  shareClaimKey,
} from "../../src/slack/payloads/claim-keys.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import type { StateStore } from "../../src/state/state-store.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";

const eventClaimKey = (eventId: string) => `event:${eventId}`;

const { logger, warnings: logs } = recordingBoltLogger();

const click = {
  user: "U1",
  channel: "C1",
  messageTs: "1700000000.000100",
  actionId: "share",
  value: "how high did the river rise",
};

describe("event de-duplication through the store", () => {
  it("takes an event id once, across Slack's retries within the hour", async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    const key = eventClaimKey("Ev1");
    expect(await claimOnce(store, key, logger)).toBe(true);
    // Slack retries at once, after a minute and after five.
    for (const at of [1_000, 60_000, 5 * 60_000]) {
      now = at;
      expect(await claimOnce(store, key, logger)).toBe(false);
    }
    expect(await claimOnce(store, eventClaimKey("Ev2"), logger)).toBe(true);
  });

  it("holds the claim for an hour, then lets it go", async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    expect(EVENT_CLAIM_TTL_SECONDS).toBe(3_600);
    await claimOnce(store, eventClaimKey("Ev1"), logger);
    now = EVENT_CLAIM_TTL_SECONDS * 1000 - 1;
    expect(await claimOnce(store, eventClaimKey("Ev1"), logger)).toBe(false);
    now = EVENT_CLAIM_TTL_SECONDS * 1000;
    expect(await claimOnce(store, eventClaimKey("Ev1"), logger)).toBe(true);
  });

  it("answers rather than stays silent when the store fails, and says so", async () => {
    const failing: StateStore = {
      claim: async () => {
        throw new Error("RedisStore: connection lost");
      },
      get: async () => null,
      set: async () => {},
      release: async () => {},
      deleteScope: async () => 0,
      close: async () => {},
    };
    expect(await claimOnce(failing, eventClaimKey("Ev1"), logger)).toBe(true);
    expect(logs.at(-1)).toMatch(/Claim of event failed.*connection lost/);
  });
});

describe("share claims", () => {
  it("let one of two quick clicks through", async () => {
    const store = new MemoryStore();
    const key = shareClaimKey(click);
    const results = await Promise.all([
      claimOnce(store, key, logger, SHARE_CLAIM_TTL_SECONDS),
      claimOnce(store, key, logger, SHARE_CLAIM_TTL_SECONDS),
    ]);
    expect(results.sort()).toEqual([false, true]);
  });
});
