import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RedisStore } from "../../src/state/redis-store.js";
import { BACK_INFO, LOST_WARNING, ResilientStore } from "../../src/state/resilient-store.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import { RecordingLogger } from "./recording-logger.js";
import { storeContract } from "./store-contract.js";
import { waitFor } from "./wait-for.js";

const FAST = { commandTimeoutMs: 300, connectTimeoutMs: 1_000, maxReconnectDelayMs: 100 };

describe.skipIf(skipWithoutRedis)("ResilientStore over a real redis-server", () => {
  let server: RedisServer;
  let prefixes = 0;
  const opened: ResilientStore[] = [];

  /** One replica's store: Redis behind the in-process fallback. */
  async function replica(
    url: string,
    options: { keyPrefix?: string; now?: () => number; logger?: RecordingLogger } = {},
  ) {
    const logger = options.logger ?? new RecordingLogger();
    const shared = new RedisStore({ url, keyPrefix: options.keyPrefix ?? "", ...FAST });
    await shared.connect();
    const store = new ResilientStore({
      shared,
      logger,
      ...(options.now ? { nowMilliseconds: options.now } : {}),
    });
    opened.push(store);
    return { store, logger };
  }

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server?.stop();
  });

  describe("while Redis is up", () => {
    storeContract({
      open: async () => (await replica(server.url, { keyPrefix: `t${++prefixes}:` })).store,
      elapse: (ms) => sleep(ms),
    });
  });

  it("keeps answering while Redis is stopped, warns once, and shares claims again when it is back", async () => {
    const redis = await RedisServer.start();
    onTestFinished(() => redis.stop());
    const a = await replica(redis.url);
    const b = await replica(redis.url);
    expect(await a.store.claim("event:E1", 60)).toBe(true);
    expect(await b.store.claim("event:E1", 60)).toBe(false);

    await redis.stop();
    // Every call still answers, from each replica's own memory.
    const during = await Promise.all(
      Array.from({ length: 20 }, (_, i) => a.store.claim(`event:during-${i}`, 60)),
    );
    expect(during.every(Boolean)).toBe(true);
    expect(await a.store.claim("event:during-0", 60)).toBe(false);
    // A retry this replica answered before the outage stays answered.
    expect(await a.store.claim("event:E1", 60)).toBe(false);
    await a.store.set("thread:T", "remembered", 60);
    expect(await a.store.get("thread:T")).toBe("remembered");
    expect(await b.store.get("thread:T")).toBeNull();
    expect(a.store.sharing).toBe(false);
    expect(a.logger.warnings).toHaveLength(1);
    expect(a.logger.warnings[0]).toMatch(new RegExp(`^${LOST_WARNING} \\(.+\\); claims`));

    await redis.restart();
    await waitFor(() => a.store.sharing && b.store.sharing);
    expect(a.logger.infos).toEqual([BACK_INFO]);
    expect(a.logger.warnings).toHaveLength(1);
    // Shared again: a claim on one replica holds on the other.
    expect(await b.store.claim("event:E2", 60)).toBe(true);
    expect(await a.store.claim("event:E2", 60)).toBe(false);
    // Claims taken during the outage were written back to Redis, so the other replica sees them.
    const raw = new RedisStore({ url: redis.url, ...FAST });
    await raw.connect();
    await waitFor(async () => (await raw.get("event:during-5")) !== null);
    await raw.close();
    expect(await b.store.claim("event:during-5", 60)).toBe(false);
    // The value written during the outage is still served where it was written.
    expect(await a.store.get("thread:T")).toBe("remembered");
    await redis.stop();
  });

  it("answers from memory within the deadline when Redis stalls, and tries it again after the probe interval", async () => {
    const redis = await RedisServer.start();
    onTestFinished(() => redis.stop());
    let now = 1_000_000;
    const a = await replica(redis.url, { now: () => now });
    expect(await a.store.claim("event:S0", 60)).toBe(true);

    redis.freeze();
    try {
      // The first call waits out the command deadline, then answers from memory.
      expect(await a.store.claim("event:S1", 60)).toBe(true);
      expect(a.store.sharing).toBe(false);
      // The next ones do not wait on Redis again until the probe interval has passed.
      expect(await a.store.claim("event:S1", 60)).toBe(false);
      await a.store.set("answer:S", "v", 60);
      expect(await a.store.get("answer:S")).toBe("v");
      expect(a.logger.warnings).toHaveLength(1);
      expect(a.logger.warnings[0]).toMatch(/timed out/i);
    } finally {
      redis.thaw();
    }
    expect(await a.store.claim("event:S2", 60)).toBe(true);
    expect(a.store.sharing).toBe(false);
    now += 5_000;
    expect(await a.store.claim("event:S3", 60)).toBe(true);
    expect(a.store.sharing).toBe(true);
    expect(a.logger.infos).toEqual([BACK_INFO]);
    await redis.stop();
  });

  it("refuses a claim this replica holds even when Redis came back empty", async () => {
    const redis = await RedisServer.start();
    onTestFinished(() => redis.stop());
    const a = await replica(redis.url);
    expect(await a.store.claim("event:kept", 60)).toBe(true);
    await redis.stop();
    await redis.restart();
    await waitFor(() => a.store.sharing);
    expect(await a.store.claim("event:kept", 60)).toBe(false);
    await redis.stop();
  });

  it("releases a claim in Redis and in memory", async () => {
    const prefix = `t${++prefixes}:`;
    const a = await replica(server.url, { keyPrefix: prefix });
    const b = await replica(server.url, { keyPrefix: prefix });
    expect(await a.store.claim("share:S", 60)).toBe(true);
    expect(await b.store.claim("share:S", 60)).toBe(false);
    await a.store.release("share:S");
    expect(await a.store.claim("share:S", 60)).toBe(true);
  });
});
