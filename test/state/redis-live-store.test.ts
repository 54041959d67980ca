import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisLiveStore } from "../../src/state/redis-live-store.js";
import { StateStoreError } from "../../src/state/state-store-error.js";
import { freePort } from "../support/free-port.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import { liveStoreContract } from "./live-store-contract.js";

describe.skipIf(skipWithoutRedis)("RedisLiveStore against a real redis-server", () => {
  let server: RedisServer;
  let prefixes = 0;

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function connected(keyPrefix: string): Promise<RedisLiveStore> {
    const store = new RedisLiveStore({ url: server.url, keyPrefix, commandTimeoutMs: 1_000 });
    await store.connect();
    return store;
  }

  liveStoreContract({
    open: (shared) => connected(shared === undefined ? `t${++prefixes}:` : `shared-${shared}:`),
    elapse: (ms) => sleep(ms),
  });

  it("gives the lease to exactly one of many replicas asking at once", async () => {
    const prefix = `t${++prefixes}:`;
    const stores = await Promise.all([1, 2, 3, 4].map(() => connected(prefix)));
    const held = await Promise.all(
      stores.flatMap((s, i) => [1, 2, 3].map(() => s.holdLease("poll", `r${i}`, 60_000))),
    );
    const holders = new Set(held.flatMap((h, i) => (h ? [`r${Math.floor(i / 3)}`] : [])));
    expect(holders.size).toBe(1);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("fails a call with a StateStoreError while nothing answers", async () => {
    const store = new RedisLiveStore({
      url: `redis://127.0.0.1:${await freePort()}`,
      commandTimeoutMs: 300,
      connectTimeoutMs: 300,
    });
    await expect(store.connect()).rejects.toBeInstanceOf(StateStoreError);
    await expect(store.holdLease("poll", "a", 1_000)).rejects.toBeInstanceOf(StateStoreError);
    await store.close();
  });

  it("subscribes while Redis is away and hears messages once it is back", async () => {
    const late = await RedisServer.start();
    await late.stop();
    const store = new RedisLiveStore({
      url: late.url,
      commandTimeoutMs: 500,
      connectTimeoutMs: 300,
      maxReconnectDelayMs: 100,
    });
    store.connect().catch(() => undefined);
    const heard: string[] = [];
    const subscribed = store.subscribe("changed", (m) => heard.push(m));
    await sleep(300);
    await late.restart();
    await subscribed;
    const publisher = new RedisLiveStore({ url: late.url });
    await publisher.connect();
    await publisher.publish("changed", "back");
    const deadline = Date.now() + 5_000;
    while (heard.length === 0 && Date.now() < deadline) await sleep(20);
    expect(heard).toEqual(["back"]);
    await Promise.all([store.close(), publisher.close()]);
    await late.stop();
  });
});
