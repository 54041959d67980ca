import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedbackError } from "../../src/feedback/feedback-error.js";
import { resolveVoterKey, VOTER_KEY_NAME } from "../../src/feedback/voter-key.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { RedisStore } from "../../src/state/redis-store.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";

describe("resolveVoterKey", () => {
  it("takes FEEDBACK_SECRET when it is set, and stores nothing", async () => {
    const state = new MemoryStore();
    expect(await resolveVoterKey({ configured: "operator-key", state })).toEqual({
      key: "operator-key",
      source: "FEEDBACK_SECRET",
    });
    expect(await state.get(VOTER_KEY_NAME)).toBeNull();
  });

  it("makes a random key once and keeps it in the state store", async () => {
    const state = new MemoryStore();
    const first = await resolveVoterKey({ configured: null, state });
    expect(first.source).toBe("state store (new)");
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(await resolveVoterKey({ configured: null, state })).toEqual({
      key: first.key,
      source: "state store (existing)",
    });
    // Random, not derived from anything: another store gets another key.
    expect((await resolveVoterKey({ configured: null, state: new MemoryStore() })).key).not.toBe(
      first.key,
    );
  });

  it("says so, naming FEEDBACK_SECRET, when another replica never finishes making the key", async () => {
    const state = new MemoryStore();
    await state.claim(`${VOTER_KEY_NAME}:creating`, 60);
    const started = Date.now();
    const error = await resolveVoterKey({ configured: null, state }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackError);
    expect((error as Error).message).toMatch(/set FEEDBACK_SECRET/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 15_000);
});

describe.skipIf(skipWithoutRedis)("resolveVoterKey on a real redis-server", () => {
  let server: RedisServer;
  const stores: RedisStore[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server?.stop();
  });

  it("gives replicas starting at once one key", async () => {
    const replicas = Array.from({ length: 4 }, () => new RedisStore({ url: server.url }));
    stores.push(...replicas);
    await Promise.all(replicas.map((store) => store.connect()));
    const keys = await Promise.all(
      replicas.map((state) => resolveVoterKey({ configured: null, state })),
    );
    expect(new Set(keys.map((k) => k.key)).size).toBe(1);
    expect(keys.filter((k) => k.source === "state store (new)")).toHaveLength(1);
  });
});
