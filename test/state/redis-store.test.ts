import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RedisStore } from "../../src/state/redis-store.js";
import { StateStoreError } from "../../src/state/state-store-error.js";
import { freePort } from "../support/free-port.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import { storeContract } from "./store-contract.js";
import { waitFor } from "./wait-for.js";

const FAST = { commandTimeoutMs: 300, connectTimeoutMs: 1_000, maxReconnectDelayMs: 200 };

describe.skipIf(skipWithoutRedis)("RedisStore against a real redis-server", () => {
  let server: RedisServer;
  let prefixes = 0;
  const opened: RedisStore[] = [];

  /** A connected store; every test gets its own key prefix, so tests share one server. */
  async function connected(keyPrefix = `t${++prefixes}:`): Promise<RedisStore> {
    const store = new RedisStore({ url: server.url, keyPrefix, ...FAST });
    opened.push(store);
    await store.connect();
    return store;
  }

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server?.stop();
  });

  storeContract({ open: () => connected(), elapse: (ms) => sleep(ms) });

  it("grants exactly one of 100 concurrent claims made through two clients", async () => {
    const prefix = `t${++prefixes}:`;
    const [a, b] = await Promise.all([connected(prefix), connected(prefix)]);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).claim("event:Ev100", 60)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("shares claims between clients of one prefix and keeps prefixes apart", async () => {
    const prefix = `t${++prefixes}:`;
    const [a, b, other] = await Promise.all([connected(prefix), connected(prefix), connected()]);
    expect(await a.claim("share:k", 60)).toBe(true);
    expect(await b.claim("share:k", 60)).toBe(false);
    expect(await other.claim("share:k", 60)).toBe(true);
    await a.set("thread:k", "from a", 60);
    expect(await b.get("thread:k")).toBe("from a");
    expect(await other.get("thread:k")).toBeNull();
  });

  it("deletes a scope across many SCAN batches, only under its own REDIS_PREFIX", async () => {
    const [mine, otherBot] = await Promise.all([connected(), connected()]);
    const keys = Array.from({ length: 1_200 }, (_, i) => `ws:T1.e1:thread:C1:${i}`);
    await Promise.all(keys.map((key) => mine.set(key, "x", 60)));
    await mine.set("ws:T2.e2:thread:C1:0", "kept", 60);
    await otherBot.set("ws:T1.e1:thread:C1:0", "another bot's", 60);
    expect(await mine.deleteScope("ws:T1.")).toBe(keys.length);
    expect(await mine.get(keys[0] as string)).toBeNull();
    expect(await mine.get(keys.at(-1) as string)).toBeNull();
    expect(await mine.get("ws:T2.e2:thread:C1:0")).toBe("kept");
    expect(await otherBot.get("ws:T1.e1:thread:C1:0")).toBe("another bot's");
  });

  it("fails a call at once with a StateStoreError while Redis is stopped, and works once it is back", async () => {
    const lost = await RedisServer.start();
    onTestFinished(() => lost.stop());
    const store = new RedisStore({ url: lost.url, ...FAST });
    opened.push(store);
    const changes: boolean[] = [];
    store.onConnectionChange(({ up }) => changes.push(up));
    await store.connect();
    expect(await store.claim("event:before", 60)).toBe(true);

    await lost.stop();
    await expect(store.claim("event:during", 60)).rejects.toThrow(StateStoreError);
    await expect(store.get("thread:during")).rejects.toThrow(/^State store: Redis GET failed/);
    // The client sees the socket close an instant after the server is gone.
    await waitFor(() => !store.ready);
    await expect(store.claim("event:during", 60)).rejects.toThrow(StateStoreError);

    await lost.restart();
    await waitFor(() => store.ready);
    expect(await store.claim("event:after", 60)).toBe(true);
    expect(changes[0]).toBe(true);
    expect(changes).toContain(false);
    expect(changes.at(-1)).toBe(true);
    await store.close();
    await lost.stop();
  });

  it("gives up on a command to a frozen Redis at its deadline", async () => {
    const frozen = await RedisServer.start();
    onTestFinished(() => frozen.stop());
    const store = new RedisStore({ url: frozen.url, ...FAST });
    opened.push(store);
    await store.connect();
    frozen.freeze();
    try {
      await expect(store.claim("event:stalled", 60)).rejects.toThrow(/timed out/i);
      await expect(store.set("thread:stalled", "v", 60)).rejects.toThrow(StateStoreError);
    } finally {
      frozen.thaw();
    }
    await store.close();
    await frozen.stop();
  });

  it("rejects connect with the reason when nothing listens", async () => {
    const store = new RedisStore({ url: `redis://127.0.0.1:${await freePort()}`, ...FAST });
    opened.push(store);
    await expect(store.connect()).rejects.toThrow(/^State store: .*ECONNREFUSED/);
    await store.close();
  });
});
